"""The voter's forms: the code from a slip, and a round's ballot.

Both read a code through `Vote.objects.find_code_for` (the page passes it in as `find`: these forms import no
models, since the page's routes use them), so a typed code, a scanned one and the ballot's hidden copy get the
same checks and messages (REFUSALS). The ballot sends the ideas ticked when it was drawn (`shown`), so
`Vote.objects.cast` applies only what the voter changed on it.
"""

from dataclasses import dataclass

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import codes
from .ballots import REFUSALS, BallotRefused, Channel, RoundState, refuse

# Room for the spaces and dashes people type between the characters; anything longer is not a code.
CODE_MAX_LENGTH = 40
# Refusals that tell whether a well-formed code exists: what the guessing throttle counts.
GUESSES = frozenset({"unknown", "revoked", "other_round"})


def refusal_reason(refusal: BallotRefused, text: str) -> str:
    """The refusal's reason for the log and the throttle: "malformed" for text that cannot be any code."""
    if refusal.code == "unknown" and not codes.normalize(text):
        return "malformed"
    return refusal.code


class CodeInput(forms.TextInput):
    def __init__(self):
        super().__init__(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false", "class": "code-input"}
        )


class CodeForm(forms.Form):
    """The code from a slip, for the round it belongs to (or `voting_round`); `code` once it is valid.

    Sent by GET, so that the address printed on a slip works typed in too. Any refusal is the field's error;
    `refusal` keeps its reason.
    """

    koodi = forms.CharField(
        label=_("Voting code"),
        help_text=_(
            "It is on your slip, for example K7QM-4XPA. Small or capital letters, spaces and the dash do not matter."
        ),
        error_messages={"required": _("Type the code from your slip.")},
        widget=CodeInput(),
    )

    def __init__(self, data=None, *, find=None):
        """`find(text)` returns the code typed (a VotingCode) or raises BallotRefused."""
        super().__init__(data)
        self.find = find
        self.code = None
        self.found_round = None  # the code's round, also when it is closed or not open yet
        self.refusal = ""

    def clean_koodi(self) -> str:
        text = self.cleaned_data["koodi"]
        try:
            if len(text) > CODE_MAX_LENGTH:
                raise refuse("unknown")
            code = self.find(text)
            self.found_round = code.round
            state = code.round.state()
            if state != RoundState.OPEN:
                raise refuse(state)
            if code.channel and code.channel != Channel.ONLINE:
                raise refuse("other_channel")
        except BallotRefused as refusal:
            self.refusal = refusal_reason(refusal, text)
            raise
        self.code = code
        return text


class IdeaCheckboxes(forms.CheckboxSelectMultiple):
    """The error summary links to the group itself (`id_ideat`), not to its first box."""

    def id_for_label(self, id_, index=None):
        return id_ if index is None else super().id_for_label(id_, index)


class IdeaIdsField(forms.TypedMultipleChoiceField):
    """Ids of ideas: whole numbers, which `Vote.objects.cast` checks against the round's ideas when it stores
    them (the form does not know the round's ideas before the ballot is cast, and needs not)."""

    def __init__(self, **kwargs):
        not_in_round = REFUSALS["not_in_round"]
        super().__init__(
            coerce=int,
            required=False,
            error_messages={"invalid_choice": not_in_round, "invalid_list": not_in_round},
            **kwargs,
        )

    def valid_value(self, value) -> bool:
        return isinstance(value, str) and value.isascii() and value.isdigit() and len(value) <= 18


@dataclass(frozen=True)
class BallotChoice:
    """A box on the ballot: the idea, whether it is ticked, and the box's id."""

    idea: "Idea"  # noqa: F821 - an ideas.models.Idea, not imported here
    checked: bool
    id: str


class BallotForm(forms.Form):
    """The ideas of a round to tick, the code as a hidden field, and the ideas ticked when it was drawn."""

    koodi = forms.CharField(widget=forms.HiddenInput)
    ideat = IdeaIdsField(label=_("Ideas"), widget=IdeaCheckboxes)
    shown = IdeaIdsField(widget=forms.MultipleHiddenInput)

    def __init__(self, data=None, *, entries: list = (), code_text: str = "", stored=frozenset()):
        """`entries`: the round's ideas in order, to show (a ballot sent needs none: it is checked when cast);
        `stored`: the ids the code has voted for (ticked at first)."""
        ticked = sorted(stored)
        super().__init__(data, initial={"koodi": code_text, "ideat": ticked, "shown": ticked})
        self.entries = entries

    def clean(self):
        cleaned = super().clean()
        if not self.errors and not cleaned.get("ideat") and not cleaned.get("shown"):
            raise ValidationError(_("Tick at least one idea to vote for it."), code="empty")
        return cleaned

    def choices(self) -> list[BallotChoice]:
        """Every idea of the round, ticked as the code's votes stand or, after an error, as sent."""
        ticked = {str(value) for value in self["ideat"].value() or []}
        return [
            BallotChoice(entry.idea, str(entry.idea_id) in ticked, f"{self['ideat'].auto_id}_{index}")
            for index, entry in enumerate(self.entries)
        ]

    def shown_values(self) -> list[str]:
        """The hidden `shown` values to send again: as drawn, or as sent after an error."""
        return [str(value) for value in self["shown"].value() or []]
