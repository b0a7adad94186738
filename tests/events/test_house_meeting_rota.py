"""The house-meeting rota: the steering-group members attend the house meetings in turn, in the order of the chair
rotation, counted from the rotation's start; staff see it in the admin and on each house meeting's page."""

from urllib.parse import urlparse

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone, translation

from events import rota
from events.models import EventPage
from tests.pages.builders import make_partners

from .builders import make_programme_site, translate
from .meeting_builders import count_queries, days_from_now, make_meeting, make_staff, set_rotation, translate_partner

pytestmark = pytest.mark.django_db

ROTA = "events_house_meeting_rota"


@pytest.fixture
def site():
    built = make_programme_site()
    partners = make_partners(9, built["support"], sector="mixed")
    built["members"] = [partner for partner in partners if partner.in_steering_group]  # 000, 003, 006
    built["outsider"] = next(partner for partner in partners if not partner.in_steering_group)
    return built


def house_meetings(site, days: list[float]) -> list[EventPage]:
    return [make_meeting(site, "house_meeting", days_from_now(day), title=f"Talokokous {day}") for day in days]


def members_of(rows) -> list:
    return [row.member for row in rows]


def test_members_take_the_house_meetings_in_turn_in_the_rotation_order(site):
    first, second, third = site["members"]
    set_rotation(site, [second, third, first])
    meetings = house_meetings(site, [-14, 0.5, 14, 28, 42])
    rows = rota.rota(site["site"])
    assert [row.meeting for row in rows] == meetings
    assert members_of(rows) == [second, third, first, second, third]
    assert [rota.member_for(meeting) for meeting in meetings] == [second, third, first, second, third]


def test_meetings_count_in_time_order_whatever_order_they_were_made_in(site):
    first, second, third = site["members"]
    set_rotation(site, [first, second, third])
    later, earlier = house_meetings(site, [28, 14])
    assert (rota.member_for(earlier), rota.member_for(later)) == (first, second)


def test_a_meeting_keeps_its_member_when_a_later_meeting_is_added(site):
    first, second, third = site["members"]
    set_rotation(site, [first, second, third])
    meetings = house_meetings(site, [7, 21])
    before = [rota.member_for(meeting) for meeting in meetings]
    added = house_meetings(site, [35])[0]
    assert [rota.member_for(meeting) for meeting in meetings] == before == [first, second]
    assert rota.member_for(added) == third


def test_meetings_before_the_rotation_started_take_no_turn(site):
    first, second, _third = site["members"]
    set_rotation(site, [first, second], start=timezone.localdate())
    old, new, newer = house_meetings(site, [-7, 7, 21])
    rows = rota.rota(site["site"])
    assert [row.meeting for row in rows] == [new, newer]
    assert members_of(rows) == [first, second]
    assert rota.member_for(old) is None


def test_without_a_rotation_nobody_is_on_turn(site):
    meeting = house_meetings(site, [7])[0]
    assert members_of(rota.rota(site["site"])) == [None]
    assert rota.member_for(meeting) is None
    set_rotation(site, [])
    assert rota.member_for(meeting) is None


def test_only_house_meetings_take_turns_and_a_translation_counts_once(site):
    first, second, _third = site["members"]
    set_rotation(site, [first, second])
    meeting = house_meetings(site, [7])[0]
    translate(meeting, "sv", title="Husmöte")
    steering = make_meeting(site, "steering_group", days_from_now(8))
    make_meeting(site, "community_meeting", days_from_now(9))
    following = house_meetings(site, [21])[0]
    assert [row.meeting for row in rota.rota(site["site"])] == [meeting, following]
    assert rota.member_for(following) == second
    assert rota.member_for(steering) is None


def test_a_translated_house_meeting_names_the_member_in_its_language(site):
    first, _second, _third = site["members"]
    swedish_member = translate_partner(first, "sv", name="Aktör noll")
    set_rotation(site, [first])
    meeting = house_meetings(site, [7])[0]
    swedish = translate(meeting, "sv", title="Husmöte")
    assert rota.member_for(swedish) == swedish_member
    assert rota.member_for(meeting) == first


def test_a_draft_house_meeting_takes_its_turn(site):
    """Staff plan the meetings ahead: an unpublished one still counts, so publishing it changes no turn."""
    first, second, _third = site["members"]
    set_rotation(site, [first, second])
    draft, published = house_meetings(site, [7, 21])
    draft.unpublish()
    assert rota.member_for(EventPage.objects.get(pk=published.pk)) == second


