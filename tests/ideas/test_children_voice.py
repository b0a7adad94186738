"""Children's voice: the picture form at `/lasten-aani/` (no names, in the page's language, bad input refused
with nothing stored, double submits stored once, rate limited), the records in the admin (list, filters,
observations, exports, permissions), and a child's wish made into an idea in one click, which links back."""

import csv
import datetime
import io
import re
import uuid
from html import unescape

import openpyxl
import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.db import DatabaseError
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.translation import gettext
from wagtail.admin.panels import ObjectList
from wagtail.models import Locale, ModelLogEntry

from ideas import children
from ideas.models import ChildrenVoicePage, ChildVoice, ChildVoiceKind, Idea, IdeaStatus
from ideas.models import children_page as children_page_module
from ideas.statuses import TITLE_MAX
from ideas.voice_admin import ChildVoiceSourcePanel
from ideas.voice_choices import AgeGroup, ChildChoice
from pages import throttle
from tests.events.builders import make_activity, translate
from tests.ideas.builders import make_idea, make_ideas_site

LIST = "wagtailsnippets_ideas_childvoice:list"
ADD = "wagtailsnippets_ideas_childvoice:add"
EDIT = "wagtailsnippets_ideas_childvoice:edit"
MAKE_IDEA = "wagtailsnippets_ideas_childvoice:make_idea"
IDEA_EDIT = "wagtailsnippets_ideas_idea:edit"
PREFIXES = {"fi": "", "sv": "/sv", "en": "/en"}


def translate_activity(activity, language: str, **fields):
    locale = Locale.objects.get_or_create(language_code=language)[0]
    translated = activity.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(translated, name, value)
    translated.save()
    return translated


@pytest.fixture
def site(db):
    site = make_ideas_site()
    page = site["home"].add_child(instance=ChildrenVoicePage(title="Lasten ääni", slug="lasten-aani"))
    site["page"] = page
    site["page_sv"] = translate(page, "sv", title="Barnens röst")
    site["page_en"] = translate(page, "en", title="Children's voice")
    site["cafe"] = make_activity(site, title="Perhekahvila", slug="perhekahvila")
    site["cafe_sv"] = translate_activity(site["cafe"], "sv", title="Familjekafé")
    site["house_meeting"] = make_activity(site, title="Talokokous", slug="talokokous", staff_only=True)
    site["ended"] = make_activity(
        site, title="Päättynyt kerho", slug="paattynyt", last_date=timezone.localdate() - datetime.timedelta(days=1)
    )
    return site


def answer(**fields) -> dict:
    return {
        "submission_key": str(uuid.uuid4()),
        "age_group": AgeGroup.SMALL,
        "likes": [ChildChoice.PLAY, ChildChoice.FRIENDS],
        "wishes": [ChildChoice.OUTDOORS],
        "wish": "Haluan liukumäen pihalle.",
        **fields,
    }


def checked(html: str, name: str, value: str) -> bool:
    tag = re.search(rf'<input[^>]*name="{name}"[^>]*value="{re.escape(value)}"[^>]*>', html)
    return tag is not None and " checked" in tag.group(0)


# --- The picture form -------------------------------------------------------------------------------------


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_the_picture_form_asks_with_big_pictures_in_the_pages_language(client, site, language):
    response = client.get(f"{PREFIXES[language]}/lasten-aani/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"]
    html = response.content.decode()
    text = unescape(html)
    assert f'<html lang="{language}"' in html
    with translation.override(language):
        for question in ("What do you like here?", "What would you like to do?", "How old is the child?"):
            assert gettext(question) in text
        for choice in ChildChoice:
            assert str(choice.label) in text
        for group in AgeGroup:
            assert str(group.label) in text
        assert gettext("The child's wish in their own words") in text
        assert str(children_page_module.DEFAULT_GUIDANCE) in text
    for choice in ChildChoice.values:
        # each choice twice (likes and wishes): a picture with empty alt text, its label naming it
        assert len(re.findall(rf'<img src="/static/ideas/children/{choice}\.svg" alt="" ', html)) == 2
    assert 'name="submission_key"' in html
    assert "error-summary" not in html


@pytest.mark.parametrize(("language", "title"), [("fi", "Perhekahvila"), ("sv", "Familjekafé"), ("en", "Perhekahvila")])
def test_the_form_offers_the_places_public_current_activities_in_the_pages_language(client, site, language, title):
    html = client.get(f"{PREFIXES[language]}/lasten-aani/").content.decode()
    assert f'<option value="perhekahvila">{title}</option>' in html
    assert "talokokous" not in html
    assert "paattynyt" not in html


