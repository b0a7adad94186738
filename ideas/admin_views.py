"""Staff views of a voting round (its codes, the printable slips, paper ballots, the results and the selection)
and of merging a duplicate idea.

A round's views need `ideas.change_votinground`, merging needs `ideas.change_idea`; each view checks before it
even looks up the round or idea, so changing the number in the address shows nothing to anyone else. Codes
are shown nowhere else. `ideas/wagtail_hooks.py` registers `register_admin_urls` ("register_admin_urls").
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django import forms
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from pages.navigation import public_url

from . import moderation
from .models import (
    BallotRefused,
    Channel,
    Idea,
    IdeaIndexPage,
    IdeaStatus,
    RoundState,
    Vote,
    VotingCode,
    VotingRound,
)
from .models.voting import MAX_CODES_PER_BATCH
from .qr import qr_svg
from .viewsets import IDEA_EDIT, IDEAS_LIST, ROUNDS_LIST, idea_label, may_moderate, may_run_rounds

SLIPS_PER_SHEET = 10
CODES_PER_PAGE = 100
# Which form field a refused paper ballot points at; the others are about the whole ballot.
REFUSAL_FIELDS = {
    "unknown": "code",
    "revoked": "code",
    "other_round": "code",
    "other_channel": "code",
    "other_channel_online": "code",
    "not_in_round": "ideas",
    "too_many": "ideas",
}


class RoundMixin:
    """Refuses users who may not run voting rounds before anything else, then finds the round."""

    def dispatch(self, request, *args, **kwargs):
        if not may_run_rounds(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def voting_round(self) -> VotingRound:
        return get_object_or_404(VotingRound.objects.select_related("site", "event"), pk=self.kwargs["round_id"])


class RoundPageMixin(RoundMixin, WagtailAdminTemplateMixin):
    header_icon = "tasks"

    def get_page_subtitle(self):
        return self.voting_round.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(ROUNDS_LIST), "label": _("Voting rounds")},
            {
                "url": reverse("wagtailsnippets_ideas_votinground:edit", args=[self.voting_round.pk]),
                "label": self.voting_round.title,
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        voting_round = self.voting_round
        context.update(
            voting_round=voting_round,
            round_links=[
                (_("Codes"), reverse("ideas_round_codes", args=[voting_round.pk])),
                (_("Print codes"), reverse("ideas_round_print", args=[voting_round.pk])),
                (_("Paper ballots"), reverse("ideas_round_paper", args=[voting_round.pk])),
                (_("Results and selection"), reverse("ideas_round_results", args=[voting_round.pk])),
            ],
        )
        return context


# --- Codes ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeCounts:
    issued: int
    used: int
    revoked: int
    unused: int
    paper: int


def code_counts(voting_round: VotingRound) -> CodeCounts:
    counts = voting_round.codes.aggregate(
        issued=Count("pk", filter=Q(revoked_at__isnull=True)),
        used=Count("pk", filter=~Q(channel="")),
        revoked=Count("pk", filter=Q(revoked_at__isnull=False)),
        unused=Count("pk", filter=Q(revoked_at__isnull=True, channel="")),
        paper=Count("pk", filter=Q(channel=Channel.PAPER)),
    )
    return CodeCounts(**counts)


class MakeCodesForm(forms.Form):
    count = forms.IntegerField(
        label=_("How many codes"),
        min_value=1,
        max_value=MAX_CODES_PER_BATCH,
        initial=50,
        help_text=_("One code is one ballot. Make a few more than you expect voters."),
    )


class RoundCodesView(RoundPageMixin, FormView):
    template_name = "ideas/admin/round_codes.html"
    form_class = MakeCodesForm
    page_title = _("Voting codes")

    def form_valid(self, form):
        try:
            made = self.voting_round.issue_codes(form.cleaned_data["count"])
        except ValidationError as error:
            form.add_error("count", error)
            return self.form_invalid(form)
        pks = [code.pk for code in made]
        messages.success(
            self.request,
            _("%(count)d new codes made.") % {"count": len(made)},
            buttons=[messages.button(print_url(self.voting_round, first=min(pks), last=max(pks)), _("Print them"))],
        )
        return redirect("ideas_round_codes", self.voting_round.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        codes = self.voting_round.codes.order_by("pk")
        page = Paginator(codes, CODES_PER_PAGE).get_page(self.request.GET.get("p"))
        context.update(counts=code_counts(self.voting_round), page=page, print_url=print_url(self.voting_round))
        return context


class RevokeCodeView(RoundMixin, View):
    http_method_names = ["post"]

    def post(self, request, round_id, code_id):
        code = get_object_or_404(VotingCode, pk=code_id, round=self.voting_round)
        try:
            code.revoke()
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Code %(code)s revoked.") % {"code": code.printed})
        page = request.POST.get("p", "")
        target = reverse("ideas_round_codes", args=[self.voting_round.pk])
        return redirect(target + (f"?p={page}" if page.isdigit() else ""))


# --- Printed slips ----------------------------------------------------------------------------------------


def print_url(voting_round: VotingRound, **params) -> str:
    url = reverse("ideas_round_print", args=[voting_round.pk])
    return url + ("?" + urlencode(params) if params else "")


def readable_address(url: str) -> str:
    """An address as people type it: `kohtaamo.fi/ideat/aanesta`."""
    parts = urlsplit(url)
    host = parts.netloc.removeprefix("www.")
    return f"{host}{parts.path}".rstrip("/")


@dataclass(frozen=True)
class Slip:
    code: str
    url: str
    qr: str


class VotingAddresses:
    """The public addresses of a round on its place's ideas page, in one language."""

    def __init__(self, voting_round: VotingRound, language: str):
        self.page = IdeaIndexPage.for_site(voting_round.site, language)
        self.voting_round = voting_round

    def _url(self, name: str, args=()) -> str:
        base = self.page.get_url() or self.page.url or ""
        return public_url(base + self.page.reverse_subpage(name, args=args))

    @cached_property
    def vote(self) -> str:
        return self._url("vote")

    @cached_property
    def ballot(self) -> str:
        return self._url("ballot", args=[self.voting_round.pk])

    def ballot_for(self, code: VotingCode) -> str:
        return self.ballot + "?" + urlencode({"koodi": code.code})


