"""Decisions in the admin (Ideas → Decisions): the snippet form with its ideas inline records the decision
and moves the ideas; it refuses an idea that is not public or is of another place, a due date before the
meeting and a missing meeting, saving nothing; it needs the moderators' permission on ideas; the chooser of
ideas lists public ideas only; and the list's CSV export neutralises formulas."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from ideas.models import STATUS_ACTION, Decision, DecisionIdea, DecisionStatus, IdeaStatus
from tests.ideas.builders import make_idea
from tests.ideas.decision_builders import decision_data, make_decision, make_meeting, other_site

ADD = "wagtailsnippets_ideas_decision:add"
EDIT = "wagtailsnippets_ideas_decision:edit"
DECISIONS = "wagtailsnippets_ideas_decision:list"
CHOOSER = "public_idea_chooser:choose"
CHOOSER_RESULTS = "public_idea_chooser:choose_results"
FORMULA = '=HYPERLINK("http://example.com/x","Click")'


def fresh(instance):
    return type(instance).objects.get(pk=instance.pk)


def status_log(idea):
    entries = ModelLogEntry.objects.for_instance(idea).filter(action=STATUS_ACTION).order_by("pk")
    return list(entries.values_list("data", "user"))


def form_errors(response) -> dict:
    """The decision form's errors ("__all__" for those of the whole form), by field."""
    assert response.status_code == 200, response.status_code
    return {
        field: [str(message) for message in messages] for field, messages in response.context["form"].errors.items()
    }


def make_staff(username: str, *codenames: str):
    """An editor (may use the admin) in a group with the given ideas permissions."""
    user = get_user_model().objects.create_user(username, password="pitka-salasana-123")
    user.groups.add(Group.objects.get(name="Editors"))
    group = Group.objects.create(name=f"{username} group")
    group.permissions.add(*Permission.objects.filter(content_type__app_label="ideas", codename__in=codenames))
    user.groups.add(group)
    return user


def csv_rows(response) -> list[list[str]]:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


# --- Recording through the form ---------------------------------------------------------------------------


def test_adding_a_decision_records_it_and_moves_its_ideas(coordinator, site):
    meeting = make_meeting(site, days_ago=7)
    first, second = make_idea(site), make_idea(site, status=IdeaStatus.SELECTED)
    due = timezone.localdate(meeting.start) + datetime.timedelta(days=30)
    response = coordinator.post(
        reverse(ADD), decision_data(meeting, [second, first], status=DecisionStatus.IN_PROGRESS, due_date=due)
    )
    assert response.status_code == 302, form_errors(response)
    decision = Decision.objects.get()
    assert decision.meeting == meeting and decision.site == site["site"] and decision.due_date == due
    assert decision.decided_on == timezone.localdate(meeting.start)
    assert [link.idea for link in decision.idea_links.order_by("sort_order")] == [second, first]
    coordinator_id = get_user_model().objects.get(username="koordinaattori").pk
    for idea in (first, second):
        assert fresh(idea).status == IdeaStatus.IN_PROGRESS
        assert status_log(idea)[-1] == ({"status": "in_progress", "note": ""}, coordinator_id)


def test_editing_a_decision_moves_its_ideas_on_and_takes_a_new_idea_along(coordinator, site):
    meeting = make_meeting(site)
    first, added = make_idea(site), make_idea(site)
    decision = make_decision(meeting, [first])
    links = list(decision.idea_links.all())
    response = coordinator.post(
        reverse(EDIT, args=[decision.pk]), decision_data(meeting, [added], existing=links, status=DecisionStatus.DONE)
    )
    assert response.status_code == 302, form_errors(response)
    assert fresh(decision).status == DecisionStatus.DONE
    assert set(fresh(decision).idea_links.values_list("idea_id", flat=True)) == {first.pk, added.pk}
    assert fresh(first).status == IdeaStatus.DONE and fresh(added).status == IdeaStatus.DONE
    assert [data["status"] for data, _user in status_log(first)] == ["decided", "done"]
    assert [data["status"] for data, _user in status_log(added)] == ["done"]


@pytest.mark.parametrize("status", [IdeaStatus.AWAITING, IdeaStatus.REJECTED])
def test_an_idea_that_is_not_public_is_refused_and_nothing_is_saved(coordinator, site, status):
    meeting = make_meeting(site)
    public = make_idea(site, title="Julkinen idea")
    hidden = make_idea(site, status=status, title="Piilossa oleva idea")
    response = coordinator.post(reverse(ADD), decision_data(meeting, [public, hidden]))
    errors = form_errors(response)
    assert any("Piilossa oleva idea" in message for message in errors["__all__"]), errors
    assert not any("Julkinen idea" in message for message in errors["__all__"])
    assert "Piilossa oleva idea" in response.content.decode()  # shown to the editor with the error
    assert not Decision.objects.exists() and not DecisionIdea.objects.exists()
    assert fresh(public).status == IdeaStatus.PUBLISHED and fresh(hidden).status == status
    assert status_log(public) == [] and status_log(hidden) == []


