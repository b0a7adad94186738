"""The mail that tells the coordinator about an answer to the ways-to-take-part interest form, sent as a task
on the "mail" backend.

The answer is stored before its mail is queued (after the transaction commits), so a mail server that is down
loses nothing: with the database backend a failed sending is queued again with a growing delay (`pages.mail`).
The coordinator's address is the place's e-mail in its site settings; without one the answer is kept and a
warning logged. The message is plain text in the place's default language, listing the answers as typed and
linking to all the answers in the admin. Logs name the answer by its number, never what it says.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from django_tasks import task
from wagtail.contrib.forms.models import FormSubmission

from pages.exports import yes_no
from pages.mail import send_or_retry
from pages.models import SiteSettings
from pages.navigation import public_url

logger = logging.getLogger(__name__)


def single_line(text: str) -> str:
    """A subject line cannot hold line breaks (they would start new headers)."""
    return " ".join(str(text).split())


def coordinator_address(page) -> str:
    site = page.get_site()
    return SiteSettings.for_site(site).email if site else ""


def mail_language(page) -> str:
    """The place's default language: that of its home page, which the coordinator reads."""
    site = page.get_site()
    language = site.root_page.locale.language_code if site else ""
    return language if language in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def answer_text(value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, list):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "SHORT_DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "SHORT_DATE_FORMAT")
    # Continuation lines are indented, so a line of the answer cannot pass for a question of the form.
    return "\n  ".join(str(value).splitlines())


def interest_mail(submission: FormSubmission, page, address: str) -> EmailMessage:
    """The plain-text message listing `submission`'s answers, in the place's default language."""
    with translation.override(mail_language(page)):
        place = SiteSettings.for_site(page.get_site()).place_name or "Kohtaamo"
        answers = [
            (single_line(field.label), answer_text(submission.form_data.get(field.clean_name)))
            for field in page.get_form_fields()
        ]
        context = {
            "page_title": page.title,
            "page_language": page.locale.get_display_name(),
            "answers": answers,
            "submit_time": date_format(timezone.localtime(submission.submit_time), "SHORT_DATETIME_FORMAT"),
            "submissions_url": public_url(reverse("wagtailforms:list_submissions", args=[page.pk])),
            "place": place,
        }
        subject = gettext("Someone wants to take part: %(page)s") % {"page": single_line(page.title)}
        body = render_to_string("ideas/mail/interest.txt", context)
    return EmailMessage(subject=single_line(subject), body=body, to=[address])


@task(backend="mail")
def send_interest_mail(submission_id: int, attempt: int = 1) -> str:
    """Tells the coordinator about an interest form answer; retries later when sending fails."""
    submission = FormSubmission.objects.select_related("page").filter(pk=submission_id).first()
    if submission is None:
        return "nothing to send"
    page = submission.page.specific
    address = coordinator_address(page)
    if not address:
        logger.warning("The place has no e-mail address: interest form answer %s was not mailed.", submission_id)
        return "no address"
    return send_or_retry(
        interest_mail(submission, page, address),
        task=send_interest_mail,
        args=(submission_id,),
        attempt=attempt,
        about=f"interest form answer {submission_id}",
    )


def queue_interest_mail(submission: FormSubmission) -> None:
    """Queues the coordinator's mail once the answer is committed; without an address only logs a warning.
    A failure to queue never undoes the answer."""
    if not coordinator_address(submission.page):
        logger.warning(
            "The place has no e-mail address in its settings: interest form answer %s is stored, not mailed.",
            submission.pk,
        )
        return
    submission_id = submission.pk

    def enqueue():
        try:
            send_interest_mail.enqueue(submission_id)
        except Exception:
            logger.exception("Could not queue the mail about interest form answer %s.", submission_id)

    transaction.on_commit(enqueue)
