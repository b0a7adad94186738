"""What the shared template components in templates/components/ take, when a template cannot build it.

The pattern page (`/komponentit/`) shows every component with these; pages build them in their context
or through the `kohtaamo_tags` that return them.
"""

import datetime
from dataclasses import dataclass, replace

from django.utils import timezone
from django.utils.dateformat import format as date_format
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from . import phone

# Finnish usage ("9.00–15.00"); one place to change when times follow the reader's locale.
TIME_FORMAT = "G.i"


@dataclass(frozen=True)
class Fact:
    """A line of `components/facts.html`: a term and its text, a link when `href` is set."""

    term: str
    text: str
    href: str = ""
    icon: str = ""
    external: bool = False
    extra_href: str = ""
    extra_text: str = ""


@dataclass(frozen=True)
class Table:
    """`components/table.html`: the first column heads each row; `stack` turns rows into blocks on a phone."""

    columns: list[str]
    rows: list[list[str]]
    caption: str = ""
    stack: bool = True

    @property
    def labelled_rows(self) -> list[list[tuple[str, str]]]:
        return [list(zip(self.columns, row, strict=False)) for row in self.rows]


@dataclass(frozen=True)
class Bar:
    """One bar of a `BarChart`: its label, its number, and the text shown after the bar (the number when empty)."""

    label: str
    value: float
    text: str = ""


@dataclass(frozen=True)
class BarChart:
    """`components/bar_chart.html`: a table of labels and numbers, each with a bar drawn to scale (the bars are
    pictures of the numbers beside them, hidden from screen readers). No inline style or script: a bar is an
    SVG rectangle whose width is its share of the largest value, so a content security policy allows it."""

    caption: str
    bars: list[Bar]
    label_heading: str = ""
    value_heading: str = ""
    empty_text: str = ""

    @property
    def rows(self) -> list[tuple[Bar, float, str]]:
        """Each bar with its width (0–100) and its text."""
        top = max((bar.value for bar in self.bars), default=0)
        return [
            (bar, round(100 * bar.value / top, 1) if top > 0 else 0, bar.text or _number_text(bar.value))
            for bar in self.bars
        ]

    @property
    def is_empty(self) -> bool:
        return not any(bar.value for bar in self.bars)


def _number_text(value: float) -> str:
    return number_format(value, decimal_pos=1 if value % 1 else 0, use_l10n=True)


@dataclass(frozen=True)
class Moment:
    """`components/datetime.html`: a day, and the time or time span on it, in the reader's language."""

    iso: str
    weekday_short: str
    day: int
    month_short: str
    date_text: str
    time_text: str = ""


@dataclass(frozen=True)
class TagItem:
    name: str
    icon: str = ""
    variant: str = ""


def time_range(start: datetime.time, end: datetime.time) -> str:
    return f"{date_format(start, TIME_FORMAT)}–{date_format(end, TIME_FORMAT)}"


def moment(start: datetime.date | datetime.datetime, end: datetime.time | datetime.datetime | None = None) -> Moment:
    """A date, or a start and end time; aware datetimes are shown in local time (Europe/Helsinki)."""
    if isinstance(start, datetime.datetime):
        start = timezone.localtime(start) if timezone.is_aware(start) else start
        day = start.date()
        if isinstance(end, datetime.datetime):
            end = (timezone.localtime(end) if timezone.is_aware(end) else end).time()
        time_text = time_range(start.time(), end) if end else date_format(start, TIME_FORMAT)
        iso = start.isoformat(timespec="minutes")
    else:
        day, time_text, iso = start, "", start.isoformat()
    return Moment(
        iso=iso,
        weekday_short=date_format(day, "D"),
        day=day.day,
        month_short=date_format(day, "N"),
        # Translators: a weekday and date without the year, in Django's date format letters
        # (https://docs.djangoproject.com/en/5.2/ref/templates/builtins/#date); Finnish "l j. E".
        date_text=date_format(day, pgettext("date format", "l j F")),
        time_text=time_text,
    )


def contact_facts(phone_number: str = "", email: str = "", website: str = "", icons: bool = True) -> list[Fact]:
    """Phone, e-mail and website as linked facts; without icons where many repeat (a list of cards)."""
    facts = []
    if phone_number:
        uri = phone.uri(phone_number)
        facts.append(Fact(_("Phone"), phone.display(phone_number) if uri else phone_number, uri, "phone"))
    if email:
        facts.append(Fact(_("E-mail"), email, f"mailto:{email}", "mail"))
    if website:
        facts.append(Fact(_("Website"), website, website, "external", external=True))
    return facts if icons else [replace(fact, icon="") for fact in facts]


def opening_hours_table(rows, caption: str = "") -> Table:
    return Table(
        columns=[_("Day"), _("Open")],
        rows=[[str(row.day_name).capitalize(), time_range(row.opens, row.closes)] for row in rows],
        caption=caption,
        stack=False,
    )


def closure_lines(closures) -> list[str]:
    """A line per closure: "Wednesday 23 December – Wednesday 6 January: Christmas holiday"."""
    lines = []
    for closure in closures:
        first, last = moment(closure.first_date).date_text, moment(closure.last_date).date_text
        span = first if closure.first_date == closure.last_date else f"{first} – {last}"
        lines.append(f"{span[:1].upper()}{span[1:]}: {closure.reason}")
    return lines
