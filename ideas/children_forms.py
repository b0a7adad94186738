"""The children's picture form (`/lasten-aani/`): an adult fills it in with a small child, who points at big
pictures. It asks no names. It imports no models: the page's routes, which the models import, use it, and
give it the activities to choose from.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from pages.forms import PlainTextField, SubmissionKeyForm

from .voice_choices import CHILD_TEXT_MAX, AgeGroup, ChildChoice

PICTURES = "ideas/children/{value}.svg"
"""The illustration of each picture choice, a static file named by the choice's value."""
TEXT_LIMIT_MESSAGE = _("Use at most %(limit_value)d characters (you wrote %(show_value)d).")


class FirstOptionLabelled:
    """A group of radios or checkboxes whose field points at its first option, so that the error summary's
    link lands on the group (Django leaves it empty: the group has a legend, not a label)."""

    def id_for_label(self, id_, index=None):
        return super().id_for_label(id_, "0" if index is None else index)


class AgeGroupRadios(FirstOptionLabelled, forms.RadioSelect):
    pass


class PictureCheckboxes(FirstOptionLabelled, forms.CheckboxSelectMultiple):
    """Checkboxes drawn as big cards: each option knows its illustration (`option.picture`)."""

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["picture"] = PICTURES.format(value=value)
        return option


def picture_field(label: str) -> forms.MultipleChoiceField:
    return forms.MultipleChoiceField(
        label=label,
        required=False,
        choices=ChildChoice.choices,
        widget=PictureCheckboxes,
        help_text=_("Tick each picture the child points at."),
        error_messages={"invalid_choice": _("Choose from the pictures only.")},
    )


class ChildrenVoiceForm(SubmissionKeyForm):
    """What one child likes and would like to do. Cleans `activity` to one of the `activities` given (or None),
    and refuses a form with nothing chosen and nothing written."""

    age_group = forms.ChoiceField(
        label=_("How old is the child?"),
        choices=AgeGroup.choices,
        widget=AgeGroupRadios,
        error_messages={
            "required": _("Choose the child's age group."),
            "invalid_choice": _("Choose the age group from the list."),
        },
    )
    likes = picture_field(_("What do you like here?"))
    wishes = picture_field(_("What would you like to do?"))
    wish = PlainTextField(
        label=_("The child's wish in their own words"),
        required=False,
        max_length=CHILD_TEXT_MAX,
        help_text=_(
            "Write down what the child says, as they say it. No names, please: not the child's, nor anyone else's."
        ),
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    activity = forms.ChoiceField(
        label=_("Activity"),
        required=False,
        help_text=_("Where the child is today, if at an activity."),
        error_messages={"invalid_choice": _("Choose the activity from the list.")},
    )

    def __init__(self, *args, activities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.activities = {activity.slug: activity for activity in activities}
        self.fields["activity"].choices = [("", _("No particular activity"))] + [
            (slug, activity.title) for slug, activity in self.activities.items()
        ]
        if not self.activities:
            del self.fields["activity"]

    def clean_activity(self):
        return self.activities.get(self.cleaned_data["activity"])

    def clean(self):
        cleaned = super().clean()
        chosen = cleaned.get("likes") or cleaned.get("wishes") or (cleaned.get("wish") or "").strip()
        picture_errors = self.has_error("likes") or self.has_error("wishes") or self.has_error("wish")
        if not chosen and not picture_errors:
            self.add_error(
                "likes",
                ValidationError(_("Choose at least one picture, or write the child's wish."), code="nothing_chosen"),
            )
        return cleaned
