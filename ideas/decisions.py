"""Recording what a meeting decided: the decision and its ideas' new status, in one transaction.

`record` is the one way a decision is saved with its effects: the admin's decision forms and the demo loader
call it. Each idea the decision concerns takes the status that goes with the decision's
(`IDEA_STATUS_FOR_DECISION`) through `moderation.change_status`, so its public timeline gets the step and a
proposer who left an e-mail is told once the transaction commits.
"""

from django.db import transaction
from django.utils import timezone

from .models import PUBLIC_STATUSES, Decision, IdeaStatus
from .moderation import change_status
from .statuses import IDEA_STATUS_FOR_DECISION

# A merged idea goes on in another one; a decision names that one instead.
UNMOVED = (IdeaStatus.MERGED,)


def record(decision: Decision, *, user, save=None) -> Decision:
    """Saves `decision` (through `save`, e.g. the admin form's, else its own `save`) and moves its ideas on,
    all in one transaction."""
    with transaction.atomic():
        if decision.pk:
            previous = Decision.objects.filter(pk=decision.pk).values_list("status", flat=True).first()
            if previous != decision.status:
                decision.status_changed_at = timezone.now()
        if save is not None:
            decision = save()
        else:
            decision.save()
        move_ideas(decision, user=user)
    return decision


def move_ideas(decision: Decision, *, user) -> list:
    """Gives the decision's public ideas the status that goes with the decision's, where they do not have it yet.
    An idea that is not public (linked by a script, or rejected since) stays as it is: a decision never
    publishes an idea that staff have not approved."""
    status = IDEA_STATUS_FOR_DECISION[decision.status]
    changed = []
    for link in decision.idea_links.select_related("idea"):
        idea = link.idea
        if idea.status in UNMOVED or idea.status not in PUBLIC_STATUSES or idea.status == status:
            continue
        if change_status(idea, status, user=user):
            changed.append(idea)
    return changed
