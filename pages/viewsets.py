"""Admin for partners and support types: Wagtail snippet viewsets with filters, search and export."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Partner, SupportType
from .models.partners import Sector


class PartnerFilterSet(WagtailFilterSet):
    sector = django_filters.ChoiceFilter(label=_("Sector"), choices=Sector.choices)
    support_types = django_filters.ModelMultipleChoiceFilter(
        label=_("Support given"), queryset=SupportType.objects.all()
    )
    in_steering_group = django_filters.BooleanFilter(label=_("Member of the steering group"))

    class Meta:
        model = Partner
        fields = ["sector", "support_types", "in_steering_group", "locale"]


class PartnerViewSet(SnippetViewSet):
    model = Partner
    icon = "group"
    menu_label = _("Partners")
    list_display = ["name", "sector", "responsibility", "in_steering_group"]
    filterset_class = PartnerFilterSet
    list_export = [
        "name",
        "sector",
        "description",
        "responsibility",
        "support_names",
        "phone",
        "email",
        "website",
        "in_steering_group",
        "is_steering_group_chair",
        "locale",
    ]
    export_headings = {"support_names": _("Support given"), "locale": _("Language")}
    export_filename = "toimijat"
    ordering = ["sort_order", "name"]


class SupportTypeViewSet(SnippetViewSet):
    model = SupportType
    icon = "help"
    menu_label = _("Support types")
    list_display = ["name", "category", "slug", "sort_order"]
    list_filter = ["category", "locale"]
    list_export = ["name", "slug", "category", "explanation", "locale"]
    export_filename = "tuen-muodot"
    ordering = ["sort_order", "name"]


class PartnerGroup(SnippetViewSetGroup):
    items = (PartnerViewSet, SupportTypeViewSet)
    menu_icon = "group"
    menu_label = _("Partners")
    menu_name = "partners"
