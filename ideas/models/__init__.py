from ..ballots import REFUSALS, BallotRefused, Channel, RoundState
from ..statuses import PUBLIC_STATUSES, DecisionStatus, IdeaStatus
from .children_page import ChildrenVoicePage
from .decisions import AgendaItem, Decision, DecisionIdea
from .feedback_page import FeedbackPage
from .form_pages import SurveyField, SurveyPage, TakePartField, TakePartPage
from .ideas import STATUS_ACTION, Idea, IdeaQuerySet, IdeaTheme, TaggedIdea, TimelineEntry
from .pages import IdeaIndexPage
from .voice import ChildVoice, ChildVoiceKind, Feedback
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
    "ChildVoice",
    "ChildVoiceKind",
    "ChildrenVoicePage",
    "Feedback",
    "FeedbackPage",
    "SurveyField",
    "SurveyPage",
    "TakePartField",
    "TakePartPage",
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
