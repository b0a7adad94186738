"""Staff count who came: a quick form for a day's occurrences, a dashboard of the year, and the list of counts.

Counting needs `events.add_visitcount` and `events.change_visitcount`, the dashboard `events.view_visitcount`;
each view checks before it reads anything. A count belongs to the activity in the default language and to
the day the occurrence happened (a moved one on its new day). `events/wagtail_hooks.py` registers
`register_visit_urls` ("register_admin_urls"), `VisitsGroup` (a snippet group) and `visits_tasks` (STAFF_TASKS).
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale, Site
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from pages.components import Bar, BarChart, time_range
from pages.exports import SafeExportIndexView
from pages.hooks import StaffTask
from pages.permissions import ListedOnlyDeleteBulkAction

from . import schedule
from .models import Activity, ActivityKind, Closure, OccurrenceChange, VisitCount
from .models.visits import COUNTED, MAX_COUNT

COUNT_PERMISSIONS = ("events.add_visitcount", "events.change_visitcount")
VIEW_PERMISSIONS = ("events.view_visitcount",)
WEEKS_IN_CHART = 12
COUNTS_LIST = "wagtailsnippets_events_visitcount:list"


def may_count_visits(user) -> bool:
    return user.has_perms(COUNT_PERMISSIONS)


def may_view_visits(user) -> bool:
    return user.has_perms(VIEW_PERMISSIONS)


def sites_in_order() -> list[Site]:
    return list(Site.objects.order_by("-is_default_site", "site_name", "pk"))


def site_for(request, sites: list[Site]) -> Site | None:
    """The place asked for (`?site=<id>`), else the one of the admin's address, else the default one."""
    wanted = request.GET.get("site", "")
    by_pk = {str(site.pk): site for site in sites}
    if wanted in by_pk:
        return by_pk[wanted]
    found = Site.find_for_request(request)
    return found if found in sites else (sites[0] if sites else None)


# --- What there is to count on a day ------------------------------------------------------------------------


def occurrences_to_count(site: Site, day: datetime.date) -> list[schedule.Occurrence]:
    """The place's public activities happening on `day`: cancelled ones left out, moved ones on their new day."""
    activities = list(Activity.objects.filter(site=site, locale=Locale.get_default()).public())
    changes = OccurrenceChange.objects.filter(activity__site=site).between(day, day).rows()
    closures = Closure.objects.filter(site=site).overlapping(day, day).rows()
    found = schedule.occurrences(activities, changes, closures, day, day)
    return [occurrence for occurrence in found if not occurrence.cancelled]


def count_label(name: str, activity: Activity, time: str) -> str:
    """An input's accessible name: the column's heading, then the activity and its time."""
    return _("%(count)s, %(activity)s %(time)s") % {"count": name, "activity": activity.title, "time": time}


def counted_heading(name: str) -> str:
    return capfirst(VisitCount._meta.get_field(name).verbose_name)


class VisitRowForm(forms.Form):
    """One occurrence's numbers; all empty stores nothing, an empty number beside a given one is 0."""

    adults = forms.IntegerField(required=False, min_value=0, max_value=MAX_COUNT)
    children = forms.IntegerField(required=False, min_value=0, max_value=MAX_COUNT)
    first_time_families = forms.IntegerField(required=False, min_value=0, max_value=MAX_COUNT)

    def __init__(self, *args, activity: Activity, time: str, **kwargs):
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            field.label = count_label(counted_heading(name), activity, time)
            field.widget.attrs.update(inputmode="numeric", autocomplete="off")

    def full_clean(self):
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs.update(
                    {"aria-invalid": "true", "aria-describedby": f"{self[name].auto_id}-error"}
                )

    @property
    def is_blank(self) -> bool:
        return all(self.cleaned_data.get(name) is None for name in COUNTED)

    @property
    def counts(self) -> dict:
        return {name: self.cleaned_data.get(name) or 0 for name in COUNTED}


@dataclass
class CountRow:
    activity: Activity
    time: str
    note: str
    form: VisitRowForm


