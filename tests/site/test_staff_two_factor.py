"""Two-factor sign-in for staff (wagtail-2fa, `WAGTAIL_2FA_REQUIRED`): an account that may use the admin sets up
an authenticator app before it reaches anything else, and gives a code from it after every password. Families on
the public pages never meet it, and the page cache still answers them.

The screens come from wagtail-2fa and django-otp; their Finnish is in locale_packages/ (`make messages`).
"""

import datetime
import json
from base64 import b32encode

import pytest
from babel.messages.pofile import read_po
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.users.models import UserProfile

from pages.models import SiteSettings
from tests.events.builders import make_programme_site, make_sign_up_event
from tests.site.test_settings import GOOD_KEY, run_python

PASSWORD = "oikea-salasana-2026"  # noqa: S105 - a test account's password
ADMIN = "/admin/"
SETUP = "/admin/2fa/devices/new"
CODE = "/admin/2fa/auth"
REQUIRED = override_settings(WAGTAIL_2FA_REQUIRED=True)


@pytest.fixture
def site(db):
    site = make_programme_site()
    SiteSettings.for_site(site["site"])  # made on the first read otherwise, which changes the content version
    return site


@pytest.fixture
def registrations(site) -> str:
    """The address of an event's registrations, which only staff may read."""
    return reverse("events_registration_summary", args=[make_sign_up_event(site).pk])


def make_coordinator():
    return get_user_model().objects.create_superuser("koordinaattori", "k@example.org", PASSWORD)


def make_registrar():
    """Not a superuser nor `is_staff`: a group gives admin access and the registrations, as a coordinator would."""
    user = get_user_model().objects.create_user("ilmoittautumiset", "i@example.org", PASSWORD)
    group = Group.objects.create(name="Ilmoittautumiset")
    permissions = {"wagtailadmin": ["access_admin"], "events": ["view_registration"]}
    for app_label, codenames in permissions.items():
        group.permissions.add(*Permission.objects.filter(content_type__app_label=app_label, codename__in=codenames))
    user.groups.add(group)
    return user


