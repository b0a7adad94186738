"""What every page's <head> tells browsers and search engines: description, language alternates, icons."""

import html
import json
import re
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import override_settings
from django.utils.text import Truncator
from PIL import Image
from wagtail.models import Page, Site

from pages.models import SiteSettings
from tests.demo_case import DemoSiteTestCase

PUBLIC = "https://kohtaamo.example"
SITE_CSS = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def meta(body: str, name: str) -> str | None:
    found = re.search(rf'<meta name="{name}" content="([^"]*)">', body)
    return html.unescape(found.group(1)) if found else None


def links(body: str, rel: str) -> list[dict[str, str]]:
    """The attributes of every <link rel="…"> in the page."""
    tags = re.findall(rf'<link rel="{rel}"[^>]*>', body)
    return [{key: html.unescape(value) for key, value in re.findall(r'([a-z-]+)="([^"]*)"', tag)} for tag in tags]


def static_file(url: str) -> str:
    """The source file behind a /static/… address; fails when there is none."""
    assert url.startswith(settings.STATIC_URL), url
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"no static file for {url}"
    return path


def css_colour(variable: str) -> str:
    return re.search(rf"--{variable}:\s*(#[0-9a-fA-F]{{6}})", SITE_CSS.read_text()).group(1)


class PageHeadTests(DemoSiteTestCase):
    def get(self, path: str) -> str:
        response = self.client.get(path)
        assert response.status_code in (200, 404), path
        return response.content.decode()

    def test_every_page_has_a_description(self):
        pages = Page.objects.live().public().filter(depth__gt=1).specific()
        paths = [page.url for page in pages] + ["/toimijat/perheneuvola/", "/sv/haku/?q=stöd", "/en/not-here/"]
        assert len(paths) > 20
        for path in paths:
            with self.subTest(path=path):
                assert (meta(self.get(path), "description") or "").strip(), f"{path} has no meta description"

    def test_description_is_the_search_description_else_the_lead_paragraph(self):
        page = Page.objects.get(url_path__endswith="/malli/", locale__language_code="fi").specific
        assert page.intro
        page.search_description = "Miten perheet ja toimijat tekevät paikkaa yhdessä."
        page.save()
        assert meta(self.get("/malli/"), "description") == "Miten perheet ja toimijat tekevät paikkaa yhdessä."

        page.search_description = ""
        page.save()
        assert meta(self.get("/malli/"), "description") == Truncator(page.intro).words(30)

    def test_search_page_without_a_page_is_described_by_the_place_in_the_readers_language(self):
        place = SiteSettings.for_site(Site.objects.get(is_default_site=True)).place_name
        assert meta(self.get("/haku/"), "description").startswith(f"{place} on lapsiperheiden avoin kohtaamispaikka")
        assert meta(self.get("/sv/haku/"), "description").startswith(f"{place} är en öppen mötesplats")

    @override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
    def test_language_alternates_are_absolute_public_addresses_with_finnish_as_the_default(self):
        body = self.get("/malli/")
        alternates = {link["hreflang"]: link["href"] for link in links(body, "alternate")}
        assert alternates == {
            "fi": f"{PUBLIC}/malli/",
            "sv": f"{PUBLIC}/sv/malli/",
            "en": f"{PUBLIC}/en/malli/",
            "x-default": f"{PUBLIC}/malli/",
        }
        assert 'href="/sv/malli/" lang="sv"' in body, "the visible language switcher keeps relative links"

    @override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
    def test_partner_page_alternates_lead_to_the_same_partner_in_each_language(self):
        alternates = {
            link["hreflang"]: link["href"] for link in links(self.get("/sv/toimijat/perheneuvola/"), "alternate")
        }
        assert alternates["sv"] == f"{PUBLIC}/sv/toimijat/perheneuvola/"
        assert alternates["x-default"] == f"{PUBLIC}/toimijat/perheneuvola/"

    def test_favicon_and_touch_icon_are_linked_and_exist(self):
        body = self.get("/")
        [icon] = links(body, "icon")
        assert icon["type"] == "image/svg+xml"
        assert Path(static_file(icon["href"])).read_text().lstrip().startswith("<svg")
        [touch_icon] = links(body, "apple-touch-icon")
        with Image.open(static_file(touch_icon["href"])) as image:
            assert (image.format, image.size) == ("PNG", (180, 180))
        assert meta(body, "theme-color") == css_colour("accent")

    def test_manifest_names_the_place_in_its_colours_with_icons_of_the_sizes_it_declares(self):
        place = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        place.place_name = "Perhetalo Pihlaja"
        place.save()
        [link] = links(self.get("/sv/"), "manifest")
        response = self.client.get(link["href"])
        assert response.status_code == 200
        assert response["Content-Type"] == "application/manifest+json"
        manifest = json.loads(response.content)
        assert manifest["name"] == "Perhetalo Pihlaja"
        assert manifest["theme_color"] == css_colour("accent")
        assert manifest["background_color"] == css_colour("paper")
        assert manifest["start_url"] == "/"
        sizes = set()
        for icon in manifest["icons"]:
            if icon["type"] == "image/png":
                with Image.open(static_file(icon["src"])) as image:
                    assert "{}x{}".format(*image.size) == icon["sizes"]
                sizes.add(icon["sizes"])
        assert {"192x192", "512x512"} <= sizes