def test_an_activity_can_be_chosen_in_advance_by_the_address(client, site):
    html = client.get("/lasten-aani/?toiminta=perhekahvila").content.decode()
    assert '<option value="perhekahvila" selected>' in html


def test_an_answer_is_stored_in_the_pages_language_for_the_source_activity_and_without_names(client, site):
    response = client.post(
        "/sv/lasten-aani/", answer(activity="perhekahvila", wish="Jag vill ha en rutschkana."), REMOTE_ADDR="10.1.2.3"
    )
    assert response.status_code == 302
    assert response["Location"] == "/sv/lasten-aani/kiitos/?toiminta=perhekahvila"
    record = ChildVoice.objects.get()
    assert record.kind == ChildVoiceKind.PICTURES
    assert record.site == site["site"]
    assert record.activity == site["cafe"]  # the Finnish source row, not the Swedish one chosen
    assert record.language == "sv"
    assert record.age_group == AgeGroup.SMALL
    assert record.likes == ["play", "friends"]
    assert record.wishes == ["outdoors"]
    assert record.wish == "Jag vill ha en rutschkana."
    assert record.date == timezone.localdate()
    assert record.idea is None
    stored = [str(getattr(record, field.attname)) for field in ChildVoice._meta.concrete_fields]
    assert not any("10.1.2.3" in value for value in stored)
    assert not {"name", "email", "ip"} & {field.name for field in ChildVoice._meta.get_fields()}


def test_the_form_asks_for_no_name_anywhere(client, site):
    html = client.get("/en/lasten-aani/").content.decode()
    html = html[html.index('<form method="post"') :]
    names = set(re.findall(r'<(?:input|textarea|select)[^>]*name="([^"]+)"', html))
    assert names == {"csrfmiddlewaretoken", "submission_key", "age_group", "likes", "wishes", "wish", "activity"}


def test_the_thank_you_screen_leads_to_a_new_form_for_the_same_activity(client, site):
    response = client.post("/en/lasten-aani/", answer(activity="perhekahvila"), follow=True)
    assert response.redirect_chain == [("/en/lasten-aani/kiitos/?toiminta=perhekahvila", 302)]
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("Thank you!") in html
        assert gettext("Staff read every answer.") in html
        assert f'href="/en/lasten-aani/?toiminta=perhekahvila">{gettext("Fill in another")}' in unescape(html)
    assert response["X-Robots-Tag"] == "noindex"


def test_the_thank_you_screen_ignores_an_unknown_activity(client, site):
    html = client.get("/lasten-aani/kiitos/?toiminta=talokokous").content.decode()
    with translation.override("fi"):
        assert f'href="/lasten-aani/">{gettext("Fill in another")}' in html


def test_pictures_alone_or_words_alone_are_enough(client, site):
    assert client.post("/lasten-aani/", answer(likes=[], wishes=[], wish="Lisää leluja")).status_code == 302
    assert client.post("/lasten-aani/", answer(likes=[], wish="")).status_code == 302
    assert [(r.wishes, r.wish) for r in ChildVoice.objects.order_by("pk")] == [([], "Lisää leluja"), (["outdoors"], "")]


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"likes": ["play", "dragons"]}, "likes", "Choose from the pictures only."),
        ({"wishes": ["<script>"]}, "wishes", "Choose from the pictures only."),
        ({"age_group": "99"}, "age_group", "Choose the age group from the list."),
        ({"age_group": ""}, "age_group", "Choose the child's age group."),
        ({"wish": "a" * 10_000}, "wish", "Use at most 1000 characters (you wrote 10000)."),
        ({"wish": "Liuku\u202emäki"}, "wish", None),
        (
            {"likes": [], "wishes": [], "wish": "   "},
            "likes",
            "Choose at least one picture, or write the child's wish.",
        ),
        ({"activity": "talokokous"}, "activity", "Choose the activity from the list."),
    ],
)
def test_bad_input_is_explained_keeps_what_was_chosen_and_stores_nothing(client, site, fields, field, message):
    data = answer(**{"likes": ["play"], "wishes": ["music"], **fields})
    response = client.post("/en/lasten-aani/", data)
    assert response.status_code == 200
    assert ChildVoice.objects.count() == 0
    html = response.content.decode()
    summary = html.split('class="error-summary"')[1].split("</div>")[0]
    assert f'href="#id_{field}' in summary
    if message:
        with translation.override("en"):
            assert gettext(message) in unescape(summary)
    if "likes" not in fields:
        assert checked(html, "likes", "play")
    if "wishes" not in fields:
        assert checked(html, "wishes", "music")
    if "age_group" not in fields:
        assert checked(html, "age_group", AgeGroup.SMALL)
    assert f'value="{data["submission_key"]}"' in html  # the same key: a corrected form still stores once