def slip_language(request) -> str:
    languages = [code for code, _name in settings.LANGUAGES]
    asked = request.GET.get("kieli", "")
    return asked if asked in languages else settings.LANGUAGE_CODE


class PrintCodesView(RoundMixin, TemplateView):
    """A4 sheets of cut-out slips for the unused codes (or one batch): a plain page, no admin furniture."""

    template_name = "ideas/admin/print_codes.html"

    def codes(self):
        codes = self.voting_round.codes.filter(revoked_at__isnull=True, channel="").order_by("pk")
        first, last = self.request.GET.get("first", ""), self.request.GET.get("last", "")
        if first.isdigit():
            codes = codes.filter(pk__gte=int(first))
        if last.isdigit():
            codes = codes.filter(pk__lte=int(last))
        return codes

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        voting_round = self.voting_round
        language = slip_language(self.request)
        with translation.override(language):
            addresses = VotingAddresses(voting_round, language)
            title = voting_round.event.title if voting_round.event_id else voting_round.title
            context.update(
                voting_round=voting_round,
                title=title,
                slip_language=language,
                languages=[
                    (code, name, print_url(voting_round, **{**self.request.GET.dict(), "kieli": code}))
                    for code, name in settings.LANGUAGES
                ],
                codes_url=reverse("ideas_round_codes", args=[voting_round.pk]),
                closes=date_format(timezone.localtime(voting_round.closes_at), "SHORT_DATETIME_FORMAT"),
            )
            if addresses.page is None:
                context.update(sheets=[], no_page=True)
                return context
            qr_title = str(_("QR code: opens the vote with this code"))
            slips = [
                Slip(
                    code=code.printed,
                    url=addresses.ballot_for(code),
                    qr=qr_svg(addresses.ballot_for(code), title=qr_title),
                )
                for code in self.codes()
            ]
            context.update(
                address=readable_address(addresses.vote),
                sheets=[slips[start : start + SLIPS_PER_SHEET] for start in range(0, len(slips), SLIPS_PER_SHEET)],
                slip_count=len(slips),
            )
        return context

    def render_to_response(self, context, **response_kwargs):
        with translation.override(context["slip_language"]):
            response = super().render_to_response(context, **response_kwargs)
            response.render()
        return response


# --- Paper ballots ----------------------------------------------------------------------------------------


class PaperBallotForm(forms.Form):
    code = forms.CharField(
        label=_("Code on the slip"), max_length=20, help_text=_("Upper or lower case, with or without the dash.")
    )
    ideas = forms.TypedMultipleChoiceField(
        label=_("Ideas ticked on the slip"),
        coerce=int,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Entering the same code again replaces what it holds."),
    )

    def __init__(self, *args, voting_round: VotingRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ideas"].choices = [(entry.idea_id, entry.idea.title) for entry in voting_round.round_ideas()]


class PaperBallotView(RoundPageMixin, FormView):
    """Staff enter a paper slip against its code; `Vote.objects.cast` with the paper channel decides."""

    template_name = "ideas/admin/paper_ballots.html"
    form_class = PaperBallotForm
    page_title = _("Paper ballots")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "voting_round": self.voting_round}

    def form_valid(self, form):
        try:
            ballot = Vote.objects.cast(
                self.voting_round, form.cleaned_data["code"], form.cleaned_data["ideas"], channel=Channel.PAPER
            )
        except BallotRefused as refusal:
            form.add_error(REFUSAL_FIELDS.get(refusal.code), refusal.messages[0])
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Ballot %(code)s stored: %(count)d votes.")
            % {"code": ballot.code.printed, "count": len(ballot.idea_ids)},
        )
        return redirect("ideas_round_paper", self.voting_round.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            counts=code_counts(self.voting_round),
            state_label=RoundState(self.voting_round.state()).label,
            is_open=self.voting_round.is_open(),
            votes_per_code=self.voting_round.votes_per_code,
        )
        return context


