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
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    NOT_TAKEN_FORWARD = "not_taken_forward", _("Not taken forward")
    MERGED = "merged", _("Merged into another idea")
    REJECTED = "rejected", _("Rejected at moderation")


PUBLIC_STATUSES = (
    IdeaStatus.PUBLISHED,
    IdeaStatus.VOTING,
    IdeaStatus.SELECTED,
    IdeaStatus.IN_PROGRESS,
    IdeaStatus.DONE,
    IdeaStatus.NOT_TAKEN_FORWARD,
    IdeaStatus.MERGED,
)
# Ideas that can still be put to a vote.
VOTABLE_STATUSES = (IdeaStatus.PUBLISHED, IdeaStatus.VOTING)
