"""What the programme adds to the rest of the site through the named hooks of `pages.hooks`, and the admin."""

import datetime

from django.db.models import Min, Q
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import Site
from wagtail.snippets.models import register_snippet

from pages.freshness import remember
from pages.hooks import CLOCK_CHANGES, CLOSURES, PARTNER_CARD_NOTES, PARTNER_PAGE_SECTIONS, SEARCH_SOURCES, STAFF_TASKS
from pages.personal_data import PERSONAL_DATA
from pages.search import SearchResult, SearchSource
from pages.shared import default_locale

from . import schedule
from .admin_views import page_header_buttons, page_listing_more_buttons, register_admin_urls
from .dashboard import events_tasks
from .models import Activity, Closure, EventPage, OccurrenceChange, WeekPage
from .personal_data import Registrations
from .viewsets import ProgrammeGroup, RegistrationDeleteBulkAction
from .visits_admin import VisitCountDeleteBulkAction, VisitsGroup, register_visit_urls, visits_tasks

register_snippet(ProgrammeGroup)  # the registrations' list is in the group
hooks.register("register_admin_urls", register_admin_urls)
hooks.register("register_page_header_buttons", page_header_buttons)
hooks.register("register_page_listing_more_buttons", page_listing_more_buttons)
# Before Wagtail's own bulk delete (events comes first in INSTALLED_APPS), which would list names to any editor.
hooks.register("register_bulk_action", RegistrationDeleteBulkAction, order=1)
hooks.register("register_bulk_action", VisitCountDeleteBulkAction, order=1)
hooks.register(STAFF_TASKS, events_tasks)

# Visit counts: the counting form, the dashboard and the list, and the day's counting task.
register_snippet(VisitsGroup)
hooks.register("register_admin_urls", register_visit_urls)
hooks.register(STAFF_TASKS, visits_tasks)


@hooks.register(CLOCK_CHANGES)
def next_event_moment(now):
    """An event moves from coming to past when it ends, shows "on now" from its start, and stops taking
    sign-ups at its deadline."""
    moments = EventPage.objects.live().aggregate(
        start=Min("start", filter=Q(start__gt=now)),
        end=Min("end", filter=Q(end__gt=now)),
        deadline=Min("registration_deadline", filter=Q(registration_deadline__gt=now)),
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)


# A partner's page lists its next dates within this many weeks.
PARTNER_WEEKS = 3
PARTNER_DATES = 6


@hooks.register(CLOSURES)
def place_closures(request, first_date, last_date):
    site = Site.find_for_request(request)
    if site is None:
        return []
    return Closure.objects.filter(site=site).overlapping(first_date, last_date).rows()


@hooks.register(PARTNER_PAGE_SECTIONS)
def partner_activities(request, partner):
    """The partner's drop-in hours and activities on its page, with their next dates."""
    week_page = WeekPage.for_request(request)
    if week_page is None:
        return None
    activities = week_page.activities(request).public().for_listing()
    activities = list(activities.filter(partners__translation_key=partner.translation_key).distinct())
    if not activities:
        return None
    today = timezone.localdate()
    until = today + datetime.timedelta(weeks=PARTNER_WEEKS)
    keys = [activity.translation_key for activity in activities]
    changes = OccurrenceChange.objects.filter(activity__translation_key__in=keys).between(today, until).rows()
    closures = Closure.objects.filter(site_id=week_page.get_site().pk).overlapping(today, until).rows()
    for activity in activities:
        activity.partner_list = []
        activity.url = week_page.activity_url(request, activity)
    upcoming = [
        week_page.occurrence_item(request, occurrence)
        for occurrence in schedule.occurrences(activities, changes, closures, today, until)[:PARTNER_DATES]
    ]
    drop_in = [activity for activity in activities if activity.kind == "drop_in"]
    other = [activity for activity in activities if activity.kind != "drop_in"]
    context = {"drop_in": drop_in, "other": other, "upcoming": upcoming, "week_url": week_page.get_url(request)}
    return ("events/includes/partner_activities.html", context)


@hooks.register(PARTNER_CARD_NOTES)
def partner_days(request, partners):
    """ "At the place: Tuesday, Friday" on each partner's card, from its current public activities."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    today = timezone.localdate()

    def build() -> dict:
        rows = (
            Activity.objects.filter(site=site, locale=default_locale(), staff_only=False, first_date__lte=today)
            .exclude(last_date__lt=today)
            .values_list("partners__translation_key", "weekdays")
        )
        days: dict = {}
        for key, weekdays in rows:
            if key is not None:
                days.setdefault(key, set()).update(weekdays)
        names = dict(enumerate(schedule.weekday_names()))
        return {
            key: _("At the place: %(days)s") % {"days": ", ".join(names[day] for day in sorted(weekdays))}
            for key, weekdays in days.items()
        }

    return remember("partner-days", build, site.pk, today, get_language())


@hooks.register(SEARCH_SOURCES)
def activities_source(request):
    """Public activities in the reader's language, each linking to its own page."""
    week_page = WeekPage.for_request(request)
    if week_page is None:
        return None
    kind = capfirst(Activity._meta.verbose_name)
    return SearchSource(
        queryset=week_page.activities(request).public(),
        result=lambda activity: SearchResult(
            title=activity.title,
            url=week_page.activity_url(request, activity),
            text=activity.description,
            kind=kind,
        ),
    )


# Registrations: exported, erased and past their retention period through `pages.personal_data`.
hooks.register(PERSONAL_DATA, Registrations)
