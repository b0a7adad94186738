"""Registration views: thin, the rules are in events.models.registrations.

Signing up, the confirmation and cancelling need no account: the confirmation and cancel pages are reached
by a signed link (events.tokens) that carries the registration's number only. Every POST is rate limited in
the shared cache (pages.throttle): sending the form at all, and signing up, per client and for the whole site.
The limits are generous: the families at the place share one address, and staff sign families up on its tablet.
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods
from wagtail.models import Site

from pages import throttle
from pages.models import SiteSettings

from .models import EventPage, Registration, RegistrationStatus
from .registration_forms import RegistrationForm
from .tasks import PROMOTED, SIGNED_UP, send_registration_mail
from .tokens import registration_id, registration_token

logger = logging.getLogger(__name__)

TRIES_PER_CLIENT = throttle.Limit(60, 10 * 60)  # sending a form, whether it is accepted or not
SIGN_UPS_PER_CLIENT = throttle.Limit(20, 10 * 60)
SIGN_UPS_OVERALL = throttle.Limit(500, 60 * 60)


def refuse_tries(request):
    """The 429 page when this client has sent registration forms too often, else None."""
    if not throttle.allow(request, "registration-tries", TRIES_PER_CLIENT):
        return throttle.too_many_requests(request, TRIES_PER_CLIENT)
    return None


def refuse_sign_up(request):
    """The 429 page once this client, or everybody together, has signed up too often, else None."""
    if not throttle.allow(request, "registration", SIGN_UPS_PER_CLIENT):
        return throttle.too_many_requests(request, SIGN_UPS_PER_CLIENT)
    if not throttle.allow_overall("registration", SIGN_UPS_OVERALL):
        return throttle.too_many_requests(request, SIGN_UPS_OVERALL, overall=True)
    return None


def queue_mail(registration: Registration, kind: str) -> None:
    """Queues the mail once the registration is committed; a failure to queue never undoes the registration."""
    if not registration.email:
        return

    def enqueue():
        try:
            send_registration_mail.enqueue(registration.pk, kind)
        except Exception:
            logger.exception("Could not queue the %s mail of registration %s.", kind, registration.pk)

    transaction.on_commit(enqueue)


def privacy_url(request) -> str:
    if Site.find_for_request(request) is None:
        return ""
    page = SiteSettings.for_request(request).privacy_page
    return page.localized.get_url(request) if page else ""


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def register(request, event_id):
    event = EventPage.objects.live().public().filter(pk=event_id).first()
    if event is None or not event.registration_enabled or event.staff_only:
        raise Http404
    if request.method == "POST" and (refused := refuse_tries(request)):
        return refused
    shown = event.localized
    availability = Registration.objects.availability(event)
    form = RegistrationForm(request.POST if request.method == "POST" else None, event=event)
    if form.caught:  # a robot: sent back to the event, and nothing is stored
        return redirect(shown.get_url(request))
    if request.method == "POST" and availability.is_open and form.is_valid():
        if refused := refuse_sign_up(request):
            return refused
        try:
            registration, created = Registration.objects.sign_up(
                event, language=get_language(), **form.sign_up_details()
            )
        except ValidationError as refusal:
            form.add_error(None, refusal)
            availability = Registration.objects.availability(event)
        else:
            if created:
                queue_mail(registration, SIGNED_UP)
            return redirect(reverse("events:registration_done", args=[registration_token(registration.pk)]))
    context = {
        "event": shown,
        "form": form,
        "availability": availability,
        "privacy_url": privacy_url(request),
    }
    return render(request, "events/registration_form.html", context)


def registration_for(token: str) -> Registration:
    """The registration a signed link points to; 404 for a forged or expired link."""
    pk = registration_id(token)
    registration = Registration.objects.select_related("event").filter(pk=pk).first() if pk else None
    if registration is None or not registration.links_valid():
        raise Http404
    return registration


def registration_context(registration: Registration, token: str) -> dict:
    return {
        "registration": registration,
        "event": registration.event_in(get_language()),
        "token": token,
        "confirmed": registration.status == RegistrationStatus.CONFIRMED,
        "waitlisted": registration.status == RegistrationStatus.WAITLISTED,
        "can_cancel": registration.can_cancel(),
        "childcare_asked": registration.children.filter(needs_childcare=True).exists(),
    }


@never_cache
@require_http_methods(["GET", "HEAD"])
def registration_done(request, token):
    registration = registration_for(token)
    return render(request, "events/registration_done.html", registration_context(registration, token))


@never_cache
@require_http_methods(["GET", "HEAD", "POST"])
def registration_cancel(request, token):
    if request.method == "POST" and (refused := refuse_tries(request)):
        return refused
    registration = registration_for(token)
    done_url = reverse("events:registration_done", args=[token])
    if registration.is_cancelled:
        return redirect(done_url)
    error = ""
    if request.method == "POST":
        try:
            promoted = registration.cancel(now=timezone.now())
        except ValidationError as refusal:
            error = refusal.messages[0]
        else:
            for other in promoted:
                queue_mail(other, PROMOTED)
            return redirect(done_url)
    context = {**registration_context(registration, token), "done_url": done_url, "error": error}
    return render(request, "events/registration_cancel.html", context)
