"""Signing up for an event, the confirmation page and cancelling by the signed link."""

import datetime
import uuid

import pytest
from django.core import mail, signing
from django.urls import reverse
from django.utils import timezone, translation

from events.models import Registration, RegistrationStatus
from events.tokens import registration_token

from .builders import translate
from .builders_registrations import make_event, make_site


@pytest.fixture
def site(db):
    return make_site()


@pytest.fixture
def event(site):
    return make_event(site)


def form_data(**changes) -> dict:
    data = {
        "submission_key": str(uuid.uuid4()),
        "name": "Maija",
        "email": "maija@example.fi",
        "phone": "",
        "adults": "2",
        "child_1_age": "3",
        "child_1_childcare": "on",
        "child_2_age": "7",
        "interpreter_language": "ar",
        "accessibility_needs": "Pyörätuoli",
        "other_needs": "",
        "consent": "on",
    }
    data.update(changes)
    return {key: value for key, value in data.items() if value is not None}


def register_url(event, language="fi") -> str:
    with translation.override(language):
        return reverse("events:register", args=[event.pk])


def done_url(registration, language="fi") -> str:
    with translation.override(language):
        return reverse("events:registration_done", args=[registration_token(registration.pk)])


def cancel_url(registration, language="fi") -> str:
    with translation.override(language):
        return reverse("events:registration_cancel", args=[registration_token(registration.pk)])


def sign_up(client, event, **changes):
    return client.post(register_url(event), form_data(**changes))


# The form


def test_the_form_asks_about_childcare_and_interpreting_when_the_event_offers_them(client, event):
    body = client.get(register_url(event, "en")).content.decode()
    assert body.count('name="child_') == 12  # six rows: an age and a childcare box each
    assert 'name="interpreter_language"' in body
    assert 'name="submission_key"' in body and 'href="/tietosuoja/"' in body
    assert "3 places left." in body


def test_without_childcare_or_interpreting_the_form_asks_only_the_ages(client, site):
    event = make_event(site, childcare_offered=False, interpreting_offered=False)
    body = client.get(register_url(event)).content.decode()
    assert body.count('name="child_') == 6 and "childcare" not in body
    assert 'name="interpreter_language"' not in body


def test_interpreter_languages_are_named_in_the_readers_language(client, event):
    translate(event, "sv", title="Utvecklingsdag")
    assert ">arabiska<" in client.get(register_url(event, "sv")).content.decode()
    assert ">arabia<" in client.get(register_url(event, "fi")).content.decode()


def test_a_sign_up_is_stored_confirmed_with_its_children_and_needs(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, event, phone="040 123 4567")
    registration = Registration.objects.get()
    assert response.status_code == 302 and response["Location"] == done_url(registration)
    assert registration.status == RegistrationStatus.CONFIRMED
    assert (registration.event, registration.language, registration.adults) == (event, "fi", 2)
    assert registration.phone == "+358401234567" and registration.interpreter_language == "ar"
    assert [(child.age, child.needs_childcare) for child in registration.children.all()] == [(3, True), (7, False)]
    assert registration.consented_at is not None
    page = client.get(done_url(registration, "en")).content.decode()
    assert "You are signed up" in page
    assert cancel_url(registration, "en") in page
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["maija@example.fi"]
    assert "Kehittämispäivä" in mail.outbox[0].subject
    assert "http://127.0.0.1:8000" + cancel_url(registration) in mail.outbox[0].body


def test_a_phone_number_alone_is_enough_contact_and_gets_no_mail(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_up(client, event, email="", phone="09 123 4567")
    assert response.status_code == 302
    assert Registration.objects.get().phone == "+35891234567"
    assert mail.outbox == []


LONG = "x" * 10_000


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"adults": "-1"}, "adults", "The number of adults cannot be less than 0."),
        ({"adults": "2.5"}, "adults", "Write the number of adults as a whole number"),
        ({"adults": "0", "child_1_age": "", "child_1_childcare": None, "child_2_age": ""}, "adults", "at least one"),
        ({"name": LONG}, "name", "Use at most 100 characters (you wrote 10000)."),
        ({"name": "   "}, "name", "Write your name or a nickname."),
        ({"other_needs": LONG}, "other_needs", "Use at most 1000 characters (you wrote 10000)."),
        ({"accessibility_needs": LONG}, "accessibility_needs", "Use at most 500 characters"),
        ({"email": LONG}, "email", "Use at most 254 characters"),
        ({"email": "", "phone": ""}, "email", "Give an e-mail address or a phone number"),
        ({"email": "maija(at)example.fi"}, "email", "Write the e-mail address in the form name@example.fi."),
        ({"phone": "09 123 4567 (ke 9-12)"}, "phone", "Write one phone number"),
        ({"consent": None}, "consent", "To sign up, agree to the privacy notice."),
        ({"child_1_age": "200"}, "child_1_age", "Choose the age of child 1 from the list."),
        ({"child_1_age": "-3"}, "child_1_age", "Choose the age of child 1 from the list."),
        ({"child_1_age": ""}, "child_1_age", "Choose the age of child 1, who needs childcare."),
        ({"interpreter_language": "xx"}, "interpreter_language", "Choose a language from the list."),
    ],
)
def test_bad_input_is_explained_in_the_error_summary_keeps_what_was_typed_and_stores_nothing(
    client, event, changes, field, message
):
    with translation.override("en"):
        response = client.post(reverse("events:register", args=[event.pk]), form_data(**changes))
    assert response.status_code == 200
    body = response.content.decode()
    summary = body.split('class="error-summary"')[1].split("</div>")[0]
    assert message in summary.replace("&#x27;", "'")
    assert f'href="#id_{field}"' in summary
    assert Registration.objects.count() == 0
    if "name" not in changes:
        assert 'value="Maija"' in body
    if "accessibility_needs" not in changes:
        assert "Pyörätuoli</textarea>" in body


