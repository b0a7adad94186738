import datetime
from unittest import mock

from pages.models import Partner
from tests.demo_case import DemoSiteTestCase


class ModelSectionTests(DemoSiteTestCase):
    def test_steering_group_is_listed_from_partners_with_the_chair_first(self):
        body = self.client.get("/malli/johtaminen/").content.decode()
        members = Partner.objects.filter(locale__language_code="fi", in_steering_group=True)
        chair = members.get(is_steering_group_chair=True)
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
        assert "Maanantai 9.00–15.00" in body
        assert "<dt>" in body and "<iframe" not in body

    def test_visit_page_in_english_names_weekdays_in_english(self):
        body = self.client.get("/en/tule-kaymaan/").content.decode()
        assert "Monday 9.00–15.00" in body


class HomePageTests(DemoSiteTestCase):
    def test_home_page_shows_todays_opening_hours(self):
        wednesday = datetime.date(2026, 12, 2)
        with mock.patch("django.utils.timezone.localdate", return_value=wednesday):
            body = self.client.get("/").content.decode()
        assert "9.00–15.00" in body.split('class="today"')[1].split("</p>")[0]

    def test_home_page_says_when_the_place_is_closed_today(self):
        sunday = datetime.date(2026, 11, 29)
        with mock.patch("django.utils.timezone.localdate", return_value=sunday):
            body = self.client.get("/en/").content.decode()
        assert "Closed today" in body

    def test_home_page_links_first_to_help_then_partners_then_visiting(self):
        body = self.client.get("/").content.decode()
        first = body.split('class="cards first-links"')[1].split("</ul>")[0]
        assert first.index('href="/apua/"') < first.index('href="/toimijat/"') < first.index('href="/tule-kaymaan/"')

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
