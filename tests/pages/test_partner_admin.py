import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.models import Page

from pages.models import Partner, SiteSettings
from tests.demo_case import DemoSiteTestCase

from .builders import make_partners, make_site


@pytest.fixture
def staff_client(client, db):
    user = get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123")
    client.force_login(user)
    site = make_site()
    make_partners(6, site["support"], sector="mixed")
    return client


LIST_URL = "wagtailsnippets_pages_partner:list"


def test_staff_see_partners_in_the_admin_and_can_filter_by_sector(staff_client):
    response = staff_client.get(reverse(LIST_URL))
    assert response.status_code == 200
    assert "Toimija 000" in response.content.decode()
    filtered = staff_client.get(reverse(LIST_URL), {"sector": "parish"}).content.decode()
    assert "Toimija 003" in filtered
    assert "Toimija 000" not in filtered


def test_staff_can_filter_partners_by_support_type(staff_client):
    from pages.models import SupportType

    material = SupportType.objects.get(slug="aineellinen")
    body = staff_client.get(reverse(LIST_URL), {"support_types": material.pk}).content.decode()
    assert "Toimija 002" in body
    assert "Toimija 000" not in body


def test_staff_can_search_partners(staff_client):
    body = staff_client.get(reverse(LIST_URL), {"q": "Toimija 004"}).content.decode()
    assert "Toimija 004" in body
    assert "Toimija 001" not in body


def test_partner_export_as_csv_lists_support_given(staff_client):
    response = staff_client.get(reverse(LIST_URL), {"export": "csv"})
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode()
    header, *rows = text.strip().splitlines()
    assert header.split(",")[0] == "Nimi"
    assert len(rows) == 6
    assert any("Aineellinen tuki" in row for row in rows)


def test_partner_export_as_xlsx_opens_as_a_workbook(staff_client):
    response = staff_client.get(reverse(LIST_URL), {"export": "xlsx"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    sheet = load_workbook(io.BytesIO(content)).active
    assert sheet.max_row == 7


def test_support_types_have_their_own_admin_list(staff_client):
    response = staff_client.get(reverse("wagtailsnippets_pages_supporttype:list"))
    assert response.status_code == 200
    assert "Vertaistuki" in response.content.decode()


class EditorCanOpenEverythingTests(DemoSiteTestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("toimittaja", password="pitka-salasana-123"))

    def test_every_demo_page_opens_in_the_editor(self):
        for page in Page.objects.filter(depth__gt=1):
            with self.subTest(page=page.url_path, language=page.locale.language_code):
                assert self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk])).status_code == 200

    def test_site_settings_and_a_partner_open_in_the_editor(self):
        settings = SiteSettings.objects.get()
        assert self.client.get(f"/admin/settings/pages/sitesettings/{settings.site_id}/").status_code == 200
        partner = Partner.objects.filter(locale__language_code="sv").first()
        assert self.client.get(reverse("wagtailsnippets_pages_partner:edit", args=[partner.pk])).status_code == 200
