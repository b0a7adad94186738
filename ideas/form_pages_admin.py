"""The admin's summary of a visitor survey (ideas.SurveyPage): all its translations' answers of a year
together, a bar chart per choice question, the average of each number question and the count of each text
question, with links to the answers themselves.

Translations are matched by position: the n-th question of each translation is the same question, and so
is its n-th choice. A translation whose questions differ from the source's in number, type or number of
choices is summarised on its own, and the page says so. A question with fewer than SMALLEST_GROUP answers
shows no figures. Seeing the summary needs what seeing the page's answers needs (Wagtail's form
permissions, `get_forms_for_user`); a translation the user may not see is left out. The answers are read
in one query whatever their number. `ideas/wagtail_hooks.py` registers `register_admin_urls` and
`surveys_menu_item`.
"""

import decimal
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models.functions import ExtractYear
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.contrib.forms.forms import FormBuilder
from wagtail.contrib.forms.models import FormSubmission
from wagtail.contrib.forms.utils import get_forms_for_user

from pages.components import Bar, BarChart

from .models import SurveyField, SurveyPage
from .voice_choices import SMALLEST_GROUP

SINGLE_CHOICE = {"radio", "dropdown"}
MULTIPLE_CHOICE = {"checkboxes", "multiselect"}
CHOICE_TYPES = SINGLE_CHOICE | MULTIPLE_CHOICE
NUMBER = "number"
YES_NO = "checkbox"


def visible_surveys(user):
    """The survey pages whose answers `user` may see (Wagtail's form permissions)."""
    return SurveyPage.objects.filter(pk__in=get_forms_for_user(user).values("pk"))


def field_choices(survey_field) -> list[str]:
    return [value for value, _label in FormBuilder([]).get_formatted_field_choices(survey_field)]


def shape(fields) -> list[tuple]:
    """What must agree for two translations' questions to be counted together."""
    return [(f.field_type, len(field_choices(f)) if f.field_type in CHOICE_TYPES else 0) for f in fields]


def language_order(page) -> int:
    codes = [code for code, _name in settings.LANGUAGES]
    code = page.locale.language_code
    return codes.index(code) if code in codes else len(codes)


def share_text(count: int, total: int) -> str:
    share = number_format(round(100 * count / total), use_l10n=True) if total else "0"
    return _("%(count)s (%(share)s %%)") % {"count": number_format(count, use_l10n=True), "share": share}


@dataclass
class QuestionSummary:
    label: str
    kind: str  # "choice", "number" or "text"
    answered: int
    chart: BarChart | None = None
    average: str = ""

    @property
    def too_few(self) -> bool:
        return self.answered < SMALLEST_GROUP


@dataclass
class SummaryGroup:
    """Translations whose questions agree, summarised together; `separate` when they differ from the source."""

    pages: list
    separate: bool = False
    answers: int = 0
    questions: list[QuestionSummary] = field(default_factory=list)
    links: list[dict] = field(default_factory=list)

    @property
    def languages(self) -> str:
        return ", ".join(page.locale.get_display_name() for page in self.pages)

    @property
    def too_few(self) -> bool:
        return self.answers < SMALLEST_GROUP


def summarise(pages: list, fields_of: dict, answers_of: dict, year: int, separate: bool) -> SummaryGroup:
    """One group: its translations' answers counted question by question (by position)."""
    group = SummaryGroup(pages=pages, separate=separate)
    group.answers = sum(len(answers_of.get(page.pk, [])) for page in pages)
    reference = fields_of[pages[0].pk]
    for position, question in enumerate(reference):
        columns = [(fields_of[page.pk][position], answers_of.get(page.pk, [])) for page in pages]
        group.questions.append(summarise_question(question, columns))
    start, end = f"{year}-01-01", f"{year}-12-31"
    for page in pages:
        submissions = reverse("wagtailforms:list_submissions", args=[page.pk])
        dates = {"date_after": start, "date_before": end}
        group.links.append(
            {
                "language": page.locale.get_display_name(),
                "answers": len(answers_of.get(page.pk, [])),
                "list_url": submissions + "?" + urlencode(dates),
                "csv_url": submissions + "?" + urlencode({"export": "csv", **dates}),
                "xlsx_url": submissions + "?" + urlencode({"export": "xlsx", **dates}),
            }
        )
    return group


