"""Staff sign-in that resists guessing: django-axes counts failed sign-ins per username and address together,
in the database that every app server shares, so that a guesser is stopped without anyone being able to lock
a staff member out from elsewhere. The lockout answer is the sign-in page with a message that tells nothing
about the account."""

from django.conf import settings
from django.contrib import messages
from django.shortcuts import render
from django.utils.translation import ngettext
from wagtail.admin.forms.auth import LoginForm

from . import throttle


def client_address(request) -> str:
    """The address failed sign-ins are counted for: the same one the rate limits use."""
    return throttle.client_address(request)


def locked_out(request, original_response=None, credentials=None):
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    messages.error(
        request,
        ngettext(
            "Too many failed sign-ins with this username from your address. Try again in %(minutes)d minute.",
            "Too many failed sign-ins with this username from your address. Try again in %(minutes)d minutes.",
            minutes,
        )
        % {"minutes": minutes},
    )
    context = {"form": LoginForm(request=request), "next": request.POST.get("next", ""), "username_field": "username"}
    return render(request, "wagtailadmin/login.html", context, status=429)
