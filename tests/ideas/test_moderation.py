"""Moderating ideas in the admin: the queue, its filters and search, bulk approve and reject, editing (which
logs and tells the proposer), merging a duplicate, the export, the dashboard line, and that user text stays
text everywhere in the admin."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import ModelLogEntry, Page, Site

from ideas.dashboard import ideas_tasks
from ideas.models import STATUS_ACTION, Idea, IdeaStatus, IdeaTheme, RoundIdea, TaggedIdea, Vote
from ideas.moderation import approve, merge, reject
from tests.ideas.builders import SCRIPT, give_votes, make_codes, make_idea, make_round

IDEAS = "wagtailsnippets_ideas_idea:list"
EDIT = "wagtailsnippets_ideas_idea:edit"


def main_table(response) -> str:
    body = response.content.decode()
    return body.split('<table class="listing')[1].split("</table>")[0]


def status_entries(idea: Idea):
    return ModelLogEntry.objects.for_instance(idea).filter(action=STATUS_ACTION).order_by("timestamp", "pk")


def edit_data(idea: Idea, **changes) -> dict:
    data = {
        "title": idea.title,
        "description": idea.description,
        "photo": "",
        "photo_alt": idea.photo_alt,
        "status": idea.status,
        "status_note": idea.status_note,
        "response": idea.response,
        "author_name": idea.author_name,
        "language": idea.language,
        "email": idea.email,
        "contact_language": idea.contact_language,
    }
    if idea.by_child:
        data["by_child"] = "on"
    return {**data, **changes}


# --- The queue --------------------------------------------------------------------------------------------


def test_the_queue_lists_ideas_awaiting_moderation_first_then_the_newest(coordinator, site):
    now = timezone.now()
    make_idea(site, title="Vanha julkaistu", created_at=now - datetime.timedelta(days=9))
    make_idea(site, status=IdeaStatus.AWAITING, title="Vanha odottava", created_at=now - datetime.timedelta(days=5))
    make_idea(site, title="Uusi julkaistu", created_at=now - datetime.timedelta(hours=1))
    make_idea(site, status=IdeaStatus.AWAITING, title="Uusi odottava", created_at=now - datetime.timedelta(days=1))
    table = main_table(coordinator.get(reverse(IDEAS)))
    titles = ["Uusi odottava", "Vanha odottava", "Uusi julkaistu", "Vanha julkaistu"]
    positions = [table.index(title) for title in titles]
    assert positions == sorted(positions)


def test_the_queue_filters_by_status_theme_round_and_child(coordinator, site):
    outdoors = IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu")
    waiting = make_idea(site, status=IdeaStatus.AWAITING, title="Odottava idea")
    themed = make_idea(site, title="Teemaidea")
    TaggedIdea.objects.create(content_object=themed, tag=outdoors)
    in_round = make_idea(site, status=IdeaStatus.VOTING, title="Äänestettävä idea")
    child = make_idea(site, title="Lapsen idea", by_child=True)
    voting_round = make_round(site, [in_round])

    by_status = main_table(coordinator.get(reverse(IDEAS), {"status": "awaiting"}))
    assert waiting.title in by_status and themed.title not in by_status
    by_theme = main_table(coordinator.get(reverse(IDEAS), {"themes": outdoors.pk}))
    assert themed.title in by_theme and waiting.title not in by_theme
    by_round = main_table(coordinator.get(reverse(IDEAS), {"voting_rounds": voting_round.pk}))
    assert in_round.title in by_round and themed.title not in by_round
    by_child = main_table(coordinator.get(reverse(IDEAS), {"by_child": "true"}))
    assert child.title in by_child and themed.title not in by_child


def test_the_queue_searches_titles_and_descriptions(coordinator, site):
    make_idea(site, title="Kirpputori", description="Vaihdetaan lastenvaatteita.")
    make_idea(site, title="Retki", description="Mennään metsään keräämään sieniä.")
    by_title = main_table(coordinator.get(reverse(IDEAS), {"q": "Kirpputori"}))
    assert "Kirpputori" in by_title and "Retki" not in by_title
    by_description = main_table(coordinator.get(reverse(IDEAS), {"q": "sieniä"}))
    assert "Retki" in by_description and "Kirpputori" not in by_description


def test_the_queue_shows_status_child_and_photo_as_words(coordinator, site):
    make_idea(site, status=IdeaStatus.AWAITING, title="Lapsen toive", by_child=True)
    with translation.override("fi"):
        label = str(IdeaStatus.AWAITING.label)
    table = main_table(coordinator.get(reverse(IDEAS)))
    assert label in table and ">awaiting<" not in table
    assert "True" not in table and "False" not in table


# --- Bulk approve and reject ------------------------------------------------------------------------------


def bulk_url(action: str, ideas) -> str:
    query = "&".join(f"id={idea.pk}" for idea in ideas)
    return reverse("wagtail_bulk_action", args=["ideas", "idea", action]) + "?" + query


def test_bulk_approve_publishes_the_waiting_ideas_logs_who_and_tells_the_proposers(
    coordinator, site, django_capture_on_commit_callbacks
):
    first = make_idea(site, status=IdeaStatus.AWAITING, email="eka@example.com", contact_language="en")
    second = make_idea(site, status=IdeaStatus.AWAITING)
    voting = make_idea(site, status=IdeaStatus.VOTING)
    confirm = coordinator.get(bulk_url("approve", [first, second, voting]))
    assert confirm.status_code == 200 and first.title in confirm.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(bulk_url("approve", [first, second, voting]), {"note": "Kiitos!"})
    assert response.status_code == 302
    for idea in (first, second):
        idea.refresh_from_db()
        assert idea.status == IdeaStatus.PUBLISHED and idea.published_at is not None
        entry = status_entries(idea).get()
        assert entry.user.username == "koordinaattori" and entry.data["status"] == "published"
        assert entry.data["note"] == "Kiitos!"
    voting.refresh_from_db()
    assert voting.status == IdeaStatus.VOTING and not status_entries(voting).exists()
    assert [message.to for message in mail.outbox] == [["eka@example.com"]]


def test_bulk_reject_hides_waiting_ideas_and_leaves_ideas_in_a_vote(coordinator, site):
    waiting = make_idea(site, status=IdeaStatus.AWAITING)
    voting = make_idea(site, status=IdeaStatus.VOTING)
    response = coordinator.post(bulk_url("reject", [waiting, voting]), {"note": ""})
    assert response.status_code == 302
    waiting.refresh_from_db()
    voting.refresh_from_db()
    assert waiting.status == IdeaStatus.REJECTED and waiting.published_at is None
    assert status_entries(waiting).get().user.username == "koordinaattori"
    assert voting.status == IdeaStatus.VOTING


def test_the_services_skip_ideas_further_along(site):
    user = get_user_model().objects.create_user("moderaattori")
    done = make_idea(site, status=IdeaStatus.DONE)
    waiting = make_idea(site, status=IdeaStatus.AWAITING)
    assert approve([done, waiting], user=user).skipped == [done]
    assert reject([done], user=user).skipped == [done]
    done.refresh_from_db()
    assert done.status == IdeaStatus.DONE


# --- Editing ----------------------------------------------------------------------------------------------


def test_an_edit_that_changes_the_status_is_logged_and_mailed(coordinator, site, django_capture_on_commit_callbacks):
    idea = make_idea(site, status=IdeaStatus.PUBLISHED, email="perhe@example.com", contact_language="en")
    data = edit_data(idea, title="Korjattu otsikko", status="not_taken_forward", status_note="Ei budjettia.")
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse(EDIT, args=[idea.pk]), data)
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.title == "Korjattu otsikko" and idea.status == IdeaStatus.NOT_TAKEN_FORWARD
    entry = status_entries(idea).get()
    assert entry.user.username == "koordinaattori"
    assert entry.data == {"status": "not_taken_forward", "note": "Ei budjettia."}
    assert len(mail.outbox) == 1 and "Ei budjettia." in mail.outbox[0].body


def test_an_edit_that_only_fixes_a_typo_changes_no_status_and_sends_nothing(
    coordinator, site, django_capture_on_commit_callbacks
):
    idea = make_idea(site, status=IdeaStatus.PUBLISHED, email="perhe@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator.post(reverse(EDIT, args=[idea.pk]), edit_data(idea, description="Korjattu kuvaus."))
    assert response.status_code == 302
    idea.refresh_from_db()
    assert idea.description == "Korjattu kuvaus." and idea.status == IdeaStatus.PUBLISHED
    assert not status_entries(idea).exists() and mail.outbox == []


def test_the_edit_form_cannot_merge_without_a_target(coordinator, site):
    idea = make_idea(site)
    response = coordinator.post(reverse(EDIT, args=[idea.pk]), edit_data(idea, status="merged"))
    assert response.status_code == 200
    idea.refresh_from_db()
    assert idea.status == IdeaStatus.PUBLISHED


def test_staff_can_type_in_an_idea_from_paper_with_its_themes_and_status(coordinator, site):
    outdoors = IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu")
    template = Idea(title="Paperilta", description="Lapsen piirustus: liukumäki.", language="fi", by_child=True)
    data = edit_data(template, status="published", theme_choices=[outdoors.pk], site=site["site"].pk)
    response = coordinator.post(reverse("wagtailsnippets_ideas_idea:add"), data)
    assert response.status_code == 302
    idea = Idea.objects.get(title="Paperilta")
    assert idea.site == site["site"] and idea.by_child and idea.status == IdeaStatus.PUBLISHED
    assert list(TaggedIdea.objects.filter(content_object=idea).values_list("tag", flat=True)) == [outdoors.pk]
    assert status_entries(idea).get().user.username == "koordinaattori"
    response = coordinator.post(reverse(EDIT, args=[idea.pk]), edit_data(idea, theme_choices=[]))
    assert response.status_code == 302 and not TaggedIdea.objects.filter(content_object=idea).exists()


# --- Merging ----------------------------------------------------------------------------------------------


def test_merging_points_the_duplicate_to_the_other_idea_and_keeps_its_votes(coordinator, site):
    duplicate = make_idea(site, status=IdeaStatus.VOTING, title="Kaksoiskappale")
    original = make_idea(site, status=IdeaStatus.VOTING, title="Alkuperäinen")
    voting_round = make_round(site, [duplicate, original])
    code = make_codes(voting_round, 1)[0]
    give_votes(voting_round, code, [duplicate])
    form = coordinator.get(reverse("ideas_merge", args=[duplicate.pk])).content.decode()
    assert "Alkuperäinen" in form
    response = coordinator.post(
        reverse("ideas_merge", args=[duplicate.pk]), {"into": original.pk, "note": "Sama asia."}
    )
    assert response.status_code == 302
    duplicate.refresh_from_db()
    assert duplicate.status == IdeaStatus.MERGED and duplicate.merged_into == original
    entry = status_entries(duplicate).get()
    assert entry.user.username == "koordinaattori" and entry.data["merged_into"] == original.pk
    assert RoundIdea.objects.filter(idea=duplicate).exists() and Vote.objects.filter(idea=duplicate).count() == 1


def test_an_idea_merges_only_into_public_ideas_of_its_own_place(coordinator, site):
    duplicate = make_idea(site)
    waiting = make_idea(site, status=IdeaStatus.AWAITING, title="Odottaa vielä")
    other_root = Page.objects.get(depth=1).add_child(instance=Page(title="Toinen", slug="toinen"))
    other_site = Site.objects.create(hostname="toinen.example.com", root_page=other_root)
    elsewhere = make_idea({"site": other_site}, title="Toisen paikan idea")
    form = coordinator.get(reverse("ideas_merge", args=[duplicate.pk])).content.decode()
    assert "Odottaa vielä" not in form and "Toisen paikan idea" not in form
    for target in (waiting, elsewhere):
        response = coordinator.post(reverse("ideas_merge", args=[duplicate.pk]), {"into": target.pk})
        assert response.status_code == 200
    user = get_user_model().objects.get(username="koordinaattori")
    with pytest.raises(ValidationError) as refused:
        merge(duplicate, elsewhere, user=user)
    assert refused.value.code == "target"
    duplicate.refresh_from_db()
    assert duplicate.status == IdeaStatus.PUBLISHED


def test_ideas_merged_into_a_duplicate_follow_it(site):
    user = get_user_model().objects.create_user("moderaattori")
    older, duplicate, original = make_idea(site), make_idea(site), make_idea(site)
    merge(older, duplicate, user=user)
    merge(duplicate, original, user=user)
    older.refresh_from_db()
    assert older.merged_into == original


# --- What is public ---------------------------------------------------------------------------------------


def test_a_rejected_idea_never_appears_publicly(client, site):
    page = site["ideas_page"]
    rejected = make_idea(site, status=IdeaStatus.AWAITING, title="Hylätty idea")
    user = get_user_model().objects.create_user("moderaattori")
    reject([rejected], user=user)
    public = make_idea(site, title="Julkinen idea")
    listing = client.get(page.url + page.reverse_subpage("ideas"))
    assert listing.status_code == 200
    assert "Julkinen idea" in listing.content.decode() and "Hylätty idea" not in listing.content.decode()
    assert client.get(page.url + page.reverse_subpage("idea", args=[rejected.pk])).status_code == 404
    assert client.get(page.url + page.reverse_subpage("idea", args=[public.pk])).status_code == 200


# --- Export, dashboard, escaping --------------------------------------------------------------------------


def test_the_export_has_labels_and_no_email_addresses(coordinator, site):
    make_idea(site, title="=HYPERLINK(1)", email="salainen@example.com", by_child=True)
    response = coordinator.get(reverse(IDEAS), {"export": "csv"})
    text = b"".join(response.streaming_content).decode()
    assert "salainen@example.com" not in text
    header, *rows = list(csv.reader(io.StringIO(text)))
    assert len(rows) == 1 and rows[0][0] == "'=HYPERLINK(1)"
    with translation.override("fi"):
        assert str(IdeaStatus.PUBLISHED.label) in rows[0]


def test_the_dashboard_counts_ideas_awaiting_moderation_for_moderators_only(rf, site):
    make_idea(site, status=IdeaStatus.AWAITING)
    make_idea(site, status=IdeaStatus.AWAITING)
    make_idea(site)
    request = rf.get("/admin/")
    request.user = get_user_model().objects.create_superuser("koordinaattori")
    with translation.override("en"):
        labels = [task.label for task in ideas_tasks(request)]
    assert "Ideas awaiting moderation: 2" in labels
    request.user = get_user_model().objects.create_user("toimittaja")
    assert ideas_tasks(request) == []


def test_script_tags_in_idea_text_stay_text_in_the_list_inspect_and_edit_views(coordinator, site):
    idea = make_idea(site, status=IdeaStatus.AWAITING, title=f"Otsikko {SCRIPT}", description=f"Kuvaus {SCRIPT}")
    urls = [
        reverse(IDEAS),
        reverse(EDIT, args=[idea.pk]),
        reverse("wagtailsnippets_ideas_idea:inspect", args=[idea.pk]),
        reverse("ideas_merge", args=[idea.pk]),
    ]
    for url in urls:
        body = coordinator.get(url).content.decode()
        assert SCRIPT not in body, url
        assert "&lt;script&gt;" in body, url