# --- Results and selection --------------------------------------------------------------------------------


class SelectionForm(forms.Form):
    selected = forms.TypedMultipleChoiceField(label=_("Selected"), coerce=int, required=False)
    note = forms.CharField(
        label=_("Public note for the selected ideas (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, voting_round: VotingRound, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["selected"].choices = [(entry.idea_id, entry.idea.title) for entry in voting_round.round_ideas()]


class RoundResultsView(RoundPageMixin, FormView):
    template_name = "ideas/admin/round_results.html"
    form_class = SelectionForm
    page_title = _("Results and selection")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "voting_round": self.voting_round}

    def form_valid(self, form):
        try:
            outcome = moderation.select(
                self.voting_round,
                form.cleaned_data["selected"],
                user=self.request.user,
                note=form.cleaned_data["note"] or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Selection saved: %(selected)d ideas selected, %(changed)d statuses changed.")
            % {"selected": len(form.cleaned_data["selected"]), "changed": len(outcome.changed)},
        )
        return redirect("ideas_round_results", self.voting_round.pk)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        results = self.voting_round.results()
        form = context["form"]
        chosen = (
            {int(pk) for pk in form["selected"].value() or [] if str(pk).isdigit()}
            if form.is_bound
            else {row.idea.pk for row in results.rows if row.selected}
        )
        context.update(
            results=results,
            chosen=chosen,
            is_closed=self.voting_round.state() == RoundState.CLOSED,
            state_label=RoundState(self.voting_round.state()).label,
        )
        return context


# --- Merging ----------------------------------------------------------------------------------------------


class MergeForm(forms.Form):
    into = forms.ModelChoiceField(label=_("Merge into"), queryset=Idea.objects.none())
    note = forms.CharField(
        label=_("Public note (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Shown on the idea's page, e.g. why the two ideas are followed together."),
    )

    def __init__(self, *args, idea: Idea, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["into"].queryset = moderation.merge_targets(idea).order_by("title", "pk")
        self.fields["into"].label_from_instance = idea_label


class MergeIdeaView(WagtailAdminTemplateMixin, FormView):
    template_name = "ideas/admin/merge_idea.html"
    form_class = MergeForm
    page_title = _("Merge into another idea")
    header_icon = "resubmit"

    def dispatch(self, request, *args, **kwargs):
        if not may_moderate(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def idea(self) -> Idea:
        return get_object_or_404(Idea.objects.select_related("site"), pk=self.kwargs["idea_id"])

    def get_page_subtitle(self):
        return self.idea.title

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {"url": reverse(IDEAS_LIST), "label": _("Ideas")},
            {"url": reverse(IDEA_EDIT, args=[self.idea.pk]), "label": self.idea.title},
            {"url": "", "label": self.get_page_title()},
        ]

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "idea": self.idea}

    def form_valid(self, form):
        if self.idea.status == IdeaStatus.MERGED:
            form.add_error(None, _("This idea has already been merged."))
            return self.form_invalid(form)
        try:
            moderation.merge(
                self.idea, form.cleaned_data["into"], user=self.request.user, note=form.cleaned_data["note"] or None
            )
        except ValidationError as error:
            form.add_error("into", error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("“%(idea)s” merged into “%(into)s”.")
            % {"idea": self.idea.title, "into": form.cleaned_data["into"].title},
        )
        return redirect(IDEA_EDIT, self.idea.pk)

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "idea": self.idea}


def register_admin_urls():
    """For the "register_admin_urls" hook: the admin wraps these in its sign-in check."""
    return [
        path("voting-rounds/<int:round_id>/codes/", RoundCodesView.as_view(), name="ideas_round_codes"),
        path(
            "voting-rounds/<int:round_id>/codes/<int:code_id>/revoke/",
            RevokeCodeView.as_view(),
            name="ideas_round_revoke_code",
        ),
        path("voting-rounds/<int:round_id>/print/", PrintCodesView.as_view(), name="ideas_round_print"),
        path("voting-rounds/<int:round_id>/paper/", PaperBallotView.as_view(), name="ideas_round_paper"),
        path("voting-rounds/<int:round_id>/results/", RoundResultsView.as_view(), name="ideas_round_results"),
        path("ideas/<int:idea_id>/merge/", MergeIdeaView.as_view(), name="ideas_merge"),
    ]
