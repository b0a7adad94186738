"""The immediate-feedback form: five faces and two optional texts, nothing that says who answered.

A face is one of `Face` (1 very bad … 5 very good); anything else is refused with a message, as is a text over
FEEDBACK_TEXT_MAX characters. The form imports no models: the page's routes, which the models import, use it.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from pages.forms import PlainTextField, SubmissionKeyForm

from .voice_choices import FEEDBACK_TEXT_MAX, Face

NO_NAMES = _("Please write no names or other personal details.")
TEXT_LIMIT_MESSAGE = _("Use at most %(limit_value)d characters (you wrote %(show_value)d).")
# Each face's mouth (an SVG path on a 48 × 48 face): from a deep frown to a wide smile.
MOUTHS = {
    Face.VERY_BAD: "M14 35q10-10 20 0",
    Face.BAD: "M15 34q9-5 18 0",
    Face.OKAY: "M15 32h18",
    Face.GOOD: "M15 30q9 6 18 0",
    Face.VERY_GOOD: "M13 28q11 12 22 0z",
}


class FaceRadioSelect(forms.RadioSelect):
    """Radio buttons whose options know their face's mouth, for the face drawn beside each label. The field's
    own id is the first face's, so that the error summary's link moves the focus to the faces."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["mouth"] = MOUTHS.get(value, "")
        return option


class FeedbackForm(SubmissionKeyForm):
    """One answer: `face` cleans to an int of `Face`, `good` and `better` to text ("" when left empty)."""

    face = forms.TypedChoiceField(
        label=_("How was it?"),
        choices=Face.choices,
        coerce=int,
        widget=FaceRadioSelect,
        error_messages={
            "required": _("Choose a face: how was it?"),
            "invalid_choice": _("Choose one of the five faces."),
        },
    )
    good = PlainTextField(
        label=_("What was good?"),
        required=False,
        max_length=FEEDBACK_TEXT_MAX,
        help_text=NO_NAMES,
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )
    better = PlainTextField(
        label=_("What could be better?"),
        required=False,
        max_length=FEEDBACK_TEXT_MAX,
        help_text=NO_NAMES,
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 3, "autocomplete": "off"}),
    )

    def answer_fields(self) -> dict:
        """What a valid form stores, besides the activity, language and place."""
        return {name: self.cleaned_data[name] for name in ("face", "good", "better")}
