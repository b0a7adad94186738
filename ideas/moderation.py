"""What staff do to ideas: approve, reject, merge, put into a voting round, select for a co-development day.

Each service runs in one transaction and changes statuses only through `change_status`, which calls
`Idea.set_status` (the audit log entry: who, when, the public note) and, once the transaction commits, queues
the mail to a proposer who left an e-mail. Admin views, bulk actions and the demo loader all call these.
"""

import logging
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .models import Idea, IdeaStatus, RoundIdea, RoundState, VotingRound

logger = logging.getLogger(__name__)

# Staff approve ideas waiting for moderation (or one rejected by mistake); they reject ideas nobody has
# voted on yet. Ideas further along keep their status.
APPROVABLE = (IdeaStatus.AWAITING, IdeaStatus.REJECTED)
REJECTABLE = (IdeaStatus.AWAITING, IdeaStatus.PUBLISHED)
# An idea chosen for a co-development day that has moved on since keeps its status when staff re-select.
BEYOND_SELECTION = (IdeaStatus.DECIDED, IdeaStatus.IN_PROGRESS, IdeaStatus.DONE)


@dataclass
class Outcome:
    """What a service did: the ideas it changed and those it left as they were."""

    changed: list[Idea] = field(default_factory=list)
    skipped: list[Idea] = field(default_factory=list)


def queue_status_mail(idea: Idea) -> None:
    """After the transaction commits, queues the mail about the idea's new status (when there is an address)."""
    if not idea.email or idea.status == IdeaStatus.AWAITING:
        return
    idea_id, status = idea.pk, idea.status

    def enqueue():
        from .tasks import send_status_mail

        try:
            send_status_mail.enqueue(idea_id, status)
        except Exception:
            logger.exception("Could not queue the status mail of idea %s.", idea_id)

    transaction.on_commit(enqueue)


def change_status(idea: Idea, status: str, *, user, note: str | None = None, merged_into: Idea | None = None) -> bool:
    """Moves `idea` to `status` (logged with `user`) and tells the proposer when the status really changed."""
    with transaction.atomic():
        was = idea.status
        changed = idea.set_status(status, user=user, note=note, merged_into=merged_into)
        if changed and was != idea.status:
            queue_status_mail(idea)
    return changed


def _move(ideas: Iterable[Idea], allowed, status: str, *, user, note: str | None) -> Outcome:
    """Moves the ideas whose status is in `allowed` to `status`, in one transaction; leaves the others."""
    outcome = Outcome()
    with transaction.atomic():
        for idea in ideas:
            if idea.status in allowed:
                change_status(idea, status, user=user, note=note)
                outcome.changed.append(idea)
            else:
                outcome.skipped.append(idea)
    return outcome


def approve(ideas: Iterable[Idea], *, user, note: str | None = None) -> Outcome:
    return _move(ideas, APPROVABLE, IdeaStatus.PUBLISHED, user=user, note=note)


def reject(ideas: Iterable[Idea], *, user, note: str | None = None) -> Outcome:
    """Rejected ideas never show publicly; an idea already in a voting round is not rejected."""
    return _move(ideas, REJECTABLE, IdeaStatus.REJECTED, user=user, note=note)


def merge_targets(idea: Idea):
    """The ideas `idea` may be merged into: public ideas of the same meeting place, not merged themselves."""
    return Idea.objects.for_site(idea.site).public().exclude(status=IdeaStatus.MERGED).exclude(pk=idea.pk)


def merge(duplicate: Idea, into: Idea, *, user, note: str | None = None) -> None:
    """Marks `duplicate` MERGED into `into`. Its round entries and votes stay; ideas merged into it move along."""
    if not merge_targets(duplicate).filter(pk=into.pk).exists():
        raise ValidationError(
            _("An idea can be merged only into another public idea of the same meeting place."), code="target"
        )
    with transaction.atomic():
        change_status(duplicate, IdeaStatus.MERGED, user=user, note=note, merged_into=into)
        Idea.objects.filter(merged_into=duplicate).update(merged_into=into)


