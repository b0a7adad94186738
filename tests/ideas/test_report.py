"""The yearly report (`ideas.report.yearly_report`, its printable admin page and its workbook): exact numbers
on a small hand-made year, small groups hidden (4 answers hidden, 5 shown, and no hidden figure left to work
out by subtraction), another meeting place's data and other years left out (years in Finnish time), the
workbook with the page's numbers and no formulas, who may see it, and the same number of queries at 100 and
at 10,000 answers."""

import datetime
import io
import itertools
import time
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission
from wagtail.users.models import UserProfile

from events.models import EventIndexPage, RegistrationStatus, VisitCount
from ideas.models import (
    ChildVoice,
    ChildVoiceKind,
    DecisionStatus,
    Feedback,
    Idea,
    IdeaStatus,
    SurveyField,
    SurveyPage,
)
from ideas.report import HIDDEN, Period, feedback_hidden, hidden_groups, yearly_report
from tests.events.builders import make_activity, make_event, register, translate
from tests.ideas.builders import make_idea, make_round
from tests.ideas.decision_builders import other_site, write_decision

YEAR = 2026
HELSINKI = timezone.get_default_timezone()
PASSWORD = "pitka-salasana-123"
INJECTION = '=HYPERLINK("http://example.com","x")'
_numbers = itertools.count()

SURVEY = [
    ("Kuinka usein käytte?", "radio", "Joka viikko\nKerran kuussa\nHarvemmin"),
    ("Mistä pidätte?", "checkboxes", "Leikit\nKahvila\nRyhmät"),
    ("Mitä haluatte sanoa?", "multiline", ""),
    ("Tulitteko ensimmäistä kertaa?", "checkbox", ""),
]
SWEDISH = [
    ("Hur ofta besöker ni oss?", "Varje vecka\nEn gång i månaden\nMera sällan"),
    ("Vad tycker ni om?", "Lekar\nKafé\nGrupper"),
    ("Vad vill ni säga?", ""),
    ("Kom ni hit för första gången?", ""),
]


def at(month: int, day: int, hour: int = 12, minute: int = 0, year: int = YEAR) -> datetime.datetime:
    """A moment in Finnish time."""
    return datetime.datetime(year, month, day, hour, minute, tzinfo=HELSINKI)


def give_feedback(activity, faces, when=None) -> None:
    Feedback.objects.bulk_create(
        Feedback(activity=activity, face=face, language="fi", created_at=when or at(3, 10)) for face in faces
    )


def count_visits(activity, day: datetime.date, adults: int, children: int, first_time: int = 0) -> VisitCount:
    return VisitCount.objects.create(
        activity=activity, date=day, adults=adults, children=children, first_time_families=first_time
    )


def make_survey(home, questions=SURVEY, slug: str = "kavijakysely", title: str = "Kävijäkysely") -> SurveyPage:
    page = SurveyPage(
        title=title,
        slug=slug,
        form_fields=[
            SurveyField(label=label, field_type=kind, choices=choices, required=False)
            for label, kind, choices in questions
        ],
    )
    return home.add_child(instance=page)


def fields_of(page) -> list[SurveyField]:
    return list(SurveyField.objects.filter(page=page).order_by("sort_order", "pk"))


def translate_survey(page: SurveyPage, language: str, title: str, questions) -> SurveyPage:
    """A translation whose copied questions get `questions` (label, choices) by position."""
    translated = translate(page, language, title=title)
    for survey_field, (label, choices) in zip(fields_of(translated), questions, strict=True):
        survey_field.label, survey_field.choices = label, choices
        survey_field.save()
    return translated


def answer(page, *values, when=None) -> FormSubmission:
    """An answer straight into the table: `values` by the page's questions' positions (None: not answered)."""
    data = {
        survey_field.clean_name: value
        for survey_field, value in zip(fields_of(page), values, strict=False)
        if value is not None
    }
    submission = FormSubmission.objects.create(page=page, form_data=data)
    FormSubmission.objects.filter(pk=submission.pk).update(submit_time=when or at(5, 20))
    return submission


def child_voice(site, kind=ChildVoiceKind.PICTURES, age="3-5", likes=(), wishes=(), day=None, **fields) -> ChildVoice:
    return ChildVoice.objects.create(
        site=site,
        kind=kind,
        age_group=age,
        likes=list(likes),
        wishes=list(wishes),
        date=day or datetime.date(YEAR, 4, 15),
        language="fi",
        **fields,
    )


