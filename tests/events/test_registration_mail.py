"""Mail never loses a registration: it is stored first, and a mail server that is down gets the mail later."""

import datetime
import signal
import socket
import uuid

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks_db.models import DBTaskResult

from events.models import Registration
from events.tasks import SIGNED_UP, send_registration_mail
from pages.mail import RETRY_DELAYS

from .builders_registrations import make_event, make_site
from .test_registrations import form_data

DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}
LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


def closed_port() -> int:
    """A local port nobody listens on: connecting to it is refused at once, like a mail server that is down."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def mail_server_down(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", closed_port()
    settings.EMAIL_USE_TLS, settings.EMAIL_TIMEOUT = False, 5
    return settings


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = DATABASE_TASKS


@pytest.fixture
def event(db):
    return make_event(make_site())


def run_worker() -> None:
    """`manage.py db_worker --batch`: runs what is due, then stops; the signal handlers it sets are put back."""
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    try:
        call_command(
            "db_worker", "--batch", "--backend", "mail", "--no-startup-delay", "--no-reload", "--interval", "0",
            verbosity=0,
        )  # fmt: skip
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)


def sign_up(client, event, django_capture_on_commit_callbacks, **changes):
    with django_capture_on_commit_callbacks(execute=True):
        return client.post(reverse("events:register", args=[event.pk]), form_data(**changes))


@pytest.mark.django_db(transaction=True, serialized_rollback=True)  # the worker closes connections in a transaction
def test_with_the_mail_server_down_the_registration_is_stored_and_a_later_worker_run_sends_the_mail(
    client, event, database_tasks, mail_server_down, django_capture_on_commit_callbacks
):
    response = sign_up(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    registration = Registration.objects.get()
    assert DBTaskResult.objects.get().status == "READY"

    run_worker()  # the server is down: the attempt fails and a retry waits a minute
    assert Registration.objects.filter(pk=registration.pk).exists() and mail.outbox == []
    failed = DBTaskResult.objects.get(status="FAILED")
    assert "ConnectionRefusedError" in failed.traceback
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs == {"args": [registration.pk, SIGNED_UP, 2], "kwargs": {}}
    assert retry.run_after > timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[0] - 10)

    mail_server_down.EMAIL_BACKEND = LOCMEM  # the server is back, but the retry is not due yet
    run_worker()
    assert mail.outbox == []

    DBTaskResult.objects.filter(pk=retry.pk).update(run_after=timezone.now() - datetime.timedelta(seconds=1))
    run_worker()
    assert DBTaskResult.objects.get(pk=retry.pk).status == "SUCCESSFUL"
    assert [message.to for message in mail.outbox] == [["maija@example.fi"]]
    assert reverse("events:registration_cancel", args=["x"]).split("x/")[0] in mail.outbox[0].body


def test_retries_stop_at_the_limit(event, database_tasks, mail_server_down):
    registration, _created = Registration.objects.sign_up(
        event, submission_key=uuid.uuid4(), language="fi", name="Maija", email="maija@example.fi"
    )
    with pytest.raises(OSError):
        send_registration_mail.call(registration.pk, SIGNED_UP, len(RETRY_DELAYS))
    assert DBTaskResult.objects.filter(status="READY").count() == 1
    DBTaskResult.objects.all().delete()
    with pytest.raises(OSError):
        send_registration_mail.call(registration.pk, SIGNED_UP, len(RETRY_DELAYS) + 1)
    assert not DBTaskResult.objects.exists()


def test_with_immediate_tasks_a_mail_server_that_is_down_does_not_stop_the_sign_up(
    client, event, mail_server_down, django_capture_on_commit_callbacks
):
    response = sign_up(client, event, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_the_mail_is_written_in_the_familys_language_with_its_links(client, event, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        with translation.override("en"):
            url = reverse("events:register", args=[event.pk])
        client.post(url, form_data())
    registration = Registration.objects.get()
    assert registration.language == "en"
    body = mail.outbox[0].body
    assert body.startswith("Hello Maija,")
    assert "You have a place at “Kehittämispäivä”." in body
    assert "http://127.0.0.1:8000/en/ilmoittautuminen/peru/" in body
    assert "&#" not in body and "&amp;" not in body
    assert "Kohtaamo Testilä" in body


def test_a_name_with_markup_characters_is_written_as_typed_in_the_plain_text_mail(
    client, event, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("events:register", args=[event.pk]), form_data(name="Anna & <Ben>"))
    assert "Anna & <Ben>" in mail.outbox[0].body


def test_nothing_is_sent_for_a_cancelled_or_erased_registration(event):
    registration, _created = Registration.objects.sign_up(
        event, submission_key=uuid.uuid4(), language="fi", name="Maija", email="maija@example.fi"
    )
    registration.cancel()
    assert send_registration_mail.call(registration.pk, SIGNED_UP) == "nothing to send"
    assert send_registration_mail.call(registration.pk + 1000, SIGNED_UP) == "nothing to send"
    assert mail.outbox == []
