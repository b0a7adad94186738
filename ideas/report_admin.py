"""The yearly report in the admin: a printable page (a plain document, no admin furniture) and the same numbers
as an XLSX workbook, one sheet per section.

Both need `ideas.view_report` (superusers have it); anyone else gets 403 before anything is counted. The
report is of one meeting place: the site the admin is served on, or the one chosen with `?site=`. The page
and the workbook show the same tables, built once here from `ideas.report.yearly_report`, so a number
cannot differ between them; figures of groups too small to show stay hidden in both.
`ideas/wagtail_hooks.py` registers `register_report_urls` and `report_menu_item` (the Reports menu).
"""

import io
from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.dateformat import format as date_format
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext
from django.views import defaults
from django.views.generic import TemplateView, View
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from wagtail.admin.menu import MenuItem
from wagtail.models import Site

from pages.components import Bar, BarChart, Table
from pages.exports import FORMULA_STARTS

from .report import HIDDEN, Hidden, Report, Visits, report_years, yearly_report
from .voice_choices import SMALLEST_GROUP

REPORT_PERMISSION = "ideas.view_report"
FIRST_YEAR = 2000
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
SHEET_TITLE_MAX = 31  # Excel's limit
SHEET_TITLE_FORBIDDEN = str.maketrans(dict.fromkeys("[]:*?/\\", " "))


def may_view_report(user) -> bool:
    return user.has_perm(REPORT_PERMISSION)


# --- The report's tables ----------------------------------------------------------------------------------


def cell_text(value) -> str:
    """A figure as the page shows it: numbers by the reader's locale, a hidden one as "fewer than 5"."""
    if value is None:
        return "–"
    if isinstance(value, Decimal):
        return number_format(value, decimal_pos=1, use_l10n=True)
    if isinstance(value, int) and not isinstance(value, bool):
        return number_format(value, use_l10n=True, force_grouping=True)
    return str(value)


@dataclass(frozen=True)
class ReportTable:
    """A table of the report: the first cell of each row names it, the others are figures. A `chart` table
    shows on the page as a bar chart of its second column (a table too, for screen readers)."""

    caption: str
    columns: list[str]
    rows: list[list]
    chart: bool = False

    @property
    def table(self) -> Table:
        return Table(
            columns=self.columns,
            rows=[[cell_text(cell) for cell in row] for row in self.rows],
            caption=self.caption,
            stack=False,
        )

    @property
    def bar_chart(self) -> BarChart:
        return BarChart(
            caption=self.caption,
            bars=[
                Bar(str(row[0]), 0 if isinstance(row[1], Hidden) else row[1], cell_text(row[1])) for row in self.rows
            ],
            label_heading=self.columns[0],
            value_heading=self.columns[1],
            empty_text=_("None in this year."),
        )


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    tables: list[ReportTable] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def month_name(day) -> str:
    return date_format(day, "F").capitalize()


def visit_columns(first: str) -> list[str]:
    return [first, _("Times counted"), _("Adults"), _("Children"), _("Families here for the first time")]


def visit_row(label: str, visits: Visits) -> list:
    return [label, visits.occurrences, visits.adults, visits.children, visits.first_time_families]


def visits_section(report: Report) -> ReportSection:
    section = ReportSection("visits", _("Visits"))
    visits = report.visits
    if not visits.kinds:
        section.notes.append(_("No visits were counted in %(year)s.") % {"year": report.year})
        return section
    months = [month_name(day) for day in report.period.months]
    section.notes.append(_("Staff count adults, children and first-time families at each time an activity is held."))
    section.tables.append(
        ReportTable(
            _("Visitors per month (adults and children)"),
            [_("Month"), _("Visitors")],
            [[name, month.people] for name, month in zip(months, visits.months, strict=True)],
            chart=True,
        )
    )
    section.tables.append(
        ReportTable(
            _("Visits by activity kind"),
            visit_columns(_("Activity kind")),
            [visit_row(kind.label, kind.total) for kind in visits.kinds] + [visit_row(_("Total"), visits.total)],
        )
    )
    section.tables.append(
        ReportTable(
            _("Visits by month"),
            visit_columns(_("Month")),
            [visit_row(name, month) for name, month in zip(months, visits.months, strict=True)]
            + [visit_row(_("Total"), visits.total)],
        )
    )
    for kind in visits.kinds:
        section.tables.append(
            ReportTable(
                _("%(kind)s by month") % {"kind": kind.label},
                visit_columns(_("Month")),
                [visit_row(name, month) for name, month in zip(months, kind.months, strict=True)],
            )
        )
    return section


