"""The mail a proposer gets when their idea's status changes: plain text in their language, the status in
plain words with the public note, links to the idea and to stop the updates; queued after the change
commits, never for ideas awaiting moderation, and retried while the mail server is down."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks_db.models import DBTaskResult

from ideas.models import IdeaStatus
from ideas.moderation import change_status, merge
from ideas.tasks import send_status_mail
from ideas.tokens import contact_idea_id
from pages import freshness
from pages.mail import RETRY_DELAYS
from pages.navigation import public_url
from tests.events.builders import translate
from tests.ideas.builders import make_idea

SCRIPT = '<script>alert("x")</script> & <b>'
DATABASE_TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "mail": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
}


class MailServerDown:
    """A mail backend whose server refuses the connection."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("the mail server is down")


@pytest.fixture
def staff(db):
    return get_user_model().objects.create_user("moderaattori")


def change(idea, status, staff, capture, **kwargs):
    with capture(execute=True):
        return change_status(idea, status, user=staff, **kwargs)


def idea_url(site, idea, prefix="") -> str:
    return public_url(f"{prefix}/ideat/{idea.pk}/")


def stop_link(body: str) -> str:
    return next(line for line in body.splitlines() if "/paivitykset/" in line).strip()


def test_the_mail_says_the_new_status_and_note_in_the_proposers_language_with_both_links(
    site, staff, django_capture_on_commit_callbacks
):
    idea = make_idea(site, status=IdeaStatus.AWAITING, email="perhe@example.com", contact_language="en")
    change(idea, IdeaStatus.PUBLISHED, staff, django_capture_on_commit_callbacks, note="Hyvä idea!")
    [message] = mail.outbox
    assert message.to == ["perhe@example.com"] and idea.title in message.subject
    with translation.override("en"):
        assert str(IdeaStatus.PUBLISHED.label) in message.body
        assert gettext("Note from the staff:") + " Hyvä idea!" in message.body
    assert idea_url(site, idea) in message.body
    link = stop_link(message.body)
    assert link.startswith(public_url("/ideat/paivitykset/"))
    assert contact_idea_id(link.rstrip("/").rsplit("/", 1)[1]) == idea.pk


def test_the_mail_links_to_the_page_in_the_proposers_language(site, staff, django_capture_on_commit_callbacks):
    translate(site["ideas_page"], "sv")
    idea = make_idea(site, status=IdeaStatus.AWAITING, email="familj@example.com", contact_language="sv")
    change(idea, IdeaStatus.PUBLISHED, staff, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert idea_url(site, idea, prefix="/sv") in message.body
    with translation.override("sv"):
        assert str(IdeaStatus.PUBLISHED.label) in message.body


def test_the_mail_is_plain_text_with_the_users_words_as_they_were_written(
    site, staff, django_capture_on_commit_callbacks
):
    idea = make_idea(site, status=IdeaStatus.AWAITING, title=f"Otsikko {SCRIPT}", email="perhe@example.com")
    change(idea, IdeaStatus.PUBLISHED, staff, django_capture_on_commit_callbacks, note=f"Huom {SCRIPT}")
    [message] = mail.outbox
    assert message.content_subtype == "plain" and not getattr(message, "alternatives", [])
    assert SCRIPT in message.body and "&lt;" not in message.body and "&amp;" not in message.body
    assert "\n" not in message.subject


def test_a_rejected_idea_gets_no_link_to_a_public_page(site, staff, django_capture_on_commit_callbacks):
    idea = make_idea(site, status=IdeaStatus.AWAITING, email="perhe@example.com", contact_language="en")
    change(idea, IdeaStatus.REJECTED, staff, django_capture_on_commit_callbacks)
    [message] = mail.outbox
    assert f"/ideat/{idea.pk}/" not in message.body
    assert "/ideat/paivitykset/" in message.body


def test_a_merged_idea_names_the_idea_it_joined(site, staff, django_capture_on_commit_callbacks):
    idea = make_idea(site, email="perhe@example.com", contact_language="en")
    other = make_idea(site, title="Isompi idea")
    with django_capture_on_commit_callbacks(execute=True):
        merge(idea, other, user=staff)
    assert "Isompi idea" in mail.outbox[0].body


def test_nothing_is_sent_for_awaiting_without_an_address_or_without_a_change(
    site, staff, django_capture_on_commit_callbacks
):
    published = make_idea(site, email="perhe@example.com")
    change(published, IdeaStatus.AWAITING, staff, django_capture_on_commit_callbacks)
    no_address = make_idea(site, status=IdeaStatus.AWAITING)
    change(no_address, IdeaStatus.PUBLISHED, staff, django_capture_on_commit_callbacks)
    same = make_idea(site, email="perhe@example.com")
    change(same, IdeaStatus.PUBLISHED, staff, django_capture_on_commit_callbacks, note="Vain huomautus.")
    assert mail.outbox == []
    assert send_status_mail.call(published.pk, IdeaStatus.AWAITING) == "nothing to send"


def test_the_mail_is_queued_only_when_the_change_commits(site, staff, django_capture_on_commit_callbacks):
    idea = make_idea(site, status=IdeaStatus.AWAITING, email="perhe@example.com")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        change_status(idea, IdeaStatus.PUBLISHED, user=staff)
    mailing = [callback for callback in callbacks if callback is not freshness.renew]  # not the page cache's
    assert mail.outbox == [] and len(mailing) == 1
    mailing[0]()
    assert len(mail.outbox) == 1


def test_a_mail_about_a_status_the_idea_has_left_is_not_sent(site):
    idea = make_idea(site, status=IdeaStatus.VOTING, email="perhe@example.com")
    assert send_status_mail.call(idea.pk, IdeaStatus.PUBLISHED) == "outdated"
    assert mail.outbox == []


def test_with_the_mail_server_down_the_mail_is_queued_again_later(site, settings):
    settings.TASKS = DATABASE_TASKS
    settings.EMAIL_BACKEND = f"{__name__}.MailServerDown"
    idea = make_idea(site, email="perhe@example.com")
    before = timezone.now()
    with pytest.raises(OSError):
        send_status_mail.call(idea.pk, IdeaStatus.PUBLISHED)
    retry = DBTaskResult.objects.get()
    assert retry.args_kwargs["args"] == [idea.pk, IdeaStatus.PUBLISHED, 2]
    assert retry.run_after >= before + datetime.timedelta(seconds=RETRY_DELAYS[0])
    with pytest.raises(OSError):
        send_status_mail.call(idea.pk, IdeaStatus.PUBLISHED, len(RETRY_DELAYS) + 1)
    assert DBTaskResult.objects.count() == 1  # the last attempt gives up
