"""What every page shares comes from the cache (`pages.shared`, `pages.freshness.remember`), and a change to
content shows on the next request: the page tree, view restrictions, the menu, the footer, the language links,
the partners."""

import datetime
import re

from django.test import RequestFactory, override_settings
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site

from home.models import HomePage
from pages import shared
from pages.components import time_range
from pages.models import ContentPage, OpeningHours, Partner, PartnersPage, SiteSettings
from tests.demo_case import DemoSiteTestCase

TABLE = re.compile(r'FROM "(\w+)"')


@override_settings(KOHTAAMO_PAGE_CACHE=False)
class SharedLookupTests(DemoSiteTestCase):
    def body(self, path: str, status: int = 200) -> str:
        response = self.client.get(path)
        assert response.status_code == status, f"{path}: {response.status_code}"
        return response.content.decode()

    def test_a_page_made_private_is_refused_at_once(self):
        self.body("/saavutettavuus/")
        page = ContentPage.objects.get(slug="saavutettavuus", locale__language_code="fi")
        PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
        response = self.client.get("/saavutettavuus/")
        assert response.status_code == 302 and "login" in response["Location"], response.status_code

    def test_an_unpublished_page_leaves_the_menu_and_its_address_at_once(self):
        page = Page.objects.get(url_path__endswith="/tule-kaymaan/", locale__language_code="fi")
        assert 'href="/tule-kaymaan/"' in self.body("/")
        page.unpublish()
        assert 'href="/tule-kaymaan/"' not in self.body("/malli/")
        self.body("/tule-kaymaan/", status=404)

    def test_a_renamed_address_is_found_at_once(self):
        self.body("/malli/periaatteet/")
        page = ContentPage.objects.get(slug="periaatteet", locale__language_code="fi")
        page.slug = "arvot"
        page.save_revision().publish()
        self.body("/malli/periaatteet/", status=404)
        assert f"<h1>{page.title}</h1>" in self.body("/malli/arvot/")

    def test_the_footer_shows_new_settings_and_opening_hours_at_once(self):
        self.body("/")
        place = SiteSettings.objects.get()
        place.place_name = "Uusi Kohtaamo"
        place.save()
        OpeningHours.objects.create(settings=place, weekday=6, opens=datetime.time(7, 5), closes=datetime.time(8, 5))
        body = self.body("/saavutettavuus/")
        assert "Uusi Kohtaamo" in body
        with translation.override("fi"):
            assert time_range(datetime.time(7, 5), datetime.time(8, 5)) in body

    def test_a_partner_renamed_shows_in_the_directory_and_on_its_page_at_once(self):
        self.body("/toimijat/")
        self.body("/toimijat/perheneuvola/")
        partner = Partner.objects.get(slug="perheneuvola", locale__language_code="fi")
        partner.name = "Perheneuvola Uusi Nimi"
        partner.save()
        assert "Perheneuvola Uusi Nimi" in self.body("/toimijat/")
        assert "Perheneuvola Uusi Nimi" in self.body("/toimijat/perheneuvola/")

    def test_a_translation_unpublished_leaves_the_language_links_at_once(self):
        assert 'href="/sv/saavutettavuus/"' in self.body("/saavutettavuus/")
        ContentPage.objects.get(slug="saavutettavuus", locale__language_code="sv").unpublish()
        assert 'href="/sv/saavutettavuus/"' not in self.body("/saavutettavuus/")

    def test_routing_finds_the_page_and_its_sub_route(self):
        site = Site.objects.get(is_default_site=True)
        expected = {
            "": site.root_page.pk,
            "malli/periaatteet/": ContentPage.objects.get(slug="periaatteet", locale__language_code="fi").pk,
            "toimijat/perheneuvola/": PartnersPage.objects.get(locale__language_code="fi").pk,
            "ei-ole/": None,
            "malli/ei-ole/": None,
        }
        for path, page_id in expected.items():
            request = RequestFactory().get(f"/{path}")
            found = shared.route(request, path)
            assert (found[0].pk if found else None) == page_id, path
        _page, args, _kwargs = shared.route(RequestFactory().get("/"), "toimijat/perheneuvola/")
        assert args[2] == {"slug": "perheneuvola"}
        assert isinstance(shared.home_page(site), HomePage)
