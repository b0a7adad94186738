"""The steering group's rotating chair: the order of the member partners and the length of a term."""

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta
from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Locale, Orderable

from .partners import Partner


def steering_group_members() -> Q:
    """The partners that can take a turn: members, in the default language (translations share the facts)."""
    return Q(in_steering_group=True, locale=Locale.get_default())


class ChairTurn(Orderable):
    """One member partner's place in the chair rotation (and in the house-meeting rota)."""

    settings = ParentalKey("pages.SiteSettings", on_delete=models.CASCADE, related_name="chair_turns")
    partner = models.ForeignKey(
        Partner,
        verbose_name=_("partner"),
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=steering_group_members,
    )

    panels = [FieldPanel("partner", widget=forms.Select)]

    class Meta(Orderable.Meta):
        verbose_name = _("turn to chair")
        verbose_name_plural = _("turns to chair")

    def clean(self):
        super().clean()
        if self.partner_id and not self.partner.in_steering_group:
            raise ValidationError({"partner": _("Only a steering group member can chair it.")})


@dataclass(frozen=True)
class Rotation:
    """Who chairs the steering group on `today`, since when, and who comes next from when."""

    current: Partner | None
    current_since: datetime.date | None
    next: Partner | None
    next_from: datetime.date | None


def months_between(start: datetime.date, day: datetime.date) -> int:
    """Whole months from `start` to `day` (a month is complete on the same day of the month)."""
    months = (day.year - start.year) * 12 + day.month - start.month
    return months - 1 if day.day < start.day else months


def chair_rotation(members: list, start: datetime.date | None, term_months: int, today: datetime.date) -> Rotation:
    """Members take the chair in turn, each for `term_months` months from `start`, round and round."""
    if not members or start is None or term_months < 1:
        return Rotation(None, None, None, None)
    if today < start:
        return Rotation(None, None, members[0], start)
    term = months_between(start, today) // term_months
    # A term that starts on the 29th to 31st starts on the month's last day in a shorter month (relativedelta).
    while start + relativedelta(months=(term + 1) * term_months) <= today:
        term += 1
    since = start + relativedelta(months=term * term_months)
    following = start + relativedelta(months=(term + 1) * term_months)
    return Rotation(members[term % len(members)], since, members[(term + 1) % len(members)], following)
