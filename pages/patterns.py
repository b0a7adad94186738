"""Examples for the pattern page, `/komponentit/`: every shared component in each of its states.

A new page starts from these; the texts are interface strings, so the page reads in fi, sv and en.
"""

import datetime

from django import forms
from django.core.paginator import Paginator
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.images import get_image_model

from .components import Bar, BarChart, Fact, Table, TagItem, contact_facts
from .forms import TrapFieldForm

ICON_NAMES = [
    *("people", "heart", "info", "light", "hands", "basket"),
    *("talk", "food", "child", "advice", "friends", "candle", "home", "money"),
    *("search", "menu", "phone", "mail", "map-pin", "clock", "calendar", "arrow-right", "check", "warning", "globe"),
]


class PatternForm(TrapFieldForm):
    """A sign-up form of the kind the co-development days will use, to show fields in every state."""

    name = forms.CharField(
        label=gettext_lazy("Your name"),
        max_length=100,
        help_text=gettext_lazy("A first name is enough."),
        error_messages={"required": gettext_lazy("Write your name.")},
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail"),
        required=False,
        help_text=gettext_lazy("Only for a reminder. We delete it after the day."),
        error_messages={"invalid": gettext_lazy("Write the e-mail address in the form name@example.fi.")},
    )
    needs = forms.MultipleChoiceField(
        label=gettext_lazy("What do you need to take part?"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[("childcare", gettext_lazy("Childcare")), ("interpreting", gettext_lazy("An interpreter"))],
    )
    language = forms.ChoiceField(
        label=gettext_lazy("Which language do you want to use?"),
        widget=forms.RadioSelect,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        error_messages={"required": gettext_lazy("Choose a language.")},
    )


def pattern_context() -> dict:
    now = timezone.localtime()
    start = (now + datetime.timedelta(days=7 - now.weekday())).replace(hour=9, minute=30, second=0, microsecond=0)
    invalid = PatternForm({"name": "", "email": "not an address", "needs": ["childcare"]}, auto_id="invalid_%s")
    invalid.is_valid()
    return {
        "form": PatternForm(auto_id="empty_%s"),
        "invalid_form": invalid,
        "tags": [
            TagItem(_("Peer support"), "people"),
            TagItem(_("Open activity"), "friends", "warm"),
            TagItem(_("Chosen for voting"), "check", "sun"),
            TagItem(_("City"), "", "quiet"),
        ],
        "facts": [
            Fact(_("Address"), "Kohtaamontie 1, 01360 Vantaa", icon="map-pin"),
            *contact_facts("+35891234567", "kohtaamo@example.fi"),
            Fact(_("Opening hours"), _("Monday to Friday 9.00–15.00"), icon="clock"),
        ],
        "table": Table(
            columns=[_("Activity"), _("When"), _("Who runs it")],
            rows=[
                [_("Family café"), _("Monday to Friday 9.00–12.00"), _("Parish")],
                [_("Dads' peer group"), _("Thursday 17.30–19.00"), _("Non-profit organisation")],
            ],
            caption=_("This week"),
        ),
        "chart": BarChart(
            caption=_("This week"),
            bars=[Bar(_("Family café"), 31), Bar(_("Dads' peer group"), 12)],
            label_heading=_("Activity"),
            value_heading=_("Visits"),
        ),
        "start": start,
        "end": start + datetime.timedelta(hours=2),
        "page_obj": Paginator(range(45), 10).get_page(2),
        "icon_names": ICON_NAMES,
        "sample_image": get_image_model().objects.order_by("pk").first(),
    }
