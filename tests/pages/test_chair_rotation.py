"""The steering group's rotating chair: the pure rotation, the order staff set in the site settings, who may take
a turn, and what the model page's steering-group block and the partner pages say from it."""

import datetime
from unittest import mock

import pytest
from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.utils import formats, translation
from wagtail.models import Site

from pages.models import ContentPage, Partner, SiteSettings
from pages.models.steering import ChairTurn, Rotation, chair_rotation

from .builders import make_partners, make_site

MEMBERS = ["A", "B", "C"]
HELSINKI_NOON = datetime.time(12)


def rotate(today, start=datetime.date(2026, 1, 1), term_months=6, members=MEMBERS) -> Rotation:
    return chair_rotation(members, start, term_months, today)


# --- The pure rotation -----------------------------------------------------------------------------------


def test_nobody_chairs_without_members_a_start_or_a_sensible_term():
    empty = Rotation(None, None, None, None)
    assert rotate(datetime.date(2026, 3, 1), members=[]) == empty
    assert rotate(datetime.date(2026, 3, 1), start=None) == empty
    assert rotate(datetime.date(2026, 3, 1), term_months=0) == empty


def test_before_the_start_nobody_chairs_and_the_first_member_comes_next_from_the_start():
    start = datetime.date(2026, 1, 1)
    assert rotate(datetime.date(2025, 12, 31), start=start) == Rotation(None, None, "A", start)


def test_on_the_first_day_the_first_member_chairs_until_the_term_ends():
    start = datetime.date(2026, 1, 1)
    assert rotate(start, start=start) == Rotation("A", start, "B", datetime.date(2026, 7, 1))


def test_the_chair_changes_exactly_at_the_term_boundary():
    last_day = rotate(datetime.date(2026, 6, 30))
    first_day = rotate(datetime.date(2026, 7, 1))
    assert (last_day.current, last_day.next, last_day.next_from) == ("A", "B", datetime.date(2026, 7, 1))
    assert first_day == Rotation("B", datetime.date(2026, 7, 1), "C", datetime.date(2027, 1, 1))


def test_after_the_last_member_the_first_chairs_again():
    third = rotate(datetime.date(2027, 3, 15))
    again = rotate(datetime.date(2027, 7, 1))
    assert (third.current, third.next) == ("C", "A")
    assert again == Rotation("A", datetime.date(2027, 7, 1), "B", datetime.date(2028, 1, 1))
    assert rotate(datetime.date(2026, 1, 1) + relativedelta(years=30)).current == "A"  # 60 terms: 20 rounds


def test_terms_of_one_month_and_of_twelve_months():
    monthly = chair_rotation(MEMBERS, datetime.date(2026, 1, 10), 1, datetime.date(2026, 4, 10))
    assert monthly == Rotation("A", datetime.date(2026, 4, 10), "B", datetime.date(2026, 5, 10))
    assert chair_rotation(MEMBERS, datetime.date(2026, 1, 10), 1, datetime.date(2026, 4, 9)).current == "C"
    yearly = chair_rotation(MEMBERS, datetime.date(2026, 1, 10), 12, datetime.date(2027, 1, 9))
    assert yearly == Rotation("A", datetime.date(2026, 1, 10), "B", datetime.date(2027, 1, 10))
    assert chair_rotation(MEMBERS, datetime.date(2026, 1, 10), 12, datetime.date(2027, 1, 10)).current == "B"


def test_a_single_member_chairs_term_after_term():
    rotation = rotate(datetime.date(2026, 8, 1), members=["A"])
    assert rotation == Rotation("A", datetime.date(2026, 7, 1), "A", datetime.date(2027, 1, 1))


@pytest.mark.parametrize(
    ("start", "term_months"),
    [
        (datetime.date(2026, 1, 31), 1),  # February and the 30-day months have no 31st
        (datetime.date(2026, 1, 30), 1),  # February has no 30th
        (datetime.date(2026, 8, 31), 6),  # 31 August + 6 months: 28 February
        (datetime.date(2024, 2, 29), 12),  # a leap day: the next years have none
        (datetime.date(2026, 3, 15), 2),
    ],
)
def test_every_day_falls_in_the_term_the_rotation_names(start, term_months):
    """Day by day over three years: the chair of a day has held it since a day not after it, the next one
    takes over after it, and a new chair's term starts on the very day its predecessor's was said to end."""
    previous = rotate(start, start=start, term_months=term_months)
    day = start + datetime.timedelta(days=1)
    wrong = []
    while day < start + relativedelta(years=3):
        rotation = rotate(day, start=start, term_months=term_months)
        if not rotation.current_since <= day < rotation.next_from:
            wrong.append((day, rotation))
        changed = rotation.current != previous.current
        if changed != (day == previous.next_from):
            wrong.append((day, "the chair changes on another day than the one named", previous, rotation))
        if changed and (rotation.current, rotation.current_since) != (previous.next, day):
            wrong.append((day, "the new chair is not the one named, or not since today", previous, rotation))
        previous = rotation
        day += datetime.timedelta(days=1)
    assert not wrong, f"{len(wrong)} days are wrong, the first: {wrong[0]}"


# --- The order staff set in the site settings ---------------------------------------------------------------


@pytest.fixture
def site(db):
    built = make_site()
    built["partners"] = make_partners(9, built["support"], sector="mixed")  # members: 000, 003, 006
    built["settings"] = SiteSettings.for_site(Site.objects.get(is_default_site=True))
    return built


def members_of(site) -> list[Partner]:
    return [partner for partner in site["partners"] if partner.in_steering_group]


