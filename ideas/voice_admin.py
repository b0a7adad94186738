"""Admin for children's voice (its own menu item): the picture-form answers and the observations staff record.

Staff see and export every record, and write observations (what a child showed or wished, by age group and
activity, never a name). A record whose child wished something becomes an idea in one click ("Make an
idea", a POST to `MakeIdeaView`, which needs `ideas.add_idea` and `ideas.change_childvoice`); the idea links
back through `ChildVoiceSourcePanel`. This module does not import `ideas.viewsets`, so that the idea's
editor can show that panel.
"""

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.formats import date_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.generic import View
from wagtail.admin import messages
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel, ObjectList, Panel
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale, Site
from wagtail.snippets.views.snippets import EditView, SnippetViewSet

from events.languages import language_name
from events.models import Activity
from pages.exports import SafeExportIndexView
from pages.permissions import ListedOnlyDeleteBulkAction

from .children import has_wish, make_idea
from .models import ChildVoice, ChildVoiceKind
from .voice_choices import AgeGroup, ChildChoice

MAKE_IDEA_PERMISSIONS = ("ideas.add_idea", "ideas.change_childvoice")
RECORDS_LIST = "wagtailsnippets_ideas_childvoice:list"
RECORD_EDIT = "wagtailsnippets_ideas_childvoice:edit"
MAKE_IDEA = "wagtailsnippets_ideas_childvoice:make_idea"
IDEA_EDIT = "wagtailsnippets_ideas_idea:edit"
NO_NAMES = _("No names: write what the child showed or said, never who the child is or who else was there.")


def may_make_ideas(user) -> bool:
    return user.has_perms(MAKE_IDEA_PERMISSIONS)


def sole_site() -> Site | None:
    sites = list(Site.objects.all()[:2])
    return sites[0] if len(sites) == 1 else None


def source_activities():
    """Activities in the default language: a record names an activity by its source translation."""
    return Activity.objects.filter(locale=Locale.get_default()).order_by("title")


def idea_label(record: ChildVoice) -> str:
    return f"#{record.idea.pk} {record.idea.title}" if record.idea_id else ""


def summary(record: ChildVoice) -> str:
    """What the child likes and wishes, and the start of what was written, on one line."""
    parts = []
    if record.likes:
        parts.append(_("Likes: %(pictures)s") % {"pictures": ", ".join(record.like_labels)})
    if record.wishes:
        parts.append(_("Would like: %(pictures)s") % {"pictures": ", ".join(record.wish_labels)})
    written = record.wish.strip() or record.showed.strip()
    if written:
        parts.append(f"“{Truncator(' '.join(written.split())).chars(80)}”")
    return " · ".join(parts)


def short_date(record: ChildVoice) -> str:
    return date_format(record.date, "SHORT_DATE_FORMAT")


def record_years() -> list[tuple[int, int]]:
    return [(day.year, day.year) for day in ChildVoice.objects.dates("date", "year", order="DESC")]


# --- The list -------------------------------------------------------------------------------------------


class ChildVoiceFilterSet(WagtailFilterSet):
    kind = django_filters.ChoiceFilter(label=_("Kind"), choices=ChildVoiceKind.choices)
    age_group = django_filters.ChoiceFilter(label=_("Age group"), choices=AgeGroup.choices)
    activity = django_filters.ModelChoiceFilter(label=_("Activity"), queryset=lambda request: source_activities())
    year = django_filters.ChoiceFilter(label=_("Year"), field_name="date", lookup_expr="year", choices=record_years)
    date = django_filters.DateFromToRangeFilter(label=_("Date"), widget=DateRangePickerWidget)

    class Meta:
        model = ChildVoice
        fields = ["kind", "age_group", "activity", "year", "date"]


class IdeaColumn(Column):
    """The idea made of the record's wish, linked; or a "Make an idea" button where there is a wish to make
    one of and the user may."""

    cell_template_name = "ideas/admin/children_idea_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context.get("request")
        may_make = request is not None and may_make_ideas(request.user)
        context.update(
            idea_url=reverse(IDEA_EDIT, args=[instance.idea_id]) if instance.idea_id else "",
            make_url=reverse(MAKE_IDEA, args=[instance.pk])
            if may_make and not instance.idea_id and has_wish(instance)
            else "",
            back_url=reverse(RECORDS_LIST) + (f"?{request.GET.urlencode()}" if request and request.GET else ""),
            csrf_token=get_token(request) if request is not None else "",
        )
        return context


class ChildVoiceIndexView(SafeExportIndexView):
    def _get_title_column(self, field_name, *args, **kwargs):
        """The date, short, links to the record."""
        return super()._get_title_column(field_name, *args, accessor=short_date, width="12%", **kwargs)

    export_values = {
        "kind": lambda record: record.get_kind_display(),
        "age_group": lambda record: record.get_age_group_display(),
        "activity": lambda record: record.activity.title if record.activity_id else "",
        "likes": lambda record: "; ".join(record.like_labels),
        "wishes": lambda record: "; ".join(record.wish_labels),
        "language": lambda record: language_name(record.language),
        "idea": idea_label,
        "site": lambda record: record.site.site_name or record.site.hostname,
    }


# --- Recording an observation -----------------------------------------------------------------------------


