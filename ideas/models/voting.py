"""Voting rounds before a co-development day, their printed codes, and the votes.

Integrity rules, all enforced here so that every channel (the public ballot, paper slips entered by staff)
obeys them alike:
- A code belongs to one round and is one ballot: the first vote fixes its channel (online or paper), and the
  other channel cannot use it afterwards.
- A code holds at most `votes_per_code` votes, one per idea (a unique constraint on round, code and idea).
- `Vote.objects.cast` changes a code's votes in one transaction that first locks the code's row: PostgreSQL
  takes a row lock (`SELECT … FOR UPDATE`); SQLite runs transactions IMMEDIATE (site settings), so writers
  wait for each other. The round (its times, its limit) is read with the locked code and the clock after the
  lock is taken, so simultaneous ballots from one code can never together exceed the limit or land after
  closing.
- Tallies are counted from the vote rows each time, never kept in a counter that could drift.
"""

import datetime
import os
import threading
from contextlib import nullcontext
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import IntegrityError, connection, models, transaction
from django.db.models import Count, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.models import Site

from pages import freshness

from .. import codes as code_format
from ..ballots import Channel, RoundState, refuse
from .ideas import Idea

# Only the race test sets this, in the server it starts, to prove that the test fails without the guard.
UNGUARDED_ENV = "KOHTAAMO_TEST_DISABLE_VOTE_LOCK"
MAX_VOTES_PER_CODE = 20
MAX_CODES_PER_BATCH = 2000


class VotingRoundQuerySet(models.QuerySet):
    def for_site(self, site: Site):
        return self.filter(site=site)

    def open_at(self, now: datetime.datetime):
        return self.filter(opens_at__lte=now, closes_at__gt=now)

    def with_visible_results(self, now: datetime.datetime):
        """Rounds whose results anyone may see: closed, or open with live results."""
        return self.filter(Q(closes_at__lte=now) | Q(results_live=True, opens_at__lte=now))