def test_a_corrected_form_keeps_its_submission_key(client, event):
    data = form_data(consent=None)
    body = client.post(register_url(event), data).content.decode()
    assert f'name="submission_key" value="{data["submission_key"]}"' in body


def test_a_form_without_a_submission_key_is_refused_with_a_fresh_key(client, event):
    body = client.post(register_url(event), form_data(submission_key="nonsense")).content.decode()
    assert Registration.objects.count() == 0
    assert 'class="error-summary"' in body and 'name="submission_key" value="' in body
    assert 'value="nonsense"' not in body


def test_a_double_submit_creates_one_registration_and_shows_the_same_confirmation(client, event):
    data = form_data()
    first = client.post(register_url(event), data)
    second = client.post(register_url(event), data)
    assert Registration.objects.count() == 1
    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]


def test_places_run_out_into_the_waiting_list(client, site):
    event = make_event(site, capacity=1)
    sign_up(client, event)
    body = client.get(register_url(event, "en")).content.decode()
    assert "Join the waiting list" in body
    sign_up(client, event)
    assert list(Registration.objects.values_list("status", flat=True)) == ["confirmed", "waitlisted"]
    assert Registration.objects.availability(event).is_full


def test_a_full_event_without_a_waiting_list_refuses_with_a_message_and_stores_nothing(client, site):
    event = make_event(site, capacity=1, waiting_list=False)
    sign_up(client, event)
    with translation.override("en"):
        response = client.post(reverse("events:register", args=[event.pk]), form_data())
    assert response.status_code == 200
    assert "All places are taken, and this event has no waiting list." in response.content.decode()
    assert Registration.objects.count() == 1


def test_a_full_event_without_a_waiting_list_refuses_at_the_last_moment_too(site):
    event = make_event(site, capacity=0, waiting_list=False)
    with pytest.raises(Exception) as refusal:
        Registration.objects.sign_up(event, submission_key=uuid.uuid4(), language="fi", name="A", email="a@b.fi")
    assert refusal.value.code == "full"
    assert Registration.objects.count() == 0


@pytest.mark.parametrize(
    "fields",
    [
        {"registration_deadline": timezone.now() - datetime.timedelta(minutes=1)},
        {"days_ahead": -0.01},
    ],
    ids=["deadline passed", "event started"],
)
def test_sign_up_is_closed_after_the_deadline_and_once_the_event_has_started(client, site, fields):
    event = make_event(site, **fields)
    with translation.override("en"):
        body = client.get(reverse("events:register", args=[event.pk])).content.decode()
    assert "Sign-up has closed." in body and 'name="consent"' not in body
    response = sign_up(client, event)
    assert response.status_code == 200 and Registration.objects.count() == 0


@pytest.mark.parametrize("change", ["not_enabled", "unpublished", "unknown"])
def test_events_that_take_no_sign_ups_have_no_form(client, site, change):
    event = make_event(site, registration_enabled=change != "not_enabled")
    if change == "unpublished":
        event.unpublish()
    event_id = event.pk if change != "unknown" else event.pk + 1000
    assert client.get(register_url(event).replace(str(event.pk), str(event_id))).status_code == 404
    assert client.post(register_url(event).replace(str(event.pk), str(event_id)), form_data()).status_code == 404
    assert Registration.objects.count() == 0


def test_signing_up_in_a_translation_registers_for_the_original_in_the_familys_language(
    client, event, django_capture_on_commit_callbacks
):
    swedish = translate(event, "sv", title="Utvecklingsdag")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(register_url(swedish, "sv"), form_data())
    registration = Registration.objects.get()
    assert registration.event == event and registration.language == "sv"
    assert response["Location"].startswith("/sv/")
    assert "Utvecklingsdag" in mail.outbox[0].subject
    assert "/sv/ilmoittautuminen/peru/" in mail.outbox[0].body