def log_status(idea: Idea, status: str, when: datetime.datetime) -> None:
    idea.set_status(status, at=when)


def rows_of(report_table) -> dict:
    return {row[0]: row[1:] for row in report_table}


# --- A small hand-made year ---------------------------------------------------------------------------------


@pytest.fixture
def year(site):
    """Site A's 2026, with some 2025 data and another meeting place's 2026 that must not count."""
    place = site["site"]
    cafe = make_activity(site, title="Perhekahvila", kind="open")
    peer = make_activity(site, title="Isien ryhmä", kind="peer")
    clinic = make_activity(site, title="Neuvola", kind="drop_in")

    count_visits(cafe, datetime.date(YEAR, 3, 2), 10, 12, 2)
    count_visits(cafe, datetime.date(YEAR, 3, 9), 8, 9, 1)
    count_visits(cafe, datetime.date(YEAR, 11, 2), 5, 6)
    count_visits(peer, datetime.date(YEAR, 3, 5), 6, 0, 1)
    count_visits(cafe, datetime.date(YEAR - 1, 12, 31), 99, 99, 9)

    give_feedback(cafe, [5, 5, 4, 4, 3])
    give_feedback(peer, [1, 2, 2, 3])
    give_feedback(clinic, [5, 4, 4, 4, 4, 3])
    give_feedback(cafe, [1, 1, 1], when=at(12, 31, 23, 30, year=YEAR - 1))

    survey = make_survey(site["home"])
    swedish = translate_survey(survey, "sv", "Besökarenkät", SWEDISH)
    english = translate(survey, "en", title="Visitor survey")
    SurveyField.objects.create(page=english, label="Your postcode?", field_type="singleline", sort_order=99)
    answer(survey, "Joka viikko", ["Leikit", "Kahvila"], "Hyvä paikka", True)
    answer(survey, "Joka viikko", ["Kahvila"], "", False)
    answer(survey, "Kerran kuussa", [], "", True)
    answer(survey, "Harvemmin", ["Leikit"], "", True)
    answer(swedish, "Varje vecka", ["Lekar", "Grupper"], "", False)
    answer(swedish, "Ibland", ["Kafé"], "", True)  # a choice since removed
    answer(english, "Every week", ["Play"], "", True, "00100")
    answer(english, "Every week", [], "", False, "00100")
    answer(survey, "Harvemmin", ["Ryhmät"], "", True, when=at(12, 31, 23, 59, year=YEAR - 1))

    for likes, wishes, age in [
        (["play", "crafts"], ["music"], "3-5"),
        (["play"], ["music", "outdoors"], "3-5"),
        (["play", "outdoors"], [], "3-5"),
        (["food"], [], "3-5"),
        (["play"], [], "0-2"),
        ([], [], "6-8"),
    ]:
        child_voice(place, likes=likes, wishes=wishes, age=age, wish="Lisää leikkejä")
    child_voice(place, kind=ChildVoiceKind.OBSERVATION, showed="Leikki pitkään.")
    child_voice(place, kind=ChildVoiceKind.OBSERVATION, showed="Piirsi.")
    child_voice(place, likes=["quiet"], day=datetime.date(YEAR - 1, 10, 1))

    voted = [make_idea(site, created_at=at(2, 1)), make_idea(site, created_at=at(2, 2))]
    make_idea(site, status=IdeaStatus.AWAITING, by_child=True, created_at=at(9, 1))
    make_idea(site, status=IdeaStatus.REJECTED, created_at=at(9, 2))
    earlier = make_idea(site, created_at=at(6, 1, year=YEAR - 1))
    make_round(site, voted, opens_at=at(5, 1), closes_at=at(5, 10))
    make_round(site, [earlier], opens_at=at(11, 1, year=YEAR - 1), closes_at=at(12, 1, year=YEAR - 1))
    log_status(voted[0], IdeaStatus.SELECTED, at(5, 12))
    log_status(voted[0], IdeaStatus.DONE, at(10, 1))
    log_status(voted[1], IdeaStatus.SELECTED, at(5, 12))
    log_status(earlier, IdeaStatus.DONE, at(11, 1, year=YEAR - 1))

    meeting = make_event(site, at(6, 1, 17), kind="community_meeting")
    old_meeting = make_event(site, at(6, 1, 17, year=YEAR - 1), kind="community_meeting")
    write_decision(meeting)
    write_decision(meeting)
    write_decision(meeting, status=DecisionStatus.DONE)
    write_decision(old_meeting)

    day = make_event(site, at(9, 15, 10), kind="co_development", registration_enabled=True)
    register(day, "Perhe A", adults=2, children=[(3, True), (5, True)], interpreter_language="so")
    register(day, "Perhe B", adults=1, children=[(1, False)], interpreter_language="ar")
    register(day, "Perhe C", status=RegistrationStatus.WAITLISTED, children=[(4, True)])
    register(day, "Perhe D", status=RegistrationStatus.CANCELLED, adults=2)
    old_day = make_event(site, at(9, 15, 10, year=YEAR - 1), kind="co_development", registration_enabled=True)
    register(old_day, "Perhe E", adults=3, children=[(2, True)])

    elsewhere = make_other_place()
    return {"site": site, "cafe": cafe, "peer": peer, "clinic": clinic, "survey": survey, "elsewhere": elsewhere}


