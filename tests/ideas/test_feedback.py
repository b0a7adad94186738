"""Immediate feedback: `/palaute/<activity>/` and its kiosk, the staff's summary, list, exports and posters,
and the link from each public activity's page.

A family answers with one of five faces and two optional texts; nothing about who answered is stored. Bad
input (an unknown activity, a face outside the five, a text far too long, a flood from one connection) gets a
404, a message or a 429, and nothing half-stored. The cache (rate limits) starts empty in each test
(tests/ideas/conftest.py).
"""

import csv
import datetime
import io
import re
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import connection, models
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext
from openpyxl import load_workbook
from wagtail.models import Locale, Page, Site

from home.models import HomePage
from ideas import feedback_admin
from ideas.feedback_forms import NO_NAMES, FeedbackForm
from ideas.models import Feedback, FeedbackPage
from ideas.models import feedback_page as feedback_routes
from ideas.qr import qr_svg
from ideas.voice_choices import FEEDBACK_TEXT_MAX, SMALLEST_GROUP, Face
from pages import throttle
from tests.events.builders import make_activity, translate
from tests.ideas.builders import make_ideas_site

LANGUAGES = ["fi", "sv", "en"]
CAFE_TITLES = {"fi": "Perhekahvila", "sv": "Familjecafé", "en": "Family café"}
PAGE_TITLES = {"fi": "Palaute", "sv": "Respons", "en": "Feedback"}
# A face of the form: its radio button's value, then the text of its label.
FACE_OPTION = re.compile(
    r'<div class="face"><input type="radio" name="face" value="(\d)"[^>]*>.*?<span>([^<]+)</span>', re.DOTALL
)
FORMULA = '=HYPERLINK("http://example.com","klikkaa")'


def make_feedback_site(languages=("sv", "en")) -> dict:
    """The ideas site with `/palaute/` and the week page in `languages` too; a public café (translated), an
    activity that has ended, a staff-only house meeting, and another place with an activity of its own."""
    site = make_ideas_site()
    site["feedback_page"] = site["home"].add_child(instance=FeedbackPage(title=PAGE_TITLES["fi"], slug="palaute"))
    site["feedback_pages"] = {"fi": site["feedback_page"]}
    for language in languages:
        site["feedback_pages"][language] = translate(site["feedback_page"], language, title=PAGE_TITLES[language])
        translate(site["week_page"], language)
    cafe = make_activity(site, title=CAFE_TITLES["fi"], slug="perhekahvila")
    site["cafe"] = cafe
    site["cafes"] = {"fi": cafe}
    for language in languages:
        copy = cafe.copy_for_translation(Locale.objects.get(language_code=language))
        copy.title = CAFE_TITLES[language]
        copy.save()
        site["cafes"][language] = copy
    site["gym"] = make_activity(site, title="Perhejumppa", slug="perhejumppa")
    site["ended"] = make_activity(
        site,
        title="Kesäkerho",
        slug="kesakerho",
        first_date=datetime.date(2026, 6, 1),
        last_date=datetime.date(2026, 7, 31),
    )
    site["house_meeting"] = make_activity(site, title="Talokokous", slug="talokokous", staff_only=True)
    other_home = Page.get_first_root_node().add_child(
        instance=HomePage(title="Toinen paikka", slug="toinen-paikka", locale=site["locale"])
    )
    site["other_site"] = Site.objects.create(hostname="toinen.example", port=80, root_page=other_home)
    site["elsewhere"] = make_activity(
        {"site": site["other_site"]}, title="Toisen paikan kahvila", slug="toisen-kahvila"
    )
    return site


@pytest.fixture
def site(db):
    return make_feedback_site()


def form_url(site, language: str = "fi", slug: str = "perhekahvila", name: str = "form") -> str:
    page = site["feedback_pages"][language]
    return path_of(page) + page.reverse_subpage(name, args=[slug])


def week_page(site, language: str):
    return site["week_page"].get_translation(Locale.objects.get(language_code=language))


