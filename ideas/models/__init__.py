from ..ballots import REFUSALS, BallotRefused, Channel, RoundState
from ..statuses import PUBLIC_STATUSES, DecisionStatus, IdeaStatus
from .decisions import AgendaItem, Decision, DecisionIdea
from .ideas import STATUS_ACTION, Idea, IdeaQuerySet, IdeaTheme, TaggedIdea, TimelineEntry
from .pages import IdeaIndexPage
from .voting import (
    Ballot,
    ResultRow,
    Results,
    RoundIdea,
    Vote,
    VotingCode,
    VotingRound,
)

__all__ = [
    "AgendaItem",
    "Decision",
    "DecisionIdea",
    "DecisionStatus",
    "PUBLIC_STATUSES",
    "REFUSALS",
    "STATUS_ACTION",
    "Ballot",
    "BallotRefused",
    "Channel",
    "Idea",
    "IdeaIndexPage",
    "IdeaQuerySet",
    "IdeaStatus",
    "IdeaTheme",
    "Results",
    "ResultRow",
    "RoundIdea",
    "RoundState",
    "TaggedIdea",
    "TimelineEntry",
    "Vote",
    "VotingCode",
    "VotingRound",
]
