"""The ideas routes of `/ideat/`: the list, proposing, an idea's page, the Atom feed and open data.

Only public ideas (PUBLIC_STATUSES) of the page's own meeting place show anywhere here. Each page runs a
fixed number of queries whatever the number of ideas and votes (tests/ideas/test_ideas_query_counts.py).
"""

import functools

from django.core import signing
from django.core.paginator import Paginator
from django.db.models import Count, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.utils.http import urlencode
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from wagtail.contrib.routable_page.models import path

from events.models import EventPage
from pages import freshness, throttle
from pages.navigation import public_url
from pages.search_index import matching
from pages.search_text import search_words
from pages.shared import active_locale

from .. import opendata, photos
from ..ballots import RoundState
from ..feeds import IdeaFeed
from ..forms import IdeaFilterForm, ProposalForm
from ..tokens import contact_idea_id
from .ideas import Idea, IdeaStatus, IdeaTheme, TaggedIdea
from .voting import RoundIdea, Vote, VotingRound

IDEAS_PER_PAGE = 20
ROUNDS_LISTED = 12
"""The latest rounds the list links to (open ones and those with results); older ones are in open data."""
PROPOSALS_PER_CLIENT = throttle.Limit(5, 10 * 60)
PROPOSALS_OVERALL = throttle.Limit(300, 60 * 60)
TRIES_PER_CLIENT = throttle.Limit(30, 10 * 60)
"""Sendings of the form, corrections included: generous, but a robot cannot make us decode pictures forever."""
PROPOSED_SALT = "kohtaamo.ideas.proposed"
PROPOSED_MAX_AGE = 24 * 60 * 60


def methods(*allowed):
    """Answers 405 to other methods (HEAD is allowed with GET)."""
    allowed = set(allowed) | ({"HEAD"} if "GET" in allowed else set())

    def decorate(route):
        @functools.wraps(route)
        def wrapper(self, request, *args, **kwargs):
            if request.method not in allowed:
                return HttpResponseNotAllowed(sorted(allowed))
            return route(self, request, *args, **kwargs)

        return wrapper

    return decorate


def private(response):
    """A page with a form or a personal link: never kept in a shared cache, never indexed."""
    add_never_cache_headers(response)
    response["X-Robots-Tag"] = "noindex"
    return response


def attach_days(rounds) -> list:
    """Gives each round (with `event` selected) `day`, its co-development day in the reader's language (None
    without one), and `name`, the day's title or the round's own. One query for all rounds, none when every
    day is in the reader's language already."""
    rounds = list(rounds)
    locale = active_locale()
    here = [r.event for r in rounds if r.event and r.event.locale_id == locale.pk and r.event.live]
    local = {event.translation_key: event for event in here}
    keys = {r.event.translation_key for r in rounds if r.event and r.event.translation_key not in local}
    if keys:
        translations = EventPage.objects.live().filter(translation_key__in=keys, locale=locale)
        local.update((event.translation_key, event) for event in translations)
    for voting_round in rounds:
        event = voting_round.event
        voting_round.day = (local.get(event.translation_key) or (event if event.live else None)) if event else None
        voting_round.name = voting_round.day.title if voting_round.day else voting_round.title
    return rounds


def all_themes() -> list:
    """The themes to filter and file ideas under, in the order of their Finnish names (remembered)."""
    return freshness.remember("idea-themes", lambda: list(IdeaTheme.objects.all()))


def attach_themes(ideas: list, among=None) -> list:
    """Gives each idea `theme_list`, its themes in the reader's alphabetical order, in one query. `among` (a
    queryset of the same ideas) makes the query a subquery instead of a list of numbers, for long lists."""
    if not ideas:
        return ideas
    tagged = TaggedIdea.objects.select_related("tag")
    if among is not None:
        tagged = tagged.filter(content_object__in=among.order_by().values("pk"))
    else:
        tagged = tagged.filter(content_object_id__in=[idea.pk for idea in ideas])
    by_idea: dict[int, list] = {}
    for row in tagged:
        by_idea.setdefault(row.content_object_id, []).append(row.tag)
    for idea in ideas:
        idea.theme_list = sorted(by_idea.get(idea.pk, []), key=lambda theme: theme.label.casefold())
    return ideas


