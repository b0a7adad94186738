"""The sign-up form speaks the reader's language: its errors in Finnish and Swedish, its mail in the family's."""

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from events.models import Registration

from .builders import translate
from .builders_registrations import make_event, make_site
from .test_registrations import form_data


@pytest.fixture
def event(db):
    return make_event(make_site())


@pytest.mark.parametrize(
    ("language", "messages"),
    [
        ("fi", ["Aikuisten määrä ei voi olla pienempi kuin 0.", "Ilmoittautuaksesi hyväksy tietosuojaseloste."]),
        ("sv", ["Antalet vuxna kan inte vara mindre än 0.", "För att anmäla dig, godkänn dataskyddsbeskrivningen."]),
    ],
)
def test_bad_input_is_explained_in_the_readers_language(client, event, language, messages):
    shown = event if language == "fi" else translate(event, language, title="Utvecklingsdag")
    with translation.override(language):
        url = reverse("events:register", args=[shown.pk])
    body = client.post(url, form_data(adults="-1", consent=None)).content.decode()
    summary = body.split('class="error-summary"')[1].split("</div>")[0]
    for message in messages:
        assert message in summary
    assert Registration.objects.count() == 0


def test_the_confirmation_mail_is_in_the_language_the_family_used(client, event, django_capture_on_commit_callbacks):
    swedish = translate(event, "sv", title="Utvecklingsdag")
    with translation.override("sv"):
        url = reverse("events:register", args=[swedish.pk])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form_data())
    assert response.status_code == 302
    assert [message.subject for message in mail.outbox] == ["Du är anmäld: Utvecklingsdag"]
    assert "Tack för din anmälan." in mail.outbox[0].body