def test_an_edit_linking_a_hidden_idea_is_refused_and_leaves_the_decision_as_it_was(coordinator, site):
    meeting = make_meeting(site)
    first, new = make_idea(site), make_idea(site)
    hidden = make_idea(site, status=IdeaStatus.AWAITING, title="Odottava idea")
    decision = make_decision(meeting, [first], text="Alkuperäinen päätös")
    response = coordinator.post(
        reverse(EDIT, args=[decision.pk]),
        decision_data(
            meeting,
            [new, hidden],
            existing=list(decision.idea_links.all()),
            status=DecisionStatus.DONE,
            text="Muutettu päätös",
        ),
    )
    assert any("Odottava idea" in message for message in form_errors(response)["__all__"])
    stored = fresh(decision)
    assert stored.text == "Alkuperäinen päätös" and stored.status == DecisionStatus.DECIDED
    assert list(stored.idea_links.values_list("idea_id", flat=True)) == [first.pk]
    assert fresh(first).status == IdeaStatus.DECIDED
    assert fresh(new).status == IdeaStatus.PUBLISHED and fresh(hidden).status == IdeaStatus.AWAITING


def test_a_merged_idea_is_refused(coordinator, site):
    target = make_idea(site)
    merged = make_idea(site, status=IdeaStatus.MERGED, merged_into=target, title="Yhdistetty idea")
    response = coordinator.post(reverse(ADD), decision_data(make_meeting(site), [merged]))
    assert any("Yhdistetty idea" in message for message in form_errors(response)["__all__"])
    assert not Decision.objects.exists() and fresh(merged).status == IdeaStatus.MERGED


def test_an_idea_of_another_place_is_refused(coordinator, site):
    foreign = make_idea(other_site(), title="Toisen paikan idea")
    ours = make_idea(site)
    response = coordinator.post(reverse(ADD), decision_data(make_meeting(site), [ours, foreign]))
    errors = form_errors(response)
    assert any("Toisen paikan idea" in message for message in errors["__all__"]), errors
    assert not Decision.objects.exists()
    assert fresh(foreign).status == IdeaStatus.PUBLISHED and fresh(ours).status == IdeaStatus.PUBLISHED


def test_the_same_idea_twice_is_refused(coordinator, site):
    idea = make_idea(site, title="Kahdesti linkitetty")
    response = coordinator.post(reverse(ADD), decision_data(make_meeting(site), [idea, idea]))
    assert response.status_code == 200
    assert response.context["form"].formsets["idea_links"].non_form_errors()  # the formset's unique check
    assert not Decision.objects.exists() and fresh(idea).status == IdeaStatus.PUBLISHED


def test_a_due_date_before_the_meeting_is_refused_on_the_due_date(coordinator, site):
    meeting = make_meeting(site, days_ago=3)
    idea = make_idea(site)
    day_before = timezone.localdate(meeting.start) - datetime.timedelta(days=1)
    response = coordinator.post(reverse(ADD), decision_data(meeting, [idea], due_date=day_before.isoformat()))
    assert set(form_errors(response)) == {"due_date"}
    assert not Decision.objects.exists() and fresh(idea).status == IdeaStatus.PUBLISHED
    same_day = timezone.localdate(meeting.start).isoformat()
    response = coordinator.post(reverse(ADD), decision_data(meeting, [idea], due_date=same_day))
    assert response.status_code == 302 and Decision.objects.count() == 1


def test_a_decision_needs_a_meeting_and_offers_only_meetings(coordinator, site):
    idea = make_idea(site)
    response = coordinator.post(reverse(ADD), decision_data(None, [idea]))
    assert "meeting" in form_errors(response)
    assert not Decision.objects.exists() and fresh(idea).status == IdeaStatus.PUBLISHED
    party = make_meeting(site, "other", title="Kesäjuhla")
    meeting = make_meeting(site, "house_meeting", title="Talon kokous")
    form = coordinator.get(reverse(ADD)).content.decode()
    assert f'value="{meeting.pk}"' in form and f'value="{party.pk}"' not in form
    response = coordinator.post(reverse(ADD), decision_data(party, [idea]))
    assert "meeting" in form_errors(response) and not Decision.objects.exists()


def test_the_meeting_is_preset_from_its_page(coordinator, site):
    meeting = make_meeting(site, title="Esivalittu kokous")
    form = coordinator.get(reverse(ADD), {"meeting": meeting.pk}).content.decode()
    assert f'<option value="{meeting.pk}" selected>' in form


# --- Permissions ------------------------------------------------------------------------------------------