def summarise_question(question, columns: list[tuple]) -> QuestionSummary:
    """`columns`: each translation's field at this position and that translation's answers (dicts)."""
    kind = question.field_type
    if kind in CHOICE_TYPES:
        return choice_summary(question, columns)
    if kind == YES_NO:
        return yes_no_summary(question, columns)
    if kind == NUMBER:
        return number_summary(question, columns)
    answered = sum(1 for survey_field, answers in columns for data in answers if data.get(survey_field.clean_name))
    return QuestionSummary(question.label, "text", answered)


def choice_summary(question, columns) -> QuestionSummary:
    labels = field_choices(question)
    counts = [0] * len(labels)
    other = answered = 0
    for survey_field, answers in columns:
        position_of = {choice: position for position, choice in enumerate(field_choices(survey_field))}
        name = survey_field.clean_name
        for data in answers:
            given = data.get(name)
            chosen = given if isinstance(given, list) else [given] if given not in (None, "") else []
            if not chosen:
                continue
            answered += 1
            for choice in chosen:
                if choice in position_of:
                    counts[position_of[choice]] += 1
                else:
                    other += 1
    bars = [Bar(label, count, share_text(count, answered)) for label, count in zip(labels, counts, strict=True)]
    if other:
        bars.append(Bar(_("Answers no longer among the choices"), other, share_text(other, answered)))
    caption = question.label
    if question.field_type in MULTIPLE_CHOICE:
        caption = _("%(question)s (several choices allowed)") % {"question": question.label}
    chart = BarChart(caption=caption, bars=bars, label_heading=_("Choice"), value_heading=_("Answers (share)"))
    return QuestionSummary(question.label, "choice", answered, chart=chart)


def yes_no_summary(question, columns) -> QuestionSummary:
    ticked = answered = 0
    for survey_field, answers in columns:
        for data in answers:
            if survey_field.clean_name in data:
                answered += 1
                ticked += bool(data[survey_field.clean_name])
    bars = [Bar(_("Ticked"), ticked, share_text(ticked, answered))]
    bars.append(Bar(_("Not ticked"), answered - ticked, share_text(answered - ticked, answered)))
    chart = BarChart(caption=question.label, bars=bars, label_heading=_("Answer"), value_heading=_("Answers (share)"))
    return QuestionSummary(question.label, "choice", answered, chart=chart)


def number_summary(question, columns) -> QuestionSummary:
    values = []
    for survey_field, answers in columns:
        for data in answers:
            try:
                values.append(decimal.Decimal(str(data.get(survey_field.clean_name))))
            except decimal.InvalidOperation:
                continue
    values = [value for value in values if value.is_finite()]
    average = number_format(sum(values) / len(values), decimal_pos=1, use_l10n=True) if values else ""
    return QuestionSummary(question.label, "number", len(values), average=average)


def survey_summary(translations: list, year: int) -> list[SummaryGroup]:
    """The groups of a survey's `translations` (source first) for `year`: the source with every translation
    whose questions agree with it, then each differing translation on its own. Two queries."""
    fields_of: dict = {page.pk: [] for page in translations}
    for survey_field in SurveyField.objects.filter(page__in=translations).order_by("page_id", "sort_order", "pk"):
        fields_of[survey_field.page_id].append(survey_field)
    answers_of: dict = {}
    rows = FormSubmission.objects.filter(page__in=translations, submit_time__year=year).values_list(
        "page_id", "form_data"
    )
    for page_id, data in rows.iterator():
        answers_of.setdefault(page_id, []).append(data)
    source_shape = shape(fields_of[translations[0].pk])
    agreeing = [page for page in translations if shape(fields_of[page.pk]) == source_shape]
    differing = [page for page in translations if page not in agreeing]
    groups = [summarise(agreeing, fields_of, answers_of, year, separate=False)]
    groups += [summarise([page], fields_of, answers_of, year, separate=True) for page in differing]
    return groups


