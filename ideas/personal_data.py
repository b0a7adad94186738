"""Personal data the ideas app keeps: proposers' e-mail addresses, and answers to the survey and the interest form.

Registered for `pages.personal_data.PERSONAL_DATA` in `wagtail_hooks.py`. Feedback and children's voice are not
here: they hold no name, address or number (`ideas.models.voice`), and votes belong to codes, not people.

- An idea keeps its text when its proposer asks to be forgotten; it loses the e-mail and the name shown (it is
  then shown as "a family"). After the retention period, counted from when the idea was proposed, it loses the
  e-mail only.
- A form answer that holds the person's e-mail or phone number anywhere in it is deleted. Answers to the
  interest form (ways to take part), which say who wants to take part, are deleted after their retention
  period; the visitor survey asks no one's name and its answers are kept for the yearly summary.
"""

import datetime

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import ngettext
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Page

from pages.personal_data import Person

from .models import Idea, SurveyField, SurveyPage, TakePartField, TakePartPage
from .models.form_pages import SUBMISSION_KEY


class ProposerEmails:
    kind = "ideas"

    def matching(self, person: Person):
        if not person.email:
            return Idea.objects.none()
        return Idea.objects.filter(email__iexact=person.email)

    def find(self, person: Person) -> list[dict]:
        return [
            {
                "id": idea.pk,
                "title": idea.title,
                "description": idea.description,
                "language": idea.language,
                "status": idea.status,
                "created_at": idea.created_at,
                "name_shown": idea.author_name,
                "email": idea.email,
                "language_of_updates": idea.contact_language,
            }
            for idea in self.matching(person).order_by("created_at", "pk")
        ]

    def erase(self, person: Person, now: datetime.datetime) -> int:
        ideas = list(self.matching(person))
        for idea in ideas:  # saved one by one, so that public pages showing the name are renewed
            idea.email = ""
            idea.author_name = ""
            idea.save(update_fields=["email", "author_name"])
        return len(ideas)

    def apply_retention(self, now: datetime.datetime) -> int:
        cutoff = now - datetime.timedelta(days=settings.KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS)
        return Idea.objects.exclude(email="").filter(created_at__lt=cutoff).update(email="")

    def retention_notice(self) -> str:
        days = settings.KOHTAAMO_PROPOSER_EMAIL_RETENTION_DAYS
        return ngettext(
            "The e-mail address given with an idea is deleted %(days)d day after the idea was proposed, or "
            "earlier when you ask.",
            "The e-mail address given with an idea is deleted %(days)d days after the idea was proposed, or "
            "earlier when you ask.",
            days,
        ) % {"days": days}


def answer_values(value) -> list[str]:
    """The texts in one stored answer: a list (checkboxes) gives each of its items."""
    items = value if isinstance(value, list) else [value]
    return [item for item in items if isinstance(item, str)]


class FormAnswers:
    kind = "form_answers"

    @staticmethod
    def answers():
        pages = ContentType.objects.get_for_models(SurveyPage, TakePartPage).values()
        return FormSubmission.objects.filter(page__content_type__in=pages)

    def matching(self, person: Person) -> list[FormSubmission]:
        """The answers holding this person's e-mail or phone number in any of their texts. Read in Python: the
        answers are JSON, and a number may be written in any form."""
        found = []
        for submission in self.answers().order_by("submit_time", "pk").iterator():
            texts = [
                text
                for name, value in (submission.form_data or {}).items()
                if name != SUBMISSION_KEY
                for text in answer_values(value)
            ]
            if any(person.has_email(text) or person.is_mentioned_in(text) for text in texts):
                found.append(submission)
        return found

    def find(self, person: Person) -> list[dict]:
        submissions = self.matching(person)
        page_ids = {submission.page_id for submission in submissions}
        pages = dict(Page.objects.filter(pk__in=page_ids).values_list("pk", "title"))
        labels = question_labels(page_ids)
        return [
            {
                "form": pages.get(submission.page_id, ""),
                "submit_time": submission.submit_time,
                "answers": {
                    labels.get((submission.page_id, name), name): value
                    for name, value in submission.form_data.items()
                    if name != SUBMISSION_KEY
                },
            }
            for submission in submissions
        ]

    def erase(self, person: Person, now: datetime.datetime) -> int:
        ids = [submission.pk for submission in self.matching(person)]
        deleted, _by_model = FormSubmission.objects.filter(pk__in=ids).delete()
        return deleted

    def apply_retention(self, now: datetime.datetime) -> int:
        cutoff = now - datetime.timedelta(days=settings.KOHTAAMO_INTEREST_ANSWER_RETENTION_DAYS)
        interest = ContentType.objects.get_for_model(TakePartPage)
        deleted, _by_model = FormSubmission.objects.filter(page__content_type=interest, submit_time__lt=cutoff).delete()
        return deleted

    def retention_notice(self) -> str:
        days = settings.KOHTAAMO_INTEREST_ANSWER_RETENTION_DAYS
        return ngettext(
            "Answers to the form for taking part are deleted %(days)d day after they were sent.",
            "Answers to the form for taking part are deleted %(days)d days after they were sent.",
            days,
        ) % {"days": days}


def question_labels(page_ids) -> dict[tuple[int, str], str]:
    """{(page id, field name): question} for the forms of `page_ids`; a stored answer names its question."""
    labels = {}
    for model in (SurveyField, TakePartField):
        for page_id, clean_name, label in model.objects.filter(page_id__in=page_ids).values_list(
            "page_id", "clean_name", "label"
        ):
            labels[(page_id, clean_name)] = label
    return labels
