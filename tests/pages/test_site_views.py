import json
from unittest import mock

import pytest
from django.db import OperationalError
from django.test import override_settings

from tests.demo_case import DemoSiteTestCase


@pytest.mark.django_db
def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert json.loads(response.content) == {"status": "ok", "database": "ok"}
    assert "no-store" in response["Cache-Control"]


@pytest.mark.django_db
def test_healthz_answers_503_when_the_database_is_unreachable(client):
    with mock.patch("django.db.backends.utils.CursorWrapper.execute", side_effect=OperationalError("down")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert json.loads(response.content)["status"] == "unavailable"


@pytest.mark.django_db
def test_robots_txt_points_at_the_sitemap_and_keeps_robots_out_of_the_admin(client):
    body = client.get("/robots.txt").content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


class DemoSiteViewTests(DemoSiteTestCase):
    def test_sitemap_lists_pages_in_every_language(self):
        body = self.client.get("/sitemap.xml").content.decode()
        for url in ("http://localhost/malli/", "http://localhost/sv/malli/", "http://localhost/en/malli/"):
            assert f"<loc>{url}</loc>" in body

    def test_not_found_page_speaks_the_language_of_the_address(self):
        cases = [
            ("/ei-ole/", "fi", "Sivua ei löytynyt"),
            ("/sv/finns-inte/", "sv", "Sidan hittades inte"),
            ("/en/not-here/", "en", "Page not found"),
        ]
        for path, language, text in cases:
            with self.subTest(path=path):
                response = self.client.get(path)
                assert response.status_code == 404
                body = response.content.decode()
                assert f'<html lang="{language}">' in body
                assert text in body

    def test_server_error_page_is_shown_in_all_three_languages(self):
        self.client.raise_request_exception = False
        with (
            override_settings(DEBUG=False),
            mock.patch("home.models.HomePage.get_context", side_effect=RuntimeError("boom")),
        ):
            response = self.client.get("/")
        assert response.status_code == 500
        body = response.content.decode()
        for text in ("Jotain meni vikaan", "Något gick fel", "Something went wrong"):
            assert text in body

    def test_unprefixed_addresses_are_finnish_whatever_the_browser_prefers(self):
        response = self.client.get("/", headers={"accept-language": "en"})
        assert '<html lang="fi">' in response.content.decode()
