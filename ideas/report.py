"""The yearly report for the steering group and funders: one meeting place's year in numbers.

`yearly_report(site, year)` runs a fixed number of queries however many answers the year holds: the database
counts and sums by group. Only the survey's answers and the children's picture choices are JSON, which not
every database can group by; each is fetched in one query and counted here.

The year is the calendar year in Finnish time (Europe/Helsinki): feedback given at 23.30 on 31 December
counts in that year. Only the given site's data counts: its activities, ideas, rounds, decisions and
children's voice records, and the survey pages and events in its page tree (in every language).

Small groups. A few answers could tell who gave them, so a group of fewer than SMALLEST_GROUP (5) is not
broken down; its figure is HIDDEN and shows as "fewer than 5":
- feedback: the average face of an activity or of an activity kind with 1–4 answers, and the five faces'
  distribution when the whole year has fewer than 5 answers;
- the survey: a question's choices when fewer than 5 answered it;
- children's voice: the records of an age group or a kind with 1–4 records, and the picture choices when
  the year has fewer than 5 records;
- sign-ups: counts of needs from 1 to 4 (children needing childcare, sign-ups needing an interpreter, in
  all and per language): at a small event one such need can point to one family.
More groups are hidden where a hidden figure could otherwise be worked out by subtracting the shown ones
from a total shown beside them: when exactly one group of a breakdown would be hidden, the next smallest is
hidden too (`hidden_groups`; `feedback_hidden` for the averages by activity, kind and year).

How many answered, signed up or came is shown: a number of anonymous answers, or a total of people, says
nothing about any one of them. Visits are head counts by staff, and ideas and decisions are public: none of
them is hidden.
"""

import datetime
from collections import Counter, defaultdict
from collections.abc import Hashable, Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from functools import reduce
from operator import or_

from django.conf import settings
from django.db.models import CharField, Count, Q, Subquery, Sum
from django.db.models.fields.json import KT
from django.db.models.functions import Cast
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import ModelLogEntry, Page, Site

from events.languages import language_name
from events.models import Activity, ActivityKind, Registration, RegistrationChild, RegistrationStatus, VisitCount

from .models import (
    STATUS_ACTION,
    ChildVoice,
    ChildVoiceKind,
    Decision,
    DecisionStatus,
    Feedback,
    Idea,
    IdeaStatus,
    RoundIdea,
    SurveyField,
    SurveyPage,
)
from .voice_choices import SMALLEST_GROUP, AgeGroup, ChildChoice, Face

SINGLE_CHOICE_TYPES = ("dropdown", "radio")
MULTIPLE_CHOICE_TYPES = ("checkboxes", "multiselect")
YES_NO_TYPE = "checkbox"
CHOICE_TYPES = (*SINGLE_CHOICE_TYPES, *MULTIPLE_CHOICE_TYPES, YES_NO_TYPE)


class Hidden:
    """The figure of a group too small to show (see the module's docstring)."""

    def __str__(self) -> str:
        return _("fewer than %(count)d") % {"count": SMALLEST_GROUP}

    def __repr__(self) -> str:
        return "HIDDEN"


HIDDEN = Hidden()
Figure = int | Decimal | Hidden


def hidden_groups(sizes: Mapping[Hashable, int]) -> set:
    """The groups of a breakdown not to show: those of 1–4, and the next smallest when only one is."""
    hidden = {key for key, size in sizes.items() if 0 < size < SMALLEST_GROUP}
    if len(hidden) == 1:
        rest = [key for key, size in sizes.items() if size and key not in hidden]
        if rest:
            hidden.add(min(rest, key=lambda key: sizes[key]))
    return hidden


def small_count(count: int) -> int | Hidden:
    """A count of needs: hidden from 1 to 4, shown when none or at least SMALLEST_GROUP."""
    return HIDDEN if 0 < count < SMALLEST_GROUP else count