def proposed_token(email_given: bool) -> str:
    return signing.dumps({"e": int(email_given)}, salt=PROPOSED_SALT, compress=True)


def proposed_details(token: str) -> dict | None:
    try:
        return signing.loads(token, salt=PROPOSED_SALT, max_age=PROPOSED_MAX_AGE)
    except (signing.BadSignature, ValueError, TypeError):
        return None


class IdeaRoutes:
    """Mixed into `IdeaIndexPage`."""

    def route_url(self, request, name: str, *args) -> str:
        return self.own_url(request) + self.reverse_subpage(name, args=list(args) or None)

    def own_url(self, request) -> str:
        """`get_url(request)`, worked out once per request: a list links to dozens of ideas under this page."""
        if request is None:
            return self.get_url(request)
        known = request.__dict__.setdefault("_kohtaamo_page_urls", {})
        if self.pk not in known:
            known[self.pk] = self.get_url(request)
        return known[self.pk]

    def idea_url(self, request, idea_id: int) -> str:
        return self.route_url(request, "idea", idea_id)

    def public_ideas(self, site):
        return Idea.objects.for_site(site).public()

    def newest_ideas(self, site, count: int) -> list:
        """The `count` most recently published ideas, with their themes."""
        ideas = self.public_ideas(site).filter(published_at__isnull=False).order_by("-published_at", "-pk")
        return attach_themes(list(ideas[:count]))

    def site_rounds(self, site) -> list:
        """Every voting round of the place, newest first, with its day in the reader's language. Remembered: the
        list, each idea's page and open data show them, and whether one is open is worked out from the time."""

        def build():
            return attach_days(VotingRound.objects.for_site(site).select_related("event").order_by("-opens_at", "-pk"))

        return freshness.remember("voting-rounds", build, site.pk, get_language())

    def started_rounds(self, site, now):
        """The latest rounds that have opened (open now or closed), newest first, with their days."""
        return [voting_round for voting_round in self.site_rounds(site) if voting_round.opens_at <= now][:ROUNDS_LISTED]

    # The list

    @path("", name="ideas")
    @methods("GET")
    def ideas_route(self, request):
        site, now = self.place(), timezone.now()
        form = IdeaFilterForm(request.GET, themes=all_themes())
        values = form.values
        rounds = self.started_rounds(site, now)
        with_results = [voting_round for voting_round in rounds if voting_round.results_visible(now)]
        ideas = self.filtered_ideas(site, values)
        vote_round = None
        if form.sort == IdeaFilterForm.VOTES:
            vote_round = with_results[0] if with_results else None
            if vote_round is None:
                form.add_notice(_("No vote has results to show yet, so the newest ideas come first."))
        if vote_round is not None:
            ideas = ideas.annotate(round_votes=votes_in(vote_round)).order_by("-round_votes", "-published_at", "-pk")
        else:
            ideas = ideas.order_by("-published_at", "-pk")
        paginator = Paginator(ideas, IDEAS_PER_PAGE)
        if not form.is_filtered:  # the list as most arrive at it: how many public ideas the place has
            paginator.count = freshness.remember("public-ideas", ideas.count, site.pk)
        page_obj = paginator.get_page(request.GET.get("sivu"))
        query = request.GET.copy()
        query.pop("sivu", None)
        context = {
            "ideas": [(idea, self.idea_url(request, idea.pk)) for idea in attach_themes(list(page_obj))],
            "page_obj": page_obj,
            "query": query.urlencode(),
            "filter_form": form,
            "notices": form.notices,
            "is_filtered": form.is_filtered,
            "vote_round": vote_round,
            "open_rounds": [voting_round for voting_round in rounds if voting_round.is_open(now)],
            "result_rounds": [(r, self.route_url(request, "results", r.pk)) for r in with_results],
            "vote_url": self.route_url(request, "vote"),
            "propose_url": self.route_url(request, "propose"),
            "feed_url": self.route_url(request, "feed"),
            "open_data_url": self.route_url(request, "open_data"),
            "you_said_url": self.route_url(request, "you_said"),
            "clear_url": self.get_url(request),
        }
        return self.render(request, context_overrides=context, template="ideas/idea_list.html")

    def filtered_ideas(self, site, values: dict):
        ideas = self.public_ideas(site)
        if values["tila"]:
            ideas = ideas.filter(status__in=values["tila"])
        if values["teema"]:
            tagged = TaggedIdea.objects.filter(tag__slug__in=values["teema"]).values("content_object_id")
            ideas = ideas.filter(pk__in=tagged)
        if values["lapset"]:
            ideas = ideas.filter(by_child=True)
        words = search_words(values["q"] or "")
        if words:
            ideas = matching(ideas, words, get_language() or "fi")
        return ideas

    # Proposing

    @path("ehdota/", name="propose")
    @methods("GET", "POST")
    def propose_route(self, request):
        themes = all_themes()
        if request.method != "POST":
            return private(self.render_proposal(request, ProposalForm(themes=themes)))
        if not throttle.allow(request, "ideas-propose-tries", TRIES_PER_CLIENT):
            return throttle.too_many_requests(request, TRIES_PER_CLIENT)
        too_large = photos.request_too_large(request)
        if too_large:
            photos.skip_uploaded_files(request)
        form = ProposalForm(request.POST, {} if too_large else request.FILES, themes=themes)
        if form.caught:  # a robot: answered as if all went well, and nothing is stored
            refused = self.refuse_proposal(request)
            return refused or redirect(self.route_url(request, "proposed"))
        if too_large:
            form.refuse_photo()
        if form.is_valid():
            if Idea.objects.filter(submission_key=form.cleaned_data["submission_key"]).exists():
                return redirect(self.route_url(request, "proposed"))
            refused = self.refuse_proposal(request)
            if refused is not None:
                return refused
            cleaned = form.cleaned_data
            photo = photos.store_photo(cleaned["photo"], cleaned["title"]) if cleaned.get("photo") else None
            Idea.objects.propose(
                site=self.place(), contact_language=get_language() or "", photo=photo, **form.idea_fields()
            )
            token = proposed_token(bool(form.cleaned_data["email"]))
            return redirect(self.route_url(request, "proposed") + "?" + urlencode({"s": token}))
        return private(self.render_proposal(request, form))

    def refuse_proposal(self, request):
        """The 429 page once this client, or everybody together, has proposed too much; else None."""
        if not throttle.allow(request, "ideas-propose", PROPOSALS_PER_CLIENT):
            return throttle.too_many_requests(request, PROPOSALS_PER_CLIENT)
        if not throttle.allow_overall("ideas-propose", PROPOSALS_OVERALL):
            return throttle.too_many_requests(request, PROPOSALS_OVERALL)
        return None

    def render_proposal(self, request, form):
        context = {
            "form": form,
            "moderation_days": Idea.moderation_days(),
            # Browsers empty a file field when the form comes back with errors.
            "photo_again": bool(
                form.is_bound and form.errors and form.files.get("photo") and not form.has_error("photo")
            ),
        }
        return self.render(request, context_overrides=context, template="ideas/propose.html")

    @path("ehdota/kiitos/", name="proposed")
    @methods("GET")
    def proposed_route(self, request):
        details = proposed_details(request.GET.get("s", ""))
        context = {
            "moderation_days": Idea.moderation_days(),
            "email_given": None if details is None else bool(details.get("e")),
            "statuses": [
                (IdeaStatus(status).label, text)
                for status, text in (
                    (IdeaStatus.PUBLISHED, _("Staff have read the idea and it is on the list for everyone to see.")),
                    (IdeaStatus.VOTING, _("Families vote on it with voting codes before a co-development day.")),
                    (IdeaStatus.SELECTED, _("It got votes and will be worked on at the co-development day.")),
                    (IdeaStatus.DECIDED, _("A meeting has decided what to do with it.")),
                    (IdeaStatus.IN_PROGRESS, _("Families and staff are making it happen.")),
                    (IdeaStatus.DONE, _("It has been done.")),
                    (IdeaStatus.NOT_TAKEN_FORWARD, _("It cannot be done now; the idea's page tells why.")),
                    (IdeaStatus.MERGED, _("A similar idea was proposed, and the two go on together.")),
                )
            ],
            "ideas_url": self.get_url(request),
        }
        return private(self.render(request, context_overrides=context, template="ideas/proposed.html"))

    # An idea

    @path("<int:idea_id>/", name="idea")
    @methods("GET")
    def idea_route(self, request, idea_id):
        site, now = self.place(), timezone.now()
        idea = self.public_ideas(site).select_related("photo", "merged_into").filter(pk=idea_id).first()
        if idea is None:
            raise Http404
        merged_into = idea.merged_into if idea.merged_into and idea.merged_into.is_public else None
        if merged_into is not None and merged_into.site_id != idea.site_id:
            merged_into = None
        # Its themes, rounds with their votes, decisions and timeline: remembered under the content version, which
        # a vote moves while its round shows live results; hidden results are not shown until the round closes,
        # which renews the version too. Keyed on an idea that exists, never on the address alone.
        details = freshness.remember("idea-details", lambda: self.idea_details(request, idea), idea.pk, get_language())
        entries = details.pop("entries")
        vars(idea).update(details)
        known = {voting_round.pk: voting_round for voting_round in self.site_rounds(site)}
        rounds = [known.get(entry.round_id) for entry in entries]
        if None in rounds:  # a round of another place: its day found as the list finds them
            rounds = attach_days(entry.round for entry in entries)
        round_rows = []
        for entry, voting_round in zip(entries, rounds, strict=True):
            visible = voting_round.results_visible(now)
            round_rows.append(
                {
                    "round": voting_round,
                    "state": voting_round.state(now),
                    "selected": entry.selected,
                    "votes": entry.idea_votes if visible else None,
                    "results_url": self.route_url(request, "results", voting_round.pk) if visible else "",
                    "vote_url": self.route_url(request, "vote") if voting_round.is_open(now) else "",
                }
            )
        context = {
            "idea": idea,
            "merged_into": merged_into,
            "merged_into_url": self.idea_url(request, merged_into.pk) if merged_into else "",
            "timeline": idea.timeline_days,
            "decisions": idea.decision_list,
            "you_said_url": self.route_url(request, "you_said"),
            "round_rows": round_rows,
            "round_states": RoundState,
            "ideas_url": self.get_url(request),
            "propose_url": self.route_url(request, "propose"),
        }
        return self.render(request, context_overrides=context, template="ideas/idea_page.html")

    def idea_details(self, request, idea) -> dict:
        """What an idea's page shows beside the idea itself: the attributes `attach_themes` and
        `ideas_with_decisions` give it, and its rounds (`entries`) with the votes it got in each."""
        attach_themes([idea])
        self.ideas_with_decisions(request, [idea])
        counted = Vote.objects.filter(round=OuterRef("round"), idea=idea).order_by().values("round")
        counted = Subquery(counted.annotate(n=Count("pk")).values("n"), output_field=IntegerField())
        entries = RoundIdea.objects.filter(idea=idea).select_related("round", "round__event")
        entries = list(entries.annotate(idea_votes=Coalesce(counted, 0)).order_by("round__opens_at", "round__pk"))
        names = ("theme_list", "decision_list", "timeline_days", "url")
        return {"entries": entries, **{name: getattr(idea, name) for name in names}}

    # Feed and open data

    @path("syote/", name="feed")
    @methods("GET")
    def feed_route(self, request):
        return IdeaFeed(self)(request)

    @path("avoin-data/", name="open_data")
    @methods("GET")
    def open_data_route(self, request):
        now = timezone.now()
        rounds = [voting_round for voting_round in self.site_rounds(self.place()) if voting_round.closes_at <= now]
        closed = [
            (
                voting_round,
                self.route_url(request, "results_csv", voting_round.pk),
                self.route_url(request, "results_json", voting_round.pk),
            )
            for voting_round in sorted(rounds, key=lambda r: (r.closes_at, r.pk), reverse=True)
        ]
        context = {
            "closed_rounds": closed,
            "ideas_csv_url": self.route_url(request, "ideas_csv"),
            "ideas_json_url": self.route_url(request, "ideas_json"),
            "licence": opendata.LICENCE,
            "licence_url": opendata.LICENCE_URL,
            "columns": IDEA_COLUMNS,
            "ideas_url": self.get_url(request),
        }
        return self.render(request, context_overrides=context, template="ideas/open_data.html")

    def open_ideas(self, request) -> list[dict]:
        """The public ideas as open data: no names, no e-mail addresses, no pictures."""
        public = self.public_ideas(self.place())
        ideas = attach_themes(list(public.order_by("pk")), among=public)
        public_ids = {idea.pk for idea in ideas}
        return [
            {
                "id": idea.pk,
                "title": idea.title,
                "description": idea.description,
                "language": idea.language,
                "themes": [theme.label for theme in idea.theme_list],
                "by_child": idea.by_child,
                "status": idea.status,
                "created": timezone.localdate(idea.created_at),
                "published": timezone.localdate(idea.published_at) if idea.published_at else None,
                "merged_into": idea.merged_into_id if idea.merged_into_id in public_ids else None,
                "url": public_url(self.idea_url(request, idea.pk)),
            }
            for idea in ideas
        ]

    @path("avoin-data/ideat/csv/", name="ideas_csv")
    @methods("GET")
    def ideas_csv_route(self, request):
        rows = [
            [
                row["id"],
                row["title"],
                row["description"],
                row["language"],
                "; ".join(row["themes"]),
                "yes" if row["by_child"] else "no",
                row["status"],
                row["created"].isoformat(),
                row["published"].isoformat() if row["published"] else "",
                row["merged_into"] or "",
                row["url"],
            ]
            for row in self.open_ideas(request)
        ]
        return opendata.csv_response(f"{self.slug}-ideas.csv", [name for name, _text in IDEA_COLUMNS], rows)

    @path("avoin-data/ideat/json/", name="ideas_json")
    @methods("GET")
    def ideas_json_route(self, request):
        source = public_url(self.route_url(request, "open_data"))
        data = opendata.with_licence({"ideas": self.open_ideas(request)}, source)
        return opendata.json_response(f"{self.slug}-ideas.json", data)

    # Stopping the updates

    @path("paivitykset/<str:token>/", name="stop_updates")
    @methods("GET", "POST")
    def stop_updates_route(self, request, token):
        idea_id = contact_idea_id(token)
        idea = Idea.objects.for_site(self.place()).filter(pk=idea_id).first() if idea_id else None
        if idea is None:
            raise Http404
        if request.method == "POST":
            idea.erase_contact()
            return redirect(self.route_url(request, "stop_updates", token))
        context = {
            "idea": idea,
            "has_email": bool(idea.email),
            "idea_page_url": self.idea_url(request, idea.pk) if idea.is_public else "",
            "ideas_url": self.get_url(request),
        }
        return private(self.render(request, context_overrides=context, template="ideas/stop_updates.html"))

    def get_sitemap_urls(self, request=None):
        """The list, "you said, we did" and each public idea's page."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        urls.append({"location": base + self.reverse_subpage("you_said")})
        rows = self.public_ideas(self.place()).order_by("pk").values_list("pk", "status_changed_at")
        for pk, changed in rows:
            urls.append({"location": base + self.reverse_subpage("idea", args=[pk]), "lastmod": changed})
        return urls


IDEA_COLUMNS = (
    ("id", gettext_lazy("The idea's number; its page is at the address in “url”.")),
    ("title", gettext_lazy("The idea in a few words, as the family wrote it.")),
    ("description", gettext_lazy("The idea in the family's own words.")),
    ("language", gettext_lazy("The language it is written in (an ISO 639 code, e.g. fi, sv, so).")),
    ("themes", gettext_lazy("Its themes (in the CSV file separated by semicolons).")),
    ("by_child", gettext_lazy("Whether a child thought of it.")),
    (
        "status",
        gettext_lazy(
            "Where it stands: published, voting, selected, decided, in_progress, done, not_taken_forward or merged."
        ),
    ),
    ("created", gettext_lazy("The day it was proposed.")),
    ("published", gettext_lazy("The day staff published it.")),
    ("merged_into", gettext_lazy("For a merged idea, the number of the idea it goes on in.")),
    ("url", gettext_lazy("The address of its page.")),
)


def votes_in(voting_round: VotingRound):
    """Each idea's votes in `voting_round`, counted from the vote rows (0 without votes)."""
    counted = (
        Vote.objects.filter(round=voting_round, idea=OuterRef("pk"))
        .order_by()
        .values("idea")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)