def speaks(user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def add_device(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="Työpuhelin", confirmed=True)


def code_from(device: TOTPDevice) -> str:
    """The code the staff member's authenticator app shows now."""
    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def wrong_code(device: TOTPDevice) -> str:
    return f"{(int(code_from(device)) + 1) % 10**device.digits:0{device.digits}d}"


def sign_in(user) -> Client:
    """A browser that has signed in to the admin with the user's password, and nothing more."""
    client = Client()
    answer = client.post("/admin/login/", {"username": user.username, "password": PASSWORD, "next": ADMIN})
    assert (answer.status_code, answer["Location"]) == (302, ADMIN)
    return client


def secret_of(device: TOTPDevice) -> str:
    """The secret as the setup page writes it beside the QR code."""
    return f"secret={b32encode(device.bin_key).decode()}"


def confirm(client: Client, device: TOTPDevice):
    """The setup form sent with the phone's name, a code from the app and the password."""
    return client.post(SETUP, {"name": "Työpuhelin", "otp_token": code_from(device), "password": PASSWORD})


def redirect_of(response) -> str:
    assert response.status_code == 302, response.status_code
    return response["Location"]


def give_code(client: Client, code: str, next_url: str = ADMIN):
    return client.post(CODE, {"otp_token": code, "next": next_url})


@REQUIRED
@pytest.mark.parametrize("make_user", [make_coordinator, make_registrar], ids=["coordinator", "registrar"])
def test_staff_without_a_device_are_sent_to_set_one_up_and_reach_nothing_else_until_they_do(
    site, registrations, make_user
):
    user = make_user()
    client = sign_in(user)
    for address in (ADMIN, reverse("wagtailadmin_explore_root"), registrations):
        assert redirect_of(client.get(address)) == f"{SETUP}?next={address}"

    setup = client.get(SETUP)
    assert setup.status_code == 200
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    assert secret_of(device) in setup.content.decode()  # the QR code's, as text

    answer = confirm(client, device)
    assert redirect_of(answer) == reverse("wagtail_2fa_device_list", args=[user.pk])
    assert TOTPDevice.objects.get(user=user).confirmed
    for address in (ADMIN, registrations):  # the registrar may not edit pages, so the explorer is not theirs
        assert client.get(address).status_code == 200, address


@REQUIRED
def test_loading_the_setup_again_keeps_the_secret_the_app_has_scanned(site):
    user = make_coordinator()
    client = sign_in(user)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    again = client.get(SETUP)
    assert secret_of(device) in again.content.decode()
    assert TOTPDevice.objects.get(user=user, confirmed=False).pk == device.pk

    answer = confirm(client, device)
    assert redirect_of(answer) == reverse("wagtail_2fa_device_list", args=[user.pk])
    assert TOTPDevice.objects.get(user=user).confirmed


@REQUIRED
def test_setting_up_needs_a_code_from_the_app_and_the_password(site):
    user = make_coordinator()
    client = sign_in(user)
    client.get(SETUP)
    device = TOTPDevice.objects.get(user=user, confirmed=False)

    for wrong in (
        {"otp_token": wrong_code(device), "password": PASSWORD},
        {"otp_token": code_from(device), "password": "arvaus-salasana-99"},
    ):
        answer = client.post(SETUP, {"name": "Työpuhelin", **wrong})
        assert answer.status_code == 200
        assert not TOTPDevice.objects.filter(user=user, confirmed=True).exists()
    assert redirect_of(client.get(ADMIN)).startswith(SETUP)


@REQUIRED
def test_staff_with_a_device_are_asked_for_the_code_before_anything_else(site, registrations):
    user = make_coordinator()
    add_device(user)
    client = sign_in(user)
    for address in (ADMIN, reverse("wagtailadmin_explore_root"), registrations):
        assert redirect_of(client.get(address)) == f"{CODE}?next={address}"
    assert redirect_of(client.get(SETUP)).startswith(CODE)  # nor can they add a second device unverified
    assert client.get(CODE).status_code == 200


@REQUIRED
def test_a_wrong_code_is_refused(site):
    user = make_coordinator()
    device = add_device(user)
    client = sign_in(user)
    answer = give_code(client, wrong_code(device))
    assert answer.status_code == 200
    assert redirect_of(client.get(ADMIN)).startswith(CODE)


@REQUIRED
def test_the_right_code_lets_the_staff_member_in(site, registrations):
    user = make_coordinator()
    device = add_device(user)
    client = sign_in(user)
    assert redirect_of(give_code(client, code_from(device), registrations)) == registrations
    for address in (ADMIN, reverse("wagtailadmin_explore_root"), registrations):
        assert client.get(address).status_code == 200, address


@REQUIRED
def test_a_new_phone_set_up_beside_the_old_one_is_the_one_asked(site):
    user = make_coordinator()
    old, new = add_device(user), add_device(user)
    assert redirect_of(give_code(sign_in(user), code_from(new))) == ADMIN
    assert give_code(sign_in(user), code_from(old)).status_code == 200


@REQUIRED
def test_after_a_wrong_code_even_the_right_one_waits_so_codes_cannot_be_guessed_in_a_row(site):
    user = make_coordinator()
    device = add_device(user)
    client = sign_in(user)
    give_code(client, wrong_code(device))
    assert give_code(client, code_from(device)).status_code == 200
    assert redirect_of(client.get(ADMIN)).startswith(CODE)

    device.refresh_from_db()
    device.throttling_failure_timestamp -= datetime.timedelta(minutes=1)  # the wait has passed
    device.save()
    assert redirect_of(give_code(client, code_from(device))) == ADMIN


@REQUIRED
def test_a_code_once_used_does_not_let_another_browser_in(site):
    user = make_coordinator()
    device = add_device(user)
    code = code_from(device)
    assert redirect_of(give_code(sign_in(user), code)) == ADMIN
    other = sign_in(user)
    assert give_code(other, code).status_code == 200
    assert redirect_of(other.get(ADMIN)).startswith(CODE)


@REQUIRED
def test_a_lost_phone_a_superuser_removes_the_device_and_the_next_sign_in_sets_up_a_new_one(site):
    coordinator = make_coordinator()
    coordinator_device = add_device(coordinator)
    registrar = make_registrar()
    lost = add_device(registrar)
    client = sign_in(coordinator)
    assert redirect_of(give_code(client, code_from(coordinator_device))) == ADMIN
    devices = reverse("wagtail_2fa_device_list", args=[registrar.pk])
    assert devices in client.get(reverse("wagtailusers_users:index")).content.decode()  # "Manage 2FA"
    assert client.get(devices).status_code == 200

    client.post(reverse("wagtail_2fa_device_remove", args=[lost.pk]), {"user_id": registrar.pk})
    assert not TOTPDevice.objects.filter(user=registrar).exists()
    assert redirect_of(sign_in(registrar).get(ADMIN)) == f"{SETUP}?next={ADMIN}"


@REQUIRED
def test_the_setup_screen_is_in_the_staff_members_finnish(site):
    user = speaks(make_coordinator(), "fi")
    client = sign_in(user)
    page = client.get(SETUP).content.decode()
    for finnish in ("Kaksivaiheinen tunnistautuminen", "QR-koodi", "Vahvistuskoodi", "Nykyinen salasana"):
        assert finnish in page, finnish
    assert "Two Factor Settings" not in page and "Two-Factor authentication is" not in page

    device = TOTPDevice.objects.get(user=user, confirmed=False)
    refused = client.post(SETUP, {"name": "Työpuhelin", "otp_token": wrong_code(device), "password": PASSWORD})
    assert "Koodi ei kelpaa. Tarkista, että kirjoitit sen oikein." in refused.content.decode()


@REQUIRED
def test_the_code_screen_is_in_the_staff_members_finnish(site):
    user = speaks(make_coordinator(), "fi")
    device = add_device(user)
    client = sign_in(user)
    page = client.get(CODE).content.decode()
    assert "Kirjoita todennussovelluksesi näyttämä koodi" in page
    assert "Vahvistuskoodi" in page and "Otp token" not in page  # the field's label
    assert "Kirjaudu ulos" in page
    assert "Enter your two-factor authentication code" not in page
    refused = give_code(client, wrong_code(device)).content.decode()
    assert "Koodi ei kelpaa" in refused and "Invalid code" not in refused


@REQUIRED
def test_the_code_screen_follows_a_swedish_speaking_staff_member(site):
    user = speaks(make_coordinator(), "sv")
    add_device(user)
    page = sign_in(user).get(CODE).content.decode()
    assert "Ange din tvåfaktors-autentiseringskod" in page


@REQUIRED
def test_families_on_public_pages_never_meet_it_and_the_page_cache_still_answers_them(site):
    client = Client()
    first = client.get("/viikko/")
    assert first.status_code == 200
    with CaptureQueriesContext(connection) as queries:
        second = client.get("/viikko/")
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0, [query["sql"] for query in queries]


@REQUIRED
def test_a_public_page_costs_no_more_queries_with_it_required(site):
    """The page cache's miss, the one request here that reaches the middleware, reads nothing more for it."""
    client = Client()
    client.get("/viikko/")  # the site's one-time reads (root paths, settings) out of the way
    counts = {}
    for required in (False, True):
        with override_settings(WAGTAIL_2FA_REQUIRED=required), CaptureQueriesContext(connection) as queries:
            cache.clear()
            assert client.get("/viikko/")["X-Page-Cache"] == "miss"
        counts[required] = len(queries)
    assert counts[True] == counts[False], counts


def test_with_it_off_staff_sign_in_with_the_password_alone(site, registrations):
    client = sign_in(make_coordinator())
    for address in (ADMIN, reverse("wagtailadmin_explore_root"), registrations):
        assert client.get(address).status_code == 200, address


@pytest.mark.parametrize(
    ("env", "required"),
    [
        ({}, False),
        ({"DJANGO_DEBUG": "0"}, True),
        ({"DJANGO_DEBUG": "0", "KOHTAAMO_STAFF_2FA": "0"}, False),
        ({"KOHTAAMO_STAFF_2FA": "1"}, True),
    ],
    ids=["development", "production", "production-turned-off", "development-turned-on"],
)
def test_production_requires_it_and_development_does_not_unless_told(env, required):
    production = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "kohtaamo.example"}
    output = run_python(
        "from django.conf import settings; print(settings.WAGTAIL_2FA_REQUIRED, settings.OTP_TOTP_ISSUER)",
        **{"DJANGO_DEBUG": "1", "KOHTAAMO_STAFF_2FA": "", **production, **env},
    )
    assert output == [str(required), "Kohtaamo"]


