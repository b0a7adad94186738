"""Phone numbers are typed freely, stored in international form, shown the Finnish way and linked as tel:+358…"""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from pages import phone
from pages.models import Partner

from .builders import make_partners, make_site


@pytest.mark.parametrize(
    ("typed", "stored", "shown"),
    [
        ("09 123 4567", "+35891234567", "09 123 4567"),
        ("040-123 4567", "+358401234567", "040 123 4567"),
        ("+358 40 1234567", "+358401234567", "040 123 4567"),
        ("(09) 1234 5678", "+358912345678", "09 1234 5678"),
        ("0800 12345", "+35880012345", "0800 12345"),
        ("+46 8 123 456 78", "+46812345678", "+46 8 123 456 78"),
    ],
)
def test_numbers_are_stored_internationally_and_shown_the_finnish_way(typed, stored, shown):
    assert phone.normalize(typed) == stored
    assert phone.display(stored) == shown
    assert phone.uri(stored) == f"tel:{stored}"


@pytest.mark.parametrize("typed", ["09 123 4999 (ke 9-12)", "123", "puhelin", "040 123 4567 tai 040 765 4321"])
def test_text_that_is_not_one_number_is_refused_with_a_message_in_the_readers_language(typed):
    with pytest.raises(ValidationError) as refused:
        phone.normalize(typed)
    assert refused.value.code == "invalid_phone"
    # The message is lazy: it is read in Finnish, whatever language an earlier test left active.
    with translation.override("fi"):
        assert str(refused.value.messages[0]).startswith("Kirjoita vain yksi puhelinnumero")


@pytest.mark.django_db
def test_a_partner_form_refuses_a_number_with_text_and_a_saved_number_is_normalised():
    site = make_site()
    partner = make_partners(1, site["support"])[0]
    partner.phone = "09 123 4999 (ke 9-12)"
    with pytest.raises(ValidationError) as refused:
        partner.full_clean()
    assert "phone" in refused.value.error_dict
    partner.phone = "040 123 4567"
    partner.full_clean()
    partner.save()
    assert Partner.objects.get(pk=partner.pk).phone == "+358401234567"


@pytest.mark.django_db
def test_partner_page_links_the_number_as_tel_plus_358(client):
    site = make_site()
    partner = make_partners(1, site["support"])[0]
    partner.phone = "09 123 4999"
    partner.save()
    body = client.get(f"/toimijat/{partner.slug}/").content.decode()
    assert '<a href="tel:+35891234999">09 123 4999</a>' in body