def count_rows(site: Site, day: datetime.date, data=None) -> list[CountRow]:
    """A row per activity happening on `day`, then per activity counted that day though it is not on the
    programme any more (cancelled afterwards, say), each pre-filled with what is stored."""
    stored = {
        count.activity_id: count
        for count in VisitCount.objects.for_site(site).filter(date=day).select_related("activity")
    }
    found: dict[int, list[schedule.Occurrence]] = {}
    for occurrence in occurrences_to_count(site, day):
        found.setdefault(occurrence.activity.pk, []).append(occurrence)
    lines = []
    for occurrences in found.values():
        first = occurrences[0]
        time = ", ".join(time_range(each.start_time, each.end_time) for each in occurrences)
        moved = next((each for each in occurrences if each.moved), None)
        note = _("Changed: %(reason)s") % {"reason": moved.reason} if moved else ""
        lines.append((first.activity, time, note))
    extra = [count for count in stored.values() if count.activity_id not in found]
    for count in sorted(extra, key=lambda count: (count.activity.start_time, count.activity.title)):
        lines.append((count.activity, "", _("Not on the programme this day")))
    rows = []
    for activity, time, note in lines:
        count = stored.get(activity.pk)
        initial = {name: getattr(count, name) for name in COUNTED} if count else None
        form = VisitRowForm(data, initial=initial, prefix=f"a{activity.pk}", activity=activity, time=time)
        rows.append(CountRow(activity, time, note, form))
    return rows


# --- The form -----------------------------------------------------------------------------------------------


class DayForm(forms.Form):
    date = forms.DateField(
        label=_("Count another day"), widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].widget.attrs["max"] = timezone.localdate().isoformat()

    def clean_date(self):
        day = self.cleaned_data["date"]
        try:
            VisitCount(date=day).clean()  # the model's own rule: today or earlier
        except ValidationError as error:
            raise ValidationError(error.message_dict["date"], code="future") from error
        return day


class VisitsAdminMixin(WagtailAdminTemplateMixin):
    """Refuses users without `permissions` before anything else; knows the place shown."""

    permissions: tuple[str, ...] = ()
    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perms(self.permissions):
            raise PermissionDenied
        return self.refuse_input(request) or super().dispatch(request, *args, **kwargs)

    def refuse_input(self, request):
        """A response (a redirect with a message) when the address asks for something that cannot be shown."""
        return None

    @cached_property
    def sites(self) -> list[Site]:
        return sites_in_order()

    @cached_property
    def site(self) -> Site | None:
        return site_for(self.request, self.sites)

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def url_with(self, name: str, **params) -> str:
        if self.site is not None and len(self.sites) > 1:
            params["site"] = self.site.pk
        return reverse(name) + ("?" + urlencode(params) if params else "")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(site=self.site, sites=self.sites if len(self.sites) > 1 else [])
        return context


class CountVisitsView(VisitsAdminMixin, TemplateView):
    template_name = "events/admin/visits_count.html"
    page_title = _("Count visits")
    permissions = COUNT_PERMISSIONS

    def refuse_input(self, request):
        self.today = self.day = timezone.localdate()
        if "date" in request.GET:
            form = DayForm(request.GET)
            if not form.is_valid():
                for error in form.errors["date"]:
                    messages.error(request, error)
                return redirect(self.url_with("events_count_visits"))
            self.day = form.cleaned_data["date"]
        return None

    def get_page_subtitle(self):
        return f"{capfirst(date_format(self.day, 'l'))} {date_format(self.day, 'DATE_FORMAT')}"

    def day_url(self, day: datetime.date) -> str:
        return self.url_with("events_count_visits", date=day.isoformat())

    def get(self, request, *args, **kwargs):
        rows = count_rows(self.site, self.day) if self.site else []
        return self.render_to_response(self.get_context_data(rows=rows))

    def post(self, request, *args, **kwargs):
        rows = count_rows(self.site, self.day, request.POST) if self.site else []
        if not all(row.form.is_valid() for row in rows):
            errors = [
                (field.id_for_label, field.label, error) for row in rows for field in row.form for error in field.errors
            ]
            return self.render_to_response(self.get_context_data(rows=rows, errors=errors))
        counts = {row.activity: row.form.counts for row in rows if not row.form.is_blank}
        try:
            changed = VisitCount.objects.record(self.day, counts)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.day_url(self.day))
        messages.success(
            request,
            ngettext(
                "Visits of %(day)s saved: %(count)s count changed.",
                "Visits of %(day)s saved: %(count)s counts changed.",
                changed,
            )
            % {"day": date_format(self.day, "SHORT_DATE_FORMAT"), "count": changed},
        )
        return redirect(self.day_url(self.day))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        one_day = datetime.timedelta(days=1)
        context.update(
            day=self.day,
            is_today=self.day == self.today,
            day_form=DayForm(initial={"date": self.day}),
            today=self.today,
            headings=[counted_heading(name) for name in COUNTED],
            previous_url=self.day_url(self.day - one_day),
            next_url=self.day_url(self.day + one_day) if self.day < self.today else "",
            today_url=self.url_with("events_count_visits"),
            dashboard_url=self.url_with("events_visits_dashboard") if may_view_visits(self.request.user) else "",
            list_url=reverse(COUNTS_LIST) + "?" + urlencode({"month": self.day.strftime("%Y-%m")}),
        )
        return context


