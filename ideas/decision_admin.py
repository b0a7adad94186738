"""Admin for decisions (Ideas → Decisions) and the chooser of public ideas that decisions and agendas use.

A decision is saved through `ideas.decisions.record`, so its ideas move on in the same transaction. Recording
one changes ideas' statuses, so it needs the moderators' permission on ideas as well as the decision's own.
The chooser lists only public ideas: Wagtail's default chooser would show ideas still awaiting moderation.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultipleChooserPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.generic.chooser import ChosenMultipleView, ChosenView
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.models import Locale
from wagtail.snippets.views.snippets import CreateView, EditView, SnippetViewSet

from events.models import MEETING_KINDS, EventPage
from pages.exports import SafeExportIndexView
from pages.permissions import ListedOnlyDeleteBulkAction

from . import decisions
from .models import Decision, Idea, IdeaStatus
from .statuses import PUBLIC_STATUSES

IDEA_PERMISSION = "ideas.change_idea"
# An idea that was merged goes on in another one: decisions and agendas name that one.
CHOOSABLE_STATUSES = [status for status in PUBLIC_STATUSES if status != IdeaStatus.MERGED]


def choosable_ideas():
    return Idea.objects.filter(status__in=CHOOSABLE_STATUSES)


class PublicIdeaChosenView(ChosenView):
    """The chooser's answer for one id: any admin user may ask, so only a public idea is found."""

    def get_object(self, pk):
        return choosable_ideas().get(pk=pk)


class PublicIdeaChosenMultipleView(ChosenMultipleView):
    def get_objects(self, pks):
        return choosable_ideas().filter(pk__in=pks)


class PublicIdeaChooserViewSet(ChooserViewSet):
    model = Idea
    icon = "pick"
    chosen_view_class = PublicIdeaChosenView
    chosen_multiple_view_class = PublicIdeaChosenMultipleView
    choose_one_text = _("Choose an idea")
    choose_another_text = _("Choose another idea")
    page_title = _("Choose a public idea")
    per_page = 20
    register_widget = False  # a voting round chooses from its own list of votable ideas

    def get_object_list(self):
        return choosable_ideas().order_by("-published_at", "-pk")


idea_chooser_viewset = PublicIdeaChooserViewSet("public_idea_chooser", url_prefix="ideas/choose-public")


def agenda_panels() -> list:
    """The agenda in the "Meeting record" tab of an event's editor (through `events.hooks`)."""
    return [
        InlinePanel(
            "agenda_items",
            heading=_("Agenda"),
            label=_("Agenda item"),
            panels=[
                FieldPanel("title"),
                FieldPanel("idea", widget=idea_chooser_viewset.widget_class),
                FieldPanel("outcome"),
            ],
            help_text=_("The items in order. After the meeting, write each item's outcome."),
        )
    ]


def meeting_label(meeting: EventPage) -> str:
    day = date_format(timezone.localtime(meeting.start), "SHORT_DATE_FORMAT")
    return f"{day} {meeting.title} ({meeting.get_kind_display()})"


