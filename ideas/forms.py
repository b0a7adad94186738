"""The forms of the public ideas pages: proposing an idea, and the list's filter.

The proposal needs no account. Its spam defences are a honeypot field (hidden from people and assistive
technology; a filled one is answered as if the idea was stored, and nothing is), the rate limits of the view,
and moderation: a proposal is AWAITING until staff read it. A submission key makes a double submit store
one idea (`Idea.objects.propose`). The forms import no models: the page's routes, which the models import,
use them.
"""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from events.languages import language_name
from pages.forms import (
    MAX_FILTER_VALUES,
    AnyValuesField,
    FilterForm,
    PlainTextField,
    SearchTextField,
    SubmissionKeyForm,
    TrapFieldForm,
)

from . import photos
from .statuses import DESCRIPTION_MAX, NAME_MAX, PUBLIC_STATUSES, TITLE_MAX

TEXT_LIMIT_MESSAGE = _("Use at most %(limit_value)d characters (you wrote %(show_value)d).")
HONEYPOT = "homepage"
"""The trap field's name: one that form-filling robots like to fill."""
PHOTO_ALT_MAX = 250


def spoken_language_choices() -> list[tuple[str, str]]:
    """The languages an idea may be written in, each named in the reader's language."""
    return [(code, language_name(code)) for code in settings.KOHTAAMO_SPOKEN_LANGUAGES]


def reader_language() -> str:
    language = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return language if language in settings.KOHTAAMO_SPOKEN_LANGUAGES else ""


