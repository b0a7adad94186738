"""Staff views of immediate feedback, in a "Feedback" menu group: a summary of one month (a chart of the five
faces, the number of answers and their average, a row per activity, and what families wrote), the list of
answers with filters and CSV/XLSX exports, and each public activity's printable A4 poster with a QR code.

All of it needs `ideas.view_feedback` (superusers have it). Answers are never added or edited in the admin; a
user who may also delete them can remove one (an answer whose text names someone, say). A group of fewer
than SMALLEST_GROUP answers shows its number only, no faces or average: a few answers could tell who gave
them. `ideas/wagtail_hooks.py` registers `FeedbackGroup` and `activity_listing_buttons`.
"""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Sum
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format, number_format
from django.utils.functional import cached_property
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.base import ViewSet, ViewSetGroup
from wagtail.admin.widgets.button import Button, HeaderButton
from wagtail.models import Locale
from wagtail.snippets.views.snippets import InspectView, SnippetViewSet

from events.languages import language_name
from events.models import Activity
from pages.components import Bar, BarChart
from pages.exports import SafeExportIndexView
from pages.navigation import public_url
from pages.permissions import ListedOnlyDeleteBulkAction, RecordedOnlyPermissionPolicy

from .admin_views import readable_address
from .feedback_forms import MOUTHS
from .models import Feedback, FeedbackPage
from .qr import qr_svg
from .voice_choices import SMALLEST_GROUP, Face

FEEDBACK_PERMISSION = "ideas.view_feedback"
ANSWERS_LIST = "wagtailsnippets_ideas_feedback:list"
SUMMARY = "feedback:summary"
POSTER = "feedback:poster"
MONTHS_OFFERED = 24
TEXTS_SHOWN = 100
LIST_TEXT_LENGTH = 80


def may_view_feedback(user) -> bool:
    return user.has_perm(FEEDBACK_PERMISSION)


# Nothing of the answers without `ideas.view_feedback`; never added or edited in the admin.
feedback_permission_policy = RecordedOnlyPermissionPolicy(Feedback)


# --- Months and activities ----------------------------------------------------------------------------------


def month_value(day: datetime.date) -> str:
    return f"{day.year:04d}-{day.month:02d}"


def month_choices(today: datetime.date | None = None) -> list[tuple[str, str]]:
    """The latest MONTHS_OFFERED months, this one first, as ("2026-11", "November 2026")."""
    first = (today or timezone.localdate()).replace(day=1)
    months = []
    for _step in range(MONTHS_OFFERED):
        months.append((month_value(first), date_format(first, "YEAR_MONTH_FORMAT")))
        first = (first - datetime.timedelta(days=1)).replace(day=1)
    return months


def month_range(value: str) -> tuple[datetime.date, datetime.date]:
    """The first and last day of the month "YYYY-MM" (a value of `month_choices`)."""
    year, month = (int(part) for part in value.split("-"))
    first = datetime.date(year, month, 1)
    following = (first + datetime.timedelta(days=32)).replace(day=1)
    return first, following - datetime.timedelta(days=1)


def source_activities():
    """The public activities in the default language: answers belong to these rows."""
    return Activity.objects.filter(locale=Locale.get_default()).public().select_related("site").order_by("title", "pk")


def source_pk(pk: int) -> int:
    """The pk of the source row of the activity whose row in some language is `pk` (`pk` when none is)."""
    row = Activity.objects.filter(pk=pk).first()
    return row.get_default_translation().pk if row is not None else pk


def activity_label(activity: Activity) -> str:
    return activity.title


def poster_url(activity: Activity, language: str = "") -> str:
    url = reverse(POSTER, args=[activity.pk])
    return url + ("?" + urlencode({"kieli": language}) if language else "")


def poster_links(activity: Activity) -> list[tuple[str, str, str]]:
    """(language code, language name, poster address) for each language of the site."""
    return [(code, name, poster_url(activity, code)) for code, name in settings.LANGUAGES]


