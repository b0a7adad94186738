"""The calendar tests' programme around the daylight-saving changes of October 2026 (Sunday 25 October) and
March 2027 (Sunday 28 March), built with the shared builders."""

import datetime

from events.models import Activity, EventPage

from .builders import HELSINKI, cancel, close, local, make_activity, make_event, make_programme_site, move

__all__ = ["HELSINKI", "day", "make_programme"]

day = datetime.date
time = datetime.time


def activity(site: dict, title: str, slug: str, weekdays, start, end, first, **fields) -> Activity:
    return make_activity(
        site,
        title=title,
        slug=slug,
        description=f"{title}: kaikki tervetulleita.",
        room="Sali",
        weekdays=list(weekdays),
        start_time=start,
        end_time=end,
        first_date=first,
        **fields,
    )


def event(site: dict, title: str, slug: str, on: datetime.date, start: int, end: int, **fields) -> EventPage:
    intro = f"{title} kaikille perheille."
    return make_event(site, local(on, start), local(on, end), slug=slug, title=title, intro=intro, **fields)


def make_programme() -> dict:
    """The programme every calendar test compares: see the comments for what each row is there to test."""
    site = make_programme_site()
    cafe = activity(site, "Perhekahvila", "perhekahvila", [0, 2, 4], time(9, 30), time(12), day(2026, 8, 3))
    # Every other week, its first date a Sunday: the first real occurrence is Thursday 17 September.
    fathers = activity(
        site, "Isien ilta", "isien-ilta", [3], time(17), time(19), day(2026, 9, 6), interval_weeks=2, kind="peer"
    )
    # At 9.00 on Saturdays and Sundays: both clock changes fall on a Sunday.
    gym = activity(site, "Vauvajumppa", "vauvajumppa", [5, 6], time(9), time(10), day(2026, 9, 5))
    # Its last date (a Tuesday, the last occurrence) comes just after the March change: UNTIL in UTC must hold it.
    advice = activity(
        site,
        "Neuvola-aika",
        "neuvola-aika",
        [1],
        time(13),
        time(15),
        day(2026, 9, 1),
        last_date=day(2027, 3, 30),
        kind="drop_in",
    )
    house = activity(
        site, "Talokokous", "talokokous", [2], time(14), time(15), day(2026, 9, 2), interval_weeks=2, staff_only=True
    )
    # October 2026, week 43 (19.–25.10.)
    cancel(cafe, day(2026, 10, 21))
    cancel(cafe, day(2026, 10, 20), "Ei koske mitään: kahvila ei ole tiistaisin.")
    close(site, day(2026, 10, 22), day(2026, 10, 23), "Henkilökunnan koulutuspäivät.")
    move(cafe, day(2026, 10, 23), day(2026, 10, 24), time(10), time(12, 30), "Koulutuksen vuoksi lauantaina.")
    move(gym, day(2026, 10, 24), day(2026, 10, 23), reason="Siirretty suljetulle päivälle.")
    move(cafe, day(2026, 10, 19), start=time(10, 30), end=time(12, 30), reason="Alkaa tänään myöhemmin.")
    # Christmas
    close(site, day(2026, 12, 21), day(2027, 1, 6), "Joulutauko.")
    # March 2027, weeks 12 (22.–28.3.) and 13 (29.3.–4.4.)
    move(cafe, day(2027, 3, 26), day(2027, 3, 25), time(10), time(12, 30), "Perjantaina sali on varattu.")
    move(cafe, day(2027, 3, 29), day(2027, 3, 28), time(11), time(13), "Pääsiäisen vuoksi sunnuntaina.")
    cancel(fathers, day(2027, 3, 25), "Isien ilta jää väliin.")
    cancel(house, day(2027, 3, 24), "Ei talokokousta.")
    events = [
        event(site, "Yhteisökokous", "yhteisokokous", day(2026, 10, 20), 17, 19, kind="community_meeting"),
        event(
            site,
            "Yhteiskehittämisen päivä",
            "yhteiskehittamisen-paiva",
            day(2027, 3, 27),
            10,
            14,
            kind="co_development",
            location="Koivukylän koulu",
        ),
    ]
    activities = {"cafe": cafe, "fathers": fathers, "gym": gym, "advice": advice, "house": house}
    return site | {"activities": activities, "events": events}
