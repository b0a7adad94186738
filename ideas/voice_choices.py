"""The vocabulary of the families' voice that models, forms and templates share: the five faces, children's
age groups and picture choices, and the limits of what is written. It imports no models."""

from django.db import models
from django.utils.translation import gettext_lazy as _

FEEDBACK_TEXT_MAX = 1000
CHILD_TEXT_MAX = 1000
SMALLEST_GROUP = 5
"""A report or summary shows no breakdown of fewer answers than this: a few answers could tell who gave them."""


class Face(models.IntegerChoices):
    VERY_BAD = 1, _("Very bad")
    BAD = 2, _("Bad")
    OKAY = 3, _("Okay")
    GOOD = 4, _("Good")
    VERY_GOOD = 5, _("Very good")


class AgeGroup(models.TextChoices):
    UNDER_3 = "0-2", _("Under 3 years")
    SMALL = "3-5", _("3–5 years")
    SCHOOL_START = "6-8", _("6–8 years")
    OLDER = "9-12", _("9–12 years")


class ChildChoice(models.TextChoices):
    """The pictures a child points at: what they like here, what they would like to do."""

    PLAY = "play", _("Playing")
    CRAFTS = "crafts", _("Drawing and crafts")
    STORIES = "stories", _("Stories and books")
    MUSIC = "music", _("Singing and music")
    FOOD = "food", _("Eating together")
    OUTDOORS = "outdoors", _("Being outdoors")
    FRIENDS = "friends", _("Friends")
    QUIET = "quiet", _("A quiet corner")
