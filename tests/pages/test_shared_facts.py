"""Facts that are not language keep one value in every translation, whichever language is edited."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.models import Locale

from pages.models import Partner, SupportType

from .builders import make_partners, make_site


@pytest.fixture
def translated(db):
    """A Finnish partner and its Swedish translation; the support types in both languages."""
    site = make_site()
    swedish = Locale.objects.get_or_create(language_code="sv")[0]
    support_sv = {}
    for slug, support in site["support"].items():
        copy = support.copy_for_translation(swedish)
        copy.name = f"{support.name} (sv)"
        copy.save()
        support_sv[slug] = copy
    partner = make_partners(1, site["support"], sector="city")[0]
    partner.phone = "09 123 4000"
    partner.save()
    copy = partner.copy_for_translation(swedish)
    copy.name = "Aktör 000"
    copy.save()
    return {"fi": partner, "sv": Partner.objects.get(pk=copy.pk), "support": site["support"], "support_sv": support_sv}


def test_a_fact_changed_in_finnish_changes_in_swedish_but_the_text_stays_swedish(translated):
    finnish = translated["fi"]
    finnish.phone = "040 123 4567"
    finnish.sector = "ngo"
    finnish.in_steering_group = True
    finnish.name = "Uusi nimi"
    finnish.save()
    swedish = Partner.objects.get(pk=translated["sv"].pk)
    assert (swedish.phone, swedish.sector, swedish.in_steering_group) == ("+358401234567", "ngo", True)
    assert swedish.name == "Aktör 000"


def test_a_fact_changed_in_swedish_changes_in_finnish_too(translated):
    swedish = translated["sv"]
    swedish.website = "https://example.org/sv"
    swedish.sort_order = 7
    swedish.save()
    finnish = Partner.objects.get(pk=translated["fi"].pk)
    assert (finnish.website, finnish.sort_order) == ("https://example.org/sv", 7)


def test_support_chosen_in_swedish_becomes_the_same_support_in_finnish(translated):
    swedish = translated["sv"]
    swedish.support_types.set([translated["support_sv"]["aineellinen"], translated["support_sv"]["vertaistuki"]])
    swedish.save()
    finnish = Partner.objects.get(pk=translated["fi"].pk)
    assert sorted(support.name for support in finnish.support_types.all()) == ["Aineellinen tuki", "Vertaistuki"]


def test_a_support_types_short_name_is_the_same_in_every_language(translated):
    finnish = translated["support"]["aineellinen"]
    finnish.slug = "ruoka-apu"
    finnish.save()
    assert SupportType.objects.get(pk=translated["support_sv"]["aineellinen"].pk).slug == "ruoka-apu"


def test_the_swedish_partner_page_shows_the_number_changed_in_finnish(client, translated):
    finnish = translated["fi"]
    finnish.phone = "040 765 4321"
    finnish.save()
    body = client.get(f"/sv/toimijat/{finnish.slug}/").content.decode()
    assert "<h1>Aktör 000</h1>" in body
    assert '<a href="tel:+358407654321">040 765 4321</a>' in body


def test_the_editor_offers_the_support_types_of_the_partners_own_language(client, translated):
    client.force_login(get_user_model().objects.create_superuser("toimittaja", password="pitka-salasana-123"))
    body = client.get(reverse("wagtailsnippets_pages_partner:edit", args=[translated["sv"].pk])).content.decode()
    offered = {int(pk) for pk in re.findall(r'name="support_types" value="(\d+)"', body)}
    assert offered == {support.pk for support in translated["support_sv"].values()}
