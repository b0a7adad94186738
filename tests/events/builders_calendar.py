"""Builders for the calendar tests: a site with a week page and an events page, and a programme around the
daylight-saving changes of October 2026 (Sunday 25 October) and March 2027 (Sunday 28 March)."""

import datetime

from django.utils import timezone
from wagtail.models import Locale, Page, Site

from events.models import Activity, ChangeKind, Closure, EventIndexPage, EventPage, OccurrenceChange, WeekPage
from home.models import HomePage

HELSINKI = timezone.get_default_timezone()
day = datetime.date


def time(text: str) -> datetime.time:
    return datetime.time.fromisoformat(text)


def make_site() -> dict:
    """Locale fi, a home page at the root of the default site, `/viikko/` and `/tapahtumat/` below it."""
    locale = Locale.objects.get_or_create(language_code="fi")[0]
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Koti", slug="koti-kalenteri", locale=locale))
    site, _created = Site.objects.update_or_create(
        is_default_site=True, defaults={"root_page": home, "hostname": "localhost"}
    )
    week_page = home.add_child(instance=WeekPage(title="Viikko-ohjelma", slug="viikko"))
    events_page = home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    return {"locale": locale, "home": home, "site": site, "week_page": week_page, "events_page": events_page}


def make_activity(site: dict, title: str, slug: str, weekdays, start: str, end: str, first, **extra) -> Activity:
    fields = {
        "site": site["site"],
        "locale": site["locale"],
        "title": title,
        "slug": slug,
        "kind": "open",
        "description": f"{title}: kaikki tervetulleita.",
        "audiences": ["everyone"],
        "room": "Sali",
        "weekdays": list(weekdays),
        "start_time": time(start),
        "end_time": time(end),
        "first_date": first,
    }
    return Activity.objects.create(**(fields | extra))


def cancel(activity: Activity, on: datetime.date, reason: str = "Ohjaaja on sairas.") -> OccurrenceChange:
    return OccurrenceChange.objects.create(
        locale=activity.locale, activity=activity, date=on, kind=ChangeKind.CANCELLED, reason=reason
    )


def move(activity: Activity, on, to=None, start: str = "", end: str = "", reason: str = "Sali on varattu."):
    return OccurrenceChange.objects.create(
        locale=activity.locale,
        activity=activity,
        date=on,
        kind=ChangeKind.MOVED,
        new_date=to,
        new_start_time=time(start) if start else None,
        new_end_time=time(end) if end else None,
        reason=reason,
    )


def close(site: dict, first, last, reason: str) -> Closure:
    return Closure.objects.create(
        locale=site["locale"], site=site["site"], first_date=first, last_date=last, reason=reason
    )


def make_event(site: dict, title: str, slug: str, on: datetime.date, start: str, end: str, **extra) -> EventPage:
    event = EventPage(
        title=title,
        slug=slug,
        intro=f"{title} kaikille perheille.",
        start=datetime.datetime.combine(on, time(start), tzinfo=HELSINKI),
        end=datetime.datetime.combine(on, time(end), tzinfo=HELSINKI),
        **extra,
    )
    return site["events_page"].add_child(instance=event)


def make_programme() -> dict:
    """The programme every calendar test compares: see the comments for what each row is there to test."""
    site = make_site()
    cafe = make_activity(site, "Perhekahvila", "perhekahvila", [0, 2, 4], "09:30", "12:00", day(2026, 8, 3))
    # Every other week, its first date a Sunday: the first real occurrence is Thursday 17 September.
    fathers = make_activity(
        site, "Isien ilta", "isien-ilta", [3], "17:00", "19:00", day(2026, 9, 6), interval_weeks=2, kind="peer"
    )
    # At 9.00 on Saturdays and Sundays: both clock changes fall on a Sunday.
    gym = make_activity(site, "Vauvajumppa", "vauvajumppa", [5, 6], "09:00", "10:00", day(2026, 9, 5))
    # Its last date (a Tuesday, the last occurrence) comes just after the March change: UNTIL in UTC must hold it.
    advice = make_activity(
        site,
        "Neuvola-aika",
        "neuvola-aika",
        [1],
        "13:00",
        "15:00",
        day(2026, 9, 1),
        last_date=day(2027, 3, 30),
        kind="drop_in",
    )
    house = make_activity(
        site, "Talokokous", "talokokous", [2], "14:00", "15:00", day(2026, 9, 2), interval_weeks=2, staff_only=True
    )
    # October 2026, week 43 (19.–25.10.)
    cancel(cafe, day(2026, 10, 21))
    cancel(cafe, day(2026, 10, 20), "Ei koske mitään: kahvila ei ole tiistaisin.")
    close(site, day(2026, 10, 22), day(2026, 10, 23), "Henkilökunnan koulutuspäivät.")
    move(cafe, day(2026, 10, 23), day(2026, 10, 24), "10:00", "12:30", "Koulutuksen vuoksi lauantaina.")
    move(gym, day(2026, 10, 24), day(2026, 10, 23), reason="Siirretty suljetulle päivälle.")
    move(cafe, day(2026, 10, 19), start="10:30", end="12:30", reason="Alkaa tänään myöhemmin.")
    # Christmas
    close(site, day(2026, 12, 21), day(2027, 1, 6), "Joulutauko.")
    # March 2027, weeks 12 (22.–28.3.) and 13 (29.3.–4.4.)
    move(cafe, day(2027, 3, 26), day(2027, 3, 25), "10:00", "12:30", "Perjantaina sali on varattu.")
    move(cafe, day(2027, 3, 29), day(2027, 3, 28), "11:00", "13:00", "Pääsiäisen vuoksi sunnuntaina.")
    cancel(fathers, day(2027, 3, 25), "Isien ilta jää väliin.")
    cancel(house, day(2027, 3, 24), "Ei talokokousta.")
    events = [
        make_event(
            site, "Yhteisökokous", "yhteisokokous", day(2026, 10, 20), "17:00", "19:00", kind="community_meeting"
        ),
        make_event(
            site,
            "Yhteiskehittämisen päivä",
            "yhteiskehittamisen-paiva",
            day(2027, 3, 27),
            "10:00",
            "14:00",
            kind="co_development",
            location="Koivukylän koulu",
        ),
    ]
    activities = {"cafe": cafe, "fathers": fathers, "gym": gym, "advice": advice, "house": house}
    return site | {"activities": activities, "events": events}