def has_other_open_round(idea: Idea, voting_round: VotingRound, now=None) -> bool:
    """Whether `idea` is also in another round of its place that has not closed."""
    now = now or timezone.now()
    return RoundIdea.objects.filter(idea=idea, round__closes_at__gt=now).exclude(round=voting_round).exists()


def put_in_round(voting_round: VotingRound, ideas: Iterable[Idea] = (), *, user) -> Outcome:
    """Adds `ideas` to the round (after those it has) and moves the round's published ideas to VOTING.

    A closed round takes no more ideas, and its ideas keep their statuses (staff select from it instead).
    """
    outcome = Outcome()
    ideas = list(ideas)
    closed = voting_round.state() == RoundState.CLOSED
    if closed and ideas:
        raise ValidationError(_("The vote has closed, so no ideas can be added to it."), code="closed")
    if closed:
        return outcome
    with transaction.atomic():
        present = set(voting_round.entries.values_list("idea_id", flat=True))
        position = (voting_round.entries.aggregate(last=Max("position"))["last"] or 0) + 1
        for idea in ideas:
            if idea.pk in present:
                continue
            if idea.site_id != voting_round.site_id or idea.status not in (IdeaStatus.PUBLISHED, IdeaStatus.VOTING):
                raise ValidationError(
                    _("Only published ideas of the same meeting place can be put to a vote."), code="not_votable"
                )
            RoundIdea.objects.create(round=voting_round, idea=idea, position=position)
            present.add(idea.pk)
            position += 1
        for entry in voting_round.entries.select_related("idea"):
            if entry.idea.status == IdeaStatus.PUBLISHED:
                change_status(entry.idea, IdeaStatus.VOTING, user=user)
                outcome.changed.append(entry.idea)
    return outcome


def release(ideas: Iterable[Idea], voting_round: VotingRound, *, user) -> Outcome:
    """Ideas taken out of `voting_round` (or not selected from it) go back to PUBLISHED when they are VOTING
    (or SELECTED, for a selection undone) and in no other round that is still open."""
    outcome = Outcome()
    with transaction.atomic():
        for idea in ideas:
            if idea.status in (IdeaStatus.VOTING, IdeaStatus.SELECTED) and not has_other_open_round(idea, voting_round):
                change_status(idea, IdeaStatus.PUBLISHED, user=user)
                outcome.changed.append(idea)
            else:
                outcome.skipped.append(idea)
    return outcome


def select(voting_round: VotingRound, selected_ids: Iterable[int], *, user, note: str | None = None) -> Outcome:
    """After the round closes: the chosen ideas become SELECTED for its co-development day (and marked so in the
    round); its other ideas go back to PUBLISHED unless another open round holds them."""
    if voting_round.state() != RoundState.CLOSED:
        raise ValidationError(_("Choose the ideas for the co-development day once the vote has closed."), code="open")
    selected_ids = {int(pk) for pk in selected_ids}
    outcome = Outcome()
    with transaction.atomic():
        entries = list(voting_round.entries.select_for_update().select_related("idea"))
        if not selected_ids <= {entry.idea_id for entry in entries}:
            raise ValidationError(_("One of the chosen ideas is not in this vote."), code="not_in_round")
        for entry in entries:
            chosen = entry.idea_id in selected_ids
            if entry.selected != chosen:
                entry.selected = chosen
                entry.save(update_fields=["selected"])
            idea = entry.idea
            if chosen and idea.status not in (IdeaStatus.SELECTED, *BEYOND_SELECTION, IdeaStatus.MERGED):
                change_status(idea, IdeaStatus.SELECTED, user=user, note=note)
                outcome.changed.append(idea)
            elif not chosen:
                outcome.changed.extend(release([idea], voting_round, user=user).changed)
    return outcome
