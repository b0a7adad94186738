"""The programme's and the sign-ups' lines in the admin dashboard's "Everyday tasks" (the STAFF_TASKS hook)."""

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.models import Locale

from pages.hooks import StaffTask

from .models import Activity, Closure, OccurrenceChange, Registration, RegistrationStatus
from .viewsets import may_view_registrations


def events_tasks(request) -> list[StaffTask]:
    today = timezone.localdate()
    default = Locale.get_default()
    activities = (
        Activity.objects.filter(locale=default).filter(Q(last_date__isnull=True) | Q(last_date__gte=today)).count()
    )
    changes = OccurrenceChange.objects.filter(locale=default).filter(Q(date__gte=today) | Q(new_date__gte=today))
    closures = Closure.objects.filter(locale=default, last_date__gte=today).count()
    tasks = [
        StaffTask(
            label=_("The week's programme"),
            url=reverse("wagtailsnippets_events_activity:list"),
            detail=ngettext("%(count)s activity", "%(count)s activities", activities) % {"count": activities},
            order=100,
        ),
        StaffTask(
            label=_("House-meeting rota"),
            url=reverse("events_house_meeting_rota"),
            detail=_("which steering-group member attends each house meeting"),
            order=105,
        ),
        StaffTask(
            label=_("Cancellations and closures"),
            url=reverse("wagtailsnippets_events_occurrencechange:list"),
            detail=_("coming: %(changes)s cancellations or changes, %(closures)s closures")
            % {"changes": changes.count(), "closures": closures},
            order=110,
        ),
    ]
    if may_view_registrations(request.user):
        confirmed = Registration.objects.filter(
            status=RegistrationStatus.CONFIRMED, event__end__gte=timezone.now()
        ).count()
        tasks.append(
            StaffTask(
                label=_("Sign-ups to upcoming events"),
                url=reverse("wagtailsnippets_events_registration:list") + f"?status={RegistrationStatus.CONFIRMED}",
                detail=ngettext("%(count)s confirmed", "%(count)s confirmed", confirmed) % {"count": confirmed},
                order=120,
            )
        )
    return tasks
