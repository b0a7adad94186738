"""Admin for partners and support types: Wagtail snippet viewsets with filters, search and export.

Lists show one language at a time (the default language until another, or all, is chosen), with
labels rather than stored values, in the list and in the CSV and XLSX exports alike.
"""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column
from wagtail.models import Locale
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner, SupportType
from .models.partners import Sector, SupportCategory


class OneLanguageFilterSet(WagtailFilterSet):
    """Filters rows to the default language unless the address asks for another, or for all ("locale=")."""

    def __init__(self, data=None, *args, **kwargs):
        if data is not None and "locale" not in data:
            data = data.copy()
            data["locale"] = Locale.get_default().language_code
        super().__init__(data, *args, **kwargs)


class PartnerFilterSet(OneLanguageFilterSet):
    sector = django_filters.ChoiceFilter(label=_("Sector"), choices=Sector.choices)
    support_types = django_filters.ModelMultipleChoiceFilter(
        label=_("Support given"),
        queryset=lambda request: SupportType.objects.filter(locale=Locale.get_default()),
        method="filter_support",
    )
    in_steering_group = django_filters.BooleanFilter(label=_("Member of the steering group"))

    class Meta:
        model = Partner
        fields = ["sector", "support_types", "in_steering_group"]

    def filter_support(self, queryset, name, value):
        """Partners of any language giving the chosen support, whichever language it was chosen in."""
        return queryset.giving(value) if value else queryset


class SupportTypeFilterSet(OneLanguageFilterSet):
    category = django_filters.ChoiceFilter(label=_("Category"), choices=SupportCategory.choices)

    class Meta:
        model = SupportType
        fields = ["category"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "sector", "steering_group_role", Column("locale", label=_("Language"))]
    filterset_class = PartnerFilterSet
    list_export = [
        "name",
        "get_sector_display",
        "description",
        "responsibility",
        "support_names",
        "phone_display",
        "email",
        "website",
        "steering_group_role",
        "locale",
    ]
    export_headings = {
        "get_sector_display": _("Sector"),
        "support_names": _("Support given"),
        "phone_display": _("Phone"),
        "steering_group_role": _("Steering group"),
        "locale": _("Language"),
    }
    export_filename = "toimijat"
    ordering = ["sort_order", "name"]


class SupportTypeViewSet(SnippetViewSet):
    model = SupportType
    icon = "help"
    menu_label = _("Support types")
    list_display = ["name", "category", "slug", Column("locale", label=_("Language"))]
    filterset_class = SupportTypeFilterSet
    list_export = ["name", "slug", "get_category_display", "explanation", "locale"]
    export_headings = {"get_category_display": _("Category"), "locale": _("Language")}
    export_filename = "tuen-muodot"
    ordering = ["sort_order", "name"]


class PartnerGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, SupportTypeViewSet)
    menu_icon = "group"
    menu_label = _("Partners")
    menu_name = "partners"
