"""The staff-side tests' data on top of the shared builders: two events' sign-ups, a programme around today
and an editor."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from events.models import EventPage, RegistrationStatus

from .builders import cancel, close, make_activity, make_sign_up_event, register

FORMULA_NAME = '=HYPERLINK("http://example.com/x","Click")'


def make_event(site: dict, title: str, days_ahead: int) -> EventPage:
    return make_sign_up_event(site, days_ahead, title=title, slug=f"tapahtuma-{days_ahead}", capacity=20)


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
    """Three activities that started a month ago (one staff-only), an upcoming and a past cancellation and a
    closure in three weeks."""
    today = timezone.localdate()
    started = {"first_date": today - datetime.timedelta(days=30)}
    cafe = make_activity(
        site,
        title="Perhekahvila",
        slug="perhekahvila",
        description="Kahvia ja leikkiä.",
        end_time=datetime.time(11, 30),
        **started,
    )
    counselling = make_activity(
        site,
        title="Perheneuvonta",
        slug="perheneuvonta",
        kind="drop_in",
        description="Neuvontaa ilman ajanvarausta.",
        audiences=["parents"],
        weekdays=[1],
        start_time=datetime.time(13),
        end_time=datetime.time(15),
        **started,
    )
    house_meeting = make_activity(
        site,
        title="Talokokous",
        slug="talokokous",
        description="Henkilökunnan kokous.",
        weekdays=[3],
        start_time=datetime.time(8),
        end_time=datetime.time(9),
        staff_only=True,
        **started,
    )
    return {
        "cafe": cafe,
        "counselling": counselling,
        "house_meeting": house_meeting,
        "cancelled": cancel(cafe, today + datetime.timedelta(days=7)),
        "old_change": cancel(counselling, today - datetime.timedelta(days=14), "Koulutuspäivä."),
        "closure": close(site, today + datetime.timedelta(days=20), today + datetime.timedelta(days=27)),
    }


def make_editor(username: str = "toimittaja", *permissions: str):
    """A Wagtail editor (may use the admin and edit pages) with some extra model permissions."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    for codename in permissions:
        user.user_permissions.add(Permission.objects.get(content_type__app_label="events", codename=codename))
    return user
