"""The admin dashboard's panel of everyday tasks, gathered from every app through the STAFF_TASKS hook."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin.ui.components import Component
from wagtail.models import Locale

from .hooks import StaffTask, staff_tasks
from .models import Partner


class StaffTasksPanel(Component):
    name = "staff_tasks"
    template_name = "pages/admin/staff_tasks_panel.html"
    order = 50  # before Wagtail's own panels

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["tasks"] = staff_tasks(parent_context["request"])
        return context


def pages_tasks(request) -> list[StaffTask]:
    partners = Partner.objects.filter(locale=Locale.get_default()).count()
    return [
        StaffTask(
            label=_("Partners and the help they give"),
            url=reverse("wagtailsnippets_pages_partner:list"),
            detail=ngettext("%(count)s partner", "%(count)s partners", partners) % {"count": partners},
            order=200,
        ),
        StaffTask(
            label=_("Opening hours and contact details"),
            url=reverse("wagtailsettings:edit", args=["pages", "sitesettings"]),
            order=210,
        ),
        StaffTask(label=_("Pages of the site"), url=reverse("wagtailadmin_explore_root"), order=220),
    ]
