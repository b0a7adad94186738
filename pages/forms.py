from django import forms
from django.utils.translation import gettext_lazy as _


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Search the site"),
        max_length=200,
        strip=True,
        error_messages={
            "required": _("Write a word to search for."),
            "max_length": _("Use at most %(limit_value)d characters (you wrote %(show_value)d)."),
        },
    )


class PartnerFilterForm(forms.Form):
    """The partners page filter: a plain GET form, so a filtered list has a shareable address."""

    tuki = forms.MultipleChoiceField(label=_("Kind of support"), required=False, widget=forms.CheckboxSelectMultiple)
    q = forms.CharField(
        label=_("Name or word"),
        required=False,
        max_length=100,
        strip=True,
        error_messages={
            "max_length": _("The search word is too long (at most %(limit_value)d characters), so it was left out."),
        },
    )

    def __init__(self, *args, support_types=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["tuki"].choices = [(support.slug, support.name) for support in support_types]
