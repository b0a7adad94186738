"""The ballot's vocabulary: a round's states, the channels a code votes through, and why a ballot is refused.
It imports no models, so the voter's forms (which the ideas page's routes use) can read it."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _


class RoundState(models.TextChoices):
    UPCOMING = "upcoming", _("Not open yet")
    OPEN = "open", _("Open")
    CLOSED = "closed", _("Closed")


class Channel(models.TextChoices):
    ONLINE = "online", _("Online")
    PAPER = "paper", _("Paper slip")


class BallotRefused(ValidationError):
    """Why a ballot was not stored; `code` is one of REFUSALS. Nothing of the ballot is stored."""


REFUSALS = {
    "unknown": _("We could not find this code. Check it and type it again: for example K7QM-4XPA."),
    "revoked": _("This code is no longer valid. Ask the staff at the meeting place for a new one."),
    "other_round": _("This code belongs to another vote."),
    "upcoming": _("This vote has not opened yet."),
    "closed": _("This vote has closed, so votes can no longer be given or changed."),
    "other_channel": _(
        "This code has already been used on a paper ballot, so it cannot vote online. Each code is one ballot."
    ),
    "other_channel_online": _(
        "This code has already voted online, so it cannot be used on paper. Each code is one ballot."
    ),
    "not_in_round": _("One of the chosen ideas is not in this vote. Choose from the list."),
    "too_many": _("You can vote for at most %(limit)d ideas. Remove a vote to choose another."),
}


def refuse(reason: str, **params) -> BallotRefused:
    message = REFUSALS[reason]
    return BallotRefused(message % params if params else message, code=reason, params=params or None)