# --- The admin view ---------------------------------------------------------------------------------------


def test_the_rota_lists_the_upcoming_house_meetings_with_the_member_on_turn_to_staff(client, site):
    first, second, third = site["members"]
    set_rotation(site, [first, second, third])
    past, soon, later = house_meetings(site, [-7, 7, 21])
    client.force_login(make_staff())
    response = client.get(reverse(ROTA))
    assert response.status_code == 200
    body = response.content.decode()
    table = body.split('<table class="listing">', 1)[1].split("</table>", 1)[0]
    rows = table.split("<tbody>", 1)[1].split("<tr>")[1:]
    assert len(rows) == 2
    edit = reverse("wagtailadmin_pages:edit", args=[soon.pk])
    assert f'href="{edit}"' in rows[0] and soon.title in rows[0] and second.name in rows[0]
    assert later.title in rows[1] and third.name in rows[1]
    assert past.title not in body and f'"{reverse("wagtailadmin_pages:edit", args=[past.pk])}"' not in body


def test_the_rota_says_when_no_rotation_is_set(client, site):
    meeting = house_meetings(site, [7])[0]
    client.force_login(make_staff())
    with translation.override("fi"):
        body = client.get(reverse(ROTA)).content.decode()
        no_rotation = translation.gettext("No rotation set")
    row = body.split("<tbody>", 1)[1].split("</tr>", 1)[0]
    assert meeting.title in row and no_rotation in row
    assert not [member for member in site["members"] if member.name in body]


def test_anonymous_visitors_are_sent_to_log_in(client, site):
    set_rotation(site, site["members"])
    meeting = house_meetings(site, [7])[0]
    response = client.get(reverse(ROTA))
    assert response.status_code == 302
    assert urlparse(response["Location"]).path == reverse("wagtailadmin_login")
    assert meeting.title not in response.content.decode()


def test_someone_without_admin_access_cannot_see_the_rota(client, site):
    house_meetings(site, [7])
    client.force_login(get_user_model().objects.create_user("perhe", password="pitka-salasana-123"))
    response = client.get(reverse(ROTA))
    assert response.status_code in (302, 403)
    assert "Talokokous" not in response.content.decode()


def test_the_rota_and_a_house_meetings_page_run_as_many_queries_for_many_meetings_as_for_few(client, site):
    set_rotation(site, site["members"])
    first = house_meetings(site, [3])[0]
    client.force_login(make_staff())
    urls = [reverse(ROTA), first.url]
    few = [count_queries(client, url) for url in urls]
    house_meetings(site, [7 * week for week in range(1, 40)])
    many = [count_queries(client, url) for url in urls]
    assert EventPage.objects.filter(kind="house_meeting").count() == 40
    assert few == many, f"queries (1 house meeting, 40): {few}, {many}"


# --- The house meeting's page ---------------------------------------------------------------------------------


def test_the_house_meetings_page_names_the_member_on_turn_to_staff(client, site):
    first, second, _third = site["members"]
    set_rotation(site, [first, second])
    meeting, following = house_meetings(site, [7, 21])
    client.force_login(make_staff())
    with translation.override("fi"):
        on_turn = translation.gettext("Steering-group member on turn: %(name)s")
        bodies = [client.get(page.url).content.decode() for page in (meeting, following)]
    assert on_turn % {"name": first.name} in bodies[0]
    assert on_turn % {"name": second.name} in bodies[1]
    assert second.name not in bodies[0]


def test_the_swedish_house_meeting_names_the_member_in_swedish(client, site):
    first, _second, _third = site["members"]
    translate_partner(first, "sv", name="Aktör noll")
    set_rotation(site, [first])
    swedish = translate(house_meetings(site, [7])[0], "sv", title="Husmöte")
    client.force_login(make_staff())
    with translation.override("sv"):
        on_turn = translation.gettext("Steering-group member on turn: %(name)s")
        body = client.get(swedish.url).content.decode()
    assert on_turn % {"name": "Aktör noll"} in body


def test_other_meetings_name_no_member_on_turn(client, site):
    first, _second, _third = site["members"]
    set_rotation(site, [first])
    steering = make_meeting(site, "steering_group", days_from_now(7))
    community = make_meeting(site, "community_meeting", days_from_now(8))
    client.force_login(make_staff())
    for page in (steering, community):
        assert first.name not in client.get(page.url).content.decode()
