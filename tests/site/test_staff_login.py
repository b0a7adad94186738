"""Guessing a staff password: after five failures a username is refused from that address, in the reader's
language and without saying whether the account exists, while the same staff member signs in from elsewhere."""

import datetime

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.sessions.models import Session
from django.test import Client
from django.utils import timezone, translation
from django.utils.translation import ngettext

PASSWORD = "oikea-salasana-2026"  # noqa: S105 - a test account's password
GUESSER, OFFICE = "203.0.113.7", "198.51.100.20"


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_superuser("koordinaattori", "k@example.org", PASSWORD)


def sign_in(username: str, password: str, address: str):
    return Client(REMOTE_ADDR=address).post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )


def locked_out_message() -> str:
    with translation.override("fi"):
        text = ngettext(
            "Too many failed sign-ins with this username from your address. Try again in %(minutes)d minute.",
            "Too many failed sign-ins with this username from your address. Try again in %(minutes)d minutes.",
            15,
        ) % {"minutes": 15}
    assert "15" in text and "Too many" not in text
    return text


def test_five_wrong_passwords_lock_that_username_at_that_address_even_for_the_right_one(staff):
    for _attempt in range(4):
        assert sign_in(staff.username, "arvaus", GUESSER).status_code == 200
    assert sign_in(staff.username, "arvaus", GUESSER).status_code == 429
    refused = sign_in(staff.username, PASSWORD, GUESSER)
    assert refused.status_code == 429
    assert locked_out_message() in refused.content.decode()
    assert "_auth_user_id" not in refused.wsgi_request.session


def test_the_staff_member_still_signs_in_from_another_address(staff):
    for _attempt in range(6):
        sign_in(staff.username, "arvaus", GUESSER)
    answer = sign_in(staff.username, PASSWORD, OFFICE)
    assert answer.status_code == 302 and answer["Location"] == "/admin/"


def test_an_unknown_username_gets_the_same_answer_as_a_known_one(staff):
    answers = {}
    for username in (staff.username, "ei-ketaan"):
        for _attempt in range(6):
            answer = sign_in(username, "arvaus", GUESSER)
        answers[username] = (answer.status_code, locked_out_message() in answer.content.decode())
    assert answers == {staff.username: (429, True), "ei-ketaan": (429, True)}


def test_failures_under_the_limit_are_forgotten_after_a_successful_sign_in(staff):
    for _round in range(2):
        for _attempt in range(4):
            sign_in(staff.username, "arvaus", GUESSER)
        assert sign_in(staff.username, PASSWORD, GUESSER).status_code == 302


def test_a_sign_in_ends_with_the_browser_and_after_a_working_day_at_most(staff):
    visitor = Client(REMOTE_ADDR=OFFICE)
    answer = visitor.post("/admin/login/", {"username": staff.username, "password": PASSWORD, "next": "/admin/"})
    assert answer.status_code == 302
    cookie = answer.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie["max-age"] == "" and cookie["expires"] == ""  # a browser-session cookie
    assert visitor.get("/admin/").status_code == 200
    session = Session.objects.get(session_key=cookie.value)
    assert session.expire_date - timezone.now() <= datetime.timedelta(hours=8)
    session.expire_date = timezone.now() - datetime.timedelta(seconds=1)
    session.save()
    again = visitor.get("/admin/")
    assert again.status_code == 302 and again["Location"].startswith("/admin/login/")
