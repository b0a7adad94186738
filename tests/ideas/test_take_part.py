"""The ways-to-take-part page `/osallistu/`: the ways written by editors, then an interest form whose every
answer is stored and mailed to the coordinator (the place's e-mail in its site settings) in the place's
language, as plain text, with a link to the answers in the admin. A mail server that is down loses nothing;
robots, floods, double submits and bad text are handled as on every public form."""

import csv
import datetime
import io
import logging
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult
from wagtail.contrib.forms.models import FormSubmission

from ideas.interest_mail import mail_language, send_interest_mail
from ideas.models import TakePartField, TakePartPage
from ideas.models.form_pages import SINGLE_LINE_MAX
from pages.mail import RETRY_DELAYS
from pages.models import SiteSettings
from tests.events.builders import translate
from tests.events.test_registration_mail import DATABASE_TASKS, LOCMEM, closed_port, run_worker

from .builders import make_ideas_site

COORDINATOR = "koordinaattori@example.fi"
QUESTIONS = [
    ("Nimi", "singleline", "", True),
    ("Puhelin tai sähköposti", "singleline", "", True),
    (
        "Mikä kiinnostaa?",
        "checkboxes",
        "Vapaaehtoistyö\nHarjoittelu\nVertaisryhmän ohjaaminen\nYhteiskehittämisen päivä",
        True,
    ),
    ("Kerro itsestäsi", "multiline", "", False),
]
WAYS = [
    ("heading", {"text": "Vapaaehtoiseksi", "level": "h2"}),
    ("paragraph", "<p>Auta kahvilassa tai lasten leikeissä.</p>"),
    ("heading", {"text": "Harjoitteluun", "level": "h2"}),
    ("paragraph", "<p>Opiskelijat voivat tehdä harjoittelun paikassa.</p>"),
]


@pytest.fixture
def mail_server_down(settings):
    """Mail goes by SMTP to a local port nobody listens on, and tasks wait in the database for the worker."""
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    settings.TASKS = DATABASE_TASKS
    return settings


@pytest.fixture
def site(db):
    site = make_ideas_site(place_name="Kohtaamo Testilä", email=COORDINATOR)
    page = TakePartPage(
        title="Osallistu",
        slug="osallistu",
        intro="Tule mukaan tekemään paikkaa.",
        body=WAYS,
        thank_you_text="<p>Koordinaattori ottaa sinuun yhteyttä viikon sisällä.</p>",
        form_fields=[
            TakePartField(label=label, field_type=kind, choices=choices, required=required)
            for label, kind, choices, required in QUESTIONS
        ],
    )
    site["take_part"] = site["home"].add_child(instance=page)
    return site


def names(page) -> list[str]:
    return [f"q-{field.clean_name}" for field in TakePartField.objects.filter(page=page).order_by("sort_order", "pk")]


def interest(page, name="Aino Virtanen", contact="040 123 4567", ways=("Vapaaehtoistyö",), text="", key=None):
    data = {"submission_key": key or str(uuid.uuid4())}
    for field_name, value in zip(names(page), (name, contact, list(ways), text), strict=True):
        data[field_name] = value
    return data


def send(client, page, captured, **changes):
    extra = {key: changes.pop(key) for key in list(changes) if key.isupper()}
    with captured(execute=True):
        return client.post(page.url, interest(page, **changes), **extra)


