import datetime
import re
from unittest import mock
from zoneinfo import ZoneInfo

from django.utils import timezone
from wagtail.models import Site

from pages.models import Partner, SiteSettings
from tests.demo_case import DemoSiteTestCase

HELSINKI = ZoneInfo("Europe/Helsinki")


class ModelSectionTests(DemoSiteTestCase):
    def test_steering_group_is_listed_from_partners_with_the_chair_first(self):
        body = self.client.get("/malli/johtaminen/").content.decode()
        members = Partner.objects.filter(locale__language_code="fi", in_steering_group=True)
        rotation = SiteSettings.for_site(Site.objects.get(is_default_site=True)).chair_rotation(timezone.localdate())
        chair = members.get(pk=rotation.current.pk)
        assert members.count() >= 3
        for member in members:
            assert member.name in body
        assert body.index(chair.name) < min(body.index(member.name) for member in members.exclude(pk=chair.pk))
        outsider = Partner.objects.filter(locale__language_code="fi", in_steering_group=False).first()
        assert outsider.name not in body.split('class="steering-group"')[1].split("</ul>")[0]

    def test_steering_group_follows_the_partner_flags(self):
        partner = Partner.objects.filter(locale__language_code="fi", in_steering_group=False).first()
        partner.in_steering_group = True
        partner.save()
        body = self.client.get("/malli/johtaminen/").content.decode()
        assert partner.name in body.split('class="steering-group"')[1].split("</ul>")[0]

    def test_steering_group_is_listed_in_swedish_from_the_swedish_partners(self):
        body = self.client.get("/sv/malli/johtaminen/").content.decode()
        for member in Partner.objects.filter(locale__language_code="sv", in_steering_group=True):
            assert member.name in body


class VisitPageTests(DemoSiteTestCase):
    def test_visit_page_has_address_map_link_hours_and_accessibility(self):
        body = self.client.get("/tule-kaymaan/").content.decode()
        assert "Kohtaamontie 1, 01360 Vantaa" in body
        assert 'href="https://www.openstreetmap.org/search?query=Kohtaamontie+1%2C+01360+Vantaa"' in body
        assert re.search(r'<th scope="row">Maanantai</th><td data-label="Avoinna">9\.00–15\.00</td>', body)
        assert "<dt>" in body and "<iframe" not in body

    def test_visit_page_in_english_names_weekdays_in_english(self):
        body = self.client.get("/en/tule-kaymaan/").content.decode()
        assert re.search(r'<th scope="row">Monday</th><td data-label="Open">9\.00–15\.00</td>', body)


class HomePageTests(DemoSiteTestCase):
    def home_status_at(self, moment: datetime.datetime, path: str = "/en/") -> str:
        with mock.patch("django.utils.timezone.now", return_value=moment):
            body = self.client.get(path).content.decode()
        return re.sub(r"\s+", " ", body.split('<div class="status')[1].split("</div>")[0])

    def test_home_page_says_the_place_is_open_now_with_todays_hours(self):
        wednesday_morning = datetime.datetime(2026, 12, 2, 10, 0, tzinfo=HELSINKI)
        status = self.home_status_at(wednesday_morning)
        assert "<strong>Open now</strong> 9.00–15.00." in status

    def test_home_page_before_opening_says_when_it_opens_today(self):
        wednesday_early = datetime.datetime(2026, 12, 2, 7, 30, tzinfo=HELSINKI)
        status = self.home_status_at(wednesday_early, "/")
        assert "<strong>Avoinna tänään</strong> 9.00–15.00." in status

    def test_home_page_when_closed_names_the_next_opening_day(self):
        saturday = datetime.datetime(2026, 11, 28, 12, 0, tzinfo=HELSINKI)
        assert "Open again: Monday 30 November, 9.00–15.00." in self.home_status_at(saturday)
        assert "Seuraavan kerran avoinna: maanantai 30. marraskuuta, 9.00–15.00." in self.home_status_at(saturday, "/")

    def test_home_page_after_closing_time_on_sunday_eve_says_open_again_tomorrow(self):
        sunday_evening = datetime.datetime(2026, 11, 29, 20, 0, tzinfo=HELSINKI)
        assert "<strong>Closed now.</strong> Open again tomorrow, 9.00–15.00." in self.home_status_at(sunday_evening)

    def test_home_page_leads_with_help_then_partners_then_visiting(self):
        body = self.client.get("/").content.decode()
        # The opening hours under the welcome link to the visiting page; the sections follow the welcome band.
        sections = body.split('id="help-heading"')[0][-200:] + body.split('id="help-heading"')[1]
        help_link, partners, visiting = ('href="/apua/?tilanne=', 'href="/toimijat/"', 'href="/tule-kaymaan/"')
        assert sections.index(help_link) < sections.index(partners) < sections.index(visiting)
        assert body.index('class="band"') < body.index('id="help-heading"')

    def test_footer_links_to_the_accessibility_statement_and_privacy_notice_in_the_readers_language(self):
        body = self.client.get("/sv/").content.decode()
        footer = body.split('class="site-footer"')[1]
        assert 'href="/sv/saavutettavuus/"' in footer
        assert 'href="/sv/tietosuoja/"' in footer

    def test_accessibility_statement_and_privacy_notice_have_the_expected_headings(self):
        accessibility = self.client.get("/saavutettavuus/").content.decode()
        for heading in ("Saavutettavuuden tila", "Ei-saavutettava sisältö", "Palaute ja yhteystiedot"):
            assert heading in accessibility
        privacy = self.client.get("/en/tietosuoja/").content.decode()
        assert "<h1>Privacy notice</h1>" in privacy
        assert "How long we keep data" in privacy


def test_visit_page_without_the_places_facts_shows_no_empty_headings(client, db):
    from wagtail.models import Page

    from pages.models import VisitPage
    from tests.pages.builders import make_site

    home = make_site()["home"]
    home.add_child(instance=VisitPage(title="Tule käymään", slug="tule-kaymaan"))
    assert Page.objects.filter(slug="tule-kaymaan").exists()
    main = client.get("/tule-kaymaan/").content.decode().split('id="main"')[1]
    assert "<h2>Osoite</h2>" not in main
    assert "<h2>Yhteystiedot</h2>" not in main