def make_other_place() -> dict:
    """Another meeting place with data of every kind in 2026."""
    place = other_site()
    home = place["site"].root_page
    place["events_page"] = home.add_child(instance=EventIndexPage(title="Tapahtumat", slug="tapahtumat"))
    activity = make_activity(place, title="Toisen paikan kahvila", kind="open")
    count_visits(activity, datetime.date(YEAR, 3, 2), 50, 50, 5)
    give_feedback(activity, [1] * 7)
    survey = make_survey(home, slug="kysely", title="Toisen paikan kysely")
    for _number in range(6):
        answer(survey, "Joka viikko", ["Leikit"], "", True)
    for _number in range(5):
        child_voice(place["site"], likes=["quiet"])
    idea = make_idea(place, created_at=at(3, 1))
    log_status(idea, IdeaStatus.DONE, at(4, 1))
    write_decision(make_event(place, at(6, 2, 17), kind="community_meeting"))
    event = make_event(place, at(9, 1, 10), kind="co_development", registration_enabled=True)
    register(event, "Toinen perhe", adults=4, children=[(2, True)], interpreter_language="ru")
    place["activity"] = activity
    return place


def test_visits_per_activity_kind_and_month(year):
    with translation.override("en"):
        visits = yearly_report(year["site"]["site"], YEAR).visits
    assert [(kind.kind, kind.label) for kind in visits.kinds] == [("open", "Open activity"), ("peer", "Peer group")]
    open_activities, peer = visits.kinds
    march, november = open_activities.months[2], open_activities.months[10]
    assert (march.occurrences, march.adults, march.children, march.first_time_families) == (2, 18, 21, 3)
    assert (november.occurrences, november.adults, november.children, november.first_time_families) == (1, 5, 6, 0)
    assert open_activities.months[0].occurrences == 0
    assert (peer.total.occurrences, peer.total.adults, peer.total.children, peer.total.first_time_families) == (
        1,
        6,
        0,
        1,
    )
    all_march = visits.months[2]
    assert (all_march.occurrences, all_march.adults, all_march.children, all_march.first_time_families) == (
        3,
        24,
        21,
        4,
    )
    total = visits.total
    assert (total.occurrences, total.adults, total.children, total.first_time_families, total.people) == (
        4,
        29,
        27,
        4,
        56,
    )


def test_feedback_counts_and_averages_hide_small_groups_and_what_would_reveal_them(year):
    with translation.override("en"):
        feedback = yearly_report(year["site"]["site"], YEAR).feedback
    assert feedback.answers == 15
    assert feedback.average == Decimal("3.5")  # 53 / 15
    assert [(group.label, group.count) for group in feedback.faces] == [
        ("Very bad", 1),
        ("Bad", 2),
        ("Okay", 3),
        ("Good", 6),
        ("Very good", 3),
    ]
    # The peer group has 4 answers: hidden. With only it hidden, the year's average minus the others would
    # give it away, so the next smallest kind (the café's, 5 answers) and its activity are hidden too.
    assert [(group.label, group.answers, group.average) for group in feedback.kinds] == [
        ("Open activity", 5, HIDDEN),
        ("Peer group", 4, HIDDEN),
        ("Drop-in counselling", 6, Decimal("4.0")),
    ]
    assert [(group.label, group.kind, group.answers, group.average) for group in feedback.activities] == [
        ("Perhekahvila", "Open activity", 5, HIDDEN),
        ("Isien ryhmä", "Peer group", 4, HIDDEN),
        ("Neuvola", "Drop-in counselling", 6, Decimal("4.0")),
    ]


