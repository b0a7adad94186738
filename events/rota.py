"""The house-meeting rota: a steering-group member attends each house meeting, in turn.

The members take turns in the order of the chair rotation (site settings); the house meetings of a place count
from the rotation's start, so a meeting keeps its member when new meetings are added after it.
"""

import datetime
from dataclasses import dataclass

from wagtail.models import Locale, Site

from pages.models import Partner, SiteSettings

from . import schedule
from .models import EventKind, EventPage


@dataclass(frozen=True)
class RotaRow:
    meeting: EventPage
    member: Partner | None


def house_meetings(site: Site):
    """The place's house meetings in the default language, in time order (drafts too: staff plan them)."""
    meetings = EventPage.objects.descendant_of(site.root_page).filter(
        kind=EventKind.HOUSE_MEETING, locale=Locale.get_default()
    )
    return meetings.order_by("start", "pk")


def rota(site: Site, members: list | None = None) -> list[RotaRow]:
    """Every house meeting since the rotation started, each with the member whose turn it is."""
    site_settings = SiteSettings.for_site(site)
    members = site_settings.rotation_members() if members is None else members
    meetings = house_meetings(site)
    if site_settings.chair_rotation_start:
        meetings = meetings.filter(start__gte=schedule.aware(site_settings.chair_rotation_start, datetime.time.min))
    meetings = list(meetings)
    return [
        RotaRow(meeting, members[index % len(members)] if members else None) for index, meeting in enumerate(meetings)
    ]


def member_for(meeting: EventPage) -> Partner | None:
    """The steering-group member on turn at `meeting` (a house meeting, in any language)."""
    site = meeting.get_site()
    if site is None or meeting.kind != EventKind.HOUSE_MEETING:
        return None
    key = meeting.translation_key
    row = next((row for row in rota(site) if row.meeting.translation_key == key), None)
    if row is None or row.member is None:
        return None
    return row.member.get_translation_or_none(meeting.locale) or row.member
