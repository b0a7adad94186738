"""The voting routes of `/ideat/`: entering a code, the ballot, and a round's results.

The rules are in `ideas.models.voting` (`Vote.objects.cast` is the ballot); these routes read the forms of
`ideas.ballot_forms`, call it and render. Pages that carry a voter's code are never cached. A code never goes
into a log or into the address of the thank-you page, which a signed link to the code's number reaches instead.

Guessing codes is throttled on failures only (many families share the meeting place's network, and a valid
code must always get through): a client gets the 429 page once it has had too many failed checks in the
window, and so does everyone once the whole site has.
"""

import functools
import logging
from dataclasses import dataclass
from urllib.parse import urlencode

from django.core import signing
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.decorators import method_decorator
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.contrib.routable_page.models import path

from pages import throttle
from pages.components import Table
from pages.navigation import public_url

from .. import opendata
from ..ballot_forms import GUESSES, BallotForm, CodeForm, refusal_reason
from ..ballots import BallotRefused, Channel, RoundState
from .voting import Vote, VotingCode, VotingRound

logger = logging.getLogger("ideas.voting")

GUESS_SCOPE = "voting-code"
GUESSES_PER_CLIENT = throttle.Limit(20, 600)
# Site-wide, failures only: slows a guesser with many addresses (40-bit codes make a lucky guess very unlikely
# anyway) while one troublemaker cannot easily pause voting for everybody.
GUESSES_OVERALL = throttle.Limit(1000, 600)
VOTED_LINK_SALT = "kohtaamo.ideas.voted-link"
VOTED_LINK_SECONDS = 2 * 60 * 60
RESULT_ROUNDS_LISTED = 5

reading = method_decorator(require_http_methods(["GET", "HEAD"]))


def guessing_limit(request) -> throttle.Limit | None:
    """The limit this client (or the whole site) has gone over with failed code checks, if any; read without
    counting, since only failures count."""
    return throttle.exceeded_either(request, GUESS_SCOPE, GUESSES_PER_CLIENT, GUESSES_OVERALL)


def refuse_guessing(request, limit: throttle.Limit):
    return throttle.too_many_requests(request, limit, overall=limit is GUESSES_OVERALL)


def count_failure(request, reason: str, round_id: int | None) -> throttle.Limit | None:
    """Logs a refused code (its reason, never the code or the address); returns the limit it went over, if any.

    Text that cannot be any code (a typo in its length or letters) guesses nothing, so it is not counted."""
    logger.info("Voting code refused: %s (round %s).", reason, round_id or "-")
    if reason not in GUESSES:
        return None
    if not throttle.allow(request, GUESS_SCOPE, GUESSES_PER_CLIENT):
        logger.warning("Too many refused voting codes from one client (round %s).", round_id or "-")
        return GUESSES_PER_CLIENT
    if not throttle.allow_overall(GUESS_SCOPE, GUESSES_OVERALL):
        logger.warning("Too many refused voting codes on the site (round %s).", round_id or "-")
        return GUESSES_OVERALL
    return None


def voted_token(code: VotingCode) -> str:
    return signing.TimestampSigner(salt=VOTED_LINK_SALT).sign_object([code.round_id, code.pk])


def voted_code_id(token: str, round_id: int) -> int | None:
    """The code number a thank-you link carries, if it is genuine, recent and for `round_id`."""
    try:
        value = signing.TimestampSigner(salt=VOTED_LINK_SALT).unsign_object(token, max_age=VOTED_LINK_SECONDS)
    except (signing.BadSignature, ValueError):
        return None
    if not (isinstance(value, list) and len(value) == 2 and all(type(part) is int for part in value)):
        return None
    return value[1] if value[0] == round_id else None


@dataclass(frozen=True)
class RoundView:
    """A round as the voting pages show it: its heading is its co-development day's title in the reader's
    language (the round's own title when it prepares none), with links to the day, the ballot and results."""

    round: VotingRound
    heading: str
    event: object
    event_url: str
    ballot_url: str
    results_url: str
    state: str

    @property
    def is_open(self) -> bool:
        return self.state == RoundState.OPEN