def picture_choices(label) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label, choices=ChildChoice.choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class ChildVoiceForm(WagtailAdminModelForm):
    """An observation (the kind is set, never chosen); the place preset when there is only one, and the
    activity one of the place's, in the default language."""

    likes = picture_choices(_("Likes here"))
    wishes = picture_choices(_("Would like to do"))
    language = forms.ChoiceField(
        label=_("Written in"),
        choices=settings.LANGUAGES,
        help_text=_("An idea made of the wish is written in this language."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk:
            self.instance.kind = ChildVoiceKind.OBSERVATION
        site = self.instance.site if self.instance.site_id else sole_site()
        if "site" in self.fields:
            if self.instance.pk:
                self.fields["site"].disabled = True
            elif site is not None:
                self.fields["site"].initial = site.pk
        if "activity" in self.fields:
            activities = source_activities()
            self.fields["activity"].queryset = activities.filter(site=site) if site is not None else activities
            self.fields["activity"].label_from_instance = lambda activity: activity.title
        languages = [code for code, _name in settings.LANGUAGES]
        current = (get_language() or "").split("-")[0]
        if not self.instance.language:
            self.initial["language"] = current if current in languages else settings.LANGUAGE_CODE

    def clean(self):
        cleaned_data = super().clean()
        site = cleaned_data.get("site") or (self.instance.site if self.instance.site_id else None)
        activity = cleaned_data.get("activity")
        if site is not None and activity is not None and activity.site_id != site.pk:
            self.add_error("activity", _("Choose an activity of the same meeting place."))
        return cleaned_data


class ChildVoiceEditView(EditView):
    """The record's editor, with its idea above the form: a link to it, or the button that makes it."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        record = self.object
        context.update(
            idea_url=reverse(IDEA_EDIT, args=[record.idea_id]) if record.idea_id else "",
            has_wish=has_wish(record),
            make_url=reverse(MAKE_IDEA, args=[record.pk]) if may_make_ideas(self.request.user) else "",
        )
        return context


# --- Making an idea -------------------------------------------------------------------------------------


class MakeIdeaView(View):
    """POST: the record's wish becomes an idea awaiting moderation; then the idea's editor opens."""

    http_method_names = ["post"]

    def dispatch(self, request, *args, **kwargs):
        if not may_make_ideas(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, pk):
        record = get_object_or_404(ChildVoice, pk=pk)
        try:
            idea = make_idea(record, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(self.back_url(request, record))
        messages.success(
            request,
            _("The child's wish is now an idea awaiting moderation, marked as a child's idea. Check it as usual."),
            buttons=[messages.button(reverse(RECORD_EDIT, args=[record.pk]), _("Back to the record"))],
        )
        return redirect(IDEA_EDIT, idea.pk)

    def back_url(self, request, record: ChildVoice) -> str:
        given = request.POST.get("next", "")
        if given and url_has_allowed_host_and_scheme(given, {request.get_host()}, request.is_secure()):
            return given
        return reverse(RECORD_EDIT, args=[record.pk])


# --- The idea links back ----------------------------------------------------------------------------------


class ChildVoiceSourcePanel(Panel):
    """On an idea's editor: the children's voice record the idea was made of (shown only for such ideas)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("heading", _("From children's voice"))
        super().__init__(*args, **kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "ideas/admin/children_voice_source.html"

        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            idea_id = getattr(self.instance, "pk", None)
            self.record = ChildVoice.objects.filter(idea_id=idea_id).first() if idea_id else None

        def is_shown(self):
            return self.record is not None and super().is_shown()

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context.update(record=self.record, record_url=reverse(RECORD_EDIT, args=[self.record.pk]))
            return context


# --- The viewset ----------------------------------------------------------------------------------------


class ChildVoiceViewSet(SnippetViewSet):
    model = ChildVoice
    icon = "group"
    menu_label = _("Children's voice")
    add_to_admin_menu = True
    index_view_class = ChildVoiceIndexView
    edit_view_class = ChildVoiceEditView
    edit_template_name = "ideas/admin/children_voice_edit.html"
    copy_view_enabled = False
    list_display = [
        "date",
        Column("kind", label=_("Kind"), accessor="get_kind_display", sort_key="kind"),
        Column("age_group", label=_("Age group"), accessor="get_age_group_display", sort_key="age_group"),
        Column("activity", label=_("Activity")),
        Column("summary", label=_("Likes and wishes"), accessor=summary),
        IdeaColumn("idea", label=_("Idea"), accessor=idea_label),
    ]
    filterset_class = ChildVoiceFilterSet
    search_fields = ["wish", "showed"]
    search_backend_name = None
    list_export = [
        "date",
        "kind",
        "age_group",
        "activity",
        "likes",
        "wishes",
        "showed",
        "wish",
        "language",
        "idea",
        "site",
        "created_at",
    ]
    export_filename = "lasten-aani"
    ordering = ["-date", "-pk"]
    edit_handler = ObjectList(
        [
            FieldRowPanel([FieldPanel("date"), FieldPanel("age_group")]),
            FieldPanel("activity", widget=forms.Select),
            MultiFieldPanel(
                [
                    FieldPanel("likes"),
                    FieldPanel("wishes"),
                    FieldPanel("showed"),
                    FieldPanel("wish"),
                    FieldPanel("language"),
                ],
                heading=_("What the child showed or wished"),
                help_text=NO_NAMES,
            ),
            FieldPanel("site"),
        ],
        base_form_class=ChildVoiceForm,
    )

    def get_queryset(self, request):
        return ChildVoice.objects.select_related("activity", "idea", "site")

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"make-idea/<{self.pk_path_converter}:pk>/", MakeIdeaView.as_view(), name="make_idea"),
        ]

    def register_chooser_viewset(self):
        """No chooser: nothing links to a record, and Wagtail's choosers check no permission."""


class ChildVoiceDeleteBulkAction(ListedOnlyDeleteBulkAction):
    models = [ChildVoice]