def feedback_section(report: Report) -> ReportSection:
    section = ReportSection("feedback", _("Immediate feedback"))
    feedback = report.feedback
    section.notes.append(
        _(
            "Families choose a face from 1 (very bad) to 5 (very good). An average of fewer than %(count)d "
            "answers is not shown, nor one that could be worked out from the others."
        )
        % {"count": SMALLEST_GROUP}
    )
    section.tables.append(
        ReportTable(
            _("Feedback in %(year)s") % {"year": report.year},
            [_("Figure"), _("Value")],
            [[_("Answers"), feedback.answers], [_("Average face"), feedback.average]],
        )
    )
    if feedback.faces is HIDDEN:
        section.notes.append(
            _("Fewer than %(count)d answers: the faces are not broken down.") % {"count": SMALLEST_GROUP}
        )
    elif feedback.answers:
        section.tables.append(
            ReportTable(
                _("Answers by face"),
                [_("Face"), _("Answers")],
                [[group.label, group.count] for group in feedback.faces],
                chart=True,
            )
        )
    if feedback.kinds:
        section.tables.append(
            ReportTable(
                _("Feedback by activity kind"),
                [_("Activity kind"), _("Answers"), _("Average face")],
                [[group.label, group.answers, group.average] for group in feedback.kinds],
            )
        )
        section.tables.append(
            ReportTable(
                _("Feedback by activity"),
                [_("Activity"), _("Activity kind"), _("Answers"), _("Average face")],
                [[group.label, group.kind, group.answers, group.average] for group in feedback.activities],
            )
        )
    return section


def survey_section(report: Report) -> ReportSection:
    section = ReportSection("survey", _("Visitor survey"))
    if not report.surveys:
        section.notes.append(_("The meeting place has no survey."))
    for survey in report.surveys:
        section.notes.append(
            _("%(survey)s: %(count)s answers in %(year)s.")
            % {"survey": survey.title, "count": cell_text(survey.answers), "year": report.year}
        )
        section.notes.extend(survey.notes)
        for question in survey.questions:
            if question.choices is HIDDEN:
                section.notes.append(
                    _("“%(question)s”: fewer than %(count)d answers, not broken down.")
                    % {"question": question.label, "count": SMALLEST_GROUP}
                )
                continue
            caption = (
                _("%(question)s (%(count)s answered; more than one choice allowed)")
                if question.multiple
                else _("%(question)s (%(count)s answered)")
            ) % {"question": question.label, "count": cell_text(question.answers)}
            rows = [[group.label, group.count] for group in question.choices]
            if question.other:
                rows.append([_("A choice since removed"), question.other])
            section.tables.append(ReportTable(caption, [_("Choice"), _("Answers")], rows, chart=True))
    return section


def children_section(report: Report) -> ReportSection:
    section = ReportSection("children", _("Children's voice"))
    children = report.children
    section.notes.append(
        _("Picture forms filled in with an adult, and adults' observations: %(count)s records in %(year)s.")
        % {"count": cell_text(children.records), "year": report.year}
    )
    if not children.records:
        return section
    total = [_("Total"), children.records]
    section.tables.append(
        ReportTable(
            _("Records by kind"), [_("Kind"), _("Records")], [[g.label, g.count] for g in children.by_kind] + [total]
        )
    )
    section.tables.append(
        ReportTable(
            _("Records by age group"),
            [_("Age group"), _("Records")],
            [[g.label, g.count] for g in children.by_age] + [total],
        )
    )
    if children.likes is HIDDEN:
        section.notes.append(
            _("Fewer than %(count)d records: the pictures chosen are not broken down.") % {"count": SMALLEST_GROUP}
        )
    else:
        for caption, groups in (
            (_("What children like here"), children.likes),
            (_("What children would like to do"), children.wishes),
        ):
            section.tables.append(
                ReportTable(caption, [_("Picture"), _("Children")], [[g.label, g.count] for g in groups], chart=True)
            )
    return section