def test_the_error_summary_links_to_the_first_picture_of_the_group(client, site):
    html = client.post("/en/lasten-aani/", answer(likes=[], wishes=[], wish="")).content.decode()
    assert 'href="#id_likes_0"' in html
    assert 'id="id_likes_0"' in html


def test_a_form_without_its_key_is_refused(client, site):
    response = client.post("/en/lasten-aani/", answer(submission_key=""))
    assert response.status_code == 200
    assert ChildVoice.objects.count() == 0


def test_a_double_submit_stores_one_answer(client, site):
    data = answer()
    first = client.post("/lasten-aani/", data)
    second = client.post("/lasten-aani/", data)
    assert first.status_code == second.status_code == 302
    assert ChildVoice.objects.count() == 1


def test_the_tablet_can_take_a_groups_answers_but_a_flood_is_stopped(client, site):
    limit = children_page_module.ANSWERS_PER_CLIENT
    assert limit.hits >= 30  # a group of children on the place's tablet in ten minutes
    for _number in range(limit.hits):
        assert client.post("/lasten-aani/", answer(), REMOTE_ADDR="10.0.0.5").status_code == 302
    flooded = client.post("/lasten-aani/", answer(), REMOTE_ADDR="10.0.0.5")
    assert flooded.status_code == 429
    assert flooded["Retry-After"] == str(limit.seconds)
    assert ChildVoice.objects.count() == limit.hits
    assert client.post("/lasten-aani/", answer(), REMOTE_ADDR="10.0.0.6").status_code == 302


def test_the_site_wide_limit_stops_a_flood_from_many_addresses(client, site, monkeypatch):
    monkeypatch.setattr(children_page_module, "ANSWERS_OVERALL", throttle.Limit(2, 3600))
    codes = [client.post("/lasten-aani/", answer(), REMOTE_ADDR=f"10.0.1.{n}").status_code for n in range(3)]
    assert codes == [302, 302, 429]
    assert ChildVoice.objects.count() == 2


def test_other_methods_are_refused(client, site):
    assert client.put("/lasten-aani/").status_code == 405
    assert client.post("/lasten-aani/kiitos/").status_code == 405


# --- The admin --------------------------------------------------------------------------------------------


def make_record(site, **fields) -> ChildVoice:
    values = {
        "site": site["site"],
        "kind": ChildVoiceKind.OBSERVATION,
        "age_group": AgeGroup.SMALL,
        "showed": "Rakensi palikoista tornin.",
        "language": "fi",
        **fields,
    }
    return ChildVoice.objects.create(**values)


