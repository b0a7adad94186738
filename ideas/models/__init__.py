from .ideas import PUBLIC_STATUSES, STATUS_ACTION, Idea, IdeaQuerySet, IdeaStatus, IdeaTheme, TaggedIdea, TimelineEntry
from .pages import IdeaIndexPage
from .voting import (
    REFUSALS,
    Ballot,
    BallotRefused,
    Channel,
    ResultRow,
    Results,
    RoundIdea,
    RoundState,
    Vote,
    VotingCode,
    VotingRound,
)

__all__ = [
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
