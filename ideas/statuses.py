"""An idea's statuses and the limits of what a family writes: the vocabulary the models, the forms and the
admin share. It imports no models, so the forms that the ideas page's routes use can read it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

TITLE_MAX = 120
DESCRIPTION_MAX = 4000
NAME_MAX = 60


class IdeaStatus(models.TextChoices):
    AWAITING = "awaiting", _("Awaiting moderation")
    PUBLISHED = "published", _("Published")
    VOTING = "voting", _("In a voting round")
    SELECTED = "selected", _("Selected for a co-development day")
    DECIDED = "decided", _("Decided")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")
    MERGED = "merged", _("Merged into another idea")
    REJECTED = "rejected", _("Rejected at moderation")


PUBLIC_STATUSES = (
    IdeaStatus.PUBLISHED,
    IdeaStatus.VOTING,
    IdeaStatus.SELECTED,
    IdeaStatus.DECIDED,
    IdeaStatus.IN_PROGRESS,
    IdeaStatus.DONE,
    IdeaStatus.NOT_TAKEN_FORWARD,
    IdeaStatus.MERGED,
)
# Ideas that can still be put to a vote.
VOTABLE_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.VOTING)


class DecisionStatus(models.TextChoices):
    DECIDED = "decided", _("Decided")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


# Recording a decision gives its ideas the status that goes with the decision's.
IDEA_STATUS_FOR_DECISION = {
    DecisionStatus.DECIDED: IdeaStatus.DECIDED,
    DecisionStatus.IN_PROGRESS: IdeaStatus.IN_PROGRESS,
    DecisionStatus.DONE: IdeaStatus.DONE,
    DecisionStatus.DROPPED: IdeaStatus.NOT_TAKEN_FORWARD,
}
DECISION_TEXT_MAX = 1000
