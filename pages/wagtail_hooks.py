from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet

from .dashboard import StaffTasksPanel, pages_tasks
from .hooks import STAFF_TASKS
from .staff_two_factor import StaffCodeView, StaffDeviceCreateView
from .viewsets import PartnerGroup

register_snippet(PartnerGroup)
hooks.register(STAFF_TASKS, pages_tasks)


@hooks.register("register_admin_urls", order=-1)  # ahead of wagtail-2fa's own views at these addresses
def staff_two_factor_urls():
    return [
        path("2fa/auth", StaffCodeView.as_view(), name="wagtail_2fa_auth"),
        path("2fa/devices/new", StaffDeviceCreateView.as_view(), name="wagtail_2fa_device_new"),
    ]


@hooks.register("construct_main_menu", order=1)  # after wagtail-2fa's, which leaves only this item
def name_the_device_setup_in_the_readers_language(request, menu_items):
    """wagtail-2fa leaves a staff member who has not yet given a code one menu item, named "2FA Setup" in
    English whatever the admin's language."""
    if not request.user.is_authenticated:
        return
    setup = reverse("wagtail_2fa_device_list", kwargs={"user_id": request.user.pk})
    for item in menu_items:
        if item.url == setup and item.label == "2FA Setup":
            item.label = _("Set up two-factor authentication")


@hooks.register("construct_homepage_panels")
def add_staff_tasks_panel(request, panels):
    panels.append(StaffTasksPanel())


@hooks.register("insert_global_admin_css")
def admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))
