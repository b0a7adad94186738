"""The families' voice in the demo, in fi, sv and en: the feedback, children's voice, visitor survey and
ways-to-take-part pages, a month of feedback on four activities, children's picture forms and observations,
and the survey's anonymous answers.

`ideas.demo` calls `load()` with what the events demo made: feedback and children's voice belong to its
activities and fall on the days they were held. Dates are counted from today, so the demo looks current.
"""

import datetime
from dataclasses import dataclass

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page, Site

from events.demo import EventsDemo, today_in_helsinki
from pages.demo.build import ensure_page

from ...models import ChildrenVoicePage, ChildVoice, Feedback, FeedbackPage, SurveyPage, TakePartPage
from . import children, feedback, survey
from .pages import CHILDREN_PAGE, FEEDBACK_PAGE, TAKE_PART_PAGE


@dataclass
class VoiceDemo:
    pages: dict[str, dict[str, Page]]
    """By slug ("palaute", "lasten-aani", "kavijakysely", "osallistu"), then language."""
    feedback: list[Feedback]
    """The answers on four activities in the month before the demo was loaded, oldest first."""
    child_voices: list[ChildVoice]
    """Picture forms and observations, newest first."""
    survey_answers: list[FormSubmission]
    """The answers to the visitor survey, in every language."""


def page_specs(today: datetime.date | None = None) -> list[dict]:
    """The specs of the pages the families' voice demo makes."""
    return [FEEDBACK_PAGE, CHILDREN_PAGE, survey.page_spec(today or today_in_helsinki()), TAKE_PART_PAGE]


def reset() -> None:
    """Delete the feedback and children's voice; the survey's answers go with its pages (the home app's part)."""
    Feedback.objects.all().delete()
    ChildVoice.objects.all().delete()


def load(site: Site, homes: dict[str, Page], events: EventsDemo, today: datetime.date | None = None) -> VoiceDemo:
    today = today or today_in_helsinki()
    pages = {
        FEEDBACK_PAGE["slug"]: ensure_page(homes, FEEDBACK_PAGE, page_class=FeedbackPage),
        CHILDREN_PAGE["slug"]: ensure_page(homes, CHILDREN_PAGE, page_class=ChildrenVoicePage),
    }
    existing = set(SurveyPage.objects.values_list("pk", flat=True))
    spec = survey.page_spec(today)
    surveys = pages[spec["slug"]] = ensure_page(homes, spec, page_class=SurveyPage)
    survey.load_answers([page for page in surveys.values() if page.pk not in existing], today)
    pages[TAKE_PART_PAGE["slug"]] = ensure_page(homes, TAKE_PART_PAGE, page_class=TakePartPage)
    answers = FormSubmission.objects.filter(page__in=[page.pk for page in surveys.values()])
    return VoiceDemo(
        pages=pages,
        feedback=feedback.load(site, events.activities, today),
        child_voices=children.load(site, events.activities, today),
        survey_answers=list(answers.order_by("submit_time")),
    )