def path_of(page) -> str:
    """A page's address on the default site (the tests' client asks for it there)."""
    return page.relative_url(Site.objects.get(is_default_site=True))


def answer(face="5", key=None, **fields) -> dict:
    return {"face": face, "good": "", "better": "", "submission_key": str(key or uuid.uuid4()), **fields}


def text(language: str, message) -> str:
    with translation.override(language):
        return str(gettext(message) if isinstance(message, str) else message)


def body_of(response) -> str:
    return response.content.decode()


def main_of(response) -> str:
    return body_of(response).split('<main id="main"', 1)[1].split("</main>", 1)[0]


# --- The list and the form ----------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_feedback_page_lists_the_places_current_public_activities_in_its_language(client, site, language):
    response = client.get(path_of(site["feedback_pages"][language]))

    assert response.status_code == 200
    main = main_of(response)
    assert f'href="{form_url(site, language)}">{CAFE_TITLES[language]}</a>' in main
    assert f'href="{form_url(site, language, "perhejumppa")}">Perhejumppa</a>' in main
    for hidden in ("Talokokous", "Kesäkerho", "Toisen paikan kahvila"):
        assert hidden not in main


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_shows_the_activity_five_labelled_faces_and_the_two_questions(client, site, language):
    response = client.get(form_url(site, language))

    assert response.status_code == 200
    assert f'<html lang="{language}"' in body_of(response)
    main = main_of(response)
    assert f"<h1>{CAFE_TITLES[language]}</h1>" in main
    with translation.override(language):
        form = FeedbackForm()
        labels = [str(label) for _value, label in Face.choices]
        questions = [str(form["good"].label), str(form["better"].label), str(form["face"].label)]
    faces = FACE_OPTION.findall(main)
    assert faces == [(str(value), label) for value, label in zip(Face.values, labels, strict=True)]
    assert main.count('<svg class="face-picture"') == 5
    for question in questions:
        assert question in main
    assert text(language, NO_NAMES) in main
    assert f'maxlength="{FEEDBACK_TEXT_MAX}"' in main
    assert "no-store" in response["Cache-Control"]


def test_unknown_staff_only_and_other_places_activities_are_not_found(client, site):
    for slug in ("ei-ole", "talokokous", "toisen-kahvila"):
        for name in ("form", "kiosk", "thanks", "kiosk_thanks"):
            assert client.get(form_url(site, "fi", slug, name)).status_code == 404, (slug, name)
        assert client.post(form_url(site, "fi", slug), answer()).status_code == 404
    assert Feedback.objects.count() == 0


def test_other_methods_are_not_allowed(client, site):
    assert client.put(form_url(site)).status_code == 405
    assert client.post(form_url(site, name="thanks")).status_code == 405


# --- Answering ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_answer_is_stored_for_the_source_activity_in_the_pages_language(client, site, language):
    response = client.post(
        form_url(site, language), answer("4", good="Hyvä laulu", better="Enemmän tilaa\r\nvaunuille")
    )

    assert response.status_code == 302
    assert response["Location"] == form_url(site, language, name="thanks")
    stored = Feedback.objects.get()
    assert stored.activity == site["cafe"]
    assert (stored.face, stored.good, stored.better) == (4, "Hyvä laulu", "Enemmän tilaa\nvaunuille")
    assert stored.language == language
    assert stored.at_place is False


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_thank_you_page_links_to_the_activity_and_to_another_answer(client, site, language):
    response = client.get(form_url(site, language, name="thanks"))

    assert response.status_code == 200
    main = main_of(response)
    week = week_page(site, language)
    assert f'href="{path_of(week)}perhekahvila/"' in main
    assert f'href="{form_url(site, language)}"' in main
    assert text(language, "Thank you for your feedback") in main


