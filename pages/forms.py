"""Forms that read what visitors send: the site search and the filters of the partner directory.

Filter forms never fail: a value they cannot use is left out and explained in `notices`, and the rest
still applies, so a shared or mistyped address never ends in an error page. Pages take only what the
form cleaned.
"""

import re
import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .search_text import search_words, without_control_characters

MAX_FILTER_VALUES = 20
# Characters that change how text shows without showing themselves: C0/C1 controls except tab and line
# breaks, the bidirectional embeddings, overrides and isolates (which can make text read backwards), and the
# zero-width space and word joiner (which make two names that look alike differ). The zero-width joiner and
# non-joiner stay allowed: emoji sequences and Persian or Kurdish writing need them.
HIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")


class PlainTextField(forms.CharField):
    """Text a visitor writes for others to read (an idea, a name): line breaks are kept, and text with hidden
    control or direction characters is refused with a message, since it could show differently from what
    moderators read. Stored as written and escaped wherever it shows."""

    default_error_messages = {
        "hidden": _(
            "The text contains hidden control or text-direction characters (often copied from another "
            "program). Please type the text again or remove them."
        ),
    }

    def to_python(self, value):
        value = super().to_python(value)
        return value.replace("\r\n", "\n").replace("\r", "\n") if value else value

    def validate(self, value):
        super().validate(value)
        if value and HIDDEN_CHARACTERS.search(value):
            raise ValidationError(self.error_messages["hidden"], code="hidden")


class TrapFieldForm(forms.Form):
    """A form with a trap for robots: a text field hidden from people and assistive technology
    (`components/trap_field.html`), named `trap` (a name form-filling robots like to fill). A sending with the
    field filled is `caught`: the view stores nothing, and answers as if all went well where it can."""

    trap = "website"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[self.trap] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            max_length=200,
            widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
        )

    @property
    def trap_field(self):
        return self[self.trap]

    @property
    def caught(self) -> bool:
        """True when the trap field was filled: a robot, not a person."""
        return bool(self.is_bound and (self.data.get(self.trap) or "").strip())


class SubmissionKeyForm(forms.Form):
    """A form whose every sending carries a hidden key (`next_submission_key`), kept while the visitor corrects
    the form and new for a new form, so that a form sent twice stores one thing. `clean()` puts the key into
    `cleaned_data["submission_key"]` as a UUID, or adds a form error when it is missing or malformed."""

    submission_key = forms.CharField(required=False, widget=forms.HiddenInput)

    @property
    def next_submission_key(self) -> str:
        given = self.data.get("submission_key", "") if self.is_bound else ""
        try:
            return str(uuid.UUID(given))
        except (ValueError, TypeError, AttributeError):
            return str(uuid.uuid4())

    def clean(self):
        cleaned = super().clean()
        try:
            cleaned["submission_key"] = uuid.UUID(self.data.get("submission_key", ""))
        except (ValueError, TypeError, AttributeError):
            self.add_error(
                None,
                ValidationError(
                    _("The form was not complete. Please check the details and send it again."), code="no_key"
                ),
            )
        return cleaned


class SearchTextField(forms.CharField):
    """Text typed into the search box, without control characters wherever it shows: in the box, the
    title and the search (Django would refuse a NUL character instead)."""

    def to_python(self, value):
        return super().to_python(without_control_characters(value) if isinstance(value, str) else value)

    def bound_data(self, data, initial):
        return without_control_characters(data) if isinstance(data, str) else data


class SearchForm(forms.Form):
    """The site search; cleans `q` to text with at least one word (letters or digits) to look for."""

    q = SearchTextField(
        label=_("Search the site"),
        max_length=200,
        strip=True,
        widget=forms.SearchInput,
        error_messages={
            "required": _("Write a word to search for."),
            "max_length": _("Use at most %(limit_value)d characters (you wrote %(show_value)d)."),
        },
    )

    def clean_q(self):
        text = self.cleaned_data["q"]
        if not search_words(text):
            raise ValidationError(self.fields["q"].error_messages["required"], code="no_words")
        return text


class FilterForm(forms.Form):
    """Always bound and never invalid: a field that does not validate cleans to its empty value and
    its error becomes one of the `notices`. Read `values`, not `cleaned_data`."""

    def __init__(self, data=None, **kwargs):
        super().__init__(data if data is not None else {}, **kwargs)
        self._notices: list[str] = []

    def full_clean(self):
        self._notices = []
        super().full_clean()
        for name, errors in self.errors.items():
            self._notices.extend(errors)
            self.cleaned_data[name] = self.fields[name].to_python(None)

    @property
    def values(self) -> dict:
        self.errors  # noqa: B018 - cleans the form once
        return self.cleaned_data

    @property
    def notices(self) -> list[str]:
        self.errors  # noqa: B018 - cleans the form once
        return self._notices

    def add_notice(self, message: str) -> None:
        self._notices.append(message)


class AnyValuesField(forms.MultipleChoiceField):
    """Passes unknown values on to the form, which leaves them out with a notice instead of failing."""

    def validate(self, value):
        pass


class IconCheckboxSelectMultiple(forms.CheckboxSelectMultiple):
    """Checkboxes whose labels show an icon: `icons` maps a value to a symbol of static/icons/icons.svg."""

    def __init__(self, *args, icons=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.icons = icons or {}

    def create_option(self, name, value, *args, **kwargs):
        option = super().create_option(name, value, *args, **kwargs)
        option["icon"] = self.icons.get(value, "")
        return option


class PartnerFilterForm(FilterForm):
    """The partners page filter: a plain GET form, so a filtered list has a shareable address.

    Cleans to `tuki`, the chosen support types (objects, once each), and `q`, a word to look for.
    """

    tuki = AnyValuesField(label=_("Kind of support"), required=False, widget=IconCheckboxSelectMultiple)
    q = forms.CharField(
        label=_("Name or word"),
        required=False,
        max_length=100,
        strip=True,
        error_messages={
            "max_length": _("The search word is too long (at most %(limit_value)d characters), so it was left out."),
        },
    )

    def __init__(self, data=None, *, support_types=(), **kwargs):
        self.support_types = {support.slug: support for support in support_types}
        super().__init__(data, **kwargs)
        self.fields["tuki"].choices = [(slug, support.name) for slug, support in self.support_types.items()]
        self.fields["tuki"].widget.icons = {slug: support.icon for slug, support in self.support_types.items()}

    def clean_tuki(self):
        given = self.cleaned_data["tuki"][:MAX_FILTER_VALUES]
        if any(slug and slug not in self.support_types for slug in given):
            self.add_notice(_("Some of the chosen kinds of support do not exist; they were left out of the filter."))
        return [self.support_types[slug] for slug in dict.fromkeys(given) if slug in self.support_types]


class SituationForm(FilterForm):
    """The help page's choice of an everyday situation; cleans `tilanne` to the situation or None."""

    tilanne = forms.ChoiceField(
        required=False,
        error_messages={"invalid_choice": _("We could not find that situation. Please choose one from the list.")},
    )

    def __init__(self, data=None, *, situations=(), **kwargs):
        self.situations = {situation["slug"]: situation for situation in situations}
        super().__init__(data, **kwargs)
        self.fields["tilanne"].choices = [("", "")] + [(slug, item["label"]) for slug, item in self.situations.items()]

    def clean_tilanne(self):
        return self.situations.get(self.cleaned_data["tilanne"])
