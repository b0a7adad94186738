"""An idea's status: every change saved with its audit-log entry, the public timeline built from those
entries, and nothing of a rejected or unmoderated idea in public querysets."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ideas.models import STATUS_ACTION, Idea, IdeaStatus
from tests.ideas.builders import make_idea, make_ideas_site

pytestmark = pytest.mark.django_db


@pytest.fixture
def site():
    return make_ideas_site()


def test_a_status_change_is_logged_with_who_when_and_the_public_note(site):
    idea = make_idea(site, status=IdeaStatus.AWAITING)
    moderator = get_user_model().objects.create_user("moderaattori", password="x" * 16)
    at = timezone.now() - datetime.timedelta(days=3)
    assert idea.set_status(IdeaStatus.PUBLISHED, user=moderator, at=at)
    entry = ModelLogEntry.objects.for_instance(idea).get(action=STATUS_ACTION)
    assert (entry.user_id, entry.timestamp, entry.data["status"]) == (moderator.pk, at, "published")
    idea.refresh_from_db()
    assert (idea.status, idea.published_at, idea.status_changed_at) == (IdeaStatus.PUBLISHED, at, at)


def test_the_timeline_shows_public_steps_in_order_and_never_who_made_them(site):
    idea = make_idea(site, status=IdeaStatus.AWAITING)
    start = timezone.now() - datetime.timedelta(days=30)
    idea.set_status(IdeaStatus.PUBLISHED, at=start)
    idea.set_status(IdeaStatus.VOTING, at=start + datetime.timedelta(days=1))
    idea.set_status(IdeaStatus.NOT_TAKEN_FORWARD, note="Tila ei riitä.", at=start + datetime.timedelta(days=9))
    timeline = idea.timeline()
    assert [(entry.status, entry.note) for entry in timeline] == [
        ("proposed", ""),
        ("published", ""),
        ("voting", ""),
        ("not_taken_forward", "Tila ei riitä."),
    ]
    assert not any(hasattr(entry, "user") for entry in timeline)


def test_a_rejection_is_logged_but_never_shown(site):
    idea = make_idea(site, status=IdeaStatus.AWAITING)
    idea.set_status(IdeaStatus.REJECTED, note="Mainos.")
    assert [entry.status for entry in idea.timeline()] == ["proposed"]
    assert idea.published_at is None
    assert not Idea.objects.public().filter(pk=idea.pk).exists()
    assert ModelLogEntry.objects.for_instance(idea).filter(action=STATUS_ACTION).count() == 1


def test_setting_the_same_status_again_logs_nothing(site):
    idea = make_idea(site, status=IdeaStatus.AWAITING)
    idea.set_status(IdeaStatus.PUBLISHED)
    assert not idea.set_status(IdeaStatus.PUBLISHED)
    assert ModelLogEntry.objects.for_instance(idea).filter(action=STATUS_ACTION).count() == 1


def test_a_merged_idea_points_to_another_idea(site):
    original, duplicate = make_idea(site), make_idea(site)
    with pytest.raises(ValueError):
        duplicate.set_status(IdeaStatus.MERGED)
    duplicate.set_status(IdeaStatus.MERGED, merged_into=original)
    duplicate.refresh_from_db()
    assert duplicate.merged_into_id == original.pk
    assert list(original.merged_ideas.all()) == [duplicate]


def test_only_approved_statuses_are_public(site):
    shown = {status: make_idea(site, status=status) for status in IdeaStatus.values}
    public = set(Idea.objects.public().values_list("status", flat=True))
    assert public == set(IdeaStatus.values) - {"awaiting", "rejected"}
    assert {idea.is_public for idea in (shown["awaiting"], shown["rejected"])} == {False}


def test_erasing_the_contact_keeps_the_idea(site):
    idea = make_idea(site, title="Isien ilta", email="perhe@example.org")
    assert idea.erase_contact()
    idea.refresh_from_db()
    assert (idea.email, idea.title) == ("", "Isien ilta")
    assert not idea.erase_contact()


def test_themes_are_tags_with_names_in_each_language(site):
    from django.utils import translation

    from ideas.models import IdeaTheme

    outdoors = IdeaTheme.objects.create(name="Ulkoilu", slug="ulkoilu", name_en="Outdoors")
    idea = make_idea(site, themes=[outdoors])
    assert list(Idea.objects.filter(themes__slug="ulkoilu")) == [idea]
    with translation.override("en"):
        assert [theme.label for theme in idea.themes.all()] == ["Outdoors"]
    with translation.override("sv"):
        assert [theme.label for theme in idea.themes.all()] == ["Ulkoilu"]


def test_the_ideas_page_of_a_site_is_found_in_each_language(site):
    from ideas.models import IdeaIndexPage
    from tests.events.builders import translate

    swedish = translate(site["ideas_page"], "sv", title="Idéer")
    assert IdeaIndexPage.for_site(site["site"], "sv").pk == swedish.pk
    assert IdeaIndexPage.for_site(site["site"], "fi").pk == site["ideas_page"].pk
    assert IdeaIndexPage.for_site(site["site"], "en").pk == site["ideas_page"].pk
