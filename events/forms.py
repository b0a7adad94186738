"""The programme's and the events list's filters: plain GET forms that never fail (see pages.forms.FilterForm)."""

from django.utils.translation import gettext_lazy as _

from pages.forms import MAX_FILTER_VALUES, AnyValuesField, FilterForm, IconCheckboxSelectMultiple

EVENTS = "tapahtuma"
"""The kind filter's value for one-off events beside the activity kinds."""


class ChoiceFilterForm(FilterForm):
    """Multiple-choice filters whose unknown values are left out with a notice."""

    unknown_message = _("Some of the chosen filters do not exist; they were left out.")

    def clean_choices(self, name: str) -> list[str]:
        given = self.cleaned_data[name][:MAX_FILTER_VALUES]
        known = {value for value, _label in self.fields[name].choices}
        if any(value and value not in known for value in given):
            self.add_notice(self.unknown_message)
        return [value for value in dict.fromkeys(given) if value in known]


class ProgrammeFilterForm(ChoiceFilterForm):
    """`/viikko/?kuka=fathers&laji=peer&tuki=vertaistuki`: for whom, what kind, what support."""

    kuka = AnyValuesField(label=_("For whom"), required=False, widget=IconCheckboxSelectMultiple)
    laji = AnyValuesField(label=_("What kind"), required=False, widget=IconCheckboxSelectMultiple)
    tuki = AnyValuesField(label=_("Kind of support"), required=False, widget=IconCheckboxSelectMultiple)

    def __init__(self, data=None, *, audiences=(), kinds=(), kind_icons=None, support_types=(), **kwargs):
        super().__init__(data, **kwargs)
        self.fields["kuka"].choices = list(audiences)
        self.fields["laji"].choices = [*kinds, (EVENTS, _("Events"))]
        self.fields["laji"].widget.icons = {**(kind_icons or {}), EVENTS: "calendar"}
        self.fields["tuki"].choices = [(support.slug, support.name) for support in support_types]
        self.fields["tuki"].widget.icons = {support.slug: support.icon for support in support_types}

    def clean_kuka(self):
        return self.clean_choices("kuka")

    def clean_laji(self):
        return self.clean_choices("laji")

    def clean_tuki(self):
        return self.clean_choices("tuki")

    @property
    def is_filtered(self) -> bool:
        return any(self.values[name] for name in ("kuka", "laji", "tuki"))


class EventKindFilterForm(ChoiceFilterForm):
    """`/tapahtumat/?laji=co_development`: events of some kinds only."""

    laji = AnyValuesField(label=_("What kind"), required=False, widget=IconCheckboxSelectMultiple)

    def __init__(self, data=None, *, kinds=(), kind_icons=None, **kwargs):
        super().__init__(data, **kwargs)
        self.fields["laji"].choices = list(kinds)
        self.fields["laji"].widget.icons = kind_icons or {}

    def clean_laji(self):
        return self.clean_choices("laji")