@pytest.mark.parametrize("face", ["0", "6", "x", "", "3.5"])
def test_a_face_outside_the_five_is_refused_with_an_error_summary_and_nothing_is_stored(client, site, face):
    response = client.post(form_url(site), answer(face, good="Kiva aamu"))

    assert response.status_code == 200
    main = main_of(response)
    assert 'class="error-summary" role="alert"' in main
    expected = "Choose a face: how was it?" if face == "" else "Choose one of the five faces."
    assert text("fi", expected) in main
    assert 'href="#id_face_0"' in main  # the summary's link moves to the faces
    assert ">\nKiva aamu</textarea>" in main  # what was typed is kept
    assert Feedback.objects.count() == 0


def test_ten_thousand_characters_are_refused_with_a_message_and_nothing_is_stored(client, site):
    response = client.post(form_url(site), answer("5", better="a" * 10_000))

    assert response.status_code == 200
    with translation.override("fi"):
        message = str(FeedbackForm.base_fields["better"].error_messages["max_length"]) % {
            "limit_value": FEEDBACK_TEXT_MAX,
            "show_value": 10_000,
        }
    assert message in main_of(response)
    assert 'class="error-summary" role="alert"' in main_of(response)
    assert Feedback.objects.count() == 0


def test_hidden_direction_characters_are_refused(client, site):
    response = client.post(form_url(site), answer("2", good="hyvä \u202eolo"))

    assert response.status_code == 200
    assert 'class="error-summary"' in main_of(response)
    assert Feedback.objects.count() == 0


def test_a_form_sent_twice_stores_one_answer(client, site):
    key = uuid.uuid4()
    first = client.post(form_url(site), answer("5", key=key, good="Kiitos"))
    second = client.post(form_url(site), answer("5", key=key, good="Kiitos"))

    assert first.status_code == second.status_code == 302
    assert first["Location"] == second["Location"]
    assert Feedback.objects.count() == 1


def test_a_form_without_its_key_is_refused(client, site):
    response = client.post(form_url(site), {"face": "5"})

    assert response.status_code == 200
    assert 'class="error-summary"' in main_of(response)
    assert Feedback.objects.count() == 0


def test_a_flood_from_one_connection_gets_429_and_nothing_beyond_the_limit_is_stored(client, site):
    limit = feedback_routes.ANSWERS_PER_CLIENT.hits
    for _number in range(limit):
        assert client.post(form_url(site), answer("3"), REMOTE_ADDR="198.51.100.7").status_code == 302

    refused = client.post(form_url(site), answer("3"), REMOTE_ADDR="198.51.100.7")

    assert refused.status_code == 429
    assert refused["Retry-After"] == str(feedback_routes.ANSWERS_PER_CLIENT.seconds)
    assert Feedback.objects.count() == limit
    # Another family on another connection still answers.
    assert client.post(form_url(site), answer("3"), REMOTE_ADDR="198.51.100.8").status_code == 302
    assert Feedback.objects.count() == limit + 1


def test_the_whole_site_has_a_limit_too(client, site, monkeypatch):
    monkeypatch.setattr(feedback_routes, "ANSWERS_OVERALL", throttle.Limit(3, 600))
    for number in range(3):
        assert client.post(form_url(site), answer("4"), REMOTE_ADDR=f"198.51.100.{number}").status_code == 302

    refused = client.post(form_url(site), answer("4"), REMOTE_ADDR="198.51.100.99")

    assert refused.status_code == 429
    assert refused.context["overall"] is True
    assert Feedback.objects.count() == 3


def test_nothing_about_who_answered_is_stored(client, site):
    address, agent = "203.0.113.77", "Kohtaamo-testiselain/1.0"
    names = {field.name.lower() for field in Feedback._meta.get_fields()}
    assert not any(isinstance(field, models.GenericIPAddressField) for field in Feedback._meta.get_fields())
    assert not names & {"ip", "ip_address", "address", "user", "user_agent", "session", "email", "name"}

    client.post(form_url(site), answer("5", good="Hyvä"), REMOTE_ADDR=address, HTTP_USER_AGENT=agent)

    row = Feedback.objects.values().get()
    assert row["face"] == 5
    stored = " ".join(str(value) for value in row.values())
    assert address not in stored and agent not in stored and "203.0.113" not in stored