def test_the_page_shows_the_ways_then_the_interest_form(client, site):
    assert site["take_part"].url == "/osallistu/"
    response = client.get("/osallistu/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vapaaehtoiseksi" in html and "Opiskelijat voivat tehdä harjoittelun paikassa." in html
    assert html.index("Harjoitteluun") < html.index('<form method="post"')
    assert "<legend>Mikä kiinnostaa?</legend>" in html
    assert f'maxlength="{SINGLE_LINE_MAX}"' in html
    assert 'name="website"' in html and 'class="form-trap" aria-hidden="true"' in html
    assert "no-cache" in response["Cache-Control"]


def test_an_answer_is_stored_and_mailed_to_the_coordinator_with_a_link_to_the_answers(
    client, site, django_capture_on_commit_callbacks
):
    response = send(
        client, site["take_part"], django_capture_on_commit_callbacks, ways=("Harjoittelu", "Yhteiskehittämisen päivä")
    )
    assert response.status_code == 302 and response["Location"] == "/osallistu/kiitos/"
    submission = FormSubmission.objects.get()
    assert submission.page_id == site["take_part"].pk
    assert [message.to for message in mail.outbox] == [[COORDINATOR]]
    message = mail.outbox[0]
    assert "\n" not in message.subject and "Osallistu" in message.subject
    body = message.body
    assert "Nimi:\n  Aino Virtanen" in body
    assert "Mikä kiinnostaa?:\n  Harjoittelu, Yhteiskehittämisen päivä" in body
    assert "Kerro itsestäsi:\n  –" in body
    admin_list = reverse("wagtailforms:list_submissions", args=[site["take_part"].pk])
    assert f"http://127.0.0.1:8000{admin_list}" in body
    assert "Kohtaamo Testilä" in body
    thanks = client.get(response["Location"]).content.decode()
    assert "Koordinaattori ottaa sinuun yhteyttä viikon sisällä." in thanks


def test_the_mail_is_plain_text_with_what_was_typed_and_a_subject_on_one_line(
    client, site, django_capture_on_commit_callbacks
):
    TakePartPage.objects.filter(pk=site["take_part"].pk).update(title="Osallistu\nBcc: joku@example.com")
    page = TakePartPage.objects.get(pk=site["take_part"].pk)
    send(client, page, django_capture_on_commit_callbacks, name="Anna & <b>Ben</b>", text="Rivi 1\nNimi: huijaus")
    message = mail.outbox[0]
    assert message.subject.endswith("Osallistu Bcc: joku@example.com")
    assert "\n" not in message.subject and "\r" not in message.subject
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])
    assert "Anna & <b>Ben</b>" in message.body and "&amp;" not in message.body and "&lt;" not in message.body
    # A line of the answer cannot pass for another question: it is indented under its own.
    assert "Kerro itsestäsi:\n  Rivi 1\n  Nimi: huijaus" in message.body


def test_the_mail_is_written_in_the_places_language_whatever_the_pages(
    client, site, django_capture_on_commit_callbacks
):
    english = translate(site["take_part"], "en", title="Take part")
    assert english.url == "/en/osallistu/"
    assert mail_language(english) == "fi" and mail_language(site["take_part"]) == "fi"
    response = send(client, english, django_capture_on_commit_callbacks)
    assert response["Location"] == "/en/osallistu/kiitos/"
    sent = timezone.localtime(FormSubmission.objects.get().submit_time)
    with translation.override("fi"):
        finnish_time = date_format(sent, "SHORT_DATETIME_FORMAT")
    with translation.override("en"):
        assert date_format(sent, "SHORT_DATETIME_FORMAT") != finnish_time
    body = mail.outbox[0].body
    assert finnish_time in body  # the time as Finnish writes it, in local time
    assert "Take part" in body  # the page the person answered on


def test_without_the_places_e_mail_the_answer_is_kept_and_a_warning_logged_without_personal_data(
    client, site, django_capture_on_commit_callbacks, caplog
):
    SiteSettings.objects.filter(site=site["site"]).update(email="")
    with caplog.at_level(logging.WARNING, logger="ideas.interest_mail"):
        response = send(client, site["take_part"], django_capture_on_commit_callbacks)
    assert response.status_code == 302
    submission = FormSubmission.objects.get()
    assert mail.outbox == []
    assert [record.levelname for record in caplog.records] == ["WARNING"]
    logged = caplog.text
    assert str(submission.pk) in logged
    assert "Aino" not in logged and "040" not in logged and "Vapaaehto" not in logged


def test_a_filled_trap_field_stores_nothing_and_sends_nothing(client, site, django_capture_on_commit_callbacks):
    data = {**interest(site["take_part"]), "website": "https://spam.example"}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/osallistu/", data)
    assert response.status_code == 302 and response["Location"] == "/osallistu/kiitos/"
    assert not FormSubmission.objects.exists()
    assert mail.outbox == []


