"""Turning a child's wish into an idea: one click in the admin on a children's voice record.

The idea is marked as a child's idea, written in the record's language and AWAITING moderation like any
other, and the record links to it (`record.idea`; the idea's `child_voice`), all in one transaction.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Locale

from .models import ChildVoice, Idea, IdeaStatus
from .statuses import TITLE_MAX

ELLIPSIS = "…"


def has_wish(record: ChildVoice) -> bool:
    return bool(record.wish.strip() or record.wishes)


def shortened(text: str, limit: int = TITLE_MAX) -> str:
    """`text` on one line, cut at the last word boundary that fits `limit` characters with an ellipsis."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    room = text[: limit - len(ELLIPSIS) + 1]
    cut = room.rfind(" ")
    kept = room[:cut] if cut > 0 else room[: limit - len(ELLIPSIS)]
    return kept.rstrip(" ,.;:–-") + ELLIPSIS


def activity_title(record: ChildVoice) -> str:
    """The record's activity named in the record's language where it is translated."""
    activity = record.activity
    if activity is None:
        return ""
    locale = Locale.objects.filter(language_code=record.language).first()
    translated = activity.get_translation_or_none(locale) if locale else None
    return (translated or activity).title


def idea_title(record: ChildVoice) -> str:
    """The wish, shortened to fit; without written words, the pictures the child wished for."""
    if record.wish.strip():
        return shortened(record.wish)
    return shortened(_("A child's wish: %(pictures)s") % {"pictures": ", ".join(record.wish_labels)})


def idea_description(record: ChildVoice) -> str:
    """The wish and the pictures wished for, then where and when it was heard (in the active language)."""
    parts = []
    if record.wish.strip():
        parts.append(record.wish.strip())
    if record.wishes:
        parts.append(_("Pictures the child chose: %(pictures)s.") % {"pictures": ", ".join(record.wish_labels)})
    heard = {
        "date": date_format(record.date, "SHORT_DATE_FORMAT"),
        "age_group": record.get_age_group_display(),
        "activity": activity_title(record),
    }
    if heard["activity"]:
        parts.append(_("Heard on %(date)s at “%(activity)s”. The child's age group: %(age_group)s.") % heard)
    else:
        parts.append(_("Heard on %(date)s at the meeting place. The child's age group: %(age_group)s.") % heard)
    parts.append(_("From children's voice (%(kind)s).") % {"kind": record.get_kind_display()})
    return "\n\n".join(parts)


def make_idea(record: ChildVoice, *, user=None) -> Idea:
    """Makes the record's wish an idea (a child's idea, awaiting moderation) and links the record to it.

    Raises ValidationError with code "has_idea" when the record already has its idea, "no_wish" when it has
    no wish to make one of. Nothing is stored when any step fails.
    """
    with transaction.atomic():
        record = ChildVoice.objects.select_for_update(of=("self",)).select_related("activity").get(pk=record.pk)
        if record.idea_id is not None:
            raise ValidationError(_("An idea has already been made of this wish."), code="has_idea")
        if not has_wish(record):
            raise ValidationError(_("The record has no wish to make an idea of."), code="no_wish")
        with translation.override(record.language):
            idea = Idea(
                site_id=record.site_id,
                title=idea_title(record),
                description=idea_description(record),
                language=record.language,
                by_child=True,
                status=IdeaStatus.AWAITING,
            )
        idea.full_clean(exclude=["themes"])
        idea.save()
        record.idea = idea
        record.save(update_fields=["idea"])
        log(instance=idea, action="wagtail.create", user=user)
    return idea
