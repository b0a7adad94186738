"""The families' voice in the demo: the feedback, children's voice, survey and ways-to-take-part pages in fi, sv
and en, a month of feedback on activities held, children's picture forms and observations, and the survey's
anonymous answers; built once, not again, and rebuilt by a reset although feedback protects its activity."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone, translation
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale, Page

from events import demo as events_demo
from events import schedule
from events.models import Activity, Closure, VisitCount
from ideas import demo as ideas_demo
from ideas.demo.voice import children as children_demo
from ideas.demo.voice import feedback as feedback_demo
from ideas.models import (
    ChildrenVoicePage,
    ChildVoice,
    ChildVoiceKind,
    Feedback,
    FeedbackPage,
    Idea,
    IdeaStatus,
    SurveyPage,
    TakePartPage,
)
from ideas.voice_choices import AgeGroup, Face
from tests.demo_case import DemoSiteTestCase

PREFIXES = {"fi": "/", "sv": "/sv/", "en": "/en/"}
PAGES = {
    "palaute": (FeedbackPage, {"fi": "Palaute", "sv": "Respons", "en": "Feedback"}),
    "lasten-aani": (ChildrenVoicePage, {"fi": "Lasten ääni", "sv": "Barnens röst", "en": "Children's voice"}),
    "kavijakysely": (SurveyPage, {"fi": "Kävijäkysely", "sv": "Besökarenkät", "en": "Visitor survey"}),
    "osallistu": (TakePartPage, {"fi": "Osallistu", "sv": "Delta", "en": "Take part"}),
}
CHOICE_TYPES = {"radio", "checkboxes", "dropdown"}


def run(*args) -> None:
    call_command("load_demo", *args, stdout=io.StringIO())


def snapshot():
    return {
        "pages": sorted(
            Page.objects.filter(slug__in=PAGES).values_list("locale__language_code", "url_path", "translation_key")
        ),
        "feedback": sorted(
            Feedback.objects.values_list("submission_key", "activity__slug", "face", "language", "created_at")
        ),
        "children": sorted(ChildVoice.objects.values_list("submission_key", "kind", "date", "idea__title")),
        "answers": sorted(
            (page, sorted(data.items()), sent)
            for page, data, sent in FormSubmission.objects.values_list("page__url_path", "form_data", "submit_time")
        ),
        "ideas": Idea.objects.count(),
    }


@pytest.mark.django_db
def test_load_demo_twice_adds_no_page_answer_or_record():
    run()
    first = snapshot()
    run()
    assert snapshot() == first
    assert len(first["pages"]) == len(PAGES) * len(PREFIXES)
    assert 50 <= len(first["feedback"]) <= 100
    assert len(first["children"]) == len(children_demo.PICTURES) + len(children_demo.OBSERVATIONS)
    assert 35 <= len(first["answers"]) <= 45


@pytest.mark.django_db
def test_reset_deletes_what_protects_the_activities_and_builds_it_again():
    run()
    first = snapshot()
    Feedback.objects.filter(activity__slug="perhekerho").delete()
    run("--reset")
    again = snapshot()
    assert [row[:4] for row in again["feedback"]] == [row[:4] for row in first["feedback"]]
    assert [row[:2] for row in again["children"]] == [row[:2] for row in first["children"]]
    assert len(again["answers"]) == len(first["answers"]) and again["ideas"] == first["ideas"]
    assert {url for _language, url, _key in again["pages"]} == {url for _language, url, _key in first["pages"]}


@pytest.mark.django_db
def test_the_apps_resets_in_home_order_let_the_activities_go():
    run()
    assert Feedback.objects.exists() and VisitCount.objects.exists()
    ideas_demo.reset()
    events_demo.reset()
    assert not Activity.objects.exists()
    assert not Feedback.objects.exists() and not ChildVoice.objects.exists() and not VisitCount.objects.exists()


@pytest.mark.django_db
def test_a_later_run_gives_no_answer_again_and_moves_none():
    run()
    before = snapshot()
    later = events_demo.today_in_helsinki() + datetime.timedelta(days=21)
    activities = {
        slug: {activity.locale.language_code: activity for activity in Activity.objects.filter(slug=slug)}
        for slug in feedback_demo.ACTIVITIES
    }
    made = feedback_demo.load(Activity.objects.first().site, activities, later)
    assert snapshot()["feedback"] == before["feedback"]
    assert len(made) == len(before["feedback"])


class VoicePagesTests(DemoSiteTestCase):
    def test_each_page_is_live_in_three_languages_as_translations_of_one_page(self):
        for slug, (page_class, titles) in PAGES.items():
            pages = {page.locale.language_code: page for page in page_class.objects.select_related("locale")}
            with self.subTest(slug=slug):
                assert set(pages) == set(PREFIXES)
                assert len({page.translation_key for page in pages.values()}) == 1
                for language, page in pages.items():
                    assert page.live and page.slug == slug and page.intro
                    assert page.title.startswith(titles[language]), page.title
                    assert page.get_parent().specific.__class__.__name__ == "HomePage"
                    with translation.override(language):
                        assert page.url == f"{PREFIXES[language]}{slug}/"

    def test_the_children_page_guides_the_adult_without_asking_names(self):
        for page in ChildrenVoicePage.objects.select_related("locale"):
            page.full_clean()
            assert len(page.adult_guidance) > 200, page.locale
        guidance = ChildrenVoicePage.objects.get(locale__language_code="fi").adult_guidance
        assert "nimeä" in guidance and "ääneen" in guidance

    def test_the_survey_asks_the_same_questions_in_every_language(self):
        shapes = {}
        for survey in SurveyPage.objects.select_related("locale"):
            fields = list(survey.form_fields.order_by("sort_order", "pk"))
            shapes[survey.locale.language_code] = [
                (field.field_type, field.required, len(field.choices.splitlines())) for field in fields
            ]
            labels = [field.label for field in fields]
            assert len(set(labels)) == len(labels) == 6
            assert all(field.clean_name for field in fields)
            assert survey.thank_you_text
        assert set(shapes) == set(PREFIXES)
        assert len({tuple(shape) for shape in shapes.values()}) == 1
        assert [field_type for field_type, _required, _choices in shapes["fi"]] == [
            "radio",
            "checkboxes",
            "radio",
            "checkboxes",
            "multiline",
            "dropdown",
        ]
        assert [required for _type, required, _choices in shapes["fi"]] == [True, True, True, True, False, False]
        welcome = SurveyPage.objects.get(locale__language_code="en").form_fields.get(sort_order=2)
        assert welcome.choices.splitlines()[-1] == "Very welcome" and len(welcome.choices.splitlines()) == 5

    def test_the_survey_is_of_the_year_its_answers_are_from(self):
        survey = SurveyPage.objects.get(locale__language_code="fi")
        years = {timezone.localtime(sent).year for sent in FormSubmission.objects.values_list("submit_time", flat=True)}
        assert len(years) == 1 and survey.title == f"Kävijäkysely {years.pop()}"

    def test_the_take_part_page_explains_four_ways_and_asks_which_interest(self):
        for page in TakePartPage.objects.select_related("locale"):
            blocks = list(page.body)
            headings = [block for block in blocks if block.block_type == "heading"]
            assert len(headings) == 4, page.locale
            for heading, following in zip(blocks[::2], blocks[1::2], strict=True):
                assert heading.block_type == "heading" and following.block_type == "paragraph"
                assert len(following.value.source) > 300, heading.value["text"]
            fields = list(page.form_fields.order_by("sort_order", "pk"))
            assert [field.field_type for field in fields] == ["singleline", "singleline", "checkboxes", "multiline"]
            assert [field.required for field in fields] == [True, True, True, False]
            assert len(fields[2].choices.splitlines()) == 4 and page.thank_you_text
        english = TakePartPage.objects.get(locale__language_code="en")
        assert [block.value["text"] for block in english.body if block.block_type == "heading"] == [
            "Volunteer",
            "Intern",
            "Peer group leader",
            "Co-development day participant",
        ]


class SurveyAnswersTests(DemoSiteTestCase):
    def test_answers_are_anonymous_and_keyed_by_the_questions_of_their_translation(self):
        surveys = SurveyPage.objects.select_related("locale")
        counts = {}
        for survey in surveys:
            fields = {field.clean_name: field for field in survey.form_fields.all()}
            answers = FormSubmission.objects.filter(page=survey)
            counts[survey.locale.language_code] = answers.count()
            for answer in answers:
                assert set(answer.form_data) == set(fields), answer.form_data
                for name, value in answer.form_data.items():
                    field = fields[name]
                    choices = field.choices.splitlines()
                    if field.field_type == "checkboxes":
                        assert value and set(value) <= set(choices), (name, value)
                    elif field.field_type in CHOICE_TYPES:
                        assert value in choices or (not field.required and value == ""), (name, value)
                    else:
                        assert isinstance(value, str) and "@" not in value
        assert set(counts) == set(PREFIXES) and all(counts.values())
        assert 35 <= sum(counts.values()) <= 45 and counts["fi"] > counts["en"] > counts["sv"]

    def test_answers_were_sent_in_the_weeks_before_today(self):
        today = events_demo.today_in_helsinki()
        sent = FormSubmission.objects.values_list("submit_time", flat=True)
        days = [timezone.localtime(moment).date() for moment in sent]
        for day in days:  # in January, the weeks before the new year (the latest survey is last year's)
            assert today - datetime.timedelta(weeks=13) < day < today, day
        assert len({day.year for day in days}) == 1
        assert len(set(days)) >= 10, "answers are spread over the weeks the survey was open"

    def test_most_feel_welcome_and_some_do_not_quite(self):
        survey = SurveyPage.objects.get(locale__language_code="fi")
        welcome = survey.form_fields.get(sort_order=2)
        choices = welcome.choices.splitlines()
        given = [answer.form_data[welcome.clean_name] for answer in FormSubmission.objects.filter(page=survey)]
        top_two = sum(value in choices[-2:] for value in given)
        assert top_two >= len(given) * 0.6
        assert top_two < len(given), "a survey where everyone is happy tells nothing"


class FeedbackDemoTests(DemoSiteTestCase):
    def setUp(self):
        self.today = events_demo.today_in_helsinki()
        self.first = self.today - datetime.timedelta(days=30)

    def test_four_public_activities_have_a_month_of_feedback(self):
        default = Locale.get_default()
        counts = {}
        for slug in feedback_demo.ACTIVITIES:
            activity = Activity.objects.get(slug=slug, locale=default)
            assert not activity.staff_only
            answers = Feedback.objects.filter(activity=activity, created_at__date__gte=self.first)
            counts[slug] = answers.count()
        assert len(counts) == 4
        assert all(10 <= count <= 25 for count in counts.values()), counts
        assert not Feedback.objects.exclude(activity__locale=default).exists(), "answers add up on the source row"

    def test_answers_fall_on_days_the_activity_was_held_and_none_today(self):
        with translation.override("fi"):
            closures = Closure.objects.rows()
        for answer in Feedback.objects.select_related("activity"):
            given = timezone.localtime(answer.created_at)
            assert self.first <= given.date() < self.today, given
            assert schedule.dates(answer.activity, given.date(), given.date()) == [given.date()], answer
            assert schedule.closure_on(closures, given.date()) is None
            start = schedule.aware(given.date(), answer.activity.start_time)
            assert given > start, "given during the activity or after it"
            if answer.at_place:
                assert given <= schedule.aware(given.date(), answer.activity.end_time)

    def test_faces_are_mostly_happy_some_not_and_the_texts_in_three_languages(self):
        faces = Feedback.objects.all().face_counts()
        total = sum(faces.values())
        assert faces[Face.GOOD] + faces[Face.VERY_GOOD] >= total * 0.7
        assert faces[Face.OKAY] + faces[Face.BAD] > 0
        assert set(Feedback.objects.values_list("language", flat=True)) == set(PREFIXES)
        assert Feedback.objects.filter(at_place=True).exists() and Feedback.objects.filter(at_place=False).exists()
        written = Feedback.objects.exclude(good="", better="")
        assert 0 < written.count() < total
        assert {"fi", "sv", "en"} <= set(written.values_list("language", flat=True))


class ChildrenVoiceDemoTests(DemoSiteTestCase):
    def test_picture_forms_and_observations_across_the_age_groups(self):
        records = ChildVoice.objects.select_related("activity", "site")
        pictures = records.filter(kind=ChildVoiceKind.PICTURES)
        observations = records.filter(kind=ChildVoiceKind.OBSERVATION)
        assert 10 <= pictures.count() <= 14 and 5 <= observations.count() <= 7
        assert set(records.values_list("age_group", flat=True)) == set(AgeGroup.values)
        assert set(records.values_list("language", flat=True)) == set(PREFIXES)
        today = events_demo.today_in_helsinki()
        for record in records:
            record.full_clean()
            assert record.wishes or record.wish or record.showed, record
            assert record.activity.locale == Locale.get_default() and not record.activity.staff_only
            assert record.date < today
            assert schedule.dates(record.activity, record.date, record.date) == [record.date], record
            assert record.site.is_default_site
        assert pictures.exclude(wish="").count() >= 5 and all(not record.showed for record in pictures)
        assert all(record.showed for record in observations)

    def test_one_observed_wish_is_already_a_childs_idea_awaiting_moderation(self):
        [record] = ChildVoice.objects.exclude(idea=None)
        assert record.kind == ChildVoiceKind.OBSERVATION
        idea = Idea.objects.get(child_voice=record)
        assert idea.by_child and idea.status == IdeaStatus.AWAITING
        assert idea.title == record.wish and idea.language == record.language == "fi"


class VoicePagesAnswerTests(DemoSiteTestCase):
    """The pages answer in their language at the addresses their templates serve."""

    def test_each_page_answers_in_its_language(self):
        for slug in PAGES:
            for language, prefix in PREFIXES.items():
                with self.subTest(url=prefix + slug):
                    response = self.client.get(f"{prefix}{slug}/")
                    assert response.status_code == 200
                    assert f'<html lang="{language}">' in response.content.decode()

    def test_the_feedback_form_of_an_activity_answers_in_its_language(self):
        for language, prefix in PREFIXES.items():
            with self.subTest(language=language):
                response = self.client.get(f"{prefix}palaute/perhekahvila/")
                assert response.status_code == 200
                assert f'<html lang="{language}">' in response.content.decode()