def average(total: int, count: int) -> Decimal | None:
    """The mean to one decimal, halves rounded up (4.25 → 4.3); None when nothing was counted."""
    if not count:
        return None
    return (Decimal(total) / Decimal(count)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Period:
    """A calendar year in Finnish time."""

    year: int

    @property
    def first(self) -> datetime.date:
        return datetime.date(self.year, 1, 1)

    @property
    def last(self) -> datetime.date:
        return datetime.date(self.year, 12, 31)

    @property
    def start(self) -> datetime.datetime:
        return datetime.datetime(self.year, 1, 1, tzinfo=timezone.get_default_timezone())

    @property
    def end(self) -> datetime.datetime:
        """The first moment after the year."""
        return datetime.datetime(self.year + 1, 1, 1, tzinfo=timezone.get_default_timezone())

    @property
    def months(self) -> list[datetime.date]:
        return [datetime.date(self.year, month, 1) for month in range(1, 13)]

    def moments(self, name: str) -> dict:
        """Filter arguments for a date-time field within the year."""
        return {f"{name}__gte": self.start, f"{name}__lt": self.end}


@dataclass(frozen=True)
class Group:
    """A labelled count: a choice, an age group, a status, a language."""

    label: str
    count: Figure


# --- Visits -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Visits:
    occurrences: int = 0
    adults: int = 0
    children: int = 0
    first_time_families: int = 0

    @property
    def people(self) -> int:
        return self.adults + self.children

    def __add__(self, other: "Visits") -> "Visits":
        return Visits(
            self.occurrences + other.occurrences,
            self.adults + other.adults,
            self.children + other.children,
            self.first_time_families + other.first_time_families,
        )


@dataclass(frozen=True)
class KindVisits:
    kind: str
    label: str
    months: list[Visits]

    @property
    def total(self) -> Visits:
        return sum(self.months, Visits())


@dataclass(frozen=True)
class VisitsSection:
    kinds: list[KindVisits]

    @property
    def months(self) -> list[Visits]:
        return [sum((kind.months[index] for kind in self.kinds), Visits()) for index in range(12)]

    @property
    def total(self) -> Visits:
        return sum((kind.total for kind in self.kinds), Visits())


def visits(site: Site, period: Period) -> VisitsSection:
    months: dict[str, list[Visits]] = defaultdict(lambda: [Visits()] * 12)
    rows = VisitCount.objects.for_site(site).between(period.first, period.last).by_month("activity__kind")
    for row in rows:
        months[row["activity__kind"]][row["period"].month - 1] = Visits(
            row["occurrences"], row["adults"], row["children"], row["first_time_families"]
        )
    labels = dict(ActivityKind.choices)
    order = [kind for kind in ActivityKind.values if kind in months] + sorted(set(months) - set(ActivityKind.values))
    return VisitsSection([KindVisits(kind, str(labels.get(kind, kind)), months[kind]) for kind in order])


# --- Feedback ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class FeedbackGroup:
    """Answers on an activity or on all activities of a kind; `average` is None when there are none."""

    label: str
    answers: int
    average: Decimal | Hidden | None
    kind: str = ""


@dataclass(frozen=True)
class FeedbackSection:
    answers: int
    average: Decimal | Hidden | None
    faces: list[Group] | Hidden
    kinds: list[FeedbackGroup]
    activities: list[FeedbackGroup]


def activity_titles(keys) -> dict:
    """The activities' titles in the reader's language, by translation key (one query)."""
    rows = Activity.objects.filter(translation_key__in=keys, locale__language_code=translation.get_language())
    return dict(rows.values_list("translation_key", "title"))


def feedback_hidden(sizes: Mapping[Hashable, int], kind_of: Mapping[Hashable, str]) -> tuple[set, set]:
    """The activity kinds and the activities (by answers, `sizes`) whose averages are not shown.

    Groups of 1–4 answers, and more so that none of them can be worked out from an average shown: a kind's
    average holds its activities', and the year's average holds the kinds'. So a kind shown has no hidden
    activity or at least two, and when exactly one activity hides in the small kinds, the next smallest kind
    is hidden too, with at least one of its activities.
    """
    kind_sizes: Counter = Counter()
    for activity, size in sizes.items():
        kind_sizes[kind_of[activity]] += size
    kinds = {kind for kind, size in kind_sizes.items() if size < SMALLEST_GROUP}
    activities = {activity for activity, size in sizes.items() if size < SMALLEST_GROUP}
    in_small_kinds = [activity for activity in activities if kind_of[activity] in kinds]
    shown_kinds = [kind for kind in kind_sizes if kind not in kinds]
    if sum(kind_sizes.values()) >= SMALLEST_GROUP and len(in_small_kinds) == 1 and shown_kinds:
        extra = min(shown_kinds, key=lambda kind: kind_sizes[kind])
        kinds.add(extra)
        of_extra = [activity for activity in sizes if kind_of[activity] == extra]
        if not activities.intersection(of_extra):
            activities.add(min(of_extra, key=lambda activity: sizes[activity]))
    for kind in kind_sizes:
        if kind not in kinds:
            of_kind = {activity: size for activity, size in sizes.items() if kind_of[activity] == kind}
            activities |= hidden_groups(of_kind)
    return kinds, activities


def feedback(site: Site, period: Period) -> FeedbackSection:
    answers = Feedback.objects.for_site(site).filter(**period.moments("created_at"))
    rows = list(
        answers.values("activity_id", "activity__translation_key", "activity__title", "activity__kind")
        .annotate(answers=Count("pk"), faces=Sum("face"))
        .order_by()
    )
    titles = activity_titles({row["activity__translation_key"] for row in rows})
    for row in rows:
        row["title"] = titles.get(row["activity__translation_key"], row["activity__title"])
    labels = dict(ActivityKind.choices)
    kind_order = [kind for kind in ActivityKind.values if any(row["activity__kind"] == kind for row in rows)]
    kind_order += sorted({row["activity__kind"] for row in rows} - set(kind_order))
    rows.sort(key=lambda row: (kind_order.index(row["activity__kind"]), row["title"].casefold(), row["activity_id"]))
    hidden_kinds, hidden_activities = feedback_hidden(
        {row["activity_id"]: row["answers"] for row in rows},
        {row["activity_id"]: row["activity__kind"] for row in rows},
    )
    kinds = []
    for kind in kind_order:
        of_kind = [row for row in rows if row["activity__kind"] == kind]
        size = sum(row["answers"] for row in of_kind)
        faces = sum(row["faces"] for row in of_kind)
        kinds.append(
            FeedbackGroup(str(labels.get(kind, kind)), size, HIDDEN if kind in hidden_kinds else average(faces, size))
        )
    activities = [
        FeedbackGroup(
            row["title"],
            row["answers"],
            HIDDEN if row["activity_id"] in hidden_activities else average(row["faces"], row["answers"]),
            kind=str(labels.get(row["activity__kind"], row["activity__kind"])),
        )
        for row in rows
    ]
    total = sum(row["answers"] for row in rows)
    shown = total >= SMALLEST_GROUP
    faces = answers.face_counts()
    return FeedbackSection(
        answers=total,
        average=average(sum(row["faces"] for row in rows), total) if shown or not total else HIDDEN,
        faces=[Group(str(face.label), faces[face.value]) for face in Face] if shown else HIDDEN,
        kinds=kinds,
        activities=activities,
    )


# --- The survey -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    """A choice question: how many answered it and how many chose each choice (HIDDEN when few answered).
    `other` counts choices no longer among the question's (edited after they were given)."""

    label: str
    answers: int
    choices: list[Group] | Hidden
    multiple: bool = False
    other: int | Hidden = 0


@dataclass(frozen=True)
class SurveySummary:
    title: str
    answers: int
    questions: list[Question]
    notes: list[str]


def site_paths(site: Site) -> list[str]:
    """The tree paths of the site's home page and its translations (one query)."""
    home = Page.objects.filter(pk=site.root_page_id).values("translation_key")
    return list(Page.objects.filter(translation_key=Subquery(home)).values_list("path", flat=True))


def under(paths: list[str], prefix: str = "") -> Q:
    """Rows whose page (`prefix`, e.g. "event__") is in one of the trees at `paths`."""
    if not paths:
        return Q(pk__in=[])
    return reduce(or_, (Q(**{f"{prefix}path__startswith": path}) for path in paths))


def choices_of(field) -> list[str]:
    if field.field_type == YES_NO_TYPE:
        return [_("Ticked"), _("Not ticked")]
    return [value for value, _label in SurveyPage.form_builder([]).get_formatted_field_choices(field)]


def same_questions(source: list, fields: list) -> bool:
    """A translation is counted with its source when its questions match by position: the same types, and
    choice questions with as many choices."""
    return len(source) == len(fields) and all(
        mine.field_type == theirs.field_type
        and (mine.field_type not in CHOICE_TYPES or len(choices_of(mine)) == len(choices_of(theirs)))
        for mine, theirs in zip(source, fields, strict=True)
    )


def answer_values(field, value) -> list[int | str]:
    """The choices an answer gave, as positions among the field's choices (a string when none matches)."""
    if field.field_type == YES_NO_TYPE:
        return [] if value is None else [0 if value else 1]
    values = value if isinstance(value, list) else [value]
    positions = {choice: position for position, choice in enumerate(choices_of(field))}
    return [positions.get(str(item), str(item)) for item in values if item not in (None, "")]


def survey_summary(group: list[SurveyPage], fields: dict, answers: dict) -> SurveySummary:
    source = next((page for page in group if page.locale.language_code == settings.LANGUAGE_CODE), group[0])
    questions_of_source = fields[source.pk]
    matching = [page for page in group if page is source or same_questions(questions_of_source, fields[page.pk])]
    notes = [
        _(
            "The %(language)s version's questions differ from the %(source)s version's, "
            "so its %(count)d answers are left out."
        )
        % {
            "language": language_name(page.locale.language_code),
            "source": language_name(source.locale.language_code),
            "count": len(answers[page.pk]),
        }
        for page in group
        if page not in matching
    ]
    reader = next((page for page in matching if page.locale.language_code == translation.get_language()), source)
    questions = []
    for position, field in enumerate(questions_of_source):
        if field.field_type not in CHOICE_TYPES:
            continue
        counts, other, answered = Counter(), 0, 0
        for page in matching:
            page_field = fields[page.pk][position]
            for data in answers[page.pk]:
                values = answer_values(page_field, data.get(page_field.clean_name))
                answered += bool(values)
                for value in values:
                    if isinstance(value, int):
                        counts[value] += 1
                    else:
                        other += 1
        shown_field = fields[reader.pk][position]
        shown = answered >= SMALLEST_GROUP
        questions.append(
            Question(
                label=shown_field.label,
                answers=answered,
                choices=[Group(label, counts[index]) for index, label in enumerate(choices_of(shown_field))]
                if shown
                else HIDDEN,
                multiple=field.field_type in MULTIPLE_CHOICE_TYPES,
                other=other if shown else HIDDEN,
            )
        )
    return SurveySummary(
        title=reader.title,
        answers=sum(len(answers[page.pk]) for page in matching),
        questions=questions,
        notes=notes,
    )


def surveys(paths: list[str], period: Period) -> list[SurveySummary]:
    """Each survey of the site (all its translations together) with its answers given in the year."""
    pages = list(SurveyPage.objects.filter(under(paths)).select_related("locale").order_by("path"))
    fields = defaultdict(list)
    for field in SurveyField.objects.filter(page__in=pages).order_by("page_id", "sort_order", "pk"):
        fields[field.page_id].append(field)
    answers = defaultdict(list)
    submissions = FormSubmission.objects.filter(page__in=pages, **period.moments("submit_time"))
    for page_id, data in submissions.values_list("page_id", "form_data"):
        answers[page_id].append(data or {})
    groups = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    return [
        survey_summary(group, fields, answers)
        for group in groups.values()
        if any(page.live or answers[page.pk] for page in group)
    ]


# --- Children's voice -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChildrenSection:
    records: int
    by_kind: list[Group]
    by_age: list[Group]
    likes: list[Group] | Hidden
    wishes: list[Group] | Hidden


def breakdown(sizes: Counter, choices) -> list[Group]:
    hidden = hidden_groups({value: sizes[value] for value, _label in choices})
    return [Group(str(label), HIDDEN if value in hidden else sizes[value]) for value, label in choices]


def children(site: Site, period: Period) -> ChildrenSection:
    records = ChildVoice.objects.for_site(site).between(period.first, period.last)
    by_kind, by_age = Counter(), Counter()
    for kind, age_group, count in records.values_list("kind", "age_group").annotate(count=Count("pk")).order_by():
        by_kind[kind] += count
        by_age[age_group] += count
    total = sum(by_kind.values())
    shown = total >= SMALLEST_GROUP
    likes, wishes = Counter(), Counter()
    if shown:
        for liked, wished in records.values_list("likes", "wishes"):
            likes.update(set(liked or ()))
            wishes.update(set(wished or ()))
    return ChildrenSection(
        records=total,
        by_kind=breakdown(by_kind, ChildVoiceKind.choices),
        by_age=breakdown(by_age, AgeGroup.choices),
        likes=[Group(str(label), likes[value]) for value, label in ChildChoice.choices] if shown else HIDDEN,
        wishes=[Group(str(label), wishes[value]) for value, label in ChildChoice.choices] if shown else HIDDEN,
    )


# --- Ideas and decisions ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class IdeasSection:
    """Ideas proposed in the year (not counting those rejected at moderation), and of those by children;
    voting rounds that closed in the year and the ideas in them; ideas selected and done in the year."""

    proposed: int
    by_children: int
    rounds: int
    put_to_vote: int
    selected: int
    done: int


def ideas(site: Site, period: Period) -> IdeasSection:
    proposed = (
        Idea.objects.for_site(site)
        .filter(**period.moments("created_at"))
        .exclude(status=IdeaStatus.REJECTED)
        .aggregate(proposed=Count("pk"), by_children=Count("pk", filter=Q(by_child=True)))
    )
    voted = RoundIdea.objects.filter(round__site=site, **period.moments("round__closes_at")).aggregate(
        rounds=Count("round_id", distinct=True), ideas=Count("idea_id", distinct=True)
    )
    site_ideas = Idea.objects.for_site(site).annotate(key=Cast("pk", CharField())).values("key")
    changes = dict(
        ModelLogEntry.objects.filter(
            content_type__app_label="ideas",
            content_type__model="idea",
            action=STATUS_ACTION,
            object_id__in=site_ideas,
            data__status__in=[IdeaStatus.SELECTED, IdeaStatus.DONE],
            **period.moments("timestamp"),
        )
        .annotate(status=KT("data__status"))
        .values_list("status")
        .annotate(ideas=Count("object_id", distinct=True))
        .order_by()
    )
    return IdeasSection(
        proposed=proposed["proposed"],
        by_children=proposed["by_children"],
        rounds=voted["rounds"],
        put_to_vote=voted["ideas"],
        selected=changes.get(IdeaStatus.SELECTED, 0),
        done=changes.get(IdeaStatus.DONE, 0),
    )


@dataclass(frozen=True)
class DecisionsSection:
    total: int
    by_status: list[Group]


def decisions(site: Site, period: Period) -> DecisionsSection:
    made = Decision.objects.for_site(site).filter(decided_on__range=(period.first, period.last))
    counts = dict(made.values_list("status").annotate(count=Count("pk")).order_by())
    return DecisionsSection(
        total=sum(counts.values()),
        by_status=[Group(str(label), counts.get(value, 0)) for value, label in DecisionStatus.choices],
    )


# --- Sign-ups ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class RegistrationsSection:
    """Confirmed sign-ups to the site's events that started in the year: counts only, never who."""

    events: int
    registrations: int
    adults: int
    children: int
    childcare: int | Hidden
    interpreter: int | Hidden
    interpreters: list[Group]


def registrations(paths: list[str], period: Period) -> RegistrationsSection:
    confirmed = Registration.objects.filter(
        under(paths, "event__"), status=RegistrationStatus.CONFIRMED, **period.moments("event__start")
    )
    totals = confirmed.aggregate(
        events=Count("event_id", distinct=True),
        registrations=Count("pk"),
        adults=Sum("adults", default=0),
        interpreter=Count("pk", filter=~Q(interpreter_language="")),
    )
    kids = RegistrationChild.objects.filter(registration__in=confirmed).aggregate(
        children=Count("pk"), childcare=Count("pk", filter=Q(needs_childcare=True))
    )
    languages = dict(
        confirmed.exclude(interpreter_language="")
        .values_list("interpreter_language")
        .annotate(count=Count("pk"))
        .order_by()
    )
    # By name: an order by size would tell something of the hidden ones.
    order = sorted(languages, key=lambda code: language_name(code).casefold())
    hidden = hidden_groups({code: languages[code] for code in order})
    return RegistrationsSection(
        events=totals["events"],
        registrations=totals["registrations"],
        adults=totals["adults"],
        children=kids["children"],
        childcare=small_count(kids["childcare"]),
        interpreter=small_count(totals["interpreter"]),
        interpreters=[Group(language_name(code), HIDDEN if code in hidden else languages[code]) for code in order],
    )


# --- The report -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Report:
    site_name: str
    period: Period
    visits: VisitsSection
    feedback: FeedbackSection
    surveys: list[SurveySummary]
    children: ChildrenSection
    ideas: IdeasSection
    decisions: DecisionsSection
    registrations: RegistrationsSection

    @property
    def year(self) -> int:
        return self.period.year


def yearly_report(site: Site, year: int) -> Report:
    """The site's year in numbers, with labels in the active language, in a fixed number of queries."""
    period = Period(year)
    paths = site_paths(site)
    return Report(
        site_name=site.site_name or site.hostname,
        period=period,
        visits=visits(site, period),
        feedback=feedback(site, period),
        surveys=surveys(paths, period),
        children=children(site, period),
        ideas=ideas(site, period),
        decisions=decisions(site, period),
        registrations=registrations(paths, period),
    )


def report_years(site: Site) -> list[int]:
    """The years the site has visits, feedback, children's voice or ideas in, and this year; latest first."""
    years = {timezone.localdate().year}
    years.update(day.year for day in VisitCount.objects.for_site(site).dates("date", "year"))
    years.update(day.year for day in ChildVoice.objects.for_site(site).dates("date", "year"))
    years.update(moment.year for moment in Feedback.objects.for_site(site).datetimes("created_at", "year"))
    years.update(moment.year for moment in Idea.objects.for_site(site).datetimes("created_at", "year"))
    return sorted(years, reverse=True)