def make_staff(username: str, *permissions: str):
    """An editor (may use the admin) with the given permissions ("app.codename")."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    if permissions:
        group = Group.objects.create(name=f"{username} group")
        for permission in permissions:
            app_label, codename = permission.split(".")
            group.permissions.add(Permission.objects.get(content_type__app_label=app_label, codename=codename))
        user.groups.add(group)
    return user


def refused(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    )


@pytest.fixture
def records(site):
    return {
        "pictures": make_record(
            site,
            kind=ChildVoiceKind.PICTURES,
            showed="",
            likes=["play"],
            wishes=["outdoors", "music"],
            wish="Pihalle liukumäki",
            activity=site["cafe"],
            date=datetime.date(2025, 10, 7),
        ),
        "observation": make_record(site, age_group=AgeGroup.UNDER_3, date=datetime.date(2026, 3, 3)),
    }


def test_the_list_shows_the_records_with_labels_and_the_idea_buttons(coordinator, records):
    html = coordinator.get(reverse(LIST)).content.decode()
    with translation.override("fi"):
        for text in (
            ChildVoiceKind.PICTURES.label,
            ChildVoiceKind.OBSERVATION.label,
            AgeGroup.SMALL.label,
            AgeGroup.UNDER_3.label,
            ChildChoice.OUTDOORS.label,
        ):
            assert str(text) in html
    assert "Perhekahvila" in html
    # only the record with a wish can become an idea
    assert reverse(MAKE_IDEA, args=[records["pictures"].pk]) in html
    assert reverse(MAKE_IDEA, args=[records["observation"].pk]) not in html


@pytest.mark.parametrize(
    ("query", "shown"),
    [
        ("kind=observation", {"observation"}),
        ("age_group=3-5", {"pictures"}),
        ("year=2026", {"observation"}),
        ("date_from=2025-10-01&date_to=2025-10-31", {"pictures"}),
        ("activity={cafe}", {"pictures"}),
        ("", {"pictures", "observation"}),
    ],
)
def test_the_list_filters_by_kind_age_group_year_date_and_activity(coordinator, site, records, query, shown):
    response = coordinator.get(reverse(LIST) + "?" + query.format(cafe=site["cafe"].pk))
    listed = {name for name, record in records.items() if reverse(EDIT, args=[record.pk]) in response.content.decode()}
    assert listed == shown


def test_staff_record_an_observation_with_the_place_preset_and_no_names_asked(coordinator, site):
    html = coordinator.get(reverse(ADD)).content.decode()
    with translation.override("fi"):
        assert gettext(
            "No names: write what the child showed or said, never who the child is or who else was there."
        ) in unescape(html)
    assert re.search(rf'<option value="{site["site"].pk}" selected>', html)
    assert f'<option value="{site["cafe"].pk}">Perhekahvila</option>' in html
    assert f'value="{site["cafe_sv"].pk}"' not in html  # activities in the default language only
    assert 'name="kind"' not in html and 'name="idea"' not in html
    response = coordinator.post(
        reverse(ADD),
        {
            "date": "2026-04-14",
            "age_group": AgeGroup.SCHOOL_START,
            "activity": site["cafe"].pk,
            "likes": ["stories"],
            "wishes": ["quiet"],
            "showed": "Luki kirjaa nurkassa pitkään.",
            "wish": "Oma lukunurkka",
            "language": "fi",
            "site": site["site"].pk,
        },
    )
    assert response.status_code == 302
    record = ChildVoice.objects.get()
    assert record.kind == ChildVoiceKind.OBSERVATION
    assert (record.date, record.age_group, record.activity) == (datetime.date(2026, 4, 14), "6-8", site["cafe"])
    assert (record.likes, record.wishes, record.language) == (["stories"], ["quiet"], "fi")
    assert record.submission_key is None


def test_an_observation_needs_something_the_child_showed_or_wished_and_a_known_activity(coordinator, site):
    data = {"date": "2026-04-14", "age_group": "3-5", "language": "fi", "site": site["site"].pk}
    response = coordinator.post(reverse(ADD), {**data, "showed": "", "wish": ""})
    assert response.status_code == 200
    response = coordinator.post(reverse(ADD), {**data, "showed": "Leikki", "activity": site["cafe_sv"].pk})
    assert response.status_code == 200
    assert ChildVoice.objects.count() == 0


def test_the_csv_export_has_labels_not_codes_and_no_formulas(coordinator, site, records):
    make_record(site, wish='=HYPERLINK("http://example.com")', date=datetime.date(2026, 1, 2))
    response = coordinator.get(reverse(LIST) + "?export=csv")
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(content)))
    header, body = rows[0], rows[1:]
    with translation.override("fi"):
        pictures = next(row for row in body if "Pihalle liukumäki" in row)
        assert str(ChildVoiceKind.PICTURES.label) in pictures
        assert str(AgeGroup.SMALL.label) in pictures
        assert "Perhekahvila" in pictures
        assert f"{ChildChoice.OUTDOORS.label}; {ChildChoice.MUSIC.label}" in pictures
        assert "pictures" not in pictures and "3-5" not in pictures
    assert any(value.startswith("'=HYPERLINK") for row in body for value in row)
    assert not any(value.startswith("=") for row in body for value in row)
    assert len(header) == 12


def test_the_xlsx_export_has_labels(coordinator, records):
    response = coordinator.get(reverse(LIST) + "?export=xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = [cell for row in sheet.iter_rows(values_only=True) for cell in row]
    with translation.override("fi"):
        assert str(ChildVoiceKind.OBSERVATION.label) in values
        assert str(AgeGroup.UNDER_3.label) in values
    assert "observation" not in values


def test_staff_without_the_records_permissions_see_nothing_of_them(client, records):
    client.force_login(make_staff("toimittaja"))
    record = records["pictures"]
    for url in (
        reverse(LIST),
        reverse(LIST) + "?export=csv",
        reverse(ADD),
        reverse(EDIT, args=[record.pk]),
    ):
        response = client.get(url)
        assert refused(response), url
        assert "Pihalle liukumäki" not in response.content.decode()


def test_viewing_does_not_allow_recording(client, records):
    client.force_login(make_staff("katsoja", "ideas.view_childvoice"))
    assert client.get(reverse(LIST)).status_code == 200
    assert refused(client.get(reverse(ADD)))
    response = client.post(reverse(ADD), {"date": "2026-04-14", "age_group": "3-5", "showed": "Leikki"})
    assert refused(response)
    assert ChildVoice.objects.count() == 2


# --- Making an idea ---------------------------------------------------------------------------------------


def test_a_wish_becomes_a_childs_idea_awaiting_moderation_in_the_records_language(coordinator, site, records):
    record = records["pictures"]
    ChildVoice.objects.filter(pk=record.pk).update(language="sv")
    response = coordinator.post(reverse(MAKE_IDEA, args=[record.pk]))
    idea = Idea.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse(IDEA_EDIT, args=[idea.pk])
    assert (idea.title, idea.language, idea.by_child, idea.status) == (
        "Pihalle liukumäki",
        "sv",
        True,
        IdeaStatus.AWAITING,
    )
    assert idea.site == site["site"]
    assert idea.email == "" and idea.author_name == ""
    with translation.override("sv"):
        assert idea.description.startswith("Pihalle liukumäki\n\n")
        assert "Familjekafé" in idea.description  # the activity in the record's language
        assert date_format(datetime.date(2025, 10, 7), "SHORT_DATE_FORMAT") in idea.description
        assert str(AgeGroup.SMALL.label) in idea.description
        assert f"{ChildChoice.OUTDOORS.label}, {ChildChoice.MUSIC.label}" in idea.description
    record.refresh_from_db()
    assert record.idea == idea
    assert idea.child_voice == record
    assert ModelLogEntry.objects.filter(action="wagtail.create", object_id=str(idea.pk)).exists()
    followed = coordinator.get(response["Location"]).content.decode()
    assert reverse(EDIT, args=[record.pk]) in followed  # the message's way back to the record


def test_a_long_wish_is_shortened_at_a_word_boundary(coordinator, site):
    words = "Haluaisin että pihalla olisi iso liukumäki ja hiekkalaatikko ja keinut ja kiipeilyteline " * 5
    record = make_record(site, wish=words.strip())
    assert len(record.wish) > TITLE_MAX
    coordinator.post(reverse(MAKE_IDEA, args=[record.pk]))
    title = Idea.objects.get().title
    assert len(title) <= TITLE_MAX
    assert title.endswith("…")
    kept = title.removesuffix("…")
    assert record.wish.startswith(kept)
    assert record.wish[len(kept)] == " "  # cut between words, not inside one


def test_shortening_a_single_long_word_still_fits():
    assert children.shortened("a" * 500) == "a" * (TITLE_MAX - 1) + "…"
    assert children.shortened("lyhyt  toive\n") == "lyhyt toive"
    exact = "x" * 60 + " " + "y" * 59
    assert children.shortened(exact) == exact


def test_a_wish_in_pictures_only_gets_a_title_naming_the_pictures(coordinator, site):
    record = make_record(site, showed="", wish="", wishes=["food", "friends"], language="en")
    coordinator.post(reverse(MAKE_IDEA, args=[record.pk]))
    idea = Idea.objects.get()
    with translation.override("en"):
        expected = gettext("A child's wish: %(pictures)s") % {
            "pictures": f"{ChildChoice.FOOD.label}, {ChildChoice.FRIENDS.label}"
        }
        assert idea.title == expected
        assert (
            gettext("Heard on %(date)s at the meeting place. The child's age group: %(age_group)s.")
            % {
                "date": date_format(record.date, "SHORT_DATE_FORMAT"),
                "age_group": AgeGroup.SMALL.label,
            }
            in idea.description
        )
    assert idea.language == "en"


def test_the_second_click_is_refused_and_makes_no_second_idea(coordinator, records):
    record = records["pictures"]
    url = reverse(MAKE_IDEA, args=[record.pk])
    coordinator.post(url)
    response = coordinator.post(url, follow=True)
    assert Idea.objects.count() == 1
    assert response.redirect_chain[-1][0] == reverse(EDIT, args=[record.pk])
    with translation.override("fi"):
        assert gettext("An idea has already been made of this wish.") in unescape(response.content.decode())


def test_a_record_without_a_wish_makes_no_idea(coordinator, records):
    response = coordinator.post(
        reverse(MAKE_IDEA, args=[records["observation"].pk]), {"next": reverse(LIST) + "?kind=observation"}
    )
    assert response["Location"] == reverse(LIST) + "?kind=observation"
    assert Idea.objects.count() == 0
    assert ChildVoice.objects.get(pk=records["observation"].pk).idea is None


def test_making_an_idea_is_post_only_and_never_leads_elsewhere(coordinator, records):
    url = reverse(MAKE_IDEA, args=[records["observation"].pk])
    assert coordinator.get(url).status_code == 405
    response = coordinator.post(url, {"next": "https://example.com/"})
    assert response["Location"] == reverse(EDIT, args=[records["observation"].pk])
    assert coordinator.post(reverse(MAKE_IDEA, args=[999999])).status_code == 404


@pytest.mark.parametrize(
    "permissions",
    [
        (),
        ("ideas.change_childvoice", "ideas.view_childvoice"),
        ("ideas.add_idea", "ideas.view_childvoice"),
    ],
)
def test_making_an_idea_needs_both_permissions(client, records, permissions):
    client.force_login(make_staff("osittain", *permissions))
    response = client.post(reverse(MAKE_IDEA, args=[records["pictures"].pk]))
    assert refused(response)
    assert Idea.objects.count() == 0
    assert ChildVoice.objects.get(pk=records["pictures"].pk).idea_id is None


def test_staff_with_both_permissions_may_make_an_idea(client, records):
    client.force_login(make_staff("kumpikin", "ideas.add_idea", "ideas.change_childvoice"))
    response = client.post(reverse(MAKE_IDEA, args=[records["pictures"].pk]))
    assert response.status_code == 302
    assert Idea.objects.get().by_child


def test_when_linking_fails_no_idea_is_left_behind(coordinator, records, monkeypatch):
    def failing_save(self, *args, **kwargs):
        raise DatabaseError("the disk is full")

    monkeypatch.setattr(ChildVoice, "save", failing_save)
    with pytest.raises(DatabaseError):
        children.make_idea(records["pictures"])
    assert Idea.objects.count() == 0


def test_when_the_idea_cannot_be_saved_the_record_links_nothing(coordinator, records, monkeypatch):
    def failing_save(self, *args, **kwargs):
        raise DatabaseError("the disk is full")

    monkeypatch.setattr(Idea, "save", failing_save)
    with pytest.raises(DatabaseError):
        children.make_idea(records["pictures"])
    assert ChildVoice.objects.get(pk=records["pictures"].pk).idea_id is None
    assert Idea.objects.count() == 0


def test_the_records_editor_links_to_its_idea_or_offers_to_make_it(coordinator, records):
    record = records["pictures"]
    html = coordinator.get(reverse(EDIT, args=[record.pk])).content.decode()
    assert f'action="{reverse(MAKE_IDEA, args=[record.pk])}"' in html
    assert checked(html, "likes", "play") and checked(html, "wishes", "music")
    assert not checked(html, "likes", "music")
    idea = children.make_idea(record)
    html = coordinator.get(reverse(EDIT, args=[record.pk])).content.decode()
    assert f'href="{reverse(IDEA_EDIT, args=[idea.pk])}"' in html
    assert reverse(MAKE_IDEA, args=[record.pk]) not in html


def render_source_panel(idea, user) -> str:
    request = RequestFactory().get("/")
    request.user = user
    panel = ObjectList([ChildVoiceSourcePanel()]).bind_to_model(Idea)
    form = panel.get_form_class()(instance=idea, for_user=user)
    return panel.get_bound_panel(instance=idea, request=request, form=form).render_html()


def test_the_idea_links_back_to_the_record_it_was_made_of(site, records):
    user = get_user_model().objects.create_superuser("koordinaattori2", password="pitka-salasana-123")
    idea = children.make_idea(records["pictures"])
    html = render_source_panel(idea, user)
    assert f'href="{reverse(EDIT, args=[records["pictures"].pk])}"' in html
    other = make_idea(site, status=IdeaStatus.AWAITING)
    assert reverse(EDIT, args=[records["pictures"].pk]) not in render_source_panel(other, user)


def test_the_ideas_own_editor_links_back_to_the_record(coordinator, records):
    record = records["pictures"]
    idea = children.make_idea(record)
    with translation.override("en"):
        html = coordinator.get(reverse(IDEA_EDIT, args=[idea.pk])).content.decode()
    assert f'href="{reverse(EDIT, args=[record.pk])}"' in html
