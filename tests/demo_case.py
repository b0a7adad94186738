import re
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client, TestCase
from django.urls import reverse
from django.utils import translation

from tests import demo_snapshot

MISSING_PATH = "ei-ole-olemassa/"


class DemoSiteTestCase(TestCase):
    """Tests that read the demo site: it is put in once per class (from the copy `tests/demo_snapshot.py` keeps),
    and each test rolls back."""

    @classmethod
    def setUpClass(cls):
        cls.demo_copy = demo_snapshot.prepare_demo()  # before the class's transaction opens: the copy outlives it
        super().setUpClass()

    @classmethod
    def setUpTestData(cls):
        demo_snapshot.restore(cls.demo_copy)


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