class VotingRound(ClusterableModel):
    """A vote on chosen ideas before a co-development day, with printed codes as the only way in."""

    site = models.ForeignKey(Site, verbose_name=_("meeting place"), on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        _("title"),
        max_length=150,
        help_text=_("For staff, and shown publicly when the round prepares no co-development day."),
    )
    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("co-development day"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="voting_rounds",
        help_text=_("The day whose themes the vote chooses."),
    )
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    votes_per_code = models.PositiveSmallIntegerField(
        _("votes per code"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_VOTES_PER_CODE)],
        help_text=_("How many ideas one code may vote for (one vote per idea)."),
    )
    results_live = models.BooleanField(
        _("show results while voting"), default=False, help_text=_("Otherwise results show once the round closes.")
    )
    ideas = models.ManyToManyField(Idea, through="RoundIdea", related_name="voting_rounds", verbose_name=_("ideas"))
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = VotingRoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("voting round")
        verbose_name_plural = _("voting rounds")
        ordering = ["-opens_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=Q(closes_at__gt=models.F("opens_at")), name="round_closes_after_opening")
        ]

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError({"closes_at": _("The round must close after it opens.")})

    def state(self, now: datetime.datetime | None = None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return RoundState.UPCOMING
        if now < self.closes_at:
            return RoundState.OPEN
        return RoundState.CLOSED

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        return self.state(now) == RoundState.OPEN

    def results_visible(self, now: datetime.datetime | None = None) -> bool:
        state = self.state(now)
        return state == RoundState.CLOSED or (state == RoundState.OPEN and self.results_live)

    def round_ideas(self):
        """The ideas in the round, in the order staff set, each with its RoundIdea row as `entry`."""
        return self.entries.select_related("idea").order_by("position", "pk")

    def results(self) -> "Results":
        """The tally from the vote rows: every idea of the round with its votes and rank (ties share a rank).
        Only the round's ideas count, so the totals always add up from the rows shown."""
        entries = list(self.round_ideas())
        votes = Vote.objects.filter(round=self, idea_id__in=[entry.idea_id for entry in entries])
        counts = dict(votes.values("idea_id").annotate(n=Count("pk")).values_list("idea_id", "n"))
        rows = sorted(
            (ResultRow(entry.idea, counts.get(entry.idea_id, 0), 0, entry.selected) for entry in entries),
            key=lambda row: (-row.votes, row.idea.title.casefold(), row.idea.pk),
        )
        ranked = []
        for index, row in enumerate(rows):
            rank = ranked[-1].rank if ranked and ranked[-1].votes == row.votes else index + 1
            ranked.append(ResultRow(row.idea, row.votes, rank, row.selected))
        return Results(
            rows=ranked,
            votes=sum(counts.values()),
            codes_used=votes.values("code_id").distinct().count(),
            codes_issued=self.codes.filter(revoked_at__isnull=True).count(),
        )

    def issue_codes(self, count: int) -> list["VotingCode"]:
        """Makes `count` new codes for this round (a fresh draw replaces the rare one that already exists)."""
        if not 1 <= count <= MAX_CODES_PER_BATCH:
            raise ValidationError(
                _("Make between 1 and %(max)d codes at a time.") % {"max": MAX_CODES_PER_BATCH}, code="count"
            )
        made: list[VotingCode] = []
        while len(made) < count:
            wanted = {code_format.new_code() for _ in range(count - len(made))}
            taken = set(VotingCode.objects.filter(code__in=wanted).values_list("code", flat=True))
            fresh = [VotingCode(round=self, code=code) for code in wanted - taken]
            try:
                with transaction.atomic():
                    VotingCode.objects.bulk_create(fresh)
            except IntegrityError:  # another batch drew the same code at the same moment: draw again
                continue
            made.extend(fresh)
        return made


@dataclass(frozen=True)
class ResultRow:
    idea: Idea
    votes: int
    rank: int
    selected: bool


@dataclass(frozen=True)
class Results:
    rows: list[ResultRow]
    votes: int
    codes_used: int
    codes_issued: int

    @property
    def turnout_percent(self) -> int:
        return round(100 * self.codes_used / self.codes_issued) if self.codes_issued else 0

    @property
    def most_votes(self) -> int:
        return max((row.votes for row in self.rows), default=0)


class RoundIdea(models.Model):
    """An idea in a round; `selected` once staff choose it for the co-development day."""

    round = ParentalKey(VotingRound, on_delete=models.CASCADE, related_name="entries")
    idea = models.ForeignKey(Idea, verbose_name=_("idea"), on_delete=models.CASCADE, related_name="round_entries")
    position = models.PositiveIntegerField(default=0)
    selected = models.BooleanField(_("selected for the co-development day"), default=False)

    class Meta:
        verbose_name = _("idea in the round")
        verbose_name_plural = _("ideas in the round")
        ordering = ["position", "pk"]
        constraints = [models.UniqueConstraint(fields=["round", "idea"], name="idea_once_per_round")]

    def __str__(self):
        return str(self.idea)


class VotingCode(models.Model):
    """A printed code: one ballot in one round. Stored normalised (`K7QM4XPA`), printed grouped (`K7QM-4XPA`)."""

    round = models.ForeignKey(VotingRound, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=16, unique=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)
    channel = models.CharField(_("used"), max_length=10, choices=Channel.choices, blank=True)
    first_used_at = models.DateTimeField(_("first used"), null=True, blank=True)

    class Meta:
        verbose_name = _("voting code")
        verbose_name_plural = _("voting codes")
        ordering = ["pk"]

    def __str__(self):
        return self.printed

    @property
    def printed(self) -> str:
        return code_format.grouped(self.code)

    def revoke(self, now: datetime.datetime | None = None) -> None:
        """Takes an unused code out of the round (a lost or spoiled slip). A used code keeps counting."""
        with transaction.atomic():
            code = VotingCode.objects.select_for_update().get(pk=self.pk)
            if code.channel:
                raise ValidationError(_("This code has already voted, so it cannot be revoked."), code="used")
            code.revoked_at = code.revoked_at or now or timezone.now()
            code.save(update_fields=["revoked_at"])
            self.revoked_at = code.revoked_at


@dataclass(frozen=True)
class Ballot:
    """A code's stored votes after `cast`: the ideas' ids, and how many more it may give."""

    code: VotingCode
    idea_ids: frozenset[int]
    votes_left: int


def _unguarded() -> bool:
    return os.environ.get(UNGUARDED_ENV) == "1"


# SQLite lets one transaction write at a time, and a writer that finds the database busy polls it in sleeps
# that grow to 100 ms. The threads of one process therefore queue here first, where the next one starts the
# moment the last one is done, so only the app server's processes ever wait for each other in SQLite. This
# only shortens waits: the processes of a server (and other servers) never share it, so the database's lock
# remains the guard (tests/ideas/test_vote_race.py breaks the limit with this lock and without that one).
_sqlite_writer = threading.Lock()


def _one_writer_per_process():
    if connection.vendor != "sqlite" or connection.in_atomic_block:  # an open transaction already holds SQLite
        return nullcontext()
    return _sqlite_writer


class VoteQuerySet(models.QuerySet):
    def find_code(self, round: VotingRound | int, text: str, *, lock: bool = False) -> VotingCode:
        """The code typed or scanned for `round` (or the round's id), with its round; raises BallotRefused
        ("unknown", "revoked", "other_round")."""
        normalized = code_format.normalize(text)
        codes = VotingCode.objects.select_related("round")
        if lock:
            codes = codes.select_for_update(of=("self",))
        try:
            code = codes.get(code=normalized) if normalized else None
        except VotingCode.DoesNotExist:
            code = None
        if code is None:
            raise refuse("unknown")
        if code.round_id != getattr(round, "pk", round):
            raise refuse("other_round")
        if code.revoked_at is not None:
            raise refuse("revoked")
        return code

    def find_code_for(self, site: Site, text: str, voting_round: VotingRound | None = None) -> VotingCode:
        """The code typed for `voting_round`, or for whichever round of `site` it belongs to; raises
        BallotRefused like `find_code`."""
        if voting_round is not None:
            return self.find_code(voting_round, text)
        normalized = code_format.normalize(text)
        code = VotingCode.objects.filter(code=normalized, round__site=site).select_related("round").first()
        if code is None:
            raise refuse("unknown")
        return self.find_code(code.round, text)

    def ballot(self, code: VotingCode) -> Ballot:
        idea_ids = frozenset(self.filter(code=code).values_list("idea_id", flat=True))
        return Ballot(code, idea_ids, max(0, code.round.votes_per_code - len(idea_ids)))

    def cast(
        self,
        round: VotingRound | int,
        code_text: str,
        selected,
        *,
        shown=None,
        channel: str = Channel.ONLINE,
        now: datetime.datetime | None = None,
        site: Site | None = None,
    ) -> Ballot:
        """Stores a ballot for the code and returns what the code now holds; raises BallotRefused.

        `round` is the round the ballot is for, or its id: the round itself is read with the code. `selected`
        are the ideas (ids) ticked on the ballot. With `shown` (the ideas that were ticked when the ballot was
        drawn) only the differences apply: ideas ticked since are added, ideas unticked since are removed, and
        votes given meanwhile from another window stay. Without `shown` the code's votes become exactly
        `selected` (a paper slip entered by staff). With `site`, a round of another meeting place is refused as
        "other_round".
        """
        selected = {int(pk) for pk in selected}
        shown = None if shown is None else {int(pk) for pk in shown}
        if _unguarded():  # each statement commits on its own: only the database's lock is gone
            with _one_writer_per_process():
                return self._cast(round, code_text, selected, shown, channel, now, site, lock=False)
        with _one_writer_per_process(), transaction.atomic():
            return self._cast(round, code_text, selected, shown, channel, now, site, lock=True)

    def _cast(self, round, code_text, selected, shown, channel, now, site, *, lock: bool) -> Ballot:
        code = self.find_code(round, code_text, lock=lock)
        voting_round = code.round  # read with the lock, like the clock: a ballot that waited past closing is refused
        now = now or timezone.now()
        if site is not None and voting_round.site_id != site.pk:
            raise refuse("other_round")
        state = voting_round.state(now)
        if state != RoundState.OPEN:
            raise refuse(state)
        if code.channel and code.channel != channel:
            raise refuse("other_channel" if code.channel == Channel.PAPER else "other_channel_online")
        in_round = set(RoundIdea.objects.filter(round=voting_round).order_by().values_list("idea_id", flat=True))
        if not selected <= in_round or (shown is not None and not shown <= in_round):
            raise refuse("not_in_round")
        current = set(self.filter(code=code).values_list("idea_id", flat=True))
        wanted = selected if shown is None else (current - (shown - selected)) | (selected - shown)
        limit = voting_round.votes_per_code
        if len(wanted) > limit:
            raise refuse("too_many", limit=limit)
        if current - wanted:
            self.filter(code=code, idea_id__in=current - wanted).delete()
        if wanted - current:
            self.bulk_create(
                Vote(round=voting_round, code=code, idea_id=idea_id, cast_at=now) for idea_id in wanted - current
            )
        if wanted and not code.channel:
            VotingCode.objects.filter(pk=code.pk).update(channel=channel, first_used_at=now)
            code.channel, code.first_used_at = channel, now
        if wanted != current and voting_round.results_live:  # the live results on public pages change
            freshness.bump()
        return Ballot(code, frozenset(wanted), limit - len(wanted))


class Vote(models.Model):
    """One code's vote for one idea of its round. Tallies count these rows."""

    round = models.ForeignKey(VotingRound, on_delete=models.CASCADE, related_name="votes")
    code = models.ForeignKey(VotingCode, on_delete=models.CASCADE, related_name="votes")
    idea = models.ForeignKey(Idea, on_delete=models.CASCADE, related_name="votes")
    cast_at = models.DateTimeField(default=timezone.now)

    objects = VoteQuerySet.as_manager()

    class Meta:
        verbose_name = _("vote")
        verbose_name_plural = _("votes")
        constraints = [models.UniqueConstraint(fields=["round", "code", "idea"], name="one_vote_per_code_and_idea")]
        indexes = [models.Index(fields=["round", "idea"], name="vote_round_idea")]

    def __str__(self):
        return f"{self.code} → {self.idea_id}"
