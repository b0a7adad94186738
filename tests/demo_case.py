import io
import re
from urllib.parse import urlsplit

from django.conf import settings
from django.core.management import call_command
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation

MISSING_PATH = "ei-ole-olemassa/"


class DemoSiteTestCase(TestCase):
    """Tests that read the demo site; `load_demo` runs once per class, each test rolls back."""

    @classmethod
    def setUpTestData(cls):
        call_command("load_demo", stdout=io.StringIO())


def public_addresses() -> dict[str, int]:
    """Every public address of the demo site with the status it answers: the sitemap's pages, and in each
    language a search, a help situation, a partner filter and a missing page (404)."""
    from pages.models import HelpPage, PartnersPage, SupportType

    sitemap = Client().get("/sitemap.xml").content.decode()
    expected = {urlsplit(location).path: 200 for location in re.findall(r"<loc>([^<]*)</loc>", sitemap)}
    situation = HelpPage.objects.get(locale__language_code=settings.LANGUAGE_CODE).situations[0].value["slug"]
    support = SupportType.objects.first().slug
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            expected[f"{reverse('search')}?q=perhe"] = 200
            expected[f"{HelpPage.objects.get(locale__language_code=code).url}?tilanne={situation}"] = 200
            expected[f"{PartnersPage.objects.get(locale__language_code=code).url}?tuki={support}"] = 200
            expected[reverse("wagtail_serve", args=[MISSING_PATH])] = 404
    return expected