# --- The kiosk ----------------------------------------------------------------------------------------------


def test_a_kiosk_answer_is_given_at_the_place_and_the_thanks_return_to_an_empty_form(client, site):
    kiosk = form_url(site, "fi", name="kiosk")
    form = client.get(kiosk)
    assert form.status_code == 200
    assert 'class="kiosk"' in body_of(form)
    assert 'href="#main"' in body_of(form) and "<main" in body_of(form)  # the skip link and its landmark stay

    response = client.post(kiosk, answer("1", good="Liian kova ääni", better="Hiljaisempi nurkka"))

    thanks = form_url(site, "fi", name="kiosk_thanks")
    assert response.status_code == 302 and response["Location"] == thanks
    stored = Feedback.objects.get()
    assert stored.at_place is True and stored.face == 1
    page = body_of(client.get(thanks))
    assert f'data-kiosk-url="{kiosk}"' in page and f'href="{kiosk}"' in page
    assert re.search(r'<script src="[^"]*ideas/kiosk\.js" defer></script>', page)
    assert "http-equiv" not in page and "<script>" not in page
    next_form = body_of(client.get(kiosk))
    assert "Liian kova ääni" not in next_form and "Hiljaisempi nurkka" not in next_form
    assert "checked" not in main_of(client.get(kiosk))


def test_the_normal_form_is_not_given_at_the_place(client, site):
    client.post(form_url(site), answer("5"))
    assert Feedback.objects.get().at_place is False


# --- The link on each activity's page -----------------------------------------------------------------------


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_activitys_page_links_to_its_feedback_form_in_the_readers_language(client, site, language):
    week = week_page(site, language)

    main = main_of(client.get(f"{path_of(week)}perhekahvila/"))

    assert 'aria-labelledby="feedback-heading"' in main
    assert f'href="{form_url(site, language)}"' in main
    assert text(language, "Give feedback on this activity") in main


def test_without_a_translated_feedback_page_the_link_goes_to_the_places_own_language(db):
    site = make_feedback_site(languages=())
    translate(site["week_page"], "en")

    english = site["week_page"].get_translation(Locale.objects.get(language_code="en"))
    main = main_of(Client().get(path_of(english) + "perhekahvila/"))

    assert f'href="{form_url(site)}"' in main


def test_without_a_live_feedback_page_no_link_is_shown(client, site):
    for page in site["feedback_pages"].values():
        page.unpublish()

    main = main_of(client.get(path_of(site["week_page"]) + "perhekahvila/"))

    assert "feedback-heading" not in main and "/palaute/" not in main


# --- Staff: summary, permissions, list and exports, posters -------------------------------------------------


def give(activity, face: int, days_ago: int = 0, **fields) -> Feedback:
    answer, _created = Feedback.objects.store(
        submission_key=uuid.uuid4(), activity=activity, face=face, language="fi", **fields
    )
    when = timezone.now() - datetime.timedelta(days=days_ago)
    Feedback.objects.filter(pk=answer.pk).update(created_at=when)
    return answer


def this_month() -> str:
    return feedback_admin.month_value(timezone.localdate())


def last_month() -> str:
    return feedback_admin.month_value(timezone.localdate().replace(day=1) - datetime.timedelta(days=1))


@pytest.fixture
def answers(site):
    """This month: six for the café (average 3.5), two for the gym; last month: one for the café."""
    for face in (5, 5, 4, 4, 2, 1):
        give(site["cafe"], face, good=f"Hyvää {face}")
    give(site["gym"], 5, better="Isompi sali")
    give(site["gym"], 3)
    give(site["cafe"], 2, days_ago=40, better="Viime kuussa")
    return site


@pytest.fixture
def coordinator(client, site):
    client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123"))
    return client


def make_staff(username: str, *codenames: str):
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    user.user_permissions.add(*Permission.objects.filter(content_type__app_label="ideas", codename__in=codenames))
    return user


def fi(message) -> str:
    with translation.override("fi"):
        return str(message)


