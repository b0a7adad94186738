"""What ideas and voting add to the admin and, through the named hooks of `pages.hooks`, to the site."""

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.snippets.models import register_snippet

from events.hooks import ACTIVITY_PAGE_SECTIONS, EVENT_PAGE_SECTIONS, MEETING_RECORD_PANELS
from pages.hooks import CLOCK_CHANGES, SEARCH_SOURCES, STAFF_TASKS
from pages.personal_data import PERSONAL_DATA

from . import feedback_admin, form_pages_admin
from .admin_views import register_admin_urls
from .dashboard import ideas_tasks
from .decision_admin import DecisionDeleteBulkAction, agenda_panels, idea_chooser_viewset
from .meetings import agenda_section, decisions_section, round_section
from .models import STATUS_ACTION, IdeaStatus, VotingRound
from .models.feedback_page import activity_feedback_section
from .personal_data import FormAnswers, ProposerEmails
from .report_admin import register_report_urls, report_menu_item
from .search import ideas_source
from .viewsets import ApproveBulkAction, IdeaDeleteBulkAction, IdeasGroup, RejectBulkAction, VotingRoundDeleteBulkAction
from .voice_admin import ChildVoiceDeleteBulkAction, ChildVoiceViewSet


@hooks.register(CLOCK_CHANGES)
def next_round_moment(now):
    """A vote's pages change when it opens (the ballot), and when it closes (the results)."""
    moments = VotingRound.objects.aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)), closes=Min("closes_at", filter=Q(closes_at__gt=now))
    )
    return min((moment for moment in moments.values() if moment is not None), default=None)


register_snippet(IdeasGroup)
hooks.register("register_admin_urls", register_admin_urls)
hooks.register("register_bulk_action", ApproveBulkAction)
hooks.register("register_bulk_action", RejectBulkAction)
# After Wagtail's own bulk delete for all snippets, which would list the chosen rows (unmoderated ideas, decisions,
# families' answers) to any editor.
hooks.register("register_bulk_action", IdeaDeleteBulkAction, order=1)
hooks.register("register_bulk_action", DecisionDeleteBulkAction, order=1)
hooks.register("register_bulk_action", VotingRoundDeleteBulkAction, order=1)
hooks.register("register_bulk_action", feedback_admin.FeedbackDeleteBulkAction, order=1)
hooks.register("register_bulk_action", ChildVoiceDeleteBulkAction, order=1)
hooks.register(STAFF_TASKS, ideas_tasks)
hooks.register(SEARCH_SOURCES, ideas_source)
hooks.register("register_admin_viewset", lambda: idea_chooser_viewset)
hooks.register(MEETING_RECORD_PANELS, agenda_panels)
# A meeting's page: its agenda, the vote that prepared it (a co-development day), then its decisions.
hooks.register(EVENT_PAGE_SECTIONS, agenda_section, order=1)
hooks.register(EVENT_PAGE_SECTIONS, round_section, order=2)
hooks.register(EVENT_PAGE_SECTIONS, decisions_section, order=3)

# The families' voice: feedback on activities, children's voice, the survey and ways to take part, the report.
register_snippet(feedback_admin.FeedbackGroup)
hooks.register("register_snippet_listing_buttons", feedback_admin.activity_listing_buttons)
hooks.register(ACTIVITY_PAGE_SECTIONS, activity_feedback_section)
register_snippet(ChildVoiceViewSet)
hooks.register("register_admin_urls", form_pages_admin.register_admin_urls)
hooks.register("register_admin_menu_item", form_pages_admin.surveys_menu_item)
hooks.register("register_admin_urls", register_report_urls)
hooks.register("register_reports_menu_item", report_menu_item)


@hooks.register("register_log_actions")
def idea_log_actions(actions):
    @actions.register_action(STATUS_ACTION)
    class StatusChanged(LogFormatter):
        label = _("Change the idea's status")

        def format_message(self, log_entry):
            status = (log_entry.data or {}).get("status", "")
            label = IdeaStatus(status).label if status in IdeaStatus.values else status
            return _("Status changed to “%(status)s”") % {"status": label}


# Proposers' e-mails and form answers: exported, erased and past their retention through `pages.personal_data`.
hooks.register(PERSONAL_DATA, ProposerEmails)
hooks.register(PERSONAL_DATA, FormAnswers)
