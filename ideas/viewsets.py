"""Admin for ideas, themes and voting rounds: Wagtail snippet viewsets in an "Ideas" menu group.

Ideas are moderated here: the list puts those awaiting moderation first, then the newest; bulk actions approve
and reject. Every status change made in the admin (the edit form, bulk actions, merging, selection) goes
through `ideas.moderation`, so it is in the audit log with who and when, and the proposer gets their mail.
A voting round's ideas are edited inline; saving a round puts its published ideas to the vote. Codes, printing,
paper ballots and the results are views of `ideas.admin_views`, linked from each round.

Things belong to a meeting place (a Wagtail Site): a new idea or round gets the only site preset, a round
offers only its place's ideas and co-development days, and an idea merges only into its place's ideas.
"""

from functools import cached_property

import django_filters
from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Case, Count, IntegerField, Max, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel, ObjectList
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.widgets.button import Button
from wagtail.models import Site
from wagtail.search.backends import get_search_backend
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views.snippets import CreateView, EditView, InspectView, SnippetViewSet, SnippetViewSetGroup

from events.languages import language_name
from pages.exports import SafeExportIndexView, yes_no
from pages.permissions import ListedOnlyDeleteBulkAction

from . import moderation
from .decision_admin import DecisionViewSet
from .models import Idea, IdeaStatus, IdeaTheme, RoundState, TaggedIdea, Vote, VotingRound
from .voice_admin import ChildVoiceSourcePanel

IDEA_PERMISSION = "ideas.change_idea"
ROUND_PERMISSION = "ideas.change_votinground"
IDEAS_LIST = "wagtailsnippets_ideas_idea:list"
IDEA_EDIT = "wagtailsnippets_ideas_idea:edit"
ROUNDS_LIST = "wagtailsnippets_ideas_votinground:list"


def may_moderate(user) -> bool:
    return user.has_perm(IDEA_PERMISSION)


def may_run_rounds(user) -> bool:
    return user.has_perm(ROUND_PERMISSION)


def the_only_site() -> Site | None:
    sites = list(Site.objects.all()[:2])
    return sites[0] if len(sites) == 1 else None


def idea_label(idea: Idea) -> str:
    return f"#{idea.pk} {idea.title} ({idea.get_status_display()})"


def theme_names(idea: Idea) -> str:
    """The idea's themes in the reader's language (from `tagged_themes__tag` when prefetched)."""
    return ", ".join(sorted(tagged.tag.label for tagged in idea.tagged_themes.all()))


# --- Ideas ------------------------------------------------------------------------------------------------


class IdeaFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=IdeaStatus.choices)
    themes = django_filters.ModelChoiceFilter(
        label=_("Theme"), queryset=IdeaTheme.objects.all(), field_name="tagged_themes__tag"
    )
    voting_rounds = django_filters.ModelChoiceFilter(label=_("Voting round"), queryset=VotingRound.objects.all())
    by_child = django_filters.BooleanFilter(label=_("A child's idea"))
    site = django_filters.ModelChoiceFilter(label=_("Meeting place"), queryset=Site.objects.all())

    class Meta:
        model = Idea
        fields = ["status", "themes", "voting_rounds", "by_child", "site"]


