"""How many came: staff count adults, children and first-time families at each occurrence of an activity.

A count belongs to the activity's source translation (its row in the site's default language), so a count is
one fact whatever the number of translations. The yearly report and the visits dashboard sum them.
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models, transaction
from django.db.models.functions import TruncMonth, TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import Site

from .activities import Activity

MAX_COUNT = 999
COUNTED = ("adults", "children", "first_time_families")


class VisitCountQuerySet(models.QuerySet):
    def for_site(self, site: Site):
        return self.filter(activity__site=site)

    def between(self, first, last):
        return self.filter(date__range=(first, last))

    def totals(self) -> dict:
        """Adults, children, first-time families and occurrences counted, in one query."""
        return self.aggregate(
            adults=models.Sum("adults", default=0),
            children=models.Sum("children", default=0),
            first_time_families=models.Sum("first_time_families", default=0),
            occurrences=models.Count("pk"),
        )

    def _by(self, period, *extra):
        return (
            self.annotate(period=period("date"))
            .values("period", *extra)
            .annotate(
                adults=models.Sum("adults"),
                children=models.Sum("children"),
                first_time_families=models.Sum("first_time_families"),
                occurrences=models.Count("pk"),
            )
            .order_by("period", *extra)
        )

    def by_week(self):
        """One row per ISO week (`period` is its Monday), in one query."""
        return self._by(TruncWeek)

    def by_month(self, *extra):
        """One row per month (`period` is its first day), and per `extra` field (say "activity__kind")."""
        return self._by(TruncMonth, *extra)

    def record(self, day, counts: dict) -> int:
        """Store the counts of `day` ({activity: {"adults": 3, ...}}) in one transaction; how many changed.

        Each activity+date is created or updated; an unchanged count is left alone (its `recorded_at` too).
        Raises ValidationError and stores nothing for a day to come or a number out of range.
        """
        rows = [self.model(activity=activity, date=day, **values) for activity, values in counts.items()]
        for row in rows:
            row.clean_fields(exclude=["activity", "recorded_at"])
            row.clean()
        changed = 0
        with transaction.atomic():
            stored = {count.activity_id: count for count in self.filter(date=day, activity__in=list(counts))}
            for row in rows:
                values = {name: getattr(row, name) for name in COUNTED}
                old = stored.get(row.activity_id)
                if old is not None and all(getattr(old, name) == value for name, value in values.items()):
                    continue
                self.model._default_manager.update_or_create(activity=row.activity, date=day, defaults=values)
                changed += 1
        return changed


class VisitCount(models.Model):
    """The people who came to one occurrence of an activity, counted by staff."""

    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.PROTECT,
        related_name="visit_counts",
        help_text=_("Counts are kept with the activity in the site's own language."),
    )
    date = models.DateField(_("date"), default=timezone.localdate)
    adults = models.PositiveSmallIntegerField(_("adults"), default=0, validators=[MaxValueValidator(MAX_COUNT)])
    children = models.PositiveSmallIntegerField(_("children"), default=0, validators=[MaxValueValidator(MAX_COUNT)])
    first_time_families = models.PositiveSmallIntegerField(
        _("families here for the first time"), default=0, validators=[MaxValueValidator(MAX_COUNT)]
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    objects = VisitCountQuerySet.as_manager()

    class Meta:
        verbose_name = _("visit count")
        verbose_name_plural = _("visit counts")
        ordering = ["-date", "activity_id"]
        constraints = [models.UniqueConstraint(fields=["activity", "date"], name="one_visit_count_per_occurrence")]

    def __str__(self) -> str:
        return f"{self.activity} {self.date:%d.%m.%Y}"

    def clean(self):
        super().clean()
        if self.date and self.date > timezone.localdate():
            raise ValidationError({"date": _("Visits can be counted for today or earlier, not for days to come.")})
