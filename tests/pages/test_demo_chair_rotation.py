"""The demo's steering group: the members take the chair in turn, six months each, the first of them since a
couple of months ago; the partner pages and the leadership page say who chairs now and who comes next."""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone, translation
from django.utils.html import escape
from wagtail.models import Locale, Site

from pages.demo import place
from pages.demo.partners import PARTNERS
from pages.models import ContentPage, Partner, SiteSettings
from tests.demo_case import DemoSiteTestCase


def demo_settings() -> SiteSettings:
    return SiteSettings.for_site(Site.objects.get(is_default_site=True))


class ChairRotationDemoTests(DemoSiteTestCase):
    def test_no_partner_spec_flags_a_chair_of_its_own(self):
        assert not [spec["slug"] for spec in PARTNERS if "is_chair" in spec]
        first = next(spec for spec in PARTNERS if spec["slug"] == place.FIRST_CHAIR)
        assert first["in_steering_group"]

    def test_every_member_takes_a_turn_once_the_first_chair_first(self):
        settings = demo_settings()
        members = settings.rotation_members()
        default = Locale.get_default()
        expected = Partner.objects.filter(in_steering_group=True, locale=default)
        assert len(members) == expected.count() >= 3
        assert {member.pk for member in members} == set(expected.values_list("pk", flat=True))
        assert [member.slug for member in members] == place.chair_order()
        assert members[0].slug == place.FIRST_CHAIR
        assert settings.chair_turns.count() == len(members)

    def test_the_first_chair_chairs_now_and_the_next_one_takes_over_after_six_months(self):
        settings = demo_settings()
        today = timezone.localdate()
        start = settings.chair_rotation_start
        assert settings.chair_term_months == place.CHAIR_TERM_MONTHS == 6
        assert start.day == 1 and start + relativedelta(months=1) <= today < start + relativedelta(months=6)
        rotation = settings.chair_rotation(today)
        members = settings.rotation_members()
        assert rotation.current == members[0] and rotation.current_since == start
        assert rotation.next == members[1] and rotation.next_from == start + relativedelta(months=6)
        later = settings.chair_rotation(rotation.next_from + datetime.timedelta(days=1))
        assert later.current == members[1]

    def test_loading_the_settings_again_changes_nothing(self):
        settings = demo_settings()
        start, turns = settings.chair_rotation_start, list(settings.chair_turns.values_list("partner", "sort_order"))
        partners = {
            spec["slug"]: {p.locale.language_code: p for p in Partner.objects.filter(slug=spec["slug"])}
            for spec in PARTNERS
        }
        place.load_settings(settings.site, partners)
        settings = demo_settings()
        assert settings.chair_rotation_start == start
        assert list(settings.chair_turns.values_list("partner", "sort_order")) == turns

    def test_partner_pages_and_the_leadership_page_say_who_chairs_now(self):
        settings = demo_settings()
        rotation = settings.chair_rotation(timezone.localdate())
        english = Locale.objects.get(language_code="en")
        chair, following = rotation.current.get_translation(english), rotation.next.get_translation(english)
        with translation.override("en"):
            chairs_now = translation.gettext("Chairs the steering group now")
            pages = {slug: self.client.get(f"/en/toimijat/{slug}/").content.decode() for slug in place.chair_order()}
            leadership = ContentPage.objects.get(slug="johtaminen", locale=english)
            body = self.client.get(leadership.url).content.decode()
        assert chairs_now in pages[chair.slug]
        assert not [slug for slug, html in pages.items() if slug != chair.slug and chairs_now in html]
        assert f"{escape(chair.name)} chairs the steering group now" in body
        assert f"Next to chair: {escape(following.name)}" in body
