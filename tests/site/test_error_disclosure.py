"""A server error tells the visitor nothing about the site's insides or the data being sent: no secret key, no
SQL, no traceback, no personal data; and the error is logged for the operators without the personal data."""

import io
import logging
from unittest import mock

import pytest
from django.conf import settings
from django.db import transaction

from events.models import Registration
from pages.log_filters import without_row_values
from tests.events.builders_registrations import make_event, make_site
from tests.events.test_registrations import form_data, register_url

EMAIL = "salainen.perhe@example.fi"
NAME = "Salainen Perhe"
COLUMN = "consented_at"


def failing_sign_up(self, event, **details):
    """A database error while storing a sign-up (a required column left empty), for a row with the family's
    details: PostgreSQL's message about such a row quotes the row."""
    with transaction.atomic():  # the savepoint keeps PostgreSQL's test transaction usable
        Registration.objects.create(
            event=event,
            submission_key=details["submission_key"],
            name=details["name"],
            email=details["email"],
            language="fi",
            consented_at=None,
        )


@pytest.fixture
def broken_sign_up(client, settings, db):
    """A sign-up whose storing fails with a database error, sent with DEBUG off."""
    settings.DEBUG = False
    client.raise_request_exception = False
    event = make_event(make_site())
    with mock.patch.object(type(Registration.objects), "sign_up", failing_sign_up):
        yield lambda: client.post(register_url(event), form_data(name=NAME, email=EMAIL))


def test_a_database_error_shows_the_error_page_without_secrets_sql_tracebacks_or_personal_data(broken_sign_up):
    response = broken_sign_up()
    assert response.status_code == 500
    body = response.content.decode()
    assert "Jotain meni vikaan" in body  # the site's own error page
    for leak in (settings.SECRET_KEY, EMAIL, NAME, "INSERT INTO", COLUMN, "events_registration", "Traceback"):
        assert leak not in body, leak
    assert not Registration.objects.exists()


@pytest.fixture
def console():
    """What the site's console log handler (LOGGING in the settings) writes during the test."""
    handler = next(
        handler
        for handler in logging.getLogger().handlers
        if isinstance(handler, logging.StreamHandler) and without_row_values in handler.filters
    )
    written = io.StringIO()
    stream = handler.setStream(written)
    yield written
    handler.setStream(stream)


def test_the_error_is_logged_without_the_familys_details(broken_sign_up, console, caplog):
    with caplog.at_level(logging.ERROR, logger="django.request"):
        broken_sign_up()
    errors = [record for record in caplog.records if record.name == "django.request"]
    assert [record.levelname for record in errors] == ["ERROR"]
    logged = console.getvalue()
    assert "Traceback" in logged and COLUMN in logged  # the operators see what failed and where
    assert EMAIL not in logged and NAME not in logged
