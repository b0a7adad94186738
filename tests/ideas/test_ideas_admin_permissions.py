"""Who may do what in the ideas admin: moderating needs `ideas.change_idea`; rounds, codes, printing, paper
ballots and the selection need `ideas.change_votinground`. An editor without them sees nothing of
unmoderated ideas or codes, whatever number they type into the address, and changes nothing."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from ideas.models import IdeaStatus, Vote, VotingCode
from tests.ideas.builders import make_codes, make_idea, make_ideas_site, make_round

SECRET_TITLE = "Salainen odottava idea"


@pytest.fixture
def site(db):
    site = make_ideas_site()
    site["waiting"] = make_idea(site, status=IdeaStatus.AWAITING, title=SECRET_TITLE)
    site["published"] = make_idea(site, title="Julkaistu idea")
    site["round"] = make_round(site, [site["published"]])
    site["codes"] = make_codes(site["round"], 2)
    return site


def make_staff(username: str, *codenames: str):
    """An editor (may use the admin and edit pages), in a group with the given ideas permissions."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    if codenames:
        group = Group.objects.create(name=f"{username} group")
        group.permissions.add(*Permission.objects.filter(content_type__app_label="ideas", codename__in=codenames))
        user.groups.add(group)
    return user


def denied(response) -> bool:
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    )


def idea_urls(site) -> list[str]:
    waiting = site["waiting"].pk
    return [
        reverse("wagtailsnippets_ideas_idea:list"),
        reverse("wagtailsnippets_ideas_idea:list") + "?export=csv",
        reverse("wagtailsnippets_ideas_idea:list") + "?status=awaiting",
        reverse("wagtailsnippets_ideas_idea:inspect", args=[waiting]),
        reverse("wagtailsnippets_ideas_idea:edit", args=[waiting]),
        reverse("wagtailsnippets_ideas_idea:delete", args=[waiting]),
        reverse("ideas_merge", args=[waiting]),
        f"/admin/bulk/ideas/idea/approve/?id={waiting}",
        f"/admin/bulk/ideas/idea/reject/?id={waiting}",
        f"/admin/bulk/ideas/idea/delete/?id={waiting}",
        "/admin/bulk/ideas/idea/approve/?id=all",
    ]


def round_urls(site) -> list[str]:
    voting_round = site["round"].pk
    return [
        reverse("ideas_round_codes", args=[voting_round]),
        reverse("ideas_round_print", args=[voting_round]),
        reverse("ideas_round_paper", args=[voting_round]),
        reverse("ideas_round_results", args=[voting_round]),
        reverse("ideas_round_codes", args=[999999]),
        reverse("ideas_round_print", args=[999999]),
    ]


def code_texts(site) -> list[str]:
    return [code.printed for code in site["codes"]]


def assert_no_round_access(client, site):
    for url in round_urls(site):
        response = client.get(url)
        assert denied(response), url
        assert not any(code in response.content.decode() for code in code_texts(site)), url
    voting_round, code = site["round"], site["codes"][0]
    posts = {
        reverse("ideas_round_codes", args=[voting_round.pk]): {"count": "5"},
        reverse("ideas_round_revoke_code", args=[voting_round.pk, code.pk]): {},
        reverse("ideas_round_paper", args=[voting_round.pk]): {"code": code.printed, "ideas": [site["published"].pk]},
        reverse("ideas_round_results", args=[voting_round.pk]): {"selected": [site["published"].pk]},
    }
    for url, data in posts.items():
        assert denied(client.post(url, data)), url
    assert VotingCode.objects.count() == 2 and not VotingCode.objects.filter(revoked_at__isnull=False).exists()
    assert not Vote.objects.exists()


def test_an_editor_without_ideas_permissions_sees_no_idea_and_no_code(client, site):
    client.force_login(make_staff("toimittaja"))
    for url in idea_urls(site):
        response = client.get(url)
        assert denied(response) or response.status_code == 404, url
        assert SECRET_TITLE not in response.content.decode(), url
    for url in (
        reverse("ideas_merge", args=[site["waiting"].pk]),
        f"/admin/bulk/ideas/idea/approve/?id={site['waiting'].pk}",
    ):
        assert denied(client.post(url, {"into": site["published"].pk})), url
    site["waiting"].refresh_from_db()
    assert site["waiting"].status == IdeaStatus.AWAITING
    assert_no_round_access(client, site)
    assert denied(client.get(reverse("wagtailsnippets_ideas_votinground:list")))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert reverse("wagtailsnippets_ideas_idea:list") not in home


def test_the_idea_chooser_is_not_there_to_list_unmoderated_ideas(client, site):
    client.force_login(make_staff("toimittaja"))
    response = client.get("/admin/snippets/choose/ideas/idea/")
    assert response.status_code == 404 and SECRET_TITLE not in response.content.decode()


def test_a_moderator_moderates_but_cannot_reach_codes_or_ballots(client, site):
    client.force_login(make_staff("moderaattori", "view_idea", "change_idea"))
    for url in idea_urls(site)[:5] + idea_urls(site)[6:9]:
        response = client.get(url)
        assert response.status_code == 200, url
    assert SECRET_TITLE in client.get(reverse("wagtailsnippets_ideas_idea:list")).content.decode()
    client.post(f"/admin/bulk/ideas/idea/approve/?id={site['waiting'].pk}", {"note": ""})
    site["waiting"].refresh_from_db()
    assert site["waiting"].status == IdeaStatus.PUBLISHED
    assert_no_round_access(client, site)
    listing = client.get(reverse("wagtailsnippets_ideas_idea:list")).content.decode()
    assert reverse("ideas_round_codes", args=[site["round"].pk]) not in listing


def test_staff_who_run_rounds_reach_codes_and_ballots_but_do_not_moderate(client, site):
    client.force_login(make_staff("aanestysvastaava", "view_votinground", "change_votinground"))
    for url in round_urls(site)[:4]:
        assert client.get(url).status_code == 200, url
    assert code_texts(site)[0] in client.get(round_urls(site)[0]).content.decode()
    rounds = client.get(reverse("wagtailsnippets_ideas_votinground:list")).content.decode()
    assert reverse("ideas_round_codes", args=[site["round"].pk]) in rounds
    for url in (
        reverse("ideas_merge", args=[site["waiting"].pk]),
        f"/admin/bulk/ideas/idea/reject/?id={site['waiting'].pk}",
    ):
        assert denied(client.get(url)), url
    assert denied(client.post(f"/admin/bulk/ideas/idea/reject/?id={site['waiting'].pk}", {"note": ""}))
    site["waiting"].refresh_from_db()
    assert site["waiting"].status == IdeaStatus.AWAITING


def test_anonymous_visitors_are_sent_to_sign_in(client, site):
    for url in idea_urls(site) + round_urls(site):
        response = client.get(url)
        assert response.status_code == 302 and "/login/" in response["Location"], url
