"""The named Wagtail hooks where higher apps add to an event's page and its editor; the README lists them.

`events` never imports the apps above it: `ideas` registers functions for these hooks in its
`wagtail_hooks.py`, and an event's page shows what they give. Tests use `hooks.register_temporarily`.
"""

from wagtail import hooks

EVENT_PAGE_SECTIONS = "kohtaamo_event_page_sections"
"""fn(request, event) -> (template_name, context) or None. Each answer is a section of the event's page (after
its programme and workshops), rendered with its context as `section`: a meeting's agenda and decisions, the
voting round that prepared a co-development day."""


def event_page_sections(request, event) -> list[tuple[str, dict]]:
    answers = (fn(request, event) for fn in hooks.get_hooks(EVENT_PAGE_SECTIONS))
    return [answer for answer in answers if answer is not None]


MEETING_RECORD_PANELS = "kohtaamo_meeting_record_panels"
"""fn() -> list of Wagtail panels. They join the "Meeting record" tab of the event editor, after the
participants and the minutes: a meeting's agenda, whose items point to ideas. Read once, when the editor is
first built."""


def meeting_record_panels() -> list:
    return [panel for fn in hooks.get_hooks(MEETING_RECORD_PANELS) for panel in fn()]


ACTIVITY_PAGE_SECTIONS = "kohtaamo_activity_page_sections"
"""fn(request, activity) -> (template_name, context) or None. Each answer is a section of a public activity's
page (`/viikko/<slug>/`), after its dates, rendered with its context as `section`: the link to give feedback
on the activity."""


def activity_page_sections(request, activity) -> list[tuple[str, dict]]:
    if activity.staff_only:
        return []
    answers = (fn(request, activity) for fn in hooks.get_hooks(ACTIVITY_PAGE_SECTIONS))
    return [answer for answer in answers if answer is not None]