def test_four_answers_are_not_broken_down_and_five_are(site):
    cafe = make_activity(site, title="Perhekahvila", kind="open")
    give_feedback(cafe, [5, 4, 4, 2])
    four = yearly_report(site["site"], YEAR).feedback
    assert (four.answers, four.average, four.faces) == (4, HIDDEN, HIDDEN)
    assert [(group.answers, group.average) for group in four.kinds + four.activities] == [(4, HIDDEN), (4, HIDDEN)]

    give_feedback(cafe, [5])
    five = yearly_report(site["site"], YEAR).feedback
    assert five.average == Decimal("4.0")
    assert [group.count for group in five.faces] == [0, 1, 0, 2, 2]
    assert [(group.answers, group.average) for group in five.kinds + five.activities] == [
        (5, Decimal("4.0")),
        (5, Decimal("4.0")),
    ]


def test_an_activity_hidden_among_shown_ones_of_its_kind_takes_the_next_smallest_with_it(site):
    big, small, middle = (make_activity(site, title=title, kind="open") for title in ("Iso", "Pieni", "Keski"))
    give_feedback(big, [5] * 9)
    give_feedback(small, [1, 1])
    give_feedback(middle, [3] * 6)
    feedback = yearly_report(site["site"], YEAR).feedback
    assert [(group.answers, group.average) for group in feedback.kinds] == [(17, Decimal("3.8"))]  # 65 / 17
    assert {group.label: group.average for group in feedback.activities} == {
        "Iso": Decimal("5.0"),
        "Keski": HIDDEN,
        "Pieni": HIDDEN,
    }


def test_the_suppression_rules_on_their_own():
    assert hidden_groups({"a": 4, "b": 5, "c": 9}) == {"a", "b"}
    assert hidden_groups({"a": 4, "b": 1, "c": 9}) == {"a", "b"}
    assert hidden_groups({"a": 0, "b": 5, "c": 9}) == set()
    assert hidden_groups({"a": 3}) == {"a"}
    kinds = {"x": "open", "y": "open", "z": "peer"}
    assert feedback_hidden({"x": 5, "y": 5, "z": 5}, kinds) == (set(), set())
    assert feedback_hidden({"x": 6, "y": 7, "z": 2}, kinds) == ({"peer", "open"}, {"z", "x"})


def test_survey_answers_of_matching_translations_count_together_by_position(year):
    with translation.override("en"):
        [survey] = yearly_report(year["site"]["site"], YEAR).surveys
    assert survey.title == "Kävijäkysely"
    assert survey.answers == 6
    assert survey.notes == [
        "The English version's questions differ from the Finnish version's, so its 2 answers are left out."
    ]
    how_often, likes, first_time = survey.questions
    assert (how_often.label, how_often.answers, how_often.multiple, how_often.other) == (
        "Kuinka usein käytte?",
        6,
        False,
        1,
    )
    assert [(group.label, group.count) for group in how_often.choices] == [
        ("Joka viikko", 3),
        ("Kerran kuussa", 1),
        ("Harvemmin", 1),
    ]
    assert (likes.answers, likes.multiple) == (5, True)
    assert [(group.label, group.count) for group in likes.choices] == [("Leikit", 3), ("Kahvila", 3), ("Ryhmät", 1)]
    assert first_time.answers == 6
    assert [(group.label, group.count) for group in first_time.choices] == [("Ticked", 4), ("Not ticked", 2)]


def test_survey_labels_come_in_the_readers_language_where_a_matching_translation_has_them(year):
    with translation.override("sv"):
        [survey] = yearly_report(year["site"]["site"], YEAR).surveys
    assert survey.title == "Besökarenkät"
    assert [question.label for question in survey.questions][:2] == ["Hur ofta besöker ni oss?", "Vad tycker ni om?"]
    assert [group.label for group in survey.questions[0].choices] == ["Varje vecka", "En gång i månaden", "Mera sällan"]