DECISION_PERMISSIONS = ("add_decision", "change_decision", "view_decision", "delete_decision")


def denied(response) -> bool:
    """Wagtail answers a PermissionDenied in its admin with 403, or (for a page load) a redirect to the admin's
    home with a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] in (reverse("wagtailadmin_home"), "/admin/")
    )


def test_decision_permissions_without_moderating_ideas_cannot_add_or_edit(client, site):
    meeting = make_meeting(site)
    idea = make_idea(site)
    decision = make_decision(meeting, [], text="Alkuperäinen")
    client.force_login(make_staff("kirjuri", *DECISION_PERMISSIONS))
    assert denied(client.get(reverse(ADD)))
    assert denied(client.post(reverse(ADD), decision_data(meeting, [idea])))
    assert denied(client.get(reverse(EDIT, args=[decision.pk])))
    response = client.post(
        reverse(EDIT, args=[decision.pk]), decision_data(meeting, [idea], status=DecisionStatus.DONE, text="Muutettu")
    )
    assert denied(response)
    assert client.get(reverse(DECISIONS)).status_code == 200  # the list stays readable
    assert Decision.objects.count() == 1 and fresh(decision).text == "Alkuperäinen"
    assert fresh(idea).status == IdeaStatus.PUBLISHED and status_log(idea) == []


def test_decision_permissions_with_moderating_ideas_may_add_and_edit(client, site):
    meeting = make_meeting(site)
    idea = make_idea(site)
    client.force_login(make_staff("moderaattori", *DECISION_PERMISSIONS, "change_idea", "view_idea"))
    assert client.get(reverse(ADD)).status_code == 200
    response = client.post(reverse(ADD), decision_data(meeting, [idea]))
    assert response.status_code == 302, form_errors(response)
    decision = Decision.objects.get()
    assert client.get(reverse(EDIT, args=[decision.pk])).status_code == 200
    assert fresh(idea).status == IdeaStatus.DECIDED


# --- The chooser of public ideas --------------------------------------------------------------------------


def chooser_html(response) -> str:
    assert response.status_code == 200
    if response["Content-Type"].startswith("application/json"):
        return response.json()["html"]
    return response.content.decode()


def test_the_chooser_lists_public_ideas_and_never_hidden_ones(coordinator, site):
    shown = {
        status: make_idea(site, status=status, title=f"Näkyvä {status}")
        for status in (IdeaStatus.PUBLISHED, IdeaStatus.SELECTED, IdeaStatus.DECIDED, IdeaStatus.DONE)
    }
    make_idea(site, status=IdeaStatus.AWAITING, title="Odottava salaisuus")
    make_idea(site, status=IdeaStatus.REJECTED, title="Hylätty salaisuus")
    make_idea(site, status=IdeaStatus.MERGED, merged_into=shown[IdeaStatus.PUBLISHED], title="Yhdistetty kopio")
    for url in (reverse(CHOOSER), reverse(CHOOSER_RESULTS), reverse(CHOOSER_RESULTS) + "?q=salaisuus"):
        html = chooser_html(coordinator.get(url))
        assert "Odottava salaisuus" not in html and "Hylätty salaisuus" not in html, url
        assert "Yhdistetty kopio" not in html, url
    html = chooser_html(coordinator.get(reverse(CHOOSER)))
    for idea in shown.values():
        assert idea.title in html


def test_the_decision_form_uses_the_public_idea_chooser(coordinator, site):
    form = coordinator.get(reverse(ADD)).content.decode()
    assert reverse(CHOOSER) in form
    assert "/admin/snippets/choose/ideas/idea/" not in form


# --- The list and its export ------------------------------------------------------------------------------


def test_the_csv_export_neutralises_formulas(coordinator, site):
    meeting = make_meeting(site, title="Kevään yhteisökokous")
    make_decision(meeting, [make_idea(site, title="@SUM(1+1)")], text=FORMULA)
    make_decision(meeting, [make_idea(site, title="Tavallinen idea")], text="Tavallinen päätös")
    response = coordinator.get(reverse(DECISIONS), {"export": "csv"})
    assert response.status_code == 200
    header, *rows = csv_rows(response)
    assert len(header) == 7 and len(rows) == 2
    texts = {row[1] for row in rows}
    assert "'" + FORMULA in texts and FORMULA not in texts and "Tavallinen päätös" in texts
    ideas = {row[-1] for row in rows}
    assert "'@SUM(1+1)" in ideas and "Tavallinen idea" in ideas
    assert all("Kevään yhteisökokous" in row[2] for row in rows)
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)


def test_the_list_shows_decisions_and_their_text_as_text(coordinator, site):
    make_decision(make_meeting(site), [], text='<script>alert("x")</script>')
    body = coordinator.get(reverse(DECISIONS)).content.decode()
    assert "&lt;script&gt;alert" in body and '<script>alert("x")' not in body
