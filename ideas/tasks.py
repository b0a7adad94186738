"""Mail to proposers when their idea's status changes, sent as tasks on the "mail" backend.

Queued by `ideas.moderation.change_status` once the change is committed. With the database backend the task
waits for `manage.py db_worker`, and a failed sending is queued again with the same growing delays as the
registration mail (`pages.mail`). The message is plain text in the language the proposer used,
with a signed link to stop the updates (which also erases the address).
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from pages.mail import send_or_retry
from pages.models import SiteSettings
from pages.navigation import public_url

from .models import Idea, IdeaIndexPage, IdeaStatus
from .tokens import contact_token


def mail_language(idea: Idea) -> str:
    languages = {code for code, _name in settings.LANGUAGES}
    return idea.contact_language if idea.contact_language in languages else settings.LANGUAGE_CODE


def idea_links(idea: Idea, language: str) -> dict[str, str]:
    """The idea's public page (never for an idea that is not public) and the "stop updates" link."""
    page = IdeaIndexPage.for_site(idea.site, language)
    if page is None:
        return {"idea_url": "", "stop_url": ""}
    base = page.get_url() or page.url or ""
    links = {"stop_url": public_url(base + page.reverse_subpage("stop_updates", args=[contact_token(idea.pk)]))}
    links["idea_url"] = public_url(base + page.reverse_subpage("idea", args=[idea.pk])) if idea.is_public else ""
    return links


def single_line(text: str) -> str:
    """A subject line cannot hold line breaks (they would start new headers)."""
    return " ".join(text.split())


def status_mail(idea: Idea) -> EmailMessage:
    """The plain-text message about the idea's current status, in the proposer's language."""
    language = mail_language(idea)
    with translation.override(language):
        place = SiteSettings.for_site(idea.site).place_name or "Kohtaamo"
        context = {
            "idea": idea,
            "status_label": IdeaStatus(idea.status).label,
            "status": idea.status,
            "merged_into": idea.merged_into if idea.status == IdeaStatus.MERGED else None,
            "place": place,
            **idea_links(idea, language),
        }
        subject = gettext("News about your idea: %(title)s") % {"title": single_line(idea.title)}
        body = render_to_string("ideas/mail/status_changed.txt", context)
    return EmailMessage(subject=subject, body=body, to=[idea.email])


@task(backend="mail")
def send_status_mail(idea_id: int, status: str, attempt: int = 1) -> str:
    """Tells the proposer that their idea moved to `status`; nothing when it has moved on since or has no
    address any more. Retries later when sending fails."""
    idea = Idea.objects.select_related("site", "merged_into").filter(pk=idea_id).first()
    if idea is None or not idea.email or status == IdeaStatus.AWAITING:
        return "nothing to send"
    if idea.status != status:
        return "outdated"  # a later change queued its own mail
    message = status_mail(idea)
    return send_or_retry(
        message, task=send_status_mail, args=(idea_id, status), attempt=attempt, about=f"idea {idea_id}"
    )