def test_a_survey_question_with_four_answers_is_hidden_and_with_five_shown(site):
    survey = make_survey(site["home"])
    for _number in range(4):
        answer(survey, "Joka viikko", None, "", None)
    answer(survey, None, ["Leikit"], "", None)
    [summary] = yearly_report(site["site"], YEAR).surveys
    assert summary.answers == 5
    how_often, likes, first_time = summary.questions
    assert (how_often.answers, how_often.choices, how_often.other) == (4, HIDDEN, HIDDEN)
    assert (likes.answers, likes.choices) == (1, HIDDEN)
    assert first_time.answers == 0

    answer(survey, "Harvemmin", None, "", None)
    how_often = yearly_report(site["site"], YEAR).surveys[0].questions[0]
    assert [group.count for group in how_often.choices] == [4, 0, 1]


def test_childrens_voice_by_kind_and_age_group_and_the_pictures_chosen(year):
    with translation.override("en"):
        children = yearly_report(year["site"]["site"], YEAR).children
    assert children.records == 8
    # 2 observations would be hidden, and the total would give them away: the picture forms are hidden too.
    assert [(group.label, group.count) for group in children.by_kind] == [
        ("Picture form", HIDDEN),
        ("Observation", HIDDEN),
    ]
    assert [(group.label, group.count) for group in children.by_age] == [
        ("Under 3 years", HIDDEN),
        ("3–5 years", 6),
        ("6–8 years", HIDDEN),
        ("9–12 years", 0),
    ]
    assert {group.label: group.count for group in children.likes} == {
        "Playing": 4,
        "Drawing and crafts": 1,
        "Stories and books": 0,
        "Singing and music": 0,
        "Eating together": 1,
        "Being outdoors": 1,
        "Friends": 0,
        "A quiet corner": 0,
    }
    assert {group.label: group.count for group in children.wishes if group.count} == {
        "Singing and music": 2,
        "Being outdoors": 1,
    }


def test_four_childrens_voice_records_are_not_broken_down_and_five_are(site):
    for _number in range(4):
        child_voice(site["site"], likes=["play"])
    four = yearly_report(site["site"], YEAR).children
    assert (four.records, four.likes, four.wishes) == (4, HIDDEN, HIDDEN)
    assert [group.count for group in four.by_age] == [0, HIDDEN, 0, 0]

    child_voice(site["site"], likes=["play"])
    five = yearly_report(site["site"], YEAR).children
    assert five.likes[0].count == 5
    assert [group.count for group in five.by_age] == [0, 5, 0, 0]
    assert [group.count for group in five.by_kind] == [5, 0]


def test_ideas_proposed_voted_selected_done_and_decisions_made(year):
    report = yearly_report(year["site"]["site"], YEAR)
    ideas = report.ideas
    assert (ideas.proposed, ideas.by_children, ideas.rounds, ideas.put_to_vote, ideas.selected, ideas.done) == (
        3,
        1,
        1,
        2,
        2,
        1,
    )
    with translation.override("en"):
        decisions = yearly_report(year["site"]["site"], YEAR).decisions
    assert decisions.total == 3
    assert [(group.label, group.count) for group in decisions.by_status] == [
        ("Decided", 2),
        ("In progress", 0),
        ("Done", 1),
        ("Dropped", 0),
    ]


def test_registrations_count_confirmed_families_and_hide_needs_of_one_to_four(year):
    with translation.override("en"):
        signed_up = yearly_report(year["site"]["site"], YEAR).registrations
    assert (signed_up.events, signed_up.registrations, signed_up.adults, signed_up.children) == (1, 2, 3, 3)
    assert (signed_up.childcare, signed_up.interpreter) == (HIDDEN, HIDDEN)
    assert [(group.label, group.count) for group in signed_up.interpreters] == [
        ("Arabic", HIDDEN),
        ("Somali", HIDDEN),
    ]


def test_five_needs_are_shown(site):
    day = make_event(site, at(9, 15, 10), kind="co_development", registration_enabled=True)
    for number in range(5):
        register(day, f"Perhe {number}", children=[(3, True)], interpreter_language="so")
    register(day, "Perhe 5", children=[(3, False)], interpreter_language="ar")
    with translation.override("en"):
        signed_up = yearly_report(site["site"], YEAR).registrations
    assert (signed_up.registrations, signed_up.children, signed_up.childcare, signed_up.interpreter) == (6, 6, 5, 6)
    # Arabic alone would be hidden and worked out from the total: Somali goes with it.
    assert [(group.label, group.count) for group in signed_up.interpreters] == [("Arabic", HIDDEN), ("Somali", HIDDEN)]

    register(day, "Perhe 6", interpreter_language="ar")
    register(day, "Perhe 7", interpreter_language="fa")
    signed_up = yearly_report(site["site"], YEAR).registrations
    assert {group.label: group.count for group in signed_up.interpreters} == {
        "somali": 5,
        "arabia": HIDDEN,
        "persia": HIDDEN,
    }