# --- The dashboard ------------------------------------------------------------------------------------------


def people(row: dict) -> int:
    return (row["adults"] or 0) + (row["children"] or 0)


def as_date(value) -> datetime.date:
    """A truncated period as a date (some databases give a datetime)."""
    return value.date() if isinstance(value, datetime.datetime) else value


@dataclass
class KindRow:
    label: str
    cells: list[int]
    total: int


@dataclass
class VisitsOverview:
    year: int
    totals: dict
    weekly: BarChart
    monthly: BarChart
    months: list[str]
    kinds: list[KindRow]

    @property
    def month_totals(self) -> list[int]:
        """Each month's people in all, then the year's, below the table by kind."""
        columns = [sum(column) for column in zip(*(kind.cells for kind in self.kinds), strict=True)]
        return [*columns, sum(columns)]


def visits_overview(site: Site, year: int, today: datetime.date) -> VisitsOverview:
    """The year's totals, the twelve weeks up to today (or to the year's end) and the year by month and by kind
    of activity, in four queries however many counts there are."""
    first, last = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    counts = VisitCount.objects.for_site(site)
    in_year = counts.between(first, last)

    last_monday = schedule.monday_of(min(today, last))
    mondays = [last_monday - datetime.timedelta(weeks=back) for back in range(WEEKS_IN_CHART - 1, -1, -1)]
    weeks = {
        as_date(row["period"]): people(row)
        for row in counts.between(mondays[0], last_monday + datetime.timedelta(days=6)).by_week()
    }
    weekly = BarChart(
        caption=_("Adults and children by week, the last %(weeks)s weeks") % {"weeks": WEEKS_IN_CHART},
        bars=[
            Bar(
                _("Week %(week)s (from %(day)s)")
                % {"week": monday.isocalendar()[1], "day": date_format(monday, "SHORT_DATE_FORMAT")},
                weeks.get(monday, 0),
            )
            for monday in mondays
        ],
        label_heading=_("Week"),
        value_heading=_("Adults and children"),
        empty_text=_("No visits counted in these weeks."),
    )

    month_days = [datetime.date(year, month, 1) for month in range(1, 13)]
    month_names = [capfirst(date_format(day, "F")) for day in month_days]
    by_month = {as_date(row["period"]): people(row) for row in in_year.by_month()}
    monthly = BarChart(
        caption=_("Adults and children by month in %(year)s") % {"year": year},
        bars=[Bar(name, by_month.get(day, 0)) for name, day in zip(month_names, month_days, strict=True)],
        label_heading=_("Month"),
        value_heading=_("Adults and children"),
        empty_text=_("No visits counted this year."),
    )

    by_kind: dict[str, dict[datetime.date, int]] = {}
    for row in in_year.by_month("activity__kind"):
        by_kind.setdefault(row["activity__kind"], {})[as_date(row["period"])] = people(row)
    kinds = []
    for kind, label in ActivityKind.choices:
        cells = [by_kind.get(kind, {}).get(day, 0) for day in month_days]
        kinds.append(KindRow(str(label), cells, sum(cells)))
    return VisitsOverview(year, in_year.totals(), weekly, monthly, month_names, kinds)


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int)

    def __init__(self, *args, years: list[int], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, str(year)) for year in years]


class VisitsDashboardView(VisitsAdminMixin, TemplateView):
    template_name = "events/admin/visits_dashboard.html"
    page_title = _("Visits")
    permissions = VIEW_PERMISSIONS

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        today = timezone.localdate()
        counted = VisitCount.objects.for_site(self.site) if self.site else VisitCount.objects.none()
        years = sorted({day.year for day in counted.dates("date", "year")} | {today.year}, reverse=True)
        form = YearForm(self.request.GET if "year" in self.request.GET else None, years=years)
        year = form.cleaned_data["year"] if form.is_bound and form.is_valid() else today.year
        context.update(
            year_form=YearForm(initial={"year": year}, years=years),
            overview=visits_overview(self.site, year, today) if self.site else None,
            headings=[counted_heading(name) for name in COUNTED],
            count_url=self.url_with("events_count_visits"),
            list_url=reverse(COUNTS_LIST),
            may_count=may_count_visits(self.request.user),
        )
        return context


def register_visit_urls():
    """For the "register_admin_urls" hook: the admin wraps these in its sign-in check."""
    return [
        path("visits/count/", CountVisitsView.as_view(), name="events_count_visits"),
        path("visits/", VisitsDashboardView.as_view(), name="events_visits_dashboard"),
    ]