def test_the_summary_counts_the_months_answers_with_the_faces_and_the_average(coordinator, answers):
    response = coordinator.get(reverse(feedback_admin.SUMMARY))

    assert response.status_code == 200
    total = response.context["total"]
    assert total.count == 8 and total.average == pytest.approx(29 / 8)
    chart = {bar.label: bar.value for bar, _width, _text in response.context["chart"].rows}
    assert chart == {fi(Face(face).label): count for face, count in {1: 1, 2: 1, 3: 1, 4: 2, 5: 3}.items()}
    body = body_of(response)
    assert 'class="bar-chart"' in body
    assert '<td id="feedback-count">8</td>' in body
    rows = {row.activity.title: row.group for row in response.context["rows"]}
    assert rows["Perhekahvila"].count == 6 and rows["Perhekahvila"].average == pytest.approx(3.5)
    assert rows["Perhejumppa"].count == 2 and rows["Perhejumppa"].average is None
    assert fi(feedback_admin.AnswerGroup(2, 8).average_text) in body
    assert "Talokokous" not in body  # staff-only activities have no form and no poster
    assert "Hyvää 5" in body and "Isompi sali" in body and "Viime kuussa" not in body


def test_the_summary_of_one_activity_and_one_month(coordinator, answers):
    cafe = answers["cafe"]
    response = coordinator.get(reverse(feedback_admin.SUMMARY), {"activity": cafe.pk, "month": this_month()})
    assert response.context["total"].count == 6
    assert response.context["total"].average == pytest.approx(3.5)
    assert "Isompi sali" not in body_of(response)

    earlier = coordinator.get(reverse(feedback_admin.SUMMARY), {"activity": cafe.pk, "month": last_month()})
    assert earlier.context["total"].count == 1
    assert "Viime kuussa" in body_of(earlier)


def test_a_translations_row_opens_the_summary_of_its_source_activity(coordinator, answers):
    response = coordinator.get(reverse(feedback_admin.SUMMARY), {"activity": answers["cafes"]["sv"].pk})
    assert response.context["activity"] == answers["cafe"]
    assert response.context["total"].count == 6


def test_fewer_than_five_answers_show_no_faces_or_average(coordinator, answers):
    response = coordinator.get(reverse(feedback_admin.SUMMARY), {"activity": answers["gym"].pk, "month": this_month()})

    body = body_of(response)
    assert response.context["total"].count == 2 < SMALLEST_GROUP
    assert 'class="bar-chart"' not in body
    assert '<td id="feedback-average">' + fi(feedback_admin.AnswerGroup(2, 8).average_text) + "</td>" in body


def test_the_summary_runs_the_same_queries_however_many_answers_there_are(coordinator, site):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert coordinator.get(reverse(feedback_admin.SUMMARY)).status_code == 200
        return len(captured)

    for activity in (site["cafe"], site["gym"]):
        give(activity, 4, good="Hyvä", better="Parempi")
    queries()  # the first request also fills what is kept across requests (the site, the content version)
    few = queries()
    for number in range(60):
        give((site["cafe"], site["gym"], site["ended"])[number % 3], 1 + number % 5, good="Hyvä", better="Parempi")
    assert queries() == few


def test_feedback_needs_the_permission_to_view_it(client, answers):
    cafe = answers["cafe"]
    answer = Feedback.objects.filter(activity=cafe).first()
    urls = [
        reverse(feedback_admin.SUMMARY),
        reverse(feedback_admin.POSTER, args=[cafe.pk]),
        reverse(feedback_admin.ANSWERS_LIST),
        reverse(feedback_admin.ANSWERS_LIST) + "?export=csv",
        reverse("wagtailsnippets_ideas_feedback:inspect", args=[answer.pk]),
    ]
    client.force_login(make_staff("toimittaja"))
    for url in urls:
        response = client.get(url)
        assert response.status_code == 403 or (
            response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
        ), url
        assert "Hyvää" not in body_of(response)

    client.force_login(make_staff("ohjaaja", "view_feedback"))
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert client.get(reverse("wagtailsnippets_ideas_feedback:edit", args=[answer.pk])).status_code in (302, 403)
    assert client.get(reverse("wagtailsnippets_ideas_feedback:add")).status_code in (302, 403)