def ideas_section(report: Report) -> ReportSection:
    ideas, decisions = report.ideas, report.decisions
    return ReportSection(
        "ideas",
        _("Ideas and decisions"),
        tables=[
            ReportTable(
                _("Ideas in %(year)s") % {"year": report.year},
                [_("Ideas"), pgettext("how many", "Number")],
                [
                    [_("Proposed (not counting those rejected at moderation)"), ideas.proposed],
                    [_("Of them, children's ideas"), ideas.by_children],
                    [_("Voting rounds held"), ideas.rounds],
                    [_("Put to a vote"), ideas.put_to_vote],
                    [_("Selected for a co-development day"), ideas.selected],
                    [_("Done"), ideas.done],
                ],
            ),
            ReportTable(
                _("Decisions made in %(year)s, by their status now") % {"year": report.year},
                [_("Status"), _("Decisions")],
                [[group.label, group.count] for group in decisions.by_status] + [[_("Total"), decisions.total]],
            ),
        ],
    )


def registrations_section(report: Report) -> ReportSection:
    signed_up = report.registrations
    section = ReportSection(
        "registrations",
        _("Sign-ups to events"),
        notes=[
            _(
                "Confirmed sign-ups to events that took place in %(year)s. Needs from 1 to %(most)d are not "
                "shown as a number: they could point to a family."
            )
            % {"year": report.year, "most": SMALLEST_GROUP - 1}
        ],
        tables=[
            ReportTable(
                _("Sign-ups in %(year)s") % {"year": report.year},
                [_("Figure"), pgettext("how many", "Number")],
                [
                    [_("Events with sign-ups"), signed_up.events],
                    [_("Sign-ups"), signed_up.registrations],
                    [_("Adults"), signed_up.adults],
                    [_("Children"), signed_up.children],
                    [_("Children needing childcare"), signed_up.childcare],
                    [_("Sign-ups needing an interpreter"), signed_up.interpreter],
                ],
            )
        ],
    )
    if signed_up.interpreters:
        section.tables.append(
            ReportTable(
                _("Interpreting by language"),
                [_("Language"), _("Sign-ups")],
                [[group.label, group.count] for group in signed_up.interpreters],
            )
        )
    return section


def report_sections(report: Report) -> list[ReportSection]:
    """The report's sections in the active language, for the page and the workbook alike."""
    return [
        visits_section(report),
        feedback_section(report),
        survey_section(report),
        children_section(report),
        ideas_section(report),
        registrations_section(report),
    ]


# --- The workbook -----------------------------------------------------------------------------------------


def put(sheet, row: int, column: int, value, bold: bool = False) -> None:
    """Writes one cell: numbers as numbers, a hidden figure as its text, and text never as a formula."""
    if value is None or isinstance(value, Hidden):
        value = cell_text(value)
    elif not isinstance(value, int | Decimal):
        value = ILLEGAL_CHARACTERS_RE.sub("", str(value))
    cell = sheet.cell(row=row, column=column, value=value)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        cell.data_type = "s"
        cell.quotePrefix = True
    if isinstance(value, Decimal):
        cell.number_format = "0.0"
    if bold:
        cell.font = Font(bold=True)


def sheet_title(title: str, taken: set[str]) -> str:
    base = title.translate(SHEET_TITLE_FORBIDDEN).strip()[:SHEET_TITLE_MAX] or "Sheet"
    name, number = base, 2
    while name.casefold() in taken:
        suffix = f" {number}"
        name, number = base[: SHEET_TITLE_MAX - len(suffix)] + suffix, number + 1
    taken.add(name.casefold())
    return name