class SurveySummaryView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "ideas/admin/survey_summary.html"
    page_title = gettext_lazy("Survey summary")
    header_icon = "form"

    def dispatch(self, request, *args, **kwargs):
        if not get_forms_for_user(request.user).filter(pk=kwargs["page_id"]).exists():
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def page(self) -> SurveyPage:
        return get_object_or_404(SurveyPage.objects.select_related("locale"), pk=self.kwargs["page_id"])

    @cached_property
    def translations(self) -> tuple[list, int]:
        """The translations the user may see (the source first, then in the order of LANGUAGES), and how many
        others there are."""
        everything = list(self.page.get_translations(inclusive=True).select_related("locale"))
        visible = set(
            visible_surveys(self.request.user)
            .filter(pk__in=[page.pk for page in everything])
            .values_list("pk", flat=True)
        )
        default = settings.LANGUAGE_CODE
        shown = sorted(
            (page for page in everything if page.pk in visible),
            key=lambda page: (page.locale.language_code != default, language_order(page), page.pk),
        )
        return shown, len(everything) - len(shown)

    def years(self) -> list[int]:
        pages = self.translations[0]
        stored = FormSubmission.objects.filter(page__in=pages).annotate(year=ExtractYear("submit_time"))
        years = set(stored.values_list("year", flat=True).distinct().order_by())
        years.add(timezone.localdate().year)
        return sorted(years, reverse=True)

    def chosen_year(self, years: list[int]) -> int:
        try:
            year = int(self.request.GET.get("year", ""))
        except ValueError:
            return timezone.localdate().year
        return year if year in years else timezone.localdate().year

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse("ideas_surveys"), "label": _("Surveys")},
            {"url": "", "label": self.get_page_title(), "sublabel": self.get_page_subtitle()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        years = self.years()
        year = self.chosen_year(years)
        shown, hidden = self.translations
        context.update(
            survey=self.page,
            years=years,
            year=year,
            groups=survey_summary(shown, year),
            hidden_translations=hidden,
            smallest_group=SMALLEST_GROUP,
            edit_url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )
        return context


class SurveysView(WagtailAdminTemplateMixin, TemplateView):
    """The surveys whose answers the user may see, one row per survey (its translations together)."""

    template_name = "ideas/admin/survey_summary.html"
    page_title = gettext_lazy("Surveys")
    header_icon = "form"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        pages = visible_surveys(self.request.user).select_related("locale").order_by("translation_key", "pk")
        default = settings.LANGUAGE_CODE
        surveys: dict = {}
        for page in pages:
            surveys.setdefault(page.translation_key, []).append(page)
        rows = []
        for translations in surveys.values():
            translations.sort(key=lambda page: (page.locale.language_code != default, language_order(page)))
            first = translations[0]
            rows.append(
                {
                    "title": first.title,
                    "languages": ", ".join(page.locale.get_display_name() for page in translations),
                    "live": any(page.live for page in translations),
                    "summary_url": reverse("ideas_survey_summary", args=[first.pk]),
                    "edit_url": reverse("wagtailadmin_pages:edit", args=[first.pk]),
                }
            )
        context["listing"] = True
        context["survey_rows"] = sorted(rows, key=lambda row: row["title"].casefold())
        return context


def register_admin_urls():
    """For the "register_admin_urls" hook: the admin wraps these in its sign-in check."""
    return [
        path("surveys/", SurveysView.as_view(), name="ideas_surveys"),
        path("surveys/<int:page_id>/", SurveySummaryView.as_view(), name="ideas_survey_summary"),
    ]


class SurveysMenuItem(MenuItem):
    def is_shown(self, request):
        return visible_surveys(request.user).exists()


def surveys_menu_item():
    """For "register_admin_menu_item": shown to users who may see the answers of at least one survey."""
    return SurveysMenuItem(
        gettext_lazy("Surveys"), reverse("ideas_surveys"), name="surveys", icon_name="form", order=710
    )
