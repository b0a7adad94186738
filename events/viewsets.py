"""Admin for the weekly programme and for sign-ups: Wagtail snippet viewsets with filters, search and export.

The programme's lists (activities, cancellations and changes, closures) show one language at a time, like
the partners. Registrations hold personal data: nothing of them shows to a user without the
`events.view_registration` permission (`pages.permissions.RecordedOnlyPermissionPolicy`), not even through
the snippet chooser, and the admin never adds or edits one (families sign up and cancel through the public
flow).

Every export writes labels rather than stored values, local times, and neutralises spreadsheet formulas
(`pages.exports.SafeExportIndexView`).
"""

from functools import cached_property

import django_filters
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.models import Locale
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet, SnippetViewSetGroup

from pages.components import time_range
from pages.exports import SafeExportIndexView, yes_no
from pages.permissions import RecordedOnlyPermissionPolicy
from pages.viewsets import OneLanguageFilterSet

from .languages import language_name
from .models import Activity, ActivityKind, ChangeKind, Closure, EventPage, OccurrenceChange, Registration
from .models.registrations import RegistrationStatus


def schedule_text(activity: Activity) -> str:
    """ "ma, ke 9.00–11.00" in the editor's language; every other week and so on are in the export."""
    days = ", ".join(activity.weekday_names)
    return f"{days} {time_range(activity.start_time, activity.end_time)}"


# --- The weekly programme ---------------------------------------------------------------------------------


class ActivityFilterSet(OneLanguageFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ActivityKind.choices)
    staff_only = django_filters.BooleanFilter(label=_("For staff only"))

    class Meta:
        model = Activity
        fields = ["kind", "staff_only"]


class ActivityViewSet(SnippetViewSet):
    model = Activity
    icon = "date"
    menu_label = _("Activities")
    index_view_class = SafeExportIndexView
    list_display = [
        "title",
        Column("kind", label=_("Kind"), accessor="get_kind_display"),
        Column("schedule", label=_("When"), accessor=schedule_text),
        Column("staff_only", label=_("For staff only"), accessor=lambda activity: yes_no(activity.staff_only)),
        Column("locale", label=_("Language")),
    ]
    filterset_class = ActivityFilterSet
    list_export = [
        "title",
        "get_kind_display",
        "weekday_names",
        "start_time",
        "end_time",
        "interval_weeks",
        "first_date",
        "last_date",
        "room",
        "audience_labels",
        "language_names",
        "staff_only",
        "locale",
    ]
    export_headings = {
        "get_kind_display": _("Kind"),
        "weekday_names": _("Weekdays"),
        "audience_labels": _("For whom"),
        "language_names": _("Languages spoken"),
        "locale": _("Language"),
    }
    export_filename = "toiminnot"
    ordering = ["start_time", "title"]


class ActivityChoiceFilter(django_filters.ModelChoiceFilter):
    """An activity in the default language stands for all its translations."""

    def filter(self, queryset, value):
        return queryset.filter(activity__translation_key=value.translation_key) if value else queryset


class OccurrenceChangeFilterSet(OneLanguageFilterSet):
    date = django_filters.DateFromToRangeFilter(
        label=_("Date of the occurrence"), widget=django_filters.widgets.DateRangeWidget(attrs={"type": "date"})
    )
    activity = ActivityChoiceFilter(
        label=_("Activity"), queryset=lambda request: Activity.objects.filter(locale=Locale.get_default())
    )
    kind = django_filters.ChoiceFilter(label=_("Change"), choices=ChangeKind.choices)

    class Meta:
        model = OccurrenceChange
        fields = ["date", "activity", "kind"]


class OccurrenceChangeViewSet(SnippetViewSet):
    model = OccurrenceChange
    icon = "warning"
    menu_label = _("Cancellations and changes")
    index_view_class = SafeExportIndexView
    list_display = [
        "reason",
        "activity",
        DateColumn("date", label=_("Date of the occurrence")),
        Column("kind", label=_("Change"), accessor="get_kind_display"),
        Column("locale", label=_("Language")),
    ]
    filterset_class = OccurrenceChangeFilterSet
    list_export = ["activity", "date", "get_kind_display", "new_date", "new_start_time", "new_end_time", "reason"]
    export_headings = {"activity": _("Activity"), "get_kind_display": _("Change")}
    export_filename = "peruutukset-ja-muutokset"
    ordering = ["-date"]


class ClosureFilterSet(OneLanguageFilterSet):
    class Meta:
        model = Closure
        fields: list[str] = []


class ClosureViewSet(SnippetViewSet):
    model = Closure
    icon = "cross"
    menu_label = _("Closures")
    index_view_class = SafeExportIndexView
    list_display = [
        "reason",
        DateColumn("first_date", label=_("First closed day")),
        DateColumn("last_date", label=_("Last closed day")),
        Column("locale", label=_("Language")),
    ]
    filterset_class = ClosureFilterSet
    list_export = ["first_date", "last_date", "reason", "locale"]
    export_headings = {"locale": _("Language")}
    export_filename = "suljetut-paivat"
    ordering = ["-first_date"]


# --- Registrations ----------------------------------------------------------------------------------------


# Nothing of a registration without `events.view_registration`; deleting one (erasing a family's data on
# request) needs `events.delete_registration` too.
registration_permission_policy = RecordedOnlyPermissionPolicy(Registration)


def may_view_registrations(user) -> bool:
    return registration_permission_policy.user_has_permission(user, "view")


def event_label(event: EventPage) -> str:
    start = timezone.localtime(event.start)
    return f"{event.title} ({date_format(start, 'SHORT_DATE_FORMAT')})"


