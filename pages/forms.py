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
