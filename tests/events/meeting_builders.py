"""Builders for the meeting tests: meetings of each kind at a given time, staff and visitors, partners in several
languages, and a chair rotation in the site settings (its order also sends members to the house meetings)."""

import datetime
import itertools

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from django.shortcuts import resolve_url
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from events.models import EventPage
from pages.models import Partner, SiteSettings
from pages.models.steering import ChairTurn

from .builders import make_event

_numbers = itertools.count()

STAFF_ONLY = ["house_meeting", "steering_group"]
# Words found in nothing else the tests build, so a search or a list finds them only where they are.
SECRET_WORD = "Salaperäinen"
PUBLIC_WORD = "Mustikkamaa"


def make_meeting(site: dict, kind: str, start: datetime.datetime | None = None, **fields) -> EventPage:
    """A two-hour meeting of `kind` starting at `start` (by default in ten days)."""
    number = next(_numbers)
    values = {"title": f"Kokous {number:03d}", "slug": f"kokous-{number:03d}", "hours": 2, **fields}
    return make_event(site, start or timezone.now() + datetime.timedelta(days=10), kind=kind, **values)


def days_from_now(days: float) -> datetime.datetime:
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=days)


def make_staff(username: str = "ohjaaja"):
    """A member of staff: a Wagtail editor (may use the admin), not a superuser."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    return user


def make_account_without_admin(username: str = "perhe"):
    """Someone who can log in but is not staff (no access to the admin)."""
    return get_user_model().objects.create_user(username, password="pitka-salasana-123")


def login_url() -> str:
    """Where Wagtail sends a visitor who must log in to see a page."""
    return resolve_url(getattr(settings, "WAGTAIL_FRONTEND_LOGIN_URL", None) or "wagtailcore_login")


def translate_partner(partner: Partner, language: str, name: str | None = None) -> Partner:
    locale = Locale.objects.get_or_create(language_code=language)[0]
    copy = partner.copy_for_translation(locale)
    copy.name = name or f"{partner.name} ({language})"
    copy.save()
    return Partner.objects.get(pk=copy.pk)


def set_rotation(site: dict, partners, start: datetime.date | None = None, term_months: int = 6) -> SiteSettings:
    """The chair rotation of the site: `partners` in this order from `start` (by default a year ago)."""
    site_settings = SiteSettings.for_site(site["site"])
    site_settings.chair_rotation_start = start or timezone.localdate() - datetime.timedelta(days=365)
    site_settings.chair_term_months = term_months
    site_settings.save()
    ChairTurn.objects.filter(settings=site_settings).delete()
    for order, partner in enumerate(partners):
        ChairTurn.objects.create(settings=site_settings, partner=partner, sort_order=order)
    return SiteSettings.objects.get(pk=site_settings.pk)


@override_settings(KOHTAAMO_PAGE_CACHE=False)  # the page itself, not the page cache
def count_queries(client, url: str) -> int:
    """The queries of a third GET of `url` (the first two warm caches), which must answer 200."""
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)