# Cancelling


def signed_up(event, name, **changes) -> Registration:
    registration, _created = Registration.objects.sign_up(
        event, submission_key=uuid.uuid4(), language="fi", name=name, email=f"{name.lower()}@example.fi", **changes
    )
    return registration


def test_the_cancel_link_asks_first_and_cancelling_promotes_the_first_waitlisted_and_mails_them(
    client, site, django_capture_on_commit_callbacks
):
    event = make_event(site, capacity=1)
    leaving, first, second = signed_up(event, "Lähtijä"), signed_up(event, "Ensimmäinen"), signed_up(event, "Toinen")
    assert client.get(cancel_url(leaving)).status_code == 200
    assert Registration.objects.get(pk=leaving.pk).status == RegistrationStatus.CONFIRMED
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(cancel_url(leaving))
    assert response.status_code == 302 and response["Location"] == done_url(leaving)
    statuses = dict(Registration.objects.values_list("name", "status"))
    assert statuses == {"Lähtijä": "cancelled", "Ensimmäinen": "confirmed", "Toinen": "waitlisted"}
    first.refresh_from_db()
    assert first.promoted_at is not None
    assert [message.to for message in mail.outbox] == [["ensimmäinen@example.fi"]]
    assert cancel_url(first) in mail.outbox[0].body
    assert second.pk


def test_cancelling_twice_changes_nothing_more(client, site, django_capture_on_commit_callbacks):
    event = make_event(site, capacity=1)
    leaving, waiting = signed_up(event, "Lähtijä"), signed_up(event, "Odottaja")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(cancel_url(leaving))
        response = client.post(cancel_url(leaving))
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert leaving.cancel() == []
    assert Registration.objects.get(pk=waiting.pk).status == RegistrationStatus.CONFIRMED


def test_cancelling_a_waitlisted_registration_promotes_nobody(site):
    event = make_event(site, capacity=1)
    signed_up(event, "Paikalla")
    waiting = signed_up(event, "Odottaja")
    later = signed_up(event, "Myöhempi")
    assert waiting.cancel() == []
    assert Registration.objects.get(pk=later.pk).status == RegistrationStatus.WAITLISTED


def test_a_registration_cannot_be_cancelled_once_the_event_has_started(client, site):
    event = make_event(site, capacity=1)
    registration = signed_up(event, "Myöhässä")
    event.start = timezone.now() - datetime.timedelta(minutes=5)
    event.save()
    with translation.override("en"):
        response = client.post(reverse("events:registration_cancel", args=[registration_token(registration.pk)]))
    assert response.status_code == 200
    assert "can no longer be cancelled" in response.content.decode()
    assert Registration.objects.get().status == RegistrationStatus.CONFIRMED


def test_forged_altered_and_expired_links_are_not_found(client, event):
    registration = signed_up(event, "Maija")
    token = registration_token(registration.pk)
    forged = [
        "abc",
        token[:-1] + ("A" if token[-1] != "A" else "B"),
        signing.Signer(salt="something else").sign_object(registration.pk),
        signing.Signer().sign_object(registration.pk),
        signing.dumps(registration.pk, salt="kohtaamo.events.registration-link"),
        signing.Signer(salt="kohtaamo.events.registration-link").sign_object("1"),
        registration_token(registration.pk + 1000),
    ]
    for bad in forged:
        for name in ("events:registration_done", "events:registration_cancel"):
            assert client.get(reverse(name, args=[bad])).status_code == 404, bad
    assert client.post(reverse("events:registration_cancel", args=[forged[1]])).status_code == 404
    Registration.objects.filter(pk=registration.pk).update(erased_at=timezone.now())
    assert client.get(reverse("events:registration_done", args=[token])).status_code == 404


def test_links_expire_a_week_after_the_event(client, site):
    event = make_event(site, days_ahead=-8, registration_enabled=True)
    registration = Registration.objects.create(
        event=event, status="confirmed", submission_key=uuid.uuid4(), language="fi", consented_at=timezone.now()
    )
    assert client.get(done_url(registration)).status_code == 404
    event.start = event.end = timezone.now() - datetime.timedelta(days=6)
    event.end += datetime.timedelta(hours=1)
    event.save()
    assert client.get(done_url(registration)).status_code == 200


def test_the_token_carries_the_number_only(event):
    registration = signed_up(event, "Salainen")
    token = registration_token(registration.pk)
    assert signing.b64_decode(token.split(":")[0].encode()).decode() == str(registration.pk)
    assert registration_token(registration.pk) == token  # the same link every time
