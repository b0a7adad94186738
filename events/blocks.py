"""Blocks of an event's page: the outcome of each workshop of a co-development day."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class WorkshopBlock(blocks.StructBlock):
    """One workshop of a co-development day: its theme, what was worked on and what comes next."""

    theme = blocks.CharBlock(label=_("Theme"), max_length=120)
    worked_on = blocks.TextBlock(label=_("What was worked on"), max_length=2000)
    next_steps = blocks.TextBlock(label=_("What comes next"), max_length=2000, required=False)

    class Meta:
        icon = "group"
        label = _("Workshop")
        template = "events/blocks/workshop_block.html"


class WorkshopsBlock(blocks.StreamBlock):
    workshop = WorkshopBlock()