class VotingRoutes:
    """Mixed into `IdeaIndexPage`."""

    def code_form(self, data=None, voting_round=None) -> CodeForm:
        """The code form for `voting_round`, or for any round of this page's meeting place."""
        find = functools.partial(Vote.objects.find_code_for, self.place(), voting_round=voting_round)
        return CodeForm(data, find=find)

    # Rounds and their views

    def voting_rounds(self):
        return VotingRound.objects.for_site(self.place()).select_related("event")

    def voting_round(self, round_id: int) -> VotingRound:
        voting_round = self.voting_rounds().filter(pk=round_id).first()
        if voting_round is None:
            raise Http404
        return voting_round

    def round_event(self, voting_round: VotingRound):
        """The round's co-development day in this page's language (its live translation, else the day as it
        is), or None when the day is not live. The page's own language is the reader's, so, unlike Wagtail's
        `localized`, this needs no query for the active locale."""
        event = voting_round.event
        if event is None or not event.live:
            return None
        if event.locale_id == self.locale_id:
            return event
        translation = event.get_translation_or_none(self.locale_id)
        return translation if translation is not None and translation.live else event

    def round_view(self, request, voting_round: VotingRound, now=None) -> RoundView:
        event = self.round_event(voting_round)
        base = self.get_url(request)
        return RoundView(
            round=voting_round,
            heading=event.title if event else voting_round.title,
            event=event,
            event_url=event.get_url(request) if event else "",
            ballot_url=base + self.reverse_subpage("ballot", args=[voting_round.pk]),
            results_url=base + self.reverse_subpage("results", args=[voting_round.pk]),
            state=voting_round.state(now),
        )

    def render_voting(self, request, template: str, context: dict, status: int = 200):
        response = self.render(request, template=template, context_overrides=context)
        response.status_code = status
        add_never_cache_headers(response)
        return response

    # Entering a code

    @path("aanesta/", name="vote")
    @reading
    def vote_route(self, request):
        """How voting works, the open rounds, and the code form: a valid code leads to its round's ballot."""
        form = self.code_form(request.GET if "koodi" in request.GET else None)
        if form.is_bound:
            if limit := guessing_limit(request):
                return refuse_guessing(request, limit)
            if form.is_valid():
                return self.ballot_redirect(request, form.code)
            if form.refusal and (limit := count_failure(request, form.refusal, None)):
                return refuse_guessing(request, limit)
        return self.render_code_entry(request, form)

    def ballot_redirect(self, request, code: VotingCode):
        ballot_url = self.get_url(request) + self.reverse_subpage("ballot", args=[code.round_id])
        return redirect(f"{ballot_url}?{urlencode({'koodi': code.printed})}")

    def render_code_entry(self, request, form: CodeForm, voting_round: VotingRound | None = None, status=200):
        now = timezone.now()
        shown = self.round_view(request, voting_round, now) if voting_round else None
        context = {
            "form": form,
            "voting": shown,
            "form_url": shown.ballot_url if shown else self.get_url(request) + self.reverse_subpage("vote"),
        }
        if form.refusal in (RoundState.UPCOMING, RoundState.CLOSED) and form.found_round:
            context["refused_round"] = self.round_view(request, form.found_round, now)
        if voting_round is None:
            context["open_rounds"] = [self.round_view(request, r, now) for r in self.voting_rounds().open_at(now)]
            recent = self.voting_rounds().with_visible_results(now).order_by("-closes_at", "-pk")
            context["result_rounds"] = [self.round_view(request, r, now) for r in recent[:RESULT_ROUNDS_LISTED]]
        return self.render_voting(request, "ideas/vote.html", context, status)

    # The ballot

    @path("aanesta/<int:round_id>/", name="ballot")
    @method_decorator(require_http_methods(["GET", "HEAD", "POST"]))
    def ballot_route(self, request, round_id: int):
        """GET with `?koodi=` (the QR code on a slip) shows the code's ballot; POST casts it."""
        if request.method == "POST":
            return self.cast_ballot(request, round_id)
        voting_round = self.voting_round(round_id)
        if "koodi" not in request.GET:
            return self.render_code_entry(request, self.code_form(voting_round=voting_round), voting_round)
        if limit := guessing_limit(request):
            return refuse_guessing(request, limit)
        form = self.code_form(request.GET, voting_round)
        if not form.is_valid():
            if form.refusal and (limit := count_failure(request, form.refusal, voting_round.pk)):
                return refuse_guessing(request, limit)
            return self.render_code_entry(request, form, voting_round)
        ballot = Vote.objects.ballot(form.code)
        entries = list(voting_round.round_ideas())
        ballot_form = BallotForm(entries=entries, code_text=form.code.printed, stored=ballot.idea_ids)
        return self.render_ballot(request, voting_round, ballot_form, ballot.votes_left)

    def cast_ballot(self, request, round_id: int):
        """Casts the ballot, reading the round only with the code's lock (`Vote.objects.cast` checks the ideas
        against it), so that a stored ballot costs no more than its transaction; a refused one is shown with
        the round read again."""
        if limit := guessing_limit(request):
            return refuse_guessing(request, limit)
        code_text = request.POST.get("koodi", "")
        form = BallotForm(request.POST)
        refusal = None
        if form.is_valid():
            try:
                ballot = Vote.objects.cast(
                    round_id,
                    form.cleaned_data["koodi"],
                    form.cleaned_data["ideat"],
                    shown=form.cleaned_data["shown"],
                    channel=Channel.ONLINE,
                    site=self.place(),
                )
            except BallotRefused as error:
                refusal = error
            else:
                voted_url = self.get_url(request) + self.reverse_subpage("voted", args=[round_id])
                return redirect(f"{voted_url}?{urlencode({'k': voted_token(ballot.code)})}")
        voting_round = self.voting_round(round_id)  # not found for a round of another place
        try:
            if refusal is not None and refusal.code in GUESSES:
                raise refusal
            code = Vote.objects.find_code_for(self.place(), code_text, voting_round)
        except BallotRefused as refused:
            reason = refusal_reason(refused, code_text)
            if limit := count_failure(request, reason, voting_round.pk):
                return refuse_guessing(request, limit)
            code_form = self.code_form({"koodi": code_text}, voting_round)
            code_form.is_valid()
            return self.render_code_entry(request, code_form, voting_round)
        if refusal is not None:
            form.add_error("ideat" if refusal.code == "not_in_round" else None, refusal)
        form.entries = list(voting_round.round_ideas())
        return self.render_ballot(request, voting_round, form, Vote.objects.ballot(code).votes_left)

    def render_ballot(self, request, voting_round: VotingRound, form: BallotForm, votes_left: int):
        shown = self.round_view(request, voting_round)
        base = self.get_url(request)
        choices = [
            (choice, base + self.reverse_subpage("idea", args=[choice.idea.pk]) if choice.idea.is_public else "")
            for choice in form.choices()
        ]
        context = {"voting": shown, "form": form, "choices": choices, "votes_left": votes_left}
        return self.render_voting(request, "ideas/ballot.html", context)

    @path("aanesta/<int:round_id>/kiitos/", name="voted")
    @reading
    def voted_route(self, request, round_id: int):
        """The votes are saved: which ones, and until when they can be changed."""
        voting_round = self.voting_round(round_id)
        code_id = voted_code_id(request.GET.get("k", ""), voting_round.pk)
        code = VotingCode.objects.select_related("round").filter(pk=code_id).first() if code_id else None
        if code is None:
            return redirect(self.get_url(request) + self.reverse_subpage("ballot", args=[voting_round.pk]))
        ballot = Vote.objects.ballot(code)
        ideas = [entry.idea for entry in voting_round.round_ideas() if entry.idea_id in ballot.idea_ids]
        context = {"voting": self.round_view(request, voting_round), "ideas": ideas, "votes_left": ballot.votes_left}
        return self.render_voting(request, "ideas/voted.html", context)

    # Results

    @path("aanestykset/<int:round_id>/", name="results")
    @reading
    def results_route(self, request, round_id: int):
        """The tally once results may show (after closing, or live); until then, when they will."""
        voting_round = self.voting_round(round_id)
        now = timezone.now()
        shown = self.round_view(request, voting_round, now)
        context = {"voting": shown, "visible": voting_round.results_visible(now)}
        if context["visible"]:
            base = self.get_url(request)
            context["results"] = results = voting_round.results()
            context["rows"] = rows = result_rows(
                results, lambda idea: base + self.reverse_subpage("idea", args=[idea.pk]) if idea.is_public else ""
            )
            context["table"] = results_table(rows)
            if voting_round.state(now) == RoundState.CLOSED:
                context["csv_url"] = base + self.reverse_subpage("results_csv", args=[voting_round.pk])
                context["json_url"] = base + self.reverse_subpage("results_json", args=[voting_round.pk])
        return self.render(request, template="ideas/results.html", context_overrides=context)

    def closed_round(self, round_id: int) -> VotingRound:
        voting_round = self.voting_round(round_id)
        if voting_round.state() != RoundState.CLOSED:
            raise Http404
        return voting_round

    @path("aanestykset/<int:round_id>/csv/", name="results_csv")
    @reading
    def results_csv_route(self, request, round_id: int):
        """A closed round's results as CSV: a row per idea, with the round's facts and the licence."""
        voting_round = self.closed_round(round_id)
        data = results_data(voting_round, self.round_view(request, voting_round).heading, self.idea_link(request))
        facts = data["round"]
        header = ["rank", "idea_id", "title", "votes", "selected", "url", *(f"round_{key}" for key in facts), "licence"]
        rows = (
            [row["rank"], row["idea_id"], row["title"], row["votes"], "yes" if row["selected"] else "no", row["url"]]
            + list(facts.values())
            + [opendata.LICENCE]
            for row in data["results"]
        )
        return opendata.csv_response(f"aanestys-{voting_round.pk}-tulokset.csv", header, rows)

    @path("aanestykset/<int:round_id>/json/", name="results_json")
    @reading
    def results_json_route(self, request, round_id: int):
        """A closed round's results as JSON, with the round's facts and the licence."""
        voting_round = self.closed_round(round_id)
        data = results_data(voting_round, self.round_view(request, voting_round).heading, self.idea_link(request))
        source = public_url(self.get_url(request) + self.reverse_subpage("results", args=[voting_round.pk]))
        return opendata.json_response(f"aanestys-{voting_round.pk}-tulokset.json", opendata.with_licence(data, source))

    def idea_link(self, request):
        base = self.get_url(request)
        return lambda idea: public_url(base + self.reverse_subpage("idea", args=[idea.pk])) if idea.is_public else ""


