"""Recording a decision (`ideas.decisions.record`) and the `Decision` model: the linked ideas take the status
that goes with the decision's, each change goes on the idea's timeline and (after the commit) to a proposer who
left an e-mail, all or nothing; the place and the day come from the meeting; the model refuses a due date
before the meeting; and which decisions families may read."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ideas import decisions
from ideas.models import STATUS_ACTION, Decision, DecisionIdea, DecisionStatus, IdeaStatus
from ideas.moderation import change_status
from pages import freshness
from tests.events.builders import HELSINKI, make_event, translate
from tests.ideas.builders import make_idea
from tests.ideas.decision_builders import make_decision, make_meeting, other_site, staff_user, write_decision

LONG_AGO = timezone.now() - datetime.timedelta(days=400)


def status_log(idea) -> list[str]:
    return [
        data["status"]
        for data in ModelLogEntry.objects.for_instance(idea)
        .filter(action=STATUS_ACTION)
        .order_by("pk")
        .values_list("data", flat=True)
    ]


def fresh(instance):
    return type(instance).objects.get(pk=instance.pk)


# --- Recording moves the ideas ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("decision_status", "idea_status"),
    [
        (DecisionStatus.DECIDED, IdeaStatus.DECIDED),
        (DecisionStatus.IN_PROGRESS, IdeaStatus.IN_PROGRESS),
        (DecisionStatus.DONE, IdeaStatus.DONE),
        (DecisionStatus.DROPPED, IdeaStatus.NOT_TAKEN_FORWARD),
    ],
)
def test_recording_moves_each_linked_idea_to_the_status_of_the_decision(site, decision_status, idea_status):
    meeting = make_meeting(site)
    published, selected = make_idea(site), make_idea(site, status=IdeaStatus.SELECTED)
    bystander = make_idea(site)
    user = staff_user()
    decision = make_decision(meeting, [published, selected], status=decision_status, user=user)
    assert Decision.objects.filter(pk=decision.pk, status=decision_status).exists()
    for idea in (published, selected):
        idea = fresh(idea)
        assert idea.status == idea_status
        last = idea.timeline()[-1]
        assert last.status == idea_status
        entry = ModelLogEntry.objects.for_instance(idea).filter(action=STATUS_ACTION).latest("pk")
        assert entry.user_id == user.pk
    assert fresh(bystander).status == IdeaStatus.PUBLISHED and status_log(bystander) == []


def test_each_change_adds_one_timeline_entry_and_a_repeated_status_adds_none(site):
    meeting = make_meeting(site)
    idea = make_idea(site, status=IdeaStatus.SELECTED)
    decision = make_decision(meeting, [idea], status=DecisionStatus.DECIDED)
    assert [entry.status for entry in fresh(idea).timeline()] == ["proposed", IdeaStatus.DECIDED]

    decision.text = "Tarkennettu päätös."
    decisions.record(decision, user=staff_user())  # same status: nothing new happens to the idea
    assert [entry.status for entry in fresh(idea).timeline()] == ["proposed", IdeaStatus.DECIDED]

    decision.status = DecisionStatus.IN_PROGRESS
    decisions.record(decision, user=staff_user())
    decision.status = DecisionStatus.DONE
    decisions.record(decision, user=staff_user())
    timeline = fresh(idea).timeline()
    assert [entry.status for entry in timeline] == ["proposed", "decided", "in_progress", "done"]
    assert [entry.at for entry in timeline] == sorted(entry.at for entry in timeline)
    assert fresh(idea).status == IdeaStatus.DONE


def test_a_second_decision_with_the_status_the_idea_has_adds_nothing(site):
    idea = make_idea(site)
    make_decision(make_meeting(site, days_ago=20), [idea])
    changed_at = fresh(idea).status_changed_at
    make_decision(make_meeting(site, days_ago=5), [idea])
    assert status_log(idea) == ["decided"]
    assert fresh(idea).status_changed_at == changed_at


def test_one_status_mail_per_idea_with_an_address_is_queued_only_after_the_commit(
    site, django_capture_on_commit_callbacks
):
    meeting = make_meeting(site)
    first = make_idea(site, email="eka@example.com", contact_language="fi")
    second = make_idea(site, email="toka@example.com", contact_language="en")
    silent = make_idea(site)  # no address: nobody to tell
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        make_decision(meeting, [first, second, silent])
        assert mail.outbox == []  # nothing leaves before the transaction commits
    assert len([callback for callback in callbacks if callback is not freshness.renew]) == 2
    assert sorted(message.to[0] for message in mail.outbox) == ["eka@example.com", "toka@example.com"]
    by_address = {message.to[0]: message for message in mail.outbox}
    assert first.title in by_address["eka@example.com"].subject
    assert f"/ideat/{second.pk}/" in by_address["toka@example.com"].body
    assert all(silent.title not in message.subject for message in mail.outbox)


def test_the_mail_is_queued_once_per_idea_and_not_again_for_the_same_status(site, django_capture_on_commit_callbacks):
    idea = make_idea(site, email="perhe@example.com")
    with django_capture_on_commit_callbacks(execute=True):
        decision = make_decision(make_meeting(site), [idea])
    assert len(mail.outbox) == 1
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        decision.text = "Korjattu kirjoitusvirhe."
        decisions.record(decision, user=staff_user())
    assert [callback for callback in callbacks if callback is not freshness.renew] == [] and len(mail.outbox) == 1


def test_nothing_is_saved_when_moving_the_second_idea_fails(site, monkeypatch, django_capture_on_commit_callbacks):
    meeting = make_meeting(site)
    first = make_idea(site, email="eka@example.com")
    second = make_idea(site, email="toka@example.com")
    calls = []

    def failing_change_status(idea, status, **kwargs):
        calls.append(idea.pk)
        if idea.pk == second.pk:
            raise RuntimeError("the database went away")
        return change_status(idea, status, **kwargs)

    monkeypatch.setattr(decisions, "change_status", failing_change_status)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        make_decision(meeting, [first, second], text="Puolikas päätös")
    assert calls == [first.pk, second.pk]  # the first idea was moved before the failure
    assert not Decision.objects.exists() and not DecisionIdea.objects.exists()
    for idea in (first, second):
        assert fresh(idea).status == IdeaStatus.PUBLISHED
        assert status_log(idea) == []
    assert mail.outbox == []


def test_a_failed_edit_keeps_the_decision_and_its_ideas_as_they_were(site, monkeypatch):
    meeting = make_meeting(site)
    first, second = make_idea(site), make_idea(site)
    decision = make_decision(meeting, [first, second])
    Decision.objects.filter(pk=decision.pk).update(status_changed_at=LONG_AGO)

    def failing_change_status(idea, status, **kwargs):
        if idea.pk == second.pk:
            raise RuntimeError("the database went away")
        return change_status(idea, status, **kwargs)

    monkeypatch.setattr(decisions, "change_status", failing_change_status)
    edited = fresh(decision)
    edited.status = DecisionStatus.DONE
    edited.text = "Valmis"
    with pytest.raises(RuntimeError):
        decisions.record(edited, user=staff_user())
    stored = fresh(decision)
    assert stored.status == DecisionStatus.DECIDED and stored.text == decision.text
    assert stored.status_changed_at == LONG_AGO
    assert [fresh(idea).status for idea in (first, second)] == [IdeaStatus.DECIDED, IdeaStatus.DECIDED]
    assert status_log(first) == ["decided"]


def test_a_merged_idea_is_not_moved(site):
    target = make_idea(site)
    merged = make_idea(site, status=IdeaStatus.MERGED, merged_into=target)
    decision = make_decision(make_meeting(site), [merged, target], status=DecisionStatus.DONE)
    assert fresh(merged).status == IdeaStatus.MERGED and status_log(merged) == []
    assert fresh(target).status == IdeaStatus.DONE
    assert decision.idea_links.count() == 2


def test_status_changed_at_moves_only_when_the_status_changes(site):
    idea = make_idea(site)
    decision = make_decision(make_meeting(site), [idea])
    Decision.objects.filter(pk=decision.pk).update(status_changed_at=LONG_AGO)

    edited = fresh(decision)
    edited.text = "Sama päätös, selvemmin sanottuna."
    edited.due_date = timezone.localdate() + datetime.timedelta(days=30)
    decisions.record(edited, user=staff_user())
    assert fresh(decision).status_changed_at == LONG_AGO
    assert fresh(decision).text == "Sama päätös, selvemmin sanottuna."

    edited.status = DecisionStatus.IN_PROGRESS
    before = timezone.now()
    decisions.record(edited, user=staff_user())
    changed = fresh(decision).status_changed_at
    assert changed >= before
    assert fresh(idea).status == IdeaStatus.IN_PROGRESS and fresh(idea).status_changed_at >= before


# --- The model --------------------------------------------------------------------------------------------


def test_the_place_and_the_day_come_from_the_meeting(site):
    elsewhere = other_site()
    # Half past midnight in Helsinki is still the previous day in UTC: the day is the meeting's local day.
    start = datetime.datetime(2026, 3, 11, 0, 30, tzinfo=HELSINKI)
    meeting = make_event(site, start, kind="community_meeting", title="Yöllinen kokous")
    decision = Decision(meeting=meeting, text="Päätös", site=elsewhere["site"])
    decision.save()
    decision = fresh(decision)
    assert decision.site == site["site"]
    assert decision.decided_on == datetime.date(2026, 3, 11)
    assert start.astimezone(datetime.UTC).date() == datetime.date(2026, 3, 10)

    meeting.start = datetime.datetime(2026, 4, 2, 18, tzinfo=HELSINKI)
    meeting.end = meeting.start + datetime.timedelta(hours=2)
    meeting.save()
    decision = fresh(decision)
    decision.save()
    assert fresh(decision).decided_on == datetime.date(2026, 4, 2)


def test_clean_refuses_a_due_date_before_the_meeting(site):
    meeting = make_meeting(site, days_ago=3)
    day = timezone.localdate(meeting.start)
    decision = Decision(meeting=meeting, text="Päätös", due_date=day - datetime.timedelta(days=1))
    with pytest.raises(ValidationError) as refused:
        decision.clean()
    assert set(refused.value.message_dict) == {"due_date"}
    Decision(meeting=meeting, text="Päätös", due_date=day).clean()  # the same day is fine
    Decision(meeting=meeting, text="Päätös", due_date=None).clean()


def test_clean_refuses_a_decision_without_a_meeting(site):
    with pytest.raises(ValidationError) as refused:
        Decision(text="Päätös", due_date=datetime.date(2020, 1, 1)).clean()
    assert set(refused.value.message_dict) == {"meeting"}


def test_decisions_of_public_meetings_are_public_and_of_staff_meetings_only_with_a_public_idea(site):
    public_idea = make_idea(site)
    awaiting = make_idea(site, status=IdeaStatus.AWAITING)
    rejected = make_idea(site, status=IdeaStatus.REJECTED)
    community = make_meeting(site, "community_meeting")
    day = make_meeting(site, "co_development")
    house = make_meeting(site, "house_meeting")
    steering = make_meeting(site, "steering_group")

    of_community = write_decision(community)
    of_day = write_decision(day, [awaiting])
    house_alone = write_decision(house)
    house_private = write_decision(house, [awaiting, rejected])
    house_public = write_decision(house, [awaiting, public_idea])
    steering_private = write_decision(steering, [rejected])
    steering_public = write_decision(steering, [public_idea])

    public = set(Decision.objects.public())
    assert public == {of_community, of_day, house_public, steering_public}
    assert not {house_alone, house_private, steering_private} & public
    assert Decision.objects.public().count() == 4  # one row each, however many ideas


def test_a_decision_of_an_unpublished_community_meeting_is_not_public_without_a_public_idea(site):
    draft = make_meeting(site, "community_meeting")
    draft.unpublish()
    alone = write_decision(draft)
    with_idea = write_decision(draft, [make_idea(site)])
    assert set(Decision.objects.public()) == {with_idea}
    assert alone not in Decision.objects.public()


def test_for_meeting_finds_the_decisions_of_each_translation_and_for_site_only_the_places(site):
    meeting = make_meeting(site)
    other = make_meeting(site)
    made = write_decision(meeting)
    write_decision(other)
    swedish = translate(meeting, "sv", title="Gemenskapsmöte")
    assert list(Decision.objects.for_meeting(swedish)) == [made]
    assert list(Decision.objects.for_meeting(meeting)) == [made]
    assert Decision.objects.for_site(site["site"]).count() == 2
    assert not Decision.objects.for_site(other_site()["site"]).exists()