def workbook(report: Report, sections: list[ReportSection]) -> bytes:
    book = Workbook()
    book.remove(book.active)
    taken: set[str] = set()
    for section in sections:
        sheet = book.create_sheet(sheet_title(section.title, taken))
        put(sheet, 1, 1, f"{section.title} {report.year}: {report.site_name}", bold=True)
        row = 2
        for note in section.notes:
            put(sheet, row, 1, note)
            row += 1
        widths = {1: 24}
        for table in section.tables:
            row += 1
            put(sheet, row, 1, table.caption, bold=True)
            row += 1
            for column, heading in enumerate(table.columns, start=1):
                put(sheet, row, column, heading, bold=True)
                widths[column] = max(widths.get(column, 12), min(len(heading) + 2, 40))
            for cells in table.rows:
                row += 1
                for column, value in enumerate(cells, start=1):
                    put(sheet, row, column, value)
                widths[1] = max(widths[1], min(len(str(cells[0])) + 2, 60))
            row += 1
        for column, width in widths.items():
            sheet.column_dimensions[get_column_letter(column)].width = width
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


# --- Views ------------------------------------------------------------------------------------------------


class ReportAccessMixin:
    """Refuses anyone without `ideas.view_report` with 403 before anything is counted; finds the site."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view_report(request.user):
            return defaults.permission_denied(request, PermissionDenied())
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def site(self) -> Site:
        asked = self.request.GET.get("site", "")
        if asked:
            if not asked.isdigit():
                raise Http404
            return get_object_or_404(Site, pk=int(asked))
        site = Site.find_for_request(self.request)
        if site is None:
            raise Http404
        return site

    def report_url(self, year: int, **params) -> str:
        """The report of `year`, of the site chosen (when one was), with `params`."""
        query = {"site": self.site.pk} if self.request.GET.get("site") else {}
        query.update(params)
        return reverse("ideas_report", args=[year]) + ("?" + urlencode(query) if query else "")


class ReportIndexView(ReportAccessMixin, View):
    """The menu's entry: this year's report."""

    def get(self, request):
        return redirect(self.report_url(timezone.localdate().year))


class ReportView(ReportAccessMixin, TemplateView):
    """The printable report; `?format=xlsx` gives the workbook."""

    template_name = "ideas/admin/report.html"

    def get(self, request, year: int):
        if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
            raise Http404
        export = request.GET.get("format", "")
        if export not in ("", "xlsx"):
            raise Http404
        report = yearly_report(self.site, year)
        sections = report_sections(report)
        if export == "xlsx":
            response = HttpResponse(workbook(report, sections), content_type=XLSX_TYPE)
            response["Content-Disposition"] = f'attachment; filename="yearly-report-{year}.xlsx"'
            return response
        return self.render_to_response(self.get_context_data(report=report, sections=sections))

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        year = context["report"].year
        sites = list(Site.objects.order_by("site_name", "hostname"))
        context.update(
            language=translation.get_language(),
            direction="rtl" if translation.get_language_bidi() else "ltr",
            admin_url=reverse("wagtailadmin_home"),
            xlsx_url=self.report_url(year, format="xlsx"),
            years=[(choice, self.report_url(choice)) for choice in report_years(self.site)],
            sites=[
                (choice, reverse("ideas_report", args=[year]) + "?" + urlencode({"site": choice.pk}))
                for choice in sites
            ]
            if len(sites) > 1
            else [],
            printed=timezone.localtime(),
            smallest_group=SMALLEST_GROUP,
        )
        return context


class ReportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_report(request.user)


def report_menu_item() -> MenuItem:
    """For the "register_reports_menu_item" hook."""
    return ReportMenuItem(
        gettext_lazy("Yearly report"),
        reverse("ideas_report_index"),
        name="yearly-report",
        icon_name="table",
        order=1300,
    )


def register_report_urls():
    """For the "register_admin_urls" hook: the admin wraps these in its sign-in check."""
    return [
        path("ideas/report/", ReportIndexView.as_view(), name="ideas_report_index"),
        path("ideas/report/<int:year>/", ReportView.as_view(), name="ideas_report"),
    ]
