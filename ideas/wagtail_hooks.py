"""What ideas and voting add to the admin and, through the named hooks of `pages.hooks`, to the site."""

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter

from .models import STATUS_ACTION, IdeaStatus


@hooks.register("register_log_actions")
def idea_log_actions(actions):
    @actions.register_action(STATUS_ACTION)
    class StatusChanged(LogFormatter):
        label = _("Change the idea's status")

        def format_message(self, log_entry):
            status = (log_entry.data or {}).get("status", "")
            label = IdeaStatus(status).label if status in IdeaStatus.values else status
            return _("Status changed to “%(status)s”") % {"status": label}