def test_another_meeting_places_data_never_counts(year):
    mine = yearly_report(year["site"]["site"], YEAR)
    theirs = yearly_report(year["elsewhere"]["site"], YEAR)
    assert mine.visits.total.adults == 29 and theirs.visits.total.adults == 50
    assert mine.feedback.answers == 15 and theirs.feedback.answers == 7
    assert [survey.title for survey in mine.surveys] == ["Kävijäkysely"]
    assert [(survey.title, survey.answers) for survey in theirs.surveys] == [("Toisen paikan kysely", 6)]
    assert mine.children.records == 8 and theirs.children.records == 5
    assert (mine.ideas.proposed, mine.ideas.done) == (3, 1) and (theirs.ideas.proposed, theirs.ideas.done) == (1, 1)
    assert mine.decisions.total == 3 and theirs.decisions.total == 1
    assert mine.registrations.adults == 3 and theirs.registrations.adults == 4


def test_the_year_is_counted_in_finnish_time(site):
    cafe = make_activity(site, title="Perhekahvila", kind="open")
    survey = make_survey(site["home"])
    late = at(12, 31, 23, 30)  # 21.30 UTC: still 2026 in Helsinki
    early = at(1, 1, 0, 15)  # 22.15 UTC on 31 December 2025
    next_year = at(1, 1, 0, 30, year=YEAR + 1)  # 22.30 UTC on 31 December 2026
    for when in (late, early, next_year):
        give_feedback(cafe, [5], when=when)
        answer(survey, "Joka viikko", None, "", None, when=when)
        make_idea(site, created_at=when)
    assert late.astimezone(datetime.UTC).year == YEAR and early.astimezone(datetime.UTC).year == YEAR - 1
    assert next_year.astimezone(datetime.UTC).year == YEAR
    report = yearly_report(site["site"], YEAR)
    assert (report.feedback.answers, report.surveys[0].answers, report.ideas.proposed) == (2, 2, 2)
    following = yearly_report(site["site"], YEAR + 1)
    assert (following.feedback.answers, following.surveys[0].answers, following.ideas.proposed) == (1, 1, 1)
    assert Period(YEAR).start == datetime.datetime(YEAR - 1, 12, 31, 22, tzinfo=datetime.UTC)


# --- The admin page and the workbook ------------------------------------------------------------------------


def sign_in(client, user, language: str = "en"):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return user


def make_editor(username: str, *permissions: str):
    """An editor (may use the admin), with the given ideas permissions."""
    user = get_user_model().objects.create_user(username, password=PASSWORD)
    user.groups.add(Group.objects.get(name="Editors"))
    if permissions:
        group = Group.objects.create(name=f"{username} group")
        group.permissions.add(*Permission.objects.filter(content_type__app_label="ideas", codename__in=permissions))
        user.groups.add(group)
    return user


def report_url(year: int = YEAR, **params) -> str:
    url = reverse("ideas_report", args=[year])
    return url + ("?" + "&".join(f"{key}={value}" for key, value in params.items()) if params else "")


@pytest.fixture
def coordinator(client, site):
    return sign_in(client, get_user_model().objects.create_superuser("koordinaattori", password=PASSWORD))