@dataclass(frozen=True)
class ShownRow:
    """A result row with what the page says of it: a tie shares its rank with another idea."""

    idea: object
    votes: int
    rank: int
    selected: bool
    tie: bool
    url: str
    percent: int


def result_rows(results, link) -> list[ShownRow]:
    ranks = [row.rank for row in results.rows]
    most = results.most_votes
    return [
        ShownRow(
            idea=row.idea,
            votes=row.votes,
            rank=row.rank,
            selected=row.selected,
            tie=ranks.count(row.rank) > 1,
            url=link(row.idea),
            percent=round(100 * row.votes / most) if most else 0,
        )
        for row in results.rows
    ]


def rank_text(row: ShownRow) -> str:
    return _("%(rank)d. (tie)") % {"rank": row.rank} if row.tie else f"{row.rank}."


def results_table(rows: list[ShownRow]) -> Table:
    """The tally as a table beside the chart; ideas keep the language they are written in."""

    def idea_cell(row: ShownRow) -> str:
        if row.url:
            return format_html('<a href="{}" lang="{}">{}</a>', row.url, row.idea.language, row.idea.title)
        return format_html('<span lang="{}">{}</span>', row.idea.language, row.idea.title)

    return Table(
        columns=[_("Idea"), _("Place"), _("Votes"), _("Selected for the co-development day")],
        rows=[[idea_cell(row), rank_text(row), str(row.votes), _("Yes") if row.selected else _("No")] for row in rows],
        caption=_("Votes per idea"),
    )


def results_data(voting_round: VotingRound, heading: str, link) -> dict:
    """A closed round's results for open data: the round's facts and a row per idea, no codes and no names."""
    results = voting_round.results()
    return {
        "round": {
            "id": voting_round.pk,
            "title": heading,
            "opens_at": timezone.localtime(voting_round.opens_at).isoformat(),
            "closes_at": timezone.localtime(voting_round.closes_at).isoformat(),
            "votes_per_code": voting_round.votes_per_code,
            "codes_issued": results.codes_issued,
            "codes_used": results.codes_used,
            "votes": results.votes,
        },
        "results": [
            {
                "rank": row.rank,
                "idea_id": row.idea.pk,
                "title": row.idea.title,
                "votes": row.votes,
                "selected": row.selected,
                "url": link(row.idea),
            }
            for row in results.rows
        ],
    }
