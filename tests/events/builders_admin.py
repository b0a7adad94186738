"""Builders for the staff-side tests: a site with a programme and two events, sign-ups made through the ORM."""

import datetime
import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.models import (
    Activity,
    ChangeKind,
    Closure,
    EventIndexPage,
    EventPage,
    OccurrenceChange,
    Registration,
    RegistrationChild,
    RegistrationStatus,
)
from home.models import HomePage

FORMULA_NAME = '=HYPERLINK("http://example.com/x","Click")'


def make_site() -> dict:
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Koti", slug="koti-henkilokunta", locale=locale))
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
    )
    events_page = home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    return {"locale": locale, "home": home, "site": site, "events_page": events_page}


def make_event(site: dict, title: str, days_ahead: int, slug: str = "") -> EventPage:
    start = timezone.now() + datetime.timedelta(days=days_ahead)
    event = EventPage(
        title=title,
        slug=slug or f"tapahtuma-{days_ahead}",
        kind="co_development",
        start=start,
        end=start + datetime.timedelta(hours=3),
        registration_enabled=True,
        capacity=20,
    )
    return site["events_page"].add_child(instance=event)


def register(event: EventPage, name: str, status=RegistrationStatus.CONFIRMED, adults=1, children=(), **extra):
    """`children`: (age, needs childcare) pairs."""
    registration = Registration.objects.create(
        event=event,
        status=status,
        submission_key=uuid.uuid4(),
        language="fi",
        name=name,
        adults=adults,
        consented_at=timezone.now(),
        **extra,
    )
    for age, care in children:
        RegistrationChild.objects.create(registration=registration, age=age, needs_childcare=care)
    return registration


def make_sign_ups(event: EventPage, other_event: EventPage) -> dict:
    """Three confirmed families, one waiting, one cancelled; one family at another event."""
    return {
        "virtanen": register(
            event,
            "Virtanen",
            adults=2,
            children=[(1, True), (4, True), (8, False)],
            interpreter_language="ar",
            accessibility_needs="Pyörätuoli",
            email="virtanen@example.com",
        ),
        "formula": register(
            event,
            FORMULA_NAME,
            children=[(2, True), (13, True)],
            interpreter_language="ar",
            other_needs="+358 40 1234567 soittakaa",
            phone="+358401234567",
        ),
        "makinen": register(event, "Mäkinen", children=[(6, True), (12, True)], interpreter_language="so"),
        "waiting": register(event, "Odottaja", status=RegistrationStatus.WAITLISTED, children=[(3, True)]),
        "cancelled": register(event, "Peruja", status=RegistrationStatus.CANCELLED, adults=2, children=[(0, True)]),
        "elsewhere": register(other_event, "Muualla", children=[(5, True)], interpreter_language="ru"),
    }


def make_programme(site: dict) -> dict:
    today = timezone.localdate()
    cafe = Activity.objects.create(
        site=site["site"],
        locale=site["locale"],
        title="Perhekahvila",
        slug="perhekahvila",
        kind="open",
        description="Kahvia ja leikkiä.",
        audiences=["everyone"],
        weekdays=[0, 2],
        start_time=datetime.time(9),
        end_time=datetime.time(11, 30),
        first_date=today - datetime.timedelta(days=30),
    )
    counselling = Activity.objects.create(
        site=site["site"],
        locale=site["locale"],
        title="Perheneuvonta",
        slug="perheneuvonta",
        kind="drop_in",
        description="Neuvontaa ilman ajanvarausta.",
        audiences=["parents"],
        weekdays=[1],
        start_time=datetime.time(13),
        end_time=datetime.time(15),
        first_date=today - datetime.timedelta(days=30),
    )
    house_meeting = Activity.objects.create(
        site=site["site"],
        locale=site["locale"],
        title="Talokokous",
        slug="talokokous",
        kind="open",
        description="Henkilökunnan kokous.",
        audiences=["everyone"],
        weekdays=[3],
        start_time=datetime.time(8),
        end_time=datetime.time(9),
        first_date=today - datetime.timedelta(days=30),
        staff_only=True,
    )
    cancelled = OccurrenceChange.objects.create(
        locale=site["locale"],
        activity=cafe,
        date=today + datetime.timedelta(days=7),
        kind=ChangeKind.CANCELLED,
        reason="Ohjaaja on sairas.",
    )
    old = OccurrenceChange.objects.create(
        locale=site["locale"],
        activity=counselling,
        date=today - datetime.timedelta(days=14),
        kind=ChangeKind.CANCELLED,
        reason="Koulutuspäivä.",
    )
    closure = Closure.objects.create(
        locale=site["locale"],
        site=site["site"],
        first_date=today + datetime.timedelta(days=20),
        last_date=today + datetime.timedelta(days=27),
        reason="Joululoma",
    )
    return {
        "cafe": cafe,
        "counselling": counselling,
        "house_meeting": house_meeting,
        "cancelled": cancelled,
        "old_change": old,
        "closure": closure,
    }


def make_editor(username: str = "toimittaja", *permissions: str):
    """A Wagtail editor (may use the admin and edit pages) with some extra model permissions."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="events", codename=codename))
    return user