class EventChoiceFilter(django_filters.ModelChoiceFilter):
    """Events in the default language, newest first, each with its date: a yearly event keeps its title."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault(
            "queryset", lambda request: EventPage.objects.filter(locale=Locale.get_default()).order_by("-start")
        )
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = event_label
        return field


class RegistrationFilterSet(django_filters.FilterSet):
    event = EventChoiceFilter(label=_("Event"))
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RegistrationStatus.choices)

    class Meta:
        model = Registration
        fields = ["event", "status"]


def interpreter_name(registration: Registration) -> str:
    code = registration.interpreter_language
    return language_name(code) if code else ""


def family_language_name(registration: Registration) -> str:
    return language_name(registration.language) if registration.language else ""


def children_ages(registration: Registration) -> str:
    return ", ".join(str(child.age) for child in registration.children.all())


def childcare_ages(registration: Registration) -> str:
    return ", ".join(str(child.age) for child in registration.children.all() if child.needs_childcare)


def summary_url(event_id: int) -> str:
    return reverse("events_registration_summary", args=[event_id])


class RegistrationIndexView(SafeExportIndexView):
    """The list, with a way to each event's summary; the export with one row a family, ages written out."""

    export_values = {
        "event": lambda registration: event_label(registration.event),
        "status": lambda registration: registration.get_status_display(),
        "language": family_language_name,
        "children_ages": children_ages,
        "childcare_ages": childcare_ages,
        "interpreter_language": interpreter_name,
    }

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        buttons.append(
            Button(_("Summary of the event"), url=summary_url(instance.event_id), icon_name="list-ul", priority=5)
        )
        return buttons

    @cached_property
    def chosen_event_id(self) -> int | None:
        value = self.request.GET.get("event", "")
        return int(value) if value.isdigit() else None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons.copy()
        if self.chosen_event_id and EventPage.objects.filter(pk=self.chosen_event_id).exists():
            buttons.append(
                Button(
                    _("Summary and sign-in list"),
                    url=summary_url(self.chosen_event_id),
                    icon_name="list-ul",
                    priority=80,
                )
            )
        return buttons


class RegistrationInspectView(InspectView):
    def get_field_label(self, field_name, field):
        if field_name == "children":
            return _("Children")
        return super().get_field_label(field_name, field)

    def get_children_display_value(self):
        rows = [
            _("%(age)s years, needs childcare") % {"age": child.age}
            if child.needs_childcare
            else _("%(age)s years") % {"age": child.age}
            for child in self.object.children.all()
        ]
        return "; ".join(str(row) for row in rows) or "-"

    def get_language_display_value(self):
        return family_language_name(self.object)

    def get_interpreter_language_display_value(self):
        return interpreter_name(self.object) or "-"


class RegistrationViewSet(SnippetViewSet):
    model = Registration
    icon = "clipboard-list"
    menu_label = _("Registrations")
    index_view_class = RegistrationIndexView
    inspect_view_class = RegistrationInspectView
    inspect_view_enabled = True
    inspect_view_fields = [
        "event",
        "status",
        "name",
        "email",
        "phone",
        "language",
        "adults",
        "children",
        "interpreter_language",
        "accessibility_needs",
        "other_needs",
        "created_at",
        "consented_at",
        "promoted_at",
        "cancelled_at",
        "erased_at",
    ]
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("event", label=_("Event"), accessor=lambda registration: event_label(registration.event)),
        Column("status", label=_("Status"), accessor="get_status_display"),
        DateColumn("created_at", label=_("Signed up")),
        Column("adults", label=_("Adults")),
        Column("children_count", label=_("Children")),
        Column("childcare_count", label=_("Childcare")),
        Column("interpreter_language", label=_("Interpreter"), accessor=interpreter_name),
    ]
    filterset_class = RegistrationFilterSet
    search_fields = ["name", "email", "phone"]
    search_backend_name = None
    list_export = [
        "event",
        "status",
        "created_at",
        "name",
        "email",
        "phone",
        "language",
        "adults",
        "children_count",
        "children_ages",
        "childcare_ages",
        "interpreter_language",
        "accessibility_needs",
        "other_needs",
    ]
    export_headings = {
        "event": _("Event"),
        "status": _("Status"),
        "language": _("Language"),
        "children_count": _("Children"),
        "children_ages": _("Children's ages"),
        "childcare_ages": _("Ages of children needing care"),
        "interpreter_language": _("Interpreter needed"),
    }
    export_filename = "ilmoittautumiset"
    ordering = ["-created_at", "-pk"]

    @property
    def permission_policy(self):
        return registration_permission_policy

    def get_queryset(self, request):
        return (
            Registration.objects.select_related("event")
            .prefetch_related("children")
            .annotate(
                children_count=Count("children", distinct=True),
                childcare_count=Count("children", filter=Q(children__needs_childcare=True), distinct=True),
            )
        )

    def register_chooser_viewset(self):
        """No chooser: nothing links to a registration, and Wagtail's choosers check no permission."""


class RegistrationDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete lists the chosen snippets to anyone in the admin; registrations only to those who
    may view them. Registered for "register_bulk_action" with `order=1`, after Wagtail's own for all snippets."""

    models = [Registration]

    def dispatch(self, request, *args, **kwargs):
        if not may_view_registrations(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, snippet):
        return registration_permission_policy.user_has_permission(self.request.user, "delete")


class ProgrammeGroup(SnippetViewSetGroup):
    items = (ActivityViewSet, OccurrenceChangeViewSet, ClosureViewSet, RegistrationViewSet)
    menu_icon = "date"
    menu_label = _("Programme")
    menu_name = "programme"
