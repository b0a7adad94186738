"""Staff views of an event's sign-ups: a summary for planning (places, childcare, interpreters, needs) and a
printable sign-in list for the door.

Both need the `events.view_registration` permission (`events.viewsets.registration_permission_policy`),
checked before the event is even looked up. Registrations belong to the event in the default language, so
an address with a translation's id shows the same sign-ups. `events/wagtail_hooks.py` registers
`register_admin_urls` ("register_admin_urls"), `page_header_buttons` ("register_page_header_buttons") and
`page_listing_more_buttons` ("register_page_listing_more_buttons").
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q, Sum
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.models import Site

from .languages import language_name
from .models import EventPage, Registration, RegistrationChild, RegistrationStatus
from .rota import rota
from .viewsets import event_label, may_view_registrations

REGISTRATIONS_LIST = "wagtailsnippets_events_registration:list"

AGE_GROUPS = ((0, 2), (3, 5), (6, 12), (13, 17))
"""Childcare is planned by these age groups (inclusive years), each looked after apart."""


@dataclass
class Need:
    who: str
    text: str


@dataclass
class RegistrationSummary:
    """What staff plan an event by. People, childcare, interpreters and needs count confirmed families only."""

    confirmed: int = 0
    waitlisted: int = 0
    cancelled: int = 0
    adults: int = 0
    children: int = 0
    childcare: list[tuple[str, int]] = field(default_factory=list)
    interpreters: list[tuple[str, int]] = field(default_factory=list)
    accessibility_needs: list[Need] = field(default_factory=list)
    other_needs: list[Need] = field(default_factory=list)

    @property
    def people(self) -> int:
        return self.adults + self.children

    @property
    def childcare_total(self) -> int:
        return sum(count for _label, count in self.childcare)


def age_group_label(low: int, high: int) -> str:
    return _("%(low)s–%(high)s years") % {"low": low, "high": high}


def registration_summary(event: EventPage) -> RegistrationSummary:
    """The event's sign-ups in a fixed handful of queries, however many families there are."""
    registrations = Registration.objects.filter(event=event)
    by_status = dict(registrations.values_list("status").annotate(count=Count("pk")).order_by())
    confirmed = registrations.filter(status=RegistrationStatus.CONFIRMED)
    children = RegistrationChild.objects.filter(
        registration__event=event, registration__status=RegistrationStatus.CONFIRMED
    )
    care = children.aggregate(
        total=Count("pk"),
        **{
            f"care_{low}_{high}": Count("pk", filter=Q(needs_childcare=True, age__gte=low, age__lte=high))
            for low, high in AGE_GROUPS
        },
    )
    interpreters = (
        confirmed.exclude(interpreter_language="")
        .values_list("interpreter_language")
        .annotate(count=Count("pk"))
        .order_by("-count", "interpreter_language")
    )
    return RegistrationSummary(
        confirmed=by_status.get(RegistrationStatus.CONFIRMED, 0),
        waitlisted=by_status.get(RegistrationStatus.WAITLISTED, 0),
        cancelled=by_status.get(RegistrationStatus.CANCELLED, 0),
        adults=confirmed.aggregate(adults=Sum("adults"))["adults"] or 0,
        children=care["total"],
        childcare=[(age_group_label(low, high), care[f"care_{low}_{high}"]) for low, high in AGE_GROUPS],
        interpreters=[(language_name(code), count) for code, count in interpreters],
        accessibility_needs=[
            Need(str(registration), registration.accessibility_needs)
            for registration in confirmed.exclude(accessibility_needs="")
        ],
        other_needs=[
            Need(str(registration), registration.other_needs) for registration in confirmed.exclude(other_needs="")
        ],
    )


@dataclass
class SignInRow:
    name: str
    adults: int
    ages: str
    childcare: str
    interpreter: str


def sign_in_rows(event: EventPage) -> list[SignInRow]:
    """Confirmed families by name, with their children's ages and what they asked for."""
    registrations = (
        Registration.objects.filter(event=event, status=RegistrationStatus.CONFIRMED)
        .prefetch_related("children")
        .order_by("name", "pk")
    )
    rows = []
    for registration in registrations:
        children = list(registration.children.all())
        rows.append(
            SignInRow(
                name=str(registration),
                adults=registration.adults,
                ages=", ".join(str(child.age) for child in children),
                childcare=", ".join(str(child.age) for child in children if child.needs_childcare),
                interpreter=language_name(registration.interpreter_language)
                if registration.interpreter_language
                else "",
            )
        )
    return rows