class ProposalForm(SubmissionKeyForm, TrapFieldForm):
    """A family's idea. `themes` are the IdeaTheme rows to choose from; `save()` stores it AWAITING."""

    trap = HONEYPOT

    title = PlainTextField(
        label=_("Your idea in a few words"),
        max_length=TITLE_MAX,
        help_text=_("For example: A music morning for babies on Fridays."),
        error_messages={"required": _("Write your idea in a few words."), "max_length": TEXT_LIMIT_MESSAGE},
    )
    description = PlainTextField(
        label=_("Tell us more"),
        max_length=DESCRIPTION_MAX,
        help_text=_("What would you like, and why? Whom would it help? Write in your own words."),
        error_messages={"required": _("Tell us a little more about your idea."), "max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    themes = forms.MultipleChoiceField(
        label=_("Themes"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Choose any that fit, or none."),
        error_messages={"invalid_choice": _("Choose the themes from the list.")},
    )
    language = forms.ChoiceField(
        label=_("Language the idea is written in"),
        help_text=_("Write in the language that is easiest for you; staff will have it translated if needed."),
        error_messages={
            "required": _("Choose the language you wrote in."),
            "invalid_choice": _("Choose the language from the list."),
        },
    )
    by_child = forms.BooleanField(
        label=_("This is a child's idea"),
        required=False,
        help_text=_("Tick this if a child thought of the idea, even if an adult wrote it down."),
    )
    author_name = PlainTextField(
        label=_("Name shown with the idea"),
        required=False,
        max_length=NAME_MAX,
        help_text=_("A first name or a nickname. Leave empty and the idea is shown as from “a family”."),
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
        widget=forms.TextInput(attrs={"autocomplete": "nickname"}),
    )
    email = forms.EmailField(
        label=_("E-mail for updates"),
        required=False,
        max_length=254,
        help_text=_(
            "We write to you when something happens to your idea. The address is never shown to anyone, and "
            "each message has a link that stops the updates and erases the address."
        ),
        error_messages={
            "invalid": _("Write the e-mail address in the form name@example.fi, or leave it empty."),
            "max_length": TEXT_LIMIT_MESSAGE,
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    photo = forms.FileField(
        label=_("A photo or drawing"),
        required=False,
        help_text=_("JPEG, PNG or WebP, at most %(limit)d MB. It is shown only after staff have read the idea."),
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        error_messages={"empty": photos.MESSAGES["not_image"]},
    )
    photo_alt = PlainTextField(
        label=_("What the picture shows"),
        required=False,
        max_length=PHOTO_ALT_MAX,
        help_text=_("A sentence for people who cannot see the picture, e.g. “A drawing of a slide in the yard”."),
        error_messages={"max_length": TEXT_LIMIT_MESSAGE},
    )

    def __init__(self, *args, themes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_rows = {theme.slug: theme for theme in themes}
        self.fields["themes"].choices = sorted(
            ((theme.slug, theme.label) for theme in themes), key=lambda choice: choice[1].casefold()
        )
        if not self.theme_rows:
            del self.fields["themes"]
        self.fields["language"].choices = [("", _("Choose a language"))] + spoken_language_choices()
        self.fields["language"].initial = reader_language()
        self.fields["photo"].help_text = self.fields["photo"].help_text % {"limit": settings.KOHTAAMO_IDEA_PHOTO_MAX_MB}

    def refuse_photo(self) -> None:
        """Marks the picture too big (the view saw it from the request's size and never read it)."""
        self.add_error("photo", photos.refusal("too_big"))

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        if not upload:
            return None
        return photos.clean_photo(upload)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("photo_alt") and not cleaned.get("photo") and not self.has_error("photo"):
            self.add_error(
                "photo_alt", ValidationError(_("Add the picture too, or leave this empty."), code="alt_without_photo")
            )
        return cleaned

    def idea_fields(self) -> dict:
        """What `Idea.objects.propose` stores, from the cleaned form (the picture is stored apart)."""
        data = self.cleaned_data
        return {
            "submission_key": data["submission_key"],
            "title": data["title"],
            "description": data["description"],
            "language": data["language"],
            "by_child": data["by_child"],
            "author_name": data["author_name"],
            "email": data["email"],
            "photo_alt": data["photo_alt"] if data.get("photo") else "",
            "themes": [self.theme_rows[slug] for slug in data.get("themes", [])],
        }


class IdeaFilterForm(FilterForm):
    """`/ideat/?tila=voting&teema=ulkoilu&lapset=1&q=leikki&jarjestys=votes`: never fails (see FilterForm)."""

    NEWEST = "newest"
    VOTES = "votes"

    tila = AnyValuesField(label=_("Status"), required=False, widget=forms.CheckboxSelectMultiple)
    teema = AnyValuesField(label=_("Theme"), required=False, widget=forms.CheckboxSelectMultiple)
    lapset = forms.BooleanField(label=_("Only children's ideas"), required=False)
    q = SearchTextField(
        label=_("Word in the idea"),
        required=False,
        max_length=100,
        strip=True,
        error_messages={
            "max_length": _("The search word is too long (at most %(limit_value)d characters), so it was left out."),
        },
    )
    jarjestys = forms.ChoiceField(label=_("Order"), required=False, widget=forms.RadioSelect)

    def __init__(self, data=None, *, themes=(), **kwargs):
        # An unknown order reads as the default one, which the form then shows chosen, with a notice.
        data = data.copy() if data is not None else {}
        given = data.get("jarjestys", "")
        self.unknown_sort = bool(given) and given not in (self.NEWEST, self.VOTES)
        if given not in (self.NEWEST, self.VOTES):
            data["jarjestys"] = self.NEWEST
        super().__init__(data, **kwargs)
        self.theme_rows = {theme.slug: theme for theme in themes}
        self.fields["tila"].choices = [(status.value, status.label) for status in PUBLIC_STATUSES]
        self.fields["teema"].choices = sorted(
            ((theme.slug, theme.label) for theme in themes), key=lambda choice: choice[1].casefold()
        )
        self.fields["jarjestys"].choices = [(self.NEWEST, _("Newest first")), (self.VOTES, _("Most votes first"))]
        self.fields["jarjestys"].help_text = _("Votes are those of the latest vote whose results are out.")

    def _known(self, name: str, message) -> list[str]:
        given = self.cleaned_data[name][:MAX_FILTER_VALUES]
        known = {value for value, _label in self.fields[name].choices}
        if any(value and value not in known for value in given):
            self.add_notice(message)
        return [value for value in dict.fromkeys(given) if value in known]

    def clean_tila(self):
        return self._known("tila", _("Some of the chosen statuses do not exist; they were left out of the filter."))

    def clean_teema(self):
        return self._known("teema", _("Some of the chosen themes do not exist; they were left out of the filter."))

    def clean_jarjestys(self):
        if self.unknown_sort:
            self.add_notice(_("The list cannot be ordered that way, so the newest ideas come first."))
        return self.cleaned_data["jarjestys"] or self.NEWEST

    @property
    def sort(self) -> str:
        return self.values["jarjestys"] or self.NEWEST

    @property
    def is_filtered(self) -> bool:
        values = self.values
        return bool(values["tila"] or values["teema"] or values["lapset"] or values["q"])