class DecisionForm(WagtailAdminModelForm):
    """Meetings of the default language, newest first; every linked idea public, of the meeting's place, once."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "meeting" in self.fields:
            field = self.fields["meeting"]
            meetings = EventPage.objects.filter(kind__in=MEETING_KINDS, locale=Locale.get_default())
            field.queryset = meetings.order_by("-start")
            field.label_from_instance = meeting_label
            field.required = True
        if "partner" in self.fields:  # translations share the facts: the default language's rows stand for all
            partner = self.fields["partner"]
            partner.queryset = partner.queryset.filter(locale=Locale.get_default())

    def linked_ideas(self) -> list[Idea]:
        formset = self.formsets.get("idea_links")
        if formset is None:
            return []
        deleted = set(formset.deleted_forms) if formset.is_bound and formset.is_valid() else set()
        return [
            form.cleaned_data["idea"]
            for form in formset.forms
            if form not in deleted and getattr(form, "cleaned_data", None) and form.cleaned_data.get("idea")
        ]

    def clean(self):
        cleaned_data = super().clean()
        meeting = cleaned_data.get("meeting")
        site = meeting.get_site() if meeting else None
        seen = set()
        for idea in self.linked_ideas():
            if idea.status not in CHOOSABLE_STATUSES:
                self.add_error(
                    None,
                    _("“%(title)s” is not public (%(status)s), so a decision cannot be linked to it.")
                    % {"title": idea.title, "status": idea.get_status_display()},
                )
            elif site is not None and idea.site_id != site.pk:
                self.add_error(None, _("“%(title)s” belongs to another meeting place.") % {"title": idea.title})
            if idea.pk in seen:
                self.add_error(None, _("“%(title)s” is linked twice.") % {"title": idea.title})
            seen.add(idea.pk)
        return cleaned_data


class MayModerate:
    """Recording a decision moves ideas on, which is moderators' work."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(IDEA_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class DecisionRecordMixin(MayModerate):
    def save_instance(self):
        return decisions.record(self.form.instance, user=self.request.user, save=super().save_instance)


class DecisionCreateView(DecisionRecordMixin, CreateView):
    def get_initial(self):
        """`?meeting=<page id>` from a meeting's page presets it."""
        initial = super().get_initial()
        meeting = self.request.GET.get("meeting", "")
        if meeting.isdigit():
            initial["meeting"] = int(meeting)
        return initial


class DecisionEditView(DecisionRecordMixin, EditView):
    pass


def idea_titles(decision: Decision) -> str:
    return "; ".join(link.idea.title for link in decision.idea_links.all())


class DecisionIndexView(SafeExportIndexView):
    export_values = {
        "status": lambda decision: decision.get_status_display(),
        "meeting": lambda decision: meeting_label(decision.meeting) if decision.meeting else "",
        "partner": lambda decision: decision.partner.name if decision.partner else "",
        "idea_titles": idea_titles,
    }


class DecisionViewSet(SnippetViewSet):
    model = Decision
    icon = "tick"
    menu_label = _("Decisions")
    index_view_class = DecisionIndexView
    add_view_class = DecisionCreateView
    edit_view_class = DecisionEditView
    copy_view_enabled = False
    list_display = [
        "text",
        DateColumn("decided_on", label=_("Decided on"), sort_key="decided_on"),
        Column("meeting", label=_("Meeting")),
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        DateColumn("due_date", label=_("Due date"), sort_key="due_date"),
        Column("partner", label=_("Responsible partner")),
    ]
    list_filter = ["status"]
    list_export = ["decided_on", "text", "meeting", "status", "partner", "due_date", "idea_titles"]
    export_headings = {"idea_titles": _("Ideas")}
    export_filename = "paatokset"
    ordering = ["-decided_on", "-pk"]
    search_fields = ["text"]
    search_backend_name = None
    edit_handler = ObjectList(
        [
            FieldPanel("meeting", widget=forms.Select),
            FieldPanel("text"),
            FieldPanel("language"),
            FieldRowPanel([FieldPanel("status"), FieldPanel("due_date")]),
            FieldPanel("partner", widget=forms.Select),
            MultipleChooserPanel(
                "idea_links",
                chooser_field_name="idea",
                heading=_("Ideas it concerns"),
                label=_("Idea"),
                panels=[FieldPanel("idea", widget=idea_chooser_viewset.widget_class)],
                help_text=_("Saving gives these ideas the status that goes with the decision's, and tells proposers."),
            ),
        ],
        base_form_class=DecisionForm,
    )

    def get_queryset(self, request):
        return Decision.objects.select_related("meeting", "partner").prefetch_related("idea_links__idea")

    def register_chooser_viewset(self):
        """No chooser: nothing links to a decision, and Wagtail's choosers check no permission (a staff
        meeting's decisions are not public)."""


class DecisionDeleteBulkAction(ListedOnlyDeleteBulkAction):
    models = [Decision]
