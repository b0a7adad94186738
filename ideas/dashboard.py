"""The ideas' lines in the admin dashboard's "Everyday tasks" (the STAFF_TASKS hook)."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from pages.hooks import StaffTask

from .models import Idea, IdeaStatus, VotingRound
from .viewsets import IDEAS_LIST, ROUNDS_LIST, may_moderate, may_run_rounds


def ideas_tasks(request) -> list[StaffTask]:
    tasks = []
    if may_moderate(request.user):
        waiting = Idea.objects.awaiting().count()
        tasks.append(
            StaffTask(
                label=_("Ideas awaiting moderation: %(count)s") % {"count": waiting},
                url=reverse(IDEAS_LIST) + f"?status={IdeaStatus.AWAITING}",
                detail=_("Read them, fix typos, then approve or reject."),
                order=105,
            )
        )
    if may_run_rounds(request.user):
        now = timezone.now()
        open_rounds = VotingRound.objects.open_at(now).count()
        tasks.append(
            StaffTask(
                label=_("Voting rounds"),
                url=reverse(ROUNDS_LIST),
                detail=ngettext("%(count)s open now", "%(count)s open now", open_rounds) % {"count": open_rounds},
                order=115,
            )
        )
    return tasks