# --- The list of counts, with export ------------------------------------------------------------------------


class MonthFilter(django_filters.Filter):
    field_class = forms.DateField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m"])
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "month"}, format="%Y-%m"))
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        return queryset.filter(date__year=value.year, date__month=value.month) if value else queryset


class VisitCountFilterSet(WagtailFilterSet):
    activity = django_filters.ModelChoiceFilter(
        label=_("Activity"),
        queryset=lambda request: Activity.objects.filter(locale=Locale.get_default()).order_by("title"),
    )
    month = MonthFilter(label=_("Month"), help_text=_("For example 2026-05"))

    class Meta:
        model = VisitCount
        fields = ["activity", "month"]


class VisitCountForm(WagtailAdminModelForm):
    """Activities in the default language only: a count is kept with the activity's source translation."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["activity"]
        field.queryset = Activity.objects.filter(locale=Locale.get_default()).order_by("title")


def activity_kind(count: VisitCount) -> str:
    return count.activity.get_kind_display()


def count_date(count: VisitCount) -> str:
    """The day itself: "a year ago" says little about when the café was full."""
    return f"{date_format(count.date, 'D')} {date_format(count.date, 'SHORT_DATE_FORMAT')}"


class VisitCountIndexView(SafeExportIndexView):
    export_values = {"kind": activity_kind}


class VisitCountViewSet(SnippetViewSet):
    model = VisitCount
    icon = "list-ul"
    menu_label = _("Visit counts")
    index_view_class = VisitCountIndexView
    list_display = [
        "activity",
        Column("kind", label=_("Kind"), accessor=activity_kind),
        Column("date", label=_("Date"), accessor=count_date, sort_key="date"),
        Column("adults", label=counted_heading("adults")),
        Column("children", label=counted_heading("children")),
        Column("first_time_families", label=counted_heading("first_time_families")),
    ]
    filterset_class = VisitCountFilterSet
    list_export = ["activity.title", "kind", "date", *COUNTED, "recorded_at"]
    export_headings = {"activity.title": _("Activity"), "kind": _("Kind")}
    export_filename = "kavijamaarat"
    ordering = ["-date", "activity__start_time", "activity__title"]
    copy_view_enabled = False
    edit_handler = ObjectList(
        [
            FieldPanel("activity", widget=forms.Select),
            FieldPanel("date"),
            FieldRowPanel([FieldPanel(name) for name in COUNTED]),
        ],
        base_form_class=VisitCountForm,
    )

    def get_queryset(self, request):
        return VisitCount.objects.select_related("activity")

    def register_chooser_viewset(self):
        """No chooser: nothing links to a visit count."""


class VisitCountDeleteBulkAction(ListedOnlyDeleteBulkAction):
    models = [VisitCount]


class PermittedMenuItem(MenuItem):
    def __init__(self, *args, permissions: tuple[str, ...], **kwargs):
        super().__init__(*args, **kwargs)
        self.permissions = permissions

    def is_shown(self, request):
        return request.user.has_perms(self.permissions)


class VisitsGroup(SnippetViewSetGroup):
    """The menu's "Visits": the counting form, the dashboard and the list of counts."""

    items = (VisitCountViewSet,)
    menu_icon = "group"
    menu_label = _("Visits")
    menu_name = "visits"

    def get_submenu_items(self):
        return [
            PermittedMenuItem(
                _("Count visits"),
                reverse("events_count_visits"),
                icon_name="edit",
                order=1,
                permissions=COUNT_PERMISSIONS,
            ),
            PermittedMenuItem(
                _("Visits by week and month"),
                reverse("events_visits_dashboard"),
                icon_name="table",
                order=2,
                permissions=VIEW_PERMISSIONS,
            ),
            *(registerable.get_menu_item(order=3 + index) for index, registerable in enumerate(self.registerables)),
        ]


# --- The admin dashboard's task -----------------------------------------------------------------------------


def visits_tasks(request) -> list[StaffTask]:
    """For STAFF_TASKS: today's occurrences to count, for those who may count them."""
    if not may_count_visits(request.user):
        return []
    site = site_for(request, sites_in_order())
    if site is None:
        return []
    today = timezone.localdate()
    due = {occurrence.activity.pk for occurrence in occurrences_to_count(site, today)}
    counted = VisitCount.objects.for_site(site).filter(date=today, activity_id__in=due).count()
    detail = ngettext(
        "%(count)s activity today, %(counted)s counted",
        "%(count)s activities today, %(counted)s counted",
        len(due),
    ) % {"count": len(due), "counted": counted}
    return [StaffTask(label=_("Count today's visits"), url=reverse("events_count_visits"), detail=detail, order=102)]
