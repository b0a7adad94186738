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


class PartnerListTests(DemoSiteTestCase):
    """The admin list as a Finnish-speaking coordinator sees it, with the demo's partners in three languages."""

    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-123-x"))

    def listed(self, **params) -> set[str]:
        body = self.client.get(reverse(LIST_URL), params).content.decode()
        return {name for name in Partner.objects.values_list("name", flat=True) if f">{name}<" in body}

    def test_the_list_shows_one_language_at_a_time_finnish_first(self):
        finnish = set(Partner.objects.filter(locale__language_code="fi").values_list("name", flat=True))
        swedish = set(Partner.objects.filter(locale__language_code="sv").values_list("name", flat=True))
        assert self.listed() == finnish
        assert self.listed(locale="sv") == swedish
        every_language = self.listed(locale="")
        assert every_language & finnish and every_language & swedish

    def test_the_list_shows_labels_not_stored_values(self):
        body = self.client.get(reverse(LIST_URL)).content.decode()
        main = body.split('<table class="listing')[1].split("</table>")[0]
        for raw in (">True<", ">False<", ">county<", ">ngo<"):
            assert raw not in main
        assert "Hyvinvointialue" in main
        assert "Jäsen" in main  # the chair is no flag of a partner but the rotation's turn (site settings)
        assert "suomi" in main

    def test_the_csv_export_has_labels_and_finnish_phone_numbers(self):
        response = self.client.get(reverse(LIST_URL), {"export": "csv"})
        text = b"".join(response.streaming_content).decode()
        header, *rows = text.strip().splitlines()
        assert header.split(",")[:2] == ["Nimi", "Sektori"]
        assert len(rows) == Partner.objects.filter(locale__language_code="fi").count()
        counselling = next(row for row in rows if row.startswith("Vantaan perheneuvola"))
        assert ",Hyvinvointialue," in counselling and ",county," not in counselling
        assert ",09 123 4501," in counselling
        assert ",Jäsen," in counselling and "True" not in text


class DashboardTests(DemoSiteTestCase):
    def setUp(self):
        self.client.force_login(get_user_model().objects.create_superuser("koordinaattori", password="pitka-123-x"))

    def panel(self) -> str:
        body = self.client.get(reverse("wagtailadmin_home")).content.decode()
        return body.split('id="staff-tasks-section"')[1].split("</section>")[0]

    def test_the_dashboard_opens_with_the_everyday_tasks_in_finnish(self):
        panel = self.panel()
        partners = Partner.objects.filter(locale__language_code="fi").count()
        assert f'href="{reverse(LIST_URL)}">Toimijat ja niiden antama apu</a> <span' in panel
        assert f"({partners} toimijaa)" in panel
        assert "Aukioloajat ja yhteystiedot" in panel and "Sivuston sivut" in panel

    def test_a_higher_app_adds_its_task_in_its_place(self):
        from wagtail import hooks

        from pages.hooks import STAFF_TASKS, StaffTask

        def moderation(request):
            return [StaffTask(label="Moderoitavat ideat", url="/admin/ideat/", detail="3 odottaa", order=10)]

        with hooks.register_temporarily(STAFF_TASKS, moderation):
            panel = self.panel()
        assert panel.index("Moderoitavat ideat") < panel.index("Toimijat ja niiden antama apu")
        assert "Moderoitavat ideat" not in self.panel()