def test_the_list_filters_by_activity_face_and_month(coordinator, answers):
    cafe = answers["cafe"]
    listed = coordinator.get(
        reverse(feedback_admin.ANSWERS_LIST), {"activity": cafe.pk, "face": 5, "month": this_month()}
    )
    assert list(listed.context["object_list"]) == list(Feedback.objects.filter(activity=cafe, face=5))
    assert len(listed.context["object_list"]) == 2
    older = coordinator.get(reverse(feedback_admin.ANSWERS_LIST), {"month": last_month()})
    assert [answer.better for answer in older.context["object_list"]] == ["Viime kuussa"]


def test_the_exports_have_labels_and_neutralised_formulas(coordinator, answers):
    give(answers["cafe"], 4, good=FORMULA, better="+358 40 123")

    response = coordinator.get(reverse(feedback_admin.ANSWERS_LIST), {"export": "csv"})
    header, *rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert len(rows) == 10
    formula_row = next(row for row in rows if FORMULA in "".join(row))
    assert "'" + FORMULA in formula_row and "'+358 40 123" in formula_row
    assert fi(Face.GOOD.label) in formula_row and "Perhekahvila" in formula_row and "suomi" in formula_row
    assert all(not cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)

    xlsx = coordinator.get(reverse(feedback_admin.ANSWERS_LIST), {"export": "xlsx"})
    content = b"".join(xlsx.streaming_content) if xlsx.streaming else xlsx.content
    cells = [cell for row in load_workbook(io.BytesIO(content)).active.iter_rows(min_row=2) for cell in row]
    formula = next(cell for cell in cells if cell.value == FORMULA)
    assert formula.data_type == "s" and formula.quotePrefix
    assert all(cell.data_type != "f" for cell in cells)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_poster_has_the_qr_code_and_the_address_of_the_form(coordinator, site, settings, language):
    settings.WAGTAILADMIN_BASE_URL = "https://kohtaamo.example"
    response = coordinator.get(reverse(feedback_admin.POSTER, args=[site["cafe"].pk]), {"kieli": language})

    assert response.status_code == 200
    body = body_of(response)
    url = "https://kohtaamo.example" + form_url(site, language)
    with translation.override(language):
        assert str(qr_svg(url, title=gettext("QR code: opens the feedback form"))) in body
        assert gettext("Tell us how it was — scan the code") in body
    assert f'<html lang="{language}">' in body
    assert f'href="{url}"' in body
    assert "kohtaamo.example" + form_url(site, language).rstrip("/") in body
    assert CAFE_TITLES[language] in body
    assert "<style" not in body and "ideas/poster.css" in body


def test_a_poster_opens_in_its_rows_language_and_never_for_a_staff_only_activity(coordinator, site):
    swedish = coordinator.get(reverse(feedback_admin.POSTER, args=[site["cafes"]["sv"].pk]))
    assert '<html lang="sv">' in body_of(swedish) and "/sv/palaute/perhekahvila/" in body_of(swedish)
    assert coordinator.get(reverse(feedback_admin.POSTER, args=[site["house_meeting"].pk])).status_code == 404


def test_an_activitys_row_in_the_admin_links_to_its_poster_and_feedback(site):
    staff = make_staff("ohjaaja", "view_feedback")
    buttons = feedback_admin.activity_listing_buttons(site["cafes"]["sv"], staff)
    assert [button.url for button in buttons] == [
        reverse(feedback_admin.POSTER, args=[site["cafes"]["sv"].pk]),
        reverse(feedback_admin.SUMMARY) + f"?activity={site['cafes']['sv'].pk}",
    ]
    assert feedback_admin.activity_listing_buttons(site["house_meeting"], staff) == []
    assert feedback_admin.activity_listing_buttons(site["cafe"], make_staff("toimittaja")) == []