def test_sending_twice_stores_one_answer_and_one_mail(client, site, django_capture_on_commit_callbacks):
    key = str(uuid.uuid4())
    assert send(client, site["take_part"], django_capture_on_commit_callbacks, key=key).status_code == 302
    assert send(client, site["take_part"], django_capture_on_commit_callbacks, key=key).status_code == 302
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1


def test_a_key_older_than_a_day_no_longer_stops_a_new_answer(client, site, django_capture_on_commit_callbacks):
    key = str(uuid.uuid4())
    send(client, site["take_part"], django_capture_on_commit_callbacks, key=key)
    FormSubmission.objects.update(submit_time=timezone.now() - datetime.timedelta(days=2))
    send(client, site["take_part"], django_capture_on_commit_callbacks, key=key)
    assert FormSubmission.objects.count() == 2


def test_bad_text_is_refused_with_messages_and_nothing_is_stored_or_sent(
    client, site, django_capture_on_commit_callbacks
):
    english = translate(site["take_part"], "en", title="Take part")
    response = send(client, english, django_capture_on_commit_callbacks, name="Aino\u2066 Virtanen", contact="x" * 256)
    assert response.status_code == 200
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("The text contains hidden control or text-direction characters") in html
        assert (
            gettext("Use at most %(limit_value)d characters (you wrote %(show_value)d).")
            % {
                "limit_value": SINGLE_LINE_MAX,
                "show_value": 256,
            }
            in html
        )
    assert 'class="error-summary"' in html
    assert "x" * 256 in html  # what was typed is kept
    assert not FormSubmission.objects.exists() and mail.outbox == []


def test_a_flood_gets_the_429_page_in_the_readers_language_and_stores_no_more(
    client, site, django_capture_on_commit_callbacks
):
    swedish = translate(site["take_part"], "sv", title="Delta")
    limit = TakePartPage.answers_per_client.hits
    for _number in range(limit):
        assert send(client, swedish, django_capture_on_commit_callbacks, REMOTE_ADDR="10.0.2.1").status_code == 302
    response = send(client, swedish, django_capture_on_commit_callbacks, REMOTE_ADDR="10.0.2.1")
    assert response.status_code == 429
    html = response.content.decode()
    with translation.override("sv"):
        assert '<html lang="sv"' in html and gettext("Too many tries") in html
    assert FormSubmission.objects.count() == limit and len(mail.outbox) == limit


def test_many_failed_sendings_from_one_connection_are_stopped_too(client, site, django_capture_on_commit_callbacks):
    tries = TakePartPage.tries_per_client.hits
    for _number in range(tries):
        assert (
            send(
                client, site["take_part"], django_capture_on_commit_callbacks, name="", REMOTE_ADDR="10.0.3.1"
            ).status_code
            == 200
        )
    assert (
        send(client, site["take_part"], django_capture_on_commit_callbacks, REMOTE_ADDR="10.0.3.1").status_code == 429
    )
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker closes connections in a transaction
def test_with_the_mail_server_down_the_answer_is_kept_and_the_mail_retried_later(
    client,
    site,
    mail_server_down,
    django_capture_on_commit_callbacks,
):
    response = send(client, site["take_part"], django_capture_on_commit_callbacks)
    assert response.status_code == 302
    submission = FormSubmission.objects.get()
    assert DBTaskResult.objects.get().status == "READY"

    run_worker()  # the server is down: the attempt fails and a retry waits
    assert FormSubmission.objects.filter(pk=submission.pk).exists() and mail.outbox == []
    assert "ConnectionRefusedError" in DBTaskResult.objects.get(status="FAILED").traceback
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs == {"args": [submission.pk, 2], "kwargs": {}}
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[0] - 10)

    mail_server_down.EMAIL_BACKEND = LOCMEM
    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    run_worker()
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [[COORDINATOR]]


def test_nothing_is_sent_for_an_answer_that_was_deleted(site):
    assert send_interest_mail.call(123456) == "nothing to send"


def test_exported_interest_answers_have_formulas_neutralised(client, site, django_capture_on_commit_callbacks):
    send(client, site["take_part"], django_capture_on_commit_callbacks, name='=HYPERLINK("https://example.com")')
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    url = reverse("wagtailforms:list_submissions", args=[site["take_part"].pk])
    response = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[1][1] == '\'=HYPERLINK("https://example.com")'
