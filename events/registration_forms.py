"""The sign-up form: who comes, how to reach them, and what would help them take part.

Works without JavaScript: children are a fixed set of rows (an age and, when the event offers childcare,
a "needs childcare" box), filled as far as needed. Cleaned data maps onto `Registration.objects.sign_up()`.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pages import phone
from pages.forms import PlainTextField, SubmissionKeyForm, TrapFieldForm

from .languages import language_name

CHILD_ROWS = 6
MAX_CHILD_AGE = 17
MAX_ADULTS = 20
TEXT_LIMIT_MESSAGE = _("Use at most %(limit_value)d characters (you wrote %(show_value)d).")


def age_label(age: int) -> str:
    if age == 0:
        return str(_("under 1 year"))
    return ngettext("%(age)d year", "%(age)d years", age) % {"age": age}


def age_choices() -> list[tuple[str, str]]:
    return [("", _("No child"))] + [(str(age), age_label(age)) for age in range(MAX_CHILD_AGE + 1)]


def interpreter_choices() -> list[tuple[str, str]]:
    return [("", _("No interpreter needed"))] + [
        (code, language_name(code)) for code in settings.KOHTAAMO_SPOKEN_LANGUAGES
    ]


class RegistrationForm(SubmissionKeyForm, TrapFieldForm):
    """Sign-up for `event`: asks about childcare and interpreting only when the event offers them."""

    name = PlainTextField(
        label=_("Name or nickname"),
        max_length=100,
        help_text=_("So that the organisers know who is coming."),
        error_messages={"required": _("Write your name or a nickname."), "max_length": TEXT_LIMIT_MESSAGE},
    )
    email = forms.EmailField(
        label=_("E-mail"),
        required=False,
        max_length=254,
        help_text=_("We send the confirmation and the link for cancelling here."),
        error_messages={
            "invalid": _("Write the e-mail address in the form name@example.fi."),
            "max_length": TEXT_LIMIT_MESSAGE,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    phone = forms.CharField(
        label=_("Phone"),
        required=False,
        max_length=40,
        help_text=_("Give an e-mail address, a phone number or both. For example 040 123 4567."),
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel"}),
    )
    adults = forms.IntegerField(
        label=_("Adults coming"),
        min_value=0,
        max_value=MAX_ADULTS,
        initial=1,
        error_messages={
            "required": _("Write how many adults are coming (0 when only children come)."),
            "invalid": _("Write the number of adults as a whole number, for example 2."),
            "min_value": _("The number of adults cannot be less than %(limit_value)s."),
            "max_value": _("At most %(limit_value)s adults can sign up on one form."),
        },
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    interpreter_language = forms.ChoiceField(
        label=_("Interpreter"),
        required=False,
        help_text=_("We book an interpreter for the language you choose."),
        error_messages={"invalid_choice": _("Choose a language from the list.")},
    )
    accessibility_needs = PlainTextField(
        label=_("Accessibility needs"),
        required=False,
        max_length=500,
        help_text=_("For example a wheelchair, a hearing loop or a quiet space."),
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    other_needs = PlainTextField(
        label=_("Anything else we should know"),
        required=False,
        max_length=1000,
        help_text=_("Please do not write about health or illnesses here. The staff will ask if they need to know."),
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 4}),
    )
    consent = forms.BooleanField(
        label=_("I have read the privacy notice and agree that my details are stored for this event."),
        error_messages={"required": _("To sign up, agree to the privacy notice.")},
    )

    def __init__(self, *args, event, **kwargs):
        super().__init__(*args, **kwargs)
        self.event = event
        self.childcare = event.childcare_offered
        days = settings.KOHTAAMO_REGISTRATION_RETENTION_DAYS
        self.fields["consent"].help_text = ngettext(
            "We use your details only to organise this event, and erase them %(days)d day after it.",
            "We use your details only to organise this event, and erase them %(days)d days after it.",
            days,
        ) % {"days": days}
        if event.interpreting_offered:
            self.fields["interpreter_language"].choices = interpreter_choices()
        else:
            del self.fields["interpreter_language"]
        child_fields = {}
        for number in self.child_numbers:
            child_fields[f"child_{number}_age"] = forms.TypedChoiceField(
                label=_("Child %(number)d: age") % {"number": number},
                required=False,
                choices=age_choices,
                coerce=int,
                empty_value=None,
                error_messages={
                    "invalid_choice": _("Choose the age of child %(number)d from the list.") % {"number": number}
                },
            )
            if self.childcare:
                child_fields[f"child_{number}_childcare"] = forms.BooleanField(
                    label=_("Child %(number)d needs childcare") % {"number": number}, required=False
                )
        fields = dict(self.fields)
        self.fields = {}
        for name, field in fields.items():
            self.fields[name] = field
            if name == "adults":
                self.fields.update(child_fields)

    child_numbers = range(1, CHILD_ROWS + 1)

    @property
    def child_rows(self) -> list[dict]:
        """The child fields row by row, for the template: `age` and `childcare` (None without childcare)."""
        return [
            {
                "age": self[f"child_{number}_age"],
                "childcare": self[f"child_{number}_childcare"] if self.childcare else None,
            }
            for number in self.child_numbers
        ]

    def clean_phone(self):
        value = self.cleaned_data["phone"].strip()
        if not value:
            return ""
        try:
            return phone.normalize(value)
        except ValidationError:
            raise ValidationError(
                _("Write one phone number, for example 040 123 4567 or +358 40 123 4567."), code="invalid_phone"
            ) from None

    def clean(self):
        cleaned = super().clean()
        if (
            not cleaned.get("email")
            and not cleaned.get("phone")
            and not self.has_error("email")
            and not self.has_error("phone")
        ):
            self.add_error(
                "email",
                ValidationError(
                    _("Give an e-mail address or a phone number, so that we can reach you."), code="no_contact"
                ),
            )
        children = []
        for number in self.child_numbers:
            age = cleaned.get(f"child_{number}_age")
            care = bool(cleaned.get(f"child_{number}_childcare"))
            if age is None:
                if care and not self.has_error(f"child_{number}_age"):
                    self.add_error(
                        f"child_{number}_age",
                        ValidationError(
                            _("Choose the age of child %(number)d, who needs childcare.") % {"number": number},
                            code="no_age",
                        ),
                    )
                continue
            children.append((age, care))
        cleaned["children"] = children
        if cleaned.get("adults") == 0 and not children and not self.has_error("adults"):
            self.add_error(
                "adults", ValidationError(_("Tell us who is coming: at least one adult or child."), code="nobody")
            )
        return cleaned

    def sign_up_details(self) -> dict:
        """The cleaned answers as keyword arguments of `Registration.objects.sign_up()`."""
        data = self.cleaned_data
        return {
            "submission_key": data["submission_key"],
            "children": data["children"],
            "name": data["name"],
            "email": data["email"],
            "phone": data["phone"],
            "adults": data["adults"],
            "interpreter_language": data.get("interpreter_language", ""),
            "accessibility_needs": data["accessibility_needs"],
            "other_needs": data["other_needs"],
        }