def test_the_page_is_a_printable_document_in_the_admins_language(client, year, coordinator):
    response = client.get(report_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert html.startswith("<!DOCTYPE html>") and '<html lang="en" dir="ltr">' in html
    assert "<title>Yearly report 2026: " in html
    assert f'href="{reverse("wagtailadmin_home")}">Back to the admin</a>' in html
    assert 'href="/static/css/admin.css"' in html and 'href="/static/ideas/report.css"' in html
    assert "<style" not in html and "<script" not in html and "style=" not in html
    assert html.count('<section class="report-section"') == 6
    assert "<caption>Feedback by activity</caption>" in html
    assert '<th scope="row">Neuvola</th><td data-label="Activity kind">Drop-in counselling</td>' in html
    assert '<td data-label="Average face">4.0</td>' in html and "fewer than 5" in html
    assert '<th scope="col">Visitors</th>' in html  # the bar chart of visitors per month
    assert "The English version&#x27;s questions differ" in html
    assert "Perhe A" not in html  # counts only, never names
    assert f'<strong aria-current="page">{YEAR}</strong>' in html
    assert f'href="{report_url(YEAR - 1)}"' in html  # the year before has data
    assert f'href="{report_url(format="xlsx")}"' in html


def test_the_page_follows_the_admins_language(client, year):
    sign_in(client, get_user_model().objects.create_superuser("ruotsiksi", password=PASSWORD), language="sv")
    html = client.get(report_url()).content.decode()
    assert '<html lang="sv"' in html
    assert "Besökarenkät" in html


def test_with_several_places_the_admin_chooses_one(client, year, coordinator):
    elsewhere = year["elsewhere"]["site"]
    html = client.get(report_url(site=elsewhere.pk)).content.decode()
    assert "Toisen paikan kahvila" in html and "Perhekahvila" not in html
    assert f'href="{report_url()}?site={year["site"]["site"].pk}"' in html
    assert client.get(report_url(site=999999)).status_code == 404
    assert client.get(report_url(site="x")).status_code == 404


def test_bad_years_and_formats_are_not_found(client, site, coordinator):
    assert client.get(report_url(1999)).status_code == 404
    assert client.get(report_url(timezone.localdate().year + 2)).status_code == 404
    assert client.get(report_url(format="pdf")).status_code == 404


def test_the_menus_entry_opens_this_years_report(client, site, coordinator):
    response = client.get(reverse("ideas_report_index"))
    assert response.status_code == 302
    assert response["Location"] == report_url(timezone.localdate().year)


def sheet_rows(sheet) -> list[tuple]:
    return [row for row in sheet.iter_rows(values_only=True) if any(cell is not None for cell in row)]


def test_the_workbook_has_a_sheet_per_section_with_the_pages_numbers(client, year, coordinator):
    response = client.get(report_url(format="xlsx"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert response["Content-Disposition"] == f'attachment; filename="yearly-report-{YEAR}.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Visits",
        "Immediate feedback",
        "Visitor survey",
        "Children's voice",
        "Ideas and decisions",
        "Sign-ups to events",
    ]
    feedback = sheet_rows(book["Immediate feedback"])
    assert feedback[0][0] == f"Immediate feedback {YEAR}: localhost"
    assert ("Activity", "Activity kind", "Answers", "Average face") in feedback
    assert ("Neuvola", "Drop-in counselling", 6, 4) in feedback
    assert ("Perhekahvila", "Open activity", 5, "fewer than 5") in feedback
    assert ("Average face", 3.5, None, None) in feedback
    visits = sheet_rows(book["Visits"])
    assert ("Total", 4, 29, 27, 4) in visits
    assert ("March", 3, 24, 21, 4) in visits
    survey = sheet_rows(book["Visitor survey"])
    assert ("Joka viikko", 3) in survey and ("A choice since removed", 1) in survey
    children = sheet_rows(book["Children's voice"])
    assert ("3–5 years", 6) in children and ("Under 3 years", "fewer than 5") in children
    ideas = sheet_rows(book["Ideas and decisions"])
    assert ("Put to a vote", 2) in ideas and ("Decided", 2) in ideas
    signed_up = sheet_rows(book["Sign-ups to events"])
    assert ("Adults", 3) in signed_up and ("Children needing childcare", "fewer than 5") in signed_up
    assert not any("Perhe" in str(cell) for row in signed_up for cell in row)


def test_the_workbook_never_holds_a_formula(client, site, coordinator):
    activity = make_activity(site, title=INJECTION, kind="open")
    give_feedback(activity, [4] * 5)
    book = load_workbook(io.BytesIO(client.get(report_url(format="xlsx")).content))
    [cell] = [cell for row in book["Immediate feedback"].iter_rows() for cell in row if cell.value == INJECTION]
    assert cell.data_type == "s"
    assert cell.quotePrefix


# --- Who may see it ---------------------------------------------------------------------------------------


def test_only_those_with_the_report_permission_see_it(client, year):
    urls = [report_url(), report_url(format="xlsx"), reverse("ideas_report_index")]
    for url in urls:
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url

    sign_in(client, make_editor("toimittaja", "change_idea", "change_votinground"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Neuvola" not in response.content
    assert reverse("ideas_report_index") not in client.get(reverse("wagtailadmin_home")).content.decode()

    sign_in(client, make_editor("raportoija", "view_report"))
    assert client.get(report_url()).status_code == 200
    assert client.get(report_url(format="xlsx")).status_code == 200
    assert reverse("ideas_report_index") in client.get(reverse("wagtailadmin_home")).content.decode()


# --- Queries ----------------------------------------------------------------------------------------------


def add_answers(site: dict, activities: list, pages: list, count: int, offset: int) -> None:
    """`count` more feedback answers, survey answers and children's voice records, and a tenth as many visit
    counts, spread over the year; straight into the tables."""
    numbers = range(offset, offset + count)
    Feedback.objects.bulk_create(
        Feedback(
            activity=activities[number % len(activities)],
            face=1 + number % 5,
            language="fi",
            created_at=at(1 + number % 12, 1 + number % 28, number % 24),
        )
        for number in numbers
    )
    choices = [["Leikit"], ["Kahvila", "Ryhmät"], []]
    questions = {page.pk: fields_of(page) for page in pages}
    submissions = []
    for number in numbers:
        page = pages[number % len(pages)]
        radio, checkboxes, text, checkbox = questions[page.pk]
        submissions.append(
            FormSubmission(
                page=page,
                form_data={
                    radio.clean_name: ["Joka viikko", "Kerran kuussa", "Harvemmin"][number % 3],
                    checkboxes.clean_name: choices[number % 3],
                    text.clean_name: "",
                    checkbox.clean_name: bool(number % 2),
                },
            )
        )
    FormSubmission.objects.bulk_create(submissions)
    FormSubmission.objects.update(submit_time=at(6, 1))  # bulk_create stamps them now
    ChildVoice.objects.bulk_create(
        ChildVoice(
            site=site["site"],
            kind=ChildVoiceKind.PICTURES if number % 3 else ChildVoiceKind.OBSERVATION,
            age_group=["0-2", "3-5", "6-8", "9-12"][number % 4],
            likes=[["play"], ["crafts", "food"], []][number % 3],
            wishes=[["music"], []][number % 2],
            showed="Leikki.",
            date=datetime.date(YEAR, 1 + number % 12, 1 + number % 28),
            language="fi",
        )
        for number in numbers
    )
    VisitCount.objects.bulk_create(
        VisitCount(
            activity=activities[number % len(activities)],
            date=datetime.date(YEAR, 1, 1) + datetime.timedelta(days=number // len(activities)),
            adults=number % 7,
            children=number % 5,
            first_time_families=number % 2,
        )
        for number in range(offset // 10, (offset + count) // 10)
    )


def test_report_queries_do_not_grow_with_the_number_of_answers(client, site, coordinator):
    activities = [make_activity(site, kind=kind) for kind in ("open", "peer", "drop_in", "material", "club") * 2]
    survey = make_survey(site["home"])
    swedish = translate_survey(survey, "sv", "Besökarenkät", SWEDISH)
    ideas = [make_idea(site, created_at=at(2, 1)) for _number in range(3)]
    make_round(site, ideas, opens_at=at(5, 1), closes_at=at(5, 10))
    log_status(ideas[0], IdeaStatus.DONE, at(6, 1))
    write_decision(make_event(site, at(6, 1, 17), kind="community_meeting"))
    day = make_event(site, at(9, 15, 10), kind="co_development", registration_enabled=True)
    register(day, "Perhe", adults=2, children=[(3, True)], interpreter_language="so")

    def measure() -> tuple[int, int]:
        with translation.override("en"), CaptureQueriesContext(connection) as built:
            yearly_report(site["site"], YEAR)
        building = len(built)  # now: the captured queries are read from the log, which each request empties
        client.get(report_url())  # warm what is cached across requests (the site, content types)
        with CaptureQueriesContext(connection) as rendered:
            response = client.get(report_url())
        assert response.status_code == 200
        return building, len(rendered)

    started = time.monotonic()
    add_answers(site, activities, [survey, swedish], 100, 0)
    small = measure()
    assert yearly_report(site["site"], YEAR).feedback.answers == 100
    add_answers(site, activities, [survey, swedish], 9_900, 100)
    large = measure()
    report = yearly_report(site["site"], YEAR)
    assert (report.feedback.answers, report.surveys[0].answers, report.children.records) == (10_000, 10_000, 10_000)
    assert report.visits.total.occurrences == 1_000
    print(
        f"\nyearly report queries: building {small[0]} at 100 answers, {large[0]} at 10,000; "
        f"rendering the page {small[1]} at 100, {large[1]} at 10,000 ({time.monotonic() - started:.1f} s)"
    )
    assert small == large