def export_url(event: EventPage, export_format: str) -> str:
    return reverse(REGISTRATIONS_LIST) + "?" + urlencode({"event": event.pk, "export": export_format})


class EventRegistrationsMixin:
    """Refuses users who may not view registrations before anything else, then finds the event's original."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view_registrations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def event(self) -> EventPage:
        return get_object_or_404(EventPage, pk=self.kwargs["event_id"]).source_event


class RegistrationSummaryView(EventRegistrationsMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "events/admin/registration_summary.html"
    page_title = _("Sign-ups")
    header_icon = "clipboard-list"

    def get_page_subtitle(self):
        return event_label(self.event)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(REGISTRATIONS_LIST), "label": _("Registrations")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    @cached_property
    def header_buttons(self):
        return [
            HeaderButton(
                _("Printable sign-in list"),
                url=reverse("events_registration_sign_in_list", args=[self.event.pk]),
                icon_name="doc-full",
                priority=10,
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        event = self.event
        context.update(
            event=event,
            summary=registration_summary(event),
            list_url=reverse(REGISTRATIONS_LIST) + "?" + urlencode({"event": event.pk}),
            csv_url=export_url(event, "csv"),
            xlsx_url=export_url(event, "xlsx"),
            sign_in_url=reverse("events_registration_sign_in_list", args=[event.pk]),
            edit_url=reverse("wagtailadmin_pages:edit", args=[event.pk]),
        )
        return context


class SignInListView(EventRegistrationsMixin, TemplateView):
    """A plain page to print on A4: no admin furniture, no JavaScript."""

    template_name = "events/admin/sign_in_list.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            event=self.event,
            event_label=event_label(self.event),
            rows=sign_in_rows(self.event),
            summary_url=reverse("events_registration_summary", args=[self.event.pk]),
        )
        return context


class HouseMeetingRotaView(WagtailAdminTemplateMixin, TemplateView):
    """The house meetings of each place from today on, with the steering-group member whose turn it is. Staff
    only (the admin's sign-in check): the house meetings are not public."""

    template_name = "events/admin/house_meeting_rota.html"
    page_title = _("House-meeting rota")
    header_icon = "home"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        now = timezone.now()
        places = []
        for site in Site.objects.order_by("-is_default_site", "site_name"):
            rows = [row for row in rota(site) if row.meeting.end >= now]
            places.append(
                {
                    "site": site,
                    "rows": rows,
                    "settings_url": reverse("wagtailsettings:edit", args=["pages", "sitesettings", site.pk]),
                }
            )
        context["places"] = places
        return context


def register_admin_urls():
    """For the "register_admin_urls" hook: the admin wraps these in its sign-in check."""
    return [
        path("house-meeting-rota/", HouseMeetingRotaView.as_view(), name="events_house_meeting_rota"),
        path(
            "event-registrations/<int:event_id>/",
            RegistrationSummaryView.as_view(),
            name="events_registration_summary",
        ),
        path(
            "event-registrations/<int:event_id>/sign-in-list/",
            SignInListView.as_view(),
            name="events_registration_sign_in_list",
        ),
    ]


def summary_button(page, user, priority: int):
    if not issubclass(page.specific_class or type(page), EventPage) or not may_view_registrations(user):
        return []
    return [
        Button(
            _("Sign-ups"),
            url=reverse("events_registration_summary", args=[page.pk]),
            icon_name="clipboard-list",
            priority=priority,
        )
    ]


def page_header_buttons(page, user, view_name=None, next_url=None):
    """For "register_page_header_buttons": an event's sign-ups from its editor and its listing header."""
    return summary_button(page, user, priority=40)


def page_listing_more_buttons(page, user, next_url=None):
    """For "register_page_listing_more_buttons": the same from each event's "More" menu in the page listing."""
    return summary_button(page, user, priority=45)