def test_every_screen_string_of_the_packages_has_finnish():
    """Each msgid in locale_packages/ is translated, and the compiled catalog is the one Django reads."""
    for language in ("fi", "sv"):
        path = settings.BASE_DIR / "locale_packages" / language / "LC_MESSAGES" / "django.po"
        with path.open("rb") as po_file:
            catalog = read_po(po_file, locale=language)
        assert not catalog.fuzzy
        singular = [message for message in catalog if message.id and not message.pluralizable]
        assert singular and all(message.string and not message.fuzzy for message in singular)
        with translation.override(language):
            loaded = [gettext(message.id) == message.string for message in singular]
        assert all(loaded), f"{path} is not compiled: run `make messages`"


@REQUIRED
def test_the_one_menu_item_before_the_device_is_set_up_speaks_the_staff_members_language(site):
    """wagtail-2fa names it "2FA Setup" in English only; `pages.wagtail_hooks` names it again."""
    client = sign_in(speaks(make_coordinator(), "fi"))
    html = client.get(SETUP).content.decode()
    with translation.override("fi"):
        label = gettext("Set up two-factor authentication")
    assert label.startswith("Kaksivaiheisen")
    assert json.dumps(label) in html  # in the menu's data, as the admin's script reads it
    assert "2FA Setup" not in html