def set_rotation(site, partners, start=datetime.date(2026, 1, 1), term_months=6) -> SiteSettings:
    settings = site["settings"]
    settings.chair_rotation_start = start
    settings.chair_term_months = term_months
    settings.save()
    for order, partner in enumerate(partners):
        ChairTurn.objects.create(settings=settings, partner=partner, sort_order=order)
    return SiteSettings.objects.get(pk=settings.pk)


def test_the_settings_rotate_the_members_in_the_order_of_the_turns_not_of_their_making(site):
    first, second, third = members_of(site)
    settings = set_rotation(site, [third, first, second])
    assert settings.rotation_members() == [third, first, second]
    rotation = settings.chair_rotation(datetime.date(2026, 7, 1))
    assert rotation == Rotation(first, datetime.date(2026, 7, 1), second, datetime.date(2027, 1, 1))
    assert settings.chair_rotation(datetime.date(2027, 1, 1)).current == second
    assert settings.chair_rotation(datetime.date(2027, 7, 1)).current == third


def test_a_partner_who_left_the_steering_group_loses_its_turn(site):
    first, second, third = members_of(site)
    settings = set_rotation(site, [first, second, third])
    Partner.objects.filter(pk=second.pk).update(in_steering_group=False)
    assert settings.rotation_members() == [first, third]
    assert settings.chair_rotation(datetime.date(2026, 7, 1)).current == third


def test_settings_without_turns_name_no_chair(site):
    settings = set_rotation(site, [])
    assert settings.chair_rotation(datetime.date(2026, 7, 1)) == Rotation(None, None, None, None)


def test_only_a_steering_group_member_can_take_a_turn(site):
    outsider = next(partner for partner in site["partners"] if not partner.in_steering_group)
    turn = ChairTurn(settings=site["settings"], partner=outsider, sort_order=0)
    with pytest.raises(ValidationError) as error:
        turn.clean()
    assert list(error.value.error_dict) == ["partner"]
    with pytest.raises(ValidationError) as error:
        turn.full_clean()
    assert "partner" in error.value.error_dict
    ChairTurn(settings=site["settings"], partner=members_of(site)[0], sort_order=0).full_clean()


# --- What the pages say ------------------------------------------------------------------------------------


def on(day: datetime.date):
    moment = datetime.datetime.combine(day, HELSINKI_NOON, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    return mock.patch("django.utils.timezone.now", return_value=moment)


def short_date(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


def steering_list(body: str) -> list[str]:
    """The items of the block's member list, in order."""
    listing = body.split('<ul class="steering-group">', 1)[1].split("</ul>", 1)[0]
    return [item.split("</li>", 1)[0].strip() for item in listing.split("<li>")[1:]]


@pytest.fixture
def leadership(site):
    page = ContentPage(title="Johtaminen", slug="johtaminen", body=[("steering_group", None)])
    return site["home"].add_child(instance=page)


def test_the_model_page_names_the_chair_of_today_and_the_next_one(client, site, leadership):
    first, second, third = members_of(site)
    set_rotation(site, [second, third, first])
    with on(datetime.date(2026, 8, 3)), translation.override("fi"):
        body = client.get(leadership.url).content.decode()
        chair_now = translation.gettext("chair now")
        next_to_chair = translation.gettext("next to chair")
        now_text = translation.gettext("%(name)s chairs the steering group now, since %(since)s.") % {
            "name": third.name,
            "since": short_date(datetime.date(2026, 7, 1)),
        }
        next_text = translation.gettext("Next to chair: %(name)s, from %(day)s.") % {
            "name": first.name,
            "day": short_date(datetime.date(2027, 1, 1)),
        }
    assert now_text in body and next_text in body
    items = steering_list(body)
    assert items[0] == f"{third.name} <strong>({chair_now})</strong>"
    assert f"{first.name} ({next_to_chair})" in items
    assert f"{second.name}" in items  # a member not on turn: named, without a note
    assert len(items) == 3


def test_before_the_first_term_the_model_page_names_the_first_chair_and_nobody_chairs(client, site, leadership):
    first, second, third = members_of(site)
    set_rotation(site, [second, first, third], start=datetime.date(2026, 9, 1))
    with on(datetime.date(2026, 8, 3)), translation.override("fi"):
        body = client.get(leadership.url).content.decode()
        first_text = translation.gettext("The first to chair: %(name)s, from %(day)s.") % {
            "name": second.name,
            "day": short_date(datetime.date(2026, 9, 1)),
        }
        chair_now = translation.gettext("chair now")
    assert first_text in body
    assert chair_now not in body
    assert f"{second.name} (" in body


def test_without_a_rotation_the_model_page_lists_the_members_and_names_no_chair(client, site, leadership):
    with translation.override("fi"):
        body = client.get(leadership.url).content.decode()
        chair_now = translation.gettext("chair now")
    assert sorted(steering_list(body)) == sorted(member.name for member in members_of(site))
    assert chair_now not in body


def test_only_the_chair_of_today_says_so_on_its_partner_page(client, site):
    first, second, third = members_of(site)
    set_rotation(site, [first, second, third])
    outsider = next(partner for partner in site["partners"] if not partner.in_steering_group)
    with on(datetime.date(2026, 8, 1)), translation.override("fi"):  # the second term: 1.7.2026–31.12.2026
        pages = {
            partner.slug: client.get(f"/toimijat/{partner.slug}/").content.decode()
            for partner in (first, second, third, outsider)
        }
        chairs_now = translation.gettext("Chairs the steering group now")
        member = translation.gettext("Member of the steering group")
    assert [slug for slug, body in pages.items() if chairs_now in body] == [second.slug]
    assert member in pages[first.slug] and member in pages[third.slug]
    assert chairs_now not in pages[outsider.slug] and member not in pages[outsider.slug]
