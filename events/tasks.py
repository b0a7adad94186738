"""Mail to families about their registrations, sent as tasks on the "mail" backend.

The registration is stored before its mail is even queued, so a mail server that is down loses nothing: with
the database backend (KOHTAAMO_TASKS=database) the task waits in the database for `manage.py db_worker`, and
a failed sending is queued again with a growing delay (`pages.mail`).
"""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from django_tasks import task

from pages.mail import send_or_retry
from pages.models import SiteSettings
from pages.navigation import public_url

from .models import Registration, RegistrationStatus
from .tokens import registration_token

SIGNED_UP = "signed_up"
PROMOTED = "promoted"
KINDS = (SIGNED_UP, PROMOTED)


def registration_links(registration: Registration) -> dict[str, str]:
    """The registration's own pages, in the language of the current translation.override()."""
    token = registration_token(registration.pk)
    return {
        "done_url": public_url(reverse("events:registration_done", args=[token])),
        "cancel_url": public_url(reverse("events:registration_cancel", args=[token])),
    }


def registration_mail(registration: Registration, kind: str) -> EmailMessage:
    """The plain-text message about `registration`, written in the language the family used."""
    with translation.override(registration.language):
        event = registration.event_in(registration.language)
        site = event.get_site()
        place = SiteSettings.for_site(site).place_name if site else ""
        context = {
            "registration": registration,
            "event": event,
            "event_url": event.get_full_url() or "",
            "place": place or "Kohtaamo",
            "confirmed": registration.status == RegistrationStatus.CONFIRMED,
            **registration_links(registration),
        }
        if kind == PROMOTED:
            subject = gettext("A place opened up for you: %(event)s") % {"event": event.title}
        elif context["confirmed"]:
            subject = gettext("You are signed up: %(event)s") % {"event": event.title}
        else:
            subject = gettext("You are on the waiting list: %(event)s") % {"event": event.title}
        body = render_to_string(f"events/mail/{kind}.txt", context)
    return EmailMessage(subject=subject, body=body, to=[registration.email])


@task(backend="mail")
def send_registration_mail(registration_id: int, kind: str, attempt: int = 1) -> str:
    """Sends the `kind` mail (SIGNED_UP or PROMOTED) for a registration; retries later when sending fails."""
    registration = Registration.objects.select_related("event").filter(pk=registration_id).first()
    if registration is None or not registration.email or registration.erased_at or registration.is_cancelled:
        return "nothing to send"
    message = registration_mail(registration, kind)
    return send_or_retry(
        message,
        task=send_registration_mail,
        args=(registration_id, kind),
        attempt=attempt,
        about=f"registration {registration_id}",
    )
