"""Signing up and cancelling are rate limited in the shared cache: a client that sends too much gets the 429
page in the reader's language and nothing more is stored, while a family on another connection goes on."""

import pytest
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext

from events import views
from events.models import Registration

from .builders_registrations import make_event, make_site
from .test_registrations import cancel_url, form_data, register_url, signed_up


@pytest.fixture
def event(db):
    return make_event(make_site(), capacity=500)


def too_many_tries(response, language: str) -> bool:
    with translation.override(language):
        return response.status_code == 429 and gettext("Too many tries") in response.content.decode()


def test_a_client_signing_up_too_often_gets_the_429_page_and_nothing_more_is_stored(client, event):
    for _sign_up in range(views.SIGN_UPS_PER_CLIENT.hits):
        assert client.post(register_url(event), form_data(), REMOTE_ADDR="10.1.0.1").status_code == 302
    over = client.post(register_url(event, "sv"), form_data(), REMOTE_ADDR="10.1.0.1")
    assert too_many_tries(over, "sv")
    assert over["Retry-After"] == str(views.SIGN_UPS_PER_CLIENT.seconds)
    assert Registration.objects.count() == views.SIGN_UPS_PER_CLIENT.hits
    assert client.post(register_url(event), form_data(), REMOTE_ADDR="10.1.0.2").status_code == 302
    assert Registration.objects.count() == views.SIGN_UPS_PER_CLIENT.hits + 1


def test_forms_sent_over_and_over_with_errors_are_limited_too(client, event):
    for _try in range(views.TRIES_PER_CLIENT.hits):
        assert client.post(register_url(event), form_data(name=""), REMOTE_ADDR="10.1.0.3").status_code == 200
    assert too_many_tries(client.post(register_url(event), form_data(), REMOTE_ADDR="10.1.0.3"), "fi")
    assert not Registration.objects.exists()


def test_the_whole_site_stops_taking_sign_ups_past_the_overall_limit(client, event):
    cache.set("throttle:registration:all", views.SIGN_UPS_OVERALL.hits, timeout=60)
    over = client.post(register_url(event, "en"), form_data(), REMOTE_ADDR="10.1.0.4")
    assert too_many_tries(over, "en")
    with translation.override("en"):
        assert "The site received very many tries" in over.content.decode()
    assert not Registration.objects.exists()


def test_cancelling_over_and_over_is_limited(client, event):
    registration = signed_up(event, "Maija")
    for _try in range(views.TRIES_PER_CLIENT.hits):
        client.post(cancel_url(registration), REMOTE_ADDR="10.1.0.5")
    assert too_many_tries(client.post(cancel_url(registration), REMOTE_ADDR="10.1.0.5"), "fi")


def test_reading_the_form_is_never_limited(client, event):
    for _try in range(views.TRIES_PER_CLIENT.hits + 1):
        client.post(register_url(event), form_data(name=""), REMOTE_ADDR="10.1.0.6")
    assert client.get(register_url(event), REMOTE_ADDR="10.1.0.6").status_code == 200


def test_a_filled_trap_field_is_sent_back_to_the_event_and_nothing_is_stored(client, event):
    answer = client.post(register_url(event), form_data(website="http://spam.example"), REMOTE_ADDR="10.1.0.7")
    assert answer.status_code == 302 and answer["Location"] == event.url
    assert not Registration.objects.exists()
    form = client.get(register_url(event)).content.decode()
    assert 'class="form-trap" aria-hidden="true"' in form and 'name="website"' in form and 'tabindex="-1"' in form