class IdeaForm(WagtailAdminModelForm):
    """The status fields are applied by the view through `moderation.change_status`, never saved directly.

    Themes are chosen from the list staff keep under "Themes" (each with its Swedish and English name), not
    typed as free tags, so that every theme a family can filter by has its names.
    """

    theme_choices = forms.ModelMultipleChoiceField(
        label=_("Themes"),
        queryset=IdeaTheme.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme_choices"].label_from_instance = lambda theme: theme.label
        if self.instance.pk:
            self.initial["theme_choices"] = list(
                TaggedIdea.objects.filter(content_object=self.instance).values_list("tag_id", flat=True)
            )
        self.original_status = self.instance.status
        self.original_note = self.instance.status_note
        languages = [(code, language_name(code)) for code in settings.KOHTAAMO_SPOKEN_LANGUAGES]
        if "language" in self.fields:
            self.fields["language"] = forms.ChoiceField(
                label=self.fields["language"].label, choices=languages, help_text=self.fields["language"].help_text
            )
        if "contact_language" in self.fields:
            self.fields["contact_language"] = forms.ChoiceField(
                label=self.fields["contact_language"].label,
                choices=[("", "-")] + [(code, language_name(code)) for code, _name in settings.LANGUAGES],
                required=False,
                help_text=self.fields["contact_language"].help_text,
            )
        if "site" in self.fields:
            if self.instance.pk:
                self.fields["site"].disabled = True
            elif (site := the_only_site()) is not None:
                self.fields["site"].initial = site.pk
        if "status" in self.fields and self.original_status != IdeaStatus.MERGED:
            self.fields["status"].choices = [
                choice for choice in self.fields["status"].choices if choice[0] != IdeaStatus.MERGED
            ]
            self.fields["status"].help_text = _("To merge a duplicate, use “Merge into another idea” in the list.")

    def save(self, commit=True):
        instance = super().save(commit=commit)
        if commit:
            chosen = {theme.pk for theme in self.cleaned_data.get("theme_choices", [])}
            present = set(TaggedIdea.objects.filter(content_object=instance).values_list("tag_id", flat=True))
            TaggedIdea.objects.filter(content_object=instance, tag_id__in=present - chosen).delete()
            TaggedIdea.objects.bulk_create(
                TaggedIdea(content_object=instance, tag_id=tag_id) for tag_id in sorted(chosen - present)
            )
        return instance

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.get("status") == IdeaStatus.MERGED and self.instance.merged_into_id is None:
            self.add_error("status", _("To merge a duplicate, use “Merge into another idea” in the list."))
        return cleaned_data


class IdeaStatusSaveMixin:
    """Saves the form with the status it had, then changes the status through moderation (log and mail)."""

    def save_instance(self):
        form = self.form
        status = form.cleaned_data.get("status", form.original_status)
        note = form.cleaned_data.get("status_note", form.original_note)
        form.instance.status, form.instance.status_note = form.original_status, form.original_note
        instance = super().save_instance()
        moderation.change_status(instance, status, user=self.request.user, note=note)
        return instance


class IdeaCreateView(IdeaStatusSaveMixin, CreateView):
    pass


class IdeaEditView(IdeaStatusSaveMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if may_moderate(self.request.user) and self.object.status != IdeaStatus.MERGED:
            buttons.append(
                Button(
                    _("Merge into another idea"),
                    url=reverse("ideas_merge", args=[self.object.pk]),
                    icon_name="resubmit",
                    priority=60,
                )
            )
        return buttons


class IdeaIndexView(SafeExportIndexView):
    """The moderation queue. Search looks in titles and descriptions, the idea's indexed fields (whole words)."""

    export_values = {
        "themes": theme_names,
        "status": lambda idea: idea.get_status_display(),
        "shown_name": lambda idea: idea.shown_name,
        "language": lambda idea: language_name(idea.language),
        "merged_into": lambda idea: idea_label(idea.merged_into) if idea.merged_into_id else "",
        "site": lambda idea: idea.site.site_name or idea.site.hostname,
    }

    def search_queryset(self, queryset):
        if not self.is_searching:
            return queryset
        found = get_search_backend().search(self.search_query, Idea.objects.order_by(), order_by_relevance=False)
        return queryset.filter(pk__in=[idea.pk for idea in found])

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_moderate(self.request.user) and instance.status != IdeaStatus.MERGED:
            buttons.append(
                Button(
                    _("Merge into another idea"),
                    url=reverse("ideas_merge", args=[instance.pk]),
                    icon_name="resubmit",
                    priority=60,
                )
            )
        return buttons


class IdeaInspectView(InspectView):
    def get_email_display_value(self):
        return _("given (never shown publicly)") if self.object.email else _("not given")

    def get_themes_display_value(self):
        return theme_names(self.object) or "-"

    def get_language_display_value(self):
        return language_name(self.object.language)

    def get_by_child_display_value(self):
        return yes_no(self.object.by_child)


class IdeaViewSet(SnippetViewSet):
    model = Idea
    icon = "pick"
    menu_label = _("Ideas")
    index_view_class = IdeaIndexView
    add_view_class = IdeaCreateView
    edit_view_class = IdeaEditView
    inspect_view_class = IdeaInspectView
    inspect_view_enabled = True
    copy_view_enabled = False
    inspect_view_fields = [
        "title",
        "description",
        "themes",
        "language",
        "by_child",
        "author_name",
        "email",
        "photo",
        "photo_alt",
        "status",
        "status_note",
        "merged_into",
        "response",
        "created_at",
        "published_at",
        "status_changed_at",
    ]
    list_display = [
        "title",
        Column("status", label=_("Status"), accessor="get_status_display", sort_key="status"),
        Column("by_child", label=_("A child's idea"), accessor=lambda idea: yes_no(idea.by_child)),
        DateColumn("created_at", label=_("Proposed"), sort_key="created_at"),
        Column("photo", label=_("Photo or drawing"), accessor=lambda idea: yes_no(idea.photo_id is not None)),
    ]
    filterset_class = IdeaFilterSet
    search_fields = ["title", "description"]
    list_export = [
        "title",
        "description",
        "themes",
        "status",
        "status_note",
        "response",
        "merged_into",
        "by_child",
        "shown_name",
        "language",
        "created_at",
        "published_at",
        "site",
    ]
    export_headings = {
        "themes": _("Themes"),
        "status": _("Status"),
        "merged_into": _("Merged into"),
        "shown_name": _("Name shown"),
        "language": _("Written in"),
        "site": _("Meeting place"),
    }
    export_filename = "ideat"
    edit_handler = ObjectList(
        [
            MultiFieldPanel(
                [
                    FieldPanel("title"),
                    FieldPanel("description"),
                    FieldPanel("theme_choices"),
                    FieldPanel("photo"),
                    FieldPanel("photo_alt"),
                ],
                heading=_("The idea"),
            ),
            MultiFieldPanel(
                [FieldPanel("status"), FieldPanel("status_note"), FieldPanel("response")],
                heading=_("Status and response"),
                help_text=_("A change of status is logged, and a proposer who left an e-mail address is told."),
            ),
            MultiFieldPanel(
                [
                    FieldPanel("author_name"),
                    FieldPanel("by_child"),
                    FieldPanel("language"),
                    FieldPanel("email"),
                    FieldPanel("contact_language"),
                    FieldPanel("site"),
                ],
                heading=_("Who proposed it"),
            ),
            ChildVoiceSourcePanel(),
        ],
        base_form_class=IdeaForm,
    )

    def register_chooser_viewset(self):
        """No chooser: Wagtail's choosers would list unmoderated ideas without checking any permission. A
        round's ideas are chosen from a list of its place's votable ideas instead."""

    def get_queryset(self, request):
        queue = Case(When(status=IdeaStatus.AWAITING, then=Value(0)), default=Value(1), output_field=IntegerField())
        return (
            Idea.objects.select_related("site", "merged_into")
            .prefetch_related("tagged_themes__tag")
            .annotate(queue=queue)
            .order_by("queue", "-created_at", "-pk")
        )


class IdeaBulkAction(SnippetBulkAction):
    """Approving and rejecting go through `ideas.moderation`; only moderators even see the chosen ideas."""

    models = [Idea]
    template_name = "ideas/admin/bulk_status.html"
    service = None

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def check_perm(self, obj):
        return may_moderate(self.request.user)

    note_label = _("Public note on the status (optional)")
    note_help = _("Shown on each idea's page and in the message to proposers who left an e-mail address.")

    def get_form_class(self):
        return type(
            "NoteForm",
            (forms.Form,),
            {
                "note": forms.CharField(
                    label=self.note_label,
                    required=False,
                    max_length=1000,
                    widget=forms.Textarea(attrs={"rows": 3}),
                    help_text=self.note_help,
                )
            },
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(action_label=self.display_name, action_help=self.help_text)
        return context

    def get_execution_context(self):
        note = self.cleaned_form.cleaned_data.get("note") or None if self.cleaned_form else None
        return {**super().get_execution_context(), "user": self.request.user, "note": note}

    @classmethod
    def execute_action(cls, objects, user=None, note=None, **kwargs):
        outcome = cls.service(objects, user=user, note=note)
        return len(outcome.changed), len(outcome.skipped)


class ApproveBulkAction(IdeaBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve the selected ideas")
    help_text = _("The ideas are published. Ideas already further along keep their status.")
    action_priority = 10
    service = staticmethod(moderation.approve)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(changed)d ideas published, %(skipped)d left as they were.") % {
            "changed": num_parent_objects,
            "skipped": num_child_objects,
        }


class RejectBulkAction(IdeaBulkAction):
    display_name = _("Reject")
    action_type = "reject"
    aria_label = _("Reject the selected ideas")
    help_text = _("Rejected ideas never show publicly. Ideas already put to a vote or further along keep their status.")
    action_priority = 20
    classes = {"serious"}
    note_label = _("Reason (optional)")
    note_help = _("Sent to proposers who left an e-mail address. Rejected ideas are never shown publicly.")
    service = staticmethod(moderation.reject)

    def get_success_message(self, num_parent_objects, num_child_objects):
        return _("%(changed)d ideas rejected, %(skipped)d left as they were.") % {
            "changed": num_parent_objects,
            "skipped": num_child_objects,
        }


class IdeaDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk delete would list the chosen ideas (unmoderated text too) to anyone in the admin."""

    models = [Idea]

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


# --- Themes -----------------------------------------------------------------------------------------------


class IdeaThemeViewSet(SnippetViewSet):
    model = IdeaTheme
    icon = "tag"
    menu_label = _("Themes")
    list_display = [
        "name",
        Column("name_sv", label=_("In Swedish")),
        Column("name_en", label=_("In English")),
        Column("idea_count", label=_("Ideas")),
    ]
    search_fields = ["name", "name_sv", "name_en"]
    search_backend_name = None
    panels = [FieldPanel("name"), FieldPanel("name_sv"), FieldPanel("name_en")]
    ordering = ["name"]

    def get_queryset(self, request):
        return IdeaTheme.objects.annotate(idea_count=Count("tagged_ideas"))


# --- Voting rounds ----------------------------------------------------------------------------------------


def round_idea_choices(voting_round: VotingRound | None):
    """Ideas a round may hold: votable ideas of its place, and those it already holds whatever their status."""
    site_id = voting_round.site_id if voting_round is not None and voting_round.site_id else None
    if site_id is None and (site := the_only_site()) is not None:
        site_id = site.pk
    votable = Q(status__in=(IdeaStatus.PUBLISHED, IdeaStatus.VOTING))
    if site_id is not None:
        votable &= Q(site_id=site_id)
    if voting_round is not None and voting_round.pk:
        votable |= Q(round_entries__round=voting_round)
    return Idea.objects.filter(votable).distinct().order_by("title", "pk")


class RoundIdeaForm(WagtailAdminModelForm):
    def __init__(self, *args, idea_choices=None, **kwargs):
        super().__init__(*args, **kwargs)
        if "idea" in self.fields:
            if idea_choices is not None:
                self.fields["idea"].queryset = idea_choices
            self.fields["idea"].label_from_instance = idea_label


class RoundIdeasPanel(InlinePanel):
    """The round's ideas, each chosen from the ideas the round may hold (`round_idea_choices`)."""

    def get_form_options(self):
        options = super().get_form_options()
        options["formsets"][self.relation_name].update(form=RoundIdeaForm, inherit_kwargs=["for_user", "idea_choices"])
        return options


class VotingRoundForm(WagtailAdminModelForm):
    def __init__(self, *args, **kwargs):
        self.idea_choices = round_idea_choices(kwargs.get("instance"))
        super().__init__(*args, **kwargs)
        if "site" in self.fields:
            if self.instance.pk:
                self.fields["site"].disabled = True
            elif (site := the_only_site()) is not None:
                self.fields["site"].initial = site.pk

    def kept_ideas(self) -> list[Idea] | None:
        formset = self.formsets.get("entries")
        if formset is None or not formset.is_valid():
            return None
        deleted = set(formset.deleted_forms)
        return [
            form.cleaned_data["idea"]
            for form in formset.forms
            if form not in deleted and form.cleaned_data.get("idea") is not None
        ]

    def clean(self):
        cleaned_data = super().clean()
        site = cleaned_data.get("site") or (self.instance.site if self.instance.site_id else None)
        event = cleaned_data.get("event")
        if site is not None and event is not None:
            event_site = event.get_site()
            if event_site is None or event_site.pk != site.pk:
                self.add_error("event", _("Choose a co-development day of the same meeting place."))
        ideas = self.kept_ideas()
        if ideas is None:
            return cleaned_data
        if site is not None and any(idea.site_id != site.pk for idea in ideas):
            self.add_error(None, _("A vote can only hold ideas of its own meeting place."))
        if self.instance.pk:
            removed = set(self.instance.entries.values_list("idea_id", flat=True)) - {idea.pk for idea in ideas}
            voted = Idea.objects.filter(pk__in=removed, votes__round=self.instance).distinct()
            for idea in voted:
                self.add_error(
                    None,
                    _("“%(title)s” already has votes in this round, so it cannot be taken out.") % {"title": idea},
                )
            limit = cleaned_data.get("votes_per_code")
            most = (
                Vote.objects.filter(round=self.instance)
                .values("code")
                .annotate(n=Count("pk"))
                .aggregate(most=Max("n"))["most"]
            )
            if limit and most and limit < most:
                self.add_error(
                    "votes_per_code",
                    _("A code has already given %(most)d votes, so the limit cannot be lower than that.")
                    % {"most": most},
                )
        return cleaned_data


class VotingRoundSaveMixin:
    """Keeps the order of the ideas as listed, then moves them through moderation: the published ideas of a
    round that has not closed go to the vote, and ideas taken out go back to published."""

    def save_instance(self):
        before = set(self.object.entries.values_list("idea_id", flat=True)) if self.object and self.object.pk else set()
        instance = super().save_instance()
        entries = self.form.formsets["entries"]
        deleted = set(entries.deleted_forms)
        kept = [form.instance for form in entries.forms if form not in deleted and form.instance.pk]
        for position, entry in enumerate(kept):
            if entry.position != position:
                type(entry).objects.filter(pk=entry.pk).update(position=position)
        user = self.request.user
        removed = Idea.objects.filter(pk__in=before - {entry.idea_id for entry in kept})
        moderation.release(removed, instance, user=user)
        moderation.put_in_round(instance, user=user)
        return instance


class VotingRoundCreateView(VotingRoundSaveMixin, CreateView):
    pass


def round_buttons(voting_round: VotingRound, priority: int = 10) -> list[Button]:
    links = (
        (_("Codes"), "ideas_round_codes", "key"),
        (_("Print codes"), "ideas_round_print", "doc-full"),
        (_("Paper ballots"), "ideas_round_paper", "form"),
        (_("Results and selection"), "ideas_round_results", "list-ol"),
    )
    return [
        Button(label, url=reverse(name, args=[voting_round.pk]), icon_name=icon, priority=priority + index)
        for index, (label, name, icon) in enumerate(links)
    ]


class VotingRoundEditView(VotingRoundSaveMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        buttons = list(super().header_more_buttons)
        if may_run_rounds(self.request.user):
            buttons.extend(round_buttons(self.object, priority=60))
        return buttons


class VotingRoundIndexView(SafeExportIndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if may_run_rounds(self.request.user):
            buttons.extend(round_buttons(instance, priority=40))
        return buttons


def round_state_label(voting_round: VotingRound) -> str:
    return str(RoundState(voting_round.state()).label)


class VotingRoundViewSet(SnippetViewSet):
    model = VotingRound
    icon = "tasks"
    menu_label = _("Voting rounds")
    index_view_class = VotingRoundIndexView
    add_view_class = VotingRoundCreateView
    edit_view_class = VotingRoundEditView
    copy_view_enabled = False
    list_display = [
        "title",
        Column("event", label=_("Co-development day")),
        DateColumn("opens_at", label=_("Opens")),
        DateColumn("closes_at", label=_("Closes")),
        Column("state", label=_("State"), accessor=round_state_label),
        Column("idea_count", label=_("Ideas")),
        Column("code_count", label=_("Codes")),
    ]
    search_fields = ["title"]
    search_backend_name = None
    list_export = ["title", "event", "opens_at", "closes_at", "votes_per_code", "results_live", "idea_count"]
    export_headings = {"event": _("Co-development day"), "idea_count": _("Ideas")}
    export_filename = "aanestykset"
    ordering = ["-opens_at", "-pk"]
    edit_handler = ObjectList(
        [
            FieldPanel("title"),
            FieldPanel("event"),
            FieldRowPanel([FieldPanel("opens_at"), FieldPanel("closes_at")]),
            FieldPanel("votes_per_code"),
            FieldPanel("results_live"),
            FieldPanel("site"),
            RoundIdeasPanel(
                "entries",
                panels=[FieldPanel("idea", widget=forms.Select)],
                heading=_("Ideas in the vote"),
                label=_("Idea"),
                help_text=_("Published ideas of the meeting place. Saving puts them to the vote."),
            ),
        ],
        base_form_class=VotingRoundForm,
    )

    def get_queryset(self, request):
        return VotingRound.objects.select_related("event").annotate(
            idea_count=Count("entries", distinct=True),
            code_count=Count("codes", filter=Q(codes__revoked_at__isnull=True), distinct=True),
        )


class VotingRoundDeleteBulkAction(ListedOnlyDeleteBulkAction):
    models = [VotingRound]


class IdeasGroup(SnippetViewSetGroup):
    items = (IdeaViewSet, IdeaThemeViewSet, VotingRoundViewSet, DecisionViewSet)
    menu_icon = "pick"
    menu_label = _("Ideas")
    menu_name = "ideas"