# --- The list of answers ------------------------------------------------------------------------------------


class MonthFilter(django_filters.ChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", month_choices)
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.between(*month_range(value))


class ActivityFilter(django_filters.ModelChoiceFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("queryset", lambda request: source_activities())
        super().__init__(*args, **kwargs)

    @property
    def field(self):
        field = super().field
        field.label_from_instance = activity_label
        return field


class FeedbackFilterSet(WagtailFilterSet):
    activity = ActivityFilter(label=_("Activity"))
    face = django_filters.ChoiceFilter(label=_("How it was"), choices=Face.choices)
    month = MonthFilter(label=_("Month"))

    class Meta:
        model = Feedback
        fields = ["activity", "face", "month"]


def face_label(answer: Feedback) -> str:
    return str(answer.get_face_display())


def shortened(text: str) -> str:
    """The start of a text for a column of the list; the whole text is on the answer's own page."""
    return Truncator(text).chars(LIST_TEXT_LENGTH)


def answer_language(answer: Feedback) -> str:
    return language_name(answer.language) if answer.language else ""


class FeedbackIndexView(SafeExportIndexView):
    """The answers, newest first, with a way to the month's summary; exports with labels, not stored values."""

    export_values = {
        "activity": lambda answer: answer.activity.title,
        "face": face_label,
        "language": answer_language,
    }

    @cached_property
    def header_buttons(self):
        buttons = list(super().header_buttons)
        buttons.append(HeaderButton(_("Summary and charts"), url=reverse(SUMMARY), icon_name="list-ul", priority=20))
        return buttons


class FeedbackInspectView(InspectView):
    def get_face_display_value(self):
        return face_label(self.object)

    def get_language_display_value(self):
        return answer_language(self.object)


class FeedbackViewSet(SnippetViewSet):
    model = Feedback
    icon = "comment"
    menu_label = _("Answers")
    index_view_class = FeedbackIndexView
    inspect_view_class = FeedbackInspectView
    inspect_view_enabled = True
    inspect_view_fields = ["activity", "face", "good", "better", "language", "at_place", "created_at"]
    copy_view_enabled = False
    list_display = [
        "__str__",
        Column("face", label=_("How it was"), accessor=face_label),
        Column("good", label=_("What was good"), accessor=lambda answer: shortened(answer.good)),
        Column("better", label=_("What could be better"), accessor=lambda answer: shortened(answer.better)),
        Column("language", label=_("Language"), accessor=answer_language),
        Column("at_place", label=_("At the place"), accessor=lambda answer: _("yes") if answer.at_place else ""),
        DateColumn("created_at", label=_("Given")),
    ]
    filterset_class = FeedbackFilterSet
    list_export = ["created_at", "activity", "face", "good", "better", "language", "at_place"]
    export_headings = {
        "activity": _("Activity"),
        "face": _("How it was"),
        "good": _("What was good"),
        "better": _("What could be better"),
        "language": _("Language"),
        "at_place": _("Given at the place"),
        "created_at": _("Given"),
    }
    export_filename = "palaute"
    ordering = ["-created_at", "-pk"]

    @property
    def permission_policy(self):
        return feedback_permission_policy

    def get_queryset(self, request):
        return Feedback.objects.select_related("activity")

    def register_chooser_viewset(self):
        """No chooser: nothing links to an answer, and Wagtail's choosers check no permission."""


class FeedbackDeleteBulkAction(ListedOnlyDeleteBulkAction):
    models = [Feedback]


# --- The summary --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AnswerGroup:
    """The answers of one activity, or of all: how many, and their average face when there are enough."""

    count: int
    face_total: int

    @property
    def is_shown(self) -> bool:
        return self.count >= SMALLEST_GROUP

    @property
    def average(self) -> float | None:
        return self.face_total / self.count if self.is_shown else None

    @property
    def average_text(self) -> str:
        if not self.is_shown:
            return str(_("fewer than %(smallest)d answers") % {"smallest": SMALLEST_GROUP})
        return str(_("%(average)s of 5") % {"average": number_format(self.average, decimal_pos=1, use_l10n=True)})


@dataclass(frozen=True)
class ActivityRow:
    activity: Activity
    group: AnswerGroup
    answers_url: str
    summary_url: str
    posters: list[tuple[str, str, str]]


class SummaryForm(forms.Form):
    activity = forms.ModelChoiceField(
        label=_("Activity"), queryset=Activity.objects.none(), required=False, empty_label=_("All activities")
    )
    month = forms.ChoiceField(label=_("Month"))

    def __init__(self, *args, activities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["activity"].queryset = activities
        self.fields["activity"].label_from_instance = activity_label
        self.fields["month"].choices = month_choices()
        self.fields["month"].initial = month_value(timezone.localdate())


def face_chart(counts: dict[int, int], caption: str) -> BarChart:
    return BarChart(
        caption=caption,
        bars=[Bar(label=str(Face(face).label), value=counts[face]) for face in Face.values],
        label_heading=str(_("How it was")),
        value_heading=str(_("Answers")),
    )


def list_url(**filters) -> str:
    query = {name: value for name, value in filters.items() if value}
    return reverse(ANSWERS_LIST) + ("?" + urlencode(query) if query else "")


class FeedbackPermissionMixin:
    """Refuses users without `ideas.view_feedback` before anything else."""

    def dispatch(self, request, *args, **kwargs):
        if not may_view_feedback(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class FeedbackSummaryView(FeedbackPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    """One month's answers, of all activities or one: the faces as a chart, the average, a row per activity and
    the texts. A fixed number of queries however many answers there are."""

    template_name = "ideas/admin/feedback_summary.html"
    page_title = _("Feedback")
    header_icon = "comment"

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [{"url": "", "label": self.get_page_title()}]

    @cached_property
    def header_buttons(self):
        return [HeaderButton(_("All answers"), url=reverse(ANSWERS_LIST), icon_name="list-ul", priority=10)]

    def chosen(self, form: SummaryForm) -> tuple[Activity | None, str]:
        if form.is_bound and form.is_valid():
            return form.cleaned_data["activity"], form.cleaned_data["month"]
        return None, form.fields["month"].initial

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        activities = list(source_activities())
        given = {name: self.request.GET[name] for name in ("activity", "month") if name in self.request.GET}
        if given:
            given.setdefault("month", month_value(timezone.localdate()))
        if given.get("activity", "").isdigit():
            given["activity"] = source_pk(int(given["activity"]))
        form = SummaryForm(given or None, activities=source_activities())
        activity, month = self.chosen(form)
        month_label = dict(form.fields["month"].choices)[month]
        answers = Feedback.objects.between(*month_range(month))
        per_activity = {
            row["activity"]: AnswerGroup(count=row["count"], face_total=row["face_total"])
            for row in answers.values("activity").annotate(count=Count("pk"), face_total=Sum("face")).order_by()
        }
        if activity is not None:
            answers = answers.filter(activity=activity)
        counts = answers.face_counts()
        total = AnswerGroup(count=sum(counts.values()), face_total=sum(face * n for face, n in counts.items()))
        rows = [
            ActivityRow(
                activity=row,
                group=per_activity.get(row.pk, AnswerGroup(0, 0)),
                answers_url=list_url(activity=row.pk, month=month),
                summary_url=reverse(SUMMARY) + "?" + urlencode({"activity": row.pk, "month": month}),
                posters=poster_links(row),
            )
            for row in activities
            if activity is None or row.pk == activity.pk
        ]
        texts = answers.select_related("activity").order_by("-created_at", "-pk")
        context.update(
            form=form,
            activity=activity,
            month_label=month_label,
            total=total,
            chart=face_chart(counts, str(_("Answers by face, %(month)s") % {"month": month_label})),
            rows=rows,
            good_texts=list(texts.exclude(good="")[:TEXTS_SHOWN]),
            better_texts=list(texts.exclude(better="")[:TEXTS_SHOWN]),
            texts_shown=TEXTS_SHOWN,
            answers_url=list_url(activity=activity.pk if activity else "", month=month),
            smallest_group=SMALLEST_GROUP,
        )
        return context


# --- The poster ---------------------------------------------------------------------------------------------


class FeedbackPosterView(FeedbackPermissionMixin, TemplateView):
    """An activity's A4 poster in one language (`?kieli=sv`): a plain page, no admin furniture. Its QR code
    and printed address open the activity's feedback form on the place's public address."""

    template_name = "ideas/admin/feedback_poster.html"

    @cached_property
    def row(self) -> Activity:
        """The activity asked for, in any language; a staff-only one has no form to open."""
        activity = get_object_or_404(Activity.objects.select_related("site", "locale"), pk=self.kwargs["activity_id"])
        if activity.staff_only:
            raise Http404
        return activity

    def poster_language(self) -> str:
        """`?kieli=` when it is one of the site's languages, else the language of the row asked for."""
        asked = self.request.GET.get("kieli", "")
        return asked if asked in dict(settings.LANGUAGES) else self.row.locale.language_code

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.row.get_default_translation()
        language = self.poster_language()
        local = Activity.objects.filter(translation_key=source.translation_key, locale__language_code=language)
        activity = local.first() or source
        with translation.override(language):
            page = FeedbackPage.for_site(self.row.site, language)
            context.update(
                activity=activity,
                poster_language=language,
                languages=[(code, name, poster_url(source, code)) for code, name in settings.LANGUAGES],
                summary_url=reverse(SUMMARY) + "?" + urlencode({"activity": source.pk}),
                faces=[(MOUTHS[face], Face(face).label) for face in Face.values],
                stylesheet="ideas/poster.css",
            )
            if page is None:
                context["no_page"] = True
                return context
            url = public_url(page.form_url(activity))
            context.update(
                url=url,
                address=readable_address(url),
                qr=qr_svg(url, title=str(_("QR code: opens the feedback form"))),
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        with translation.override(context["poster_language"]):
            response = super().render_to_response(context, **response_kwargs)
            response.render()
        return response


# --- Registration -------------------------------------------------------------------------------------------


class FeedbackMenuItem(MenuItem):
    def is_shown(self, request):
        return may_view_feedback(request.user)


class FeedbackSummaryViewSet(ViewSet):
    """The summary and the posters, under /admin/feedback/."""

    name = "feedback"
    icon = "comment"
    menu_label = _("Summary and charts")
    menu_item_class = FeedbackMenuItem

    def get_urlpatterns(self):
        return [
            path("", FeedbackSummaryView.as_view(), name="summary"),
            path("<int:activity_id>/poster/", FeedbackPosterView.as_view(), name="poster"),
        ]


class FeedbackGroup(ViewSetGroup):
    items = (FeedbackSummaryViewSet, FeedbackViewSet)
    menu_icon = "comment"
    menu_label = _("Feedback")
    menu_name = "feedback"


def activity_listing_buttons(snippet, user, next_url=None) -> list[Button]:
    """For "register_snippet_listing_buttons": a public activity's poster (in the row's language) and its
    feedback, from its row in any language. No queries: the views find the activity's source row."""
    if not isinstance(snippet, Activity) or snippet.staff_only or not may_view_feedback(user):
        return []
    return [
        Button(_("Feedback poster"), url=poster_url(snippet), icon_name="doc-full", priority=70),
        Button(
            _("Feedback"),
            url=reverse(SUMMARY) + "?" + urlencode({"activity": snippet.pk}),
            icon_name="comment",
            priority=71,
        ),
    ]
