import json
import re
from unittest import mock

import pytest
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import OperationalError, close_old_connections, connection
from django.test import Client, RequestFactory, override_settings
from django.test.utils import CaptureQueriesContext

from pages.models import Partner
from tests.demo_case import DemoSiteTestCase

from .builders import make_partners, make_site

PUBLIC = "https://kohtaamo.example"
TOO_MANY_PARAMETERS = "&".join(f"p{number}=1" for number in range(1001))


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
@override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
def test_robots_txt_names_the_sitemap_at_the_public_address_whatever_host_was_asked(client):
    body = client.get("/robots.txt", headers={"host": "127.0.0.1"}).content.decode()
    assert "Disallow: /admin/" in body
    assert f"Sitemap: {PUBLIC}/sitemap.xml\n" in body
    assert "127.0.0.1" not in body


@pytest.mark.django_db
def test_robots_txt_keeps_robots_out_of_the_search_in_every_language(client):
    body = client.get("/robots.txt").content.decode()
    for path in ("/haku/", "/sv/haku/", "/en/haku/"):
        assert f"Disallow: {path}\n" in body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/sitemap.xml", "/haku/", "/manifest.webmanifest"])
def test_head_is_answered_wherever_get_is(client, path):
    get = client.get(path)
    head = client.head(path)
    assert get.status_code == 200
    assert head.status_code == 200
    assert head["Content-Type"] == get["Content-Type"]
    assert head.content == b""


def wsgi_response(method: str, path: str) -> tuple[str, dict, bytes]:
    """What the WSGI server gets from the site: the test client would drop a HEAD body itself."""
    environ = getattr(RequestFactory(), method.lower())(path).environ
    started = {}

    def start_response(status, headers, exc_info=None):
        started.update(status=status, headers=dict(headers))

    # As Django's test client does: closing connections at request boundaries would end the test's transaction.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        chunks = WSGIHandler()(environ, start_response)
        body = b"".join(chunks)
        chunks.close()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    return started["status"], started["headers"], body


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/haku/"])
def test_head_reaches_the_server_with_the_headers_of_get_and_no_body(path):
    get_status, get_headers, get_body = wsgi_response("GET", path)
    head_status, head_headers, head_body = wsgi_response("HEAD", path)
    assert head_status == get_status == "200 OK"
    assert head_body == b""
    assert head_headers["Content-Length"] == get_headers["Content-Length"] == str(len(get_body))


@pytest.mark.django_db
@pytest.mark.parametrize("path", ["/healthz", "/robots.txt", "/sitemap.xml", "/manifest.webmanifest"])
def test_site_views_refuse_to_be_posted_to(path):
    assert Client().post(path).status_code == 405


@pytest.mark.django_db
@override_settings(KOHTAAMO_PAGE_CACHE=False)  # counted as rendered, not as served whole from the page cache
def test_sitemap_runs_the_same_number_of_queries_for_3_and_60_partners(client):
    site = make_site()
    make_partners(3, site["support"])
    # Warm what is cached beyond the request (site root paths, content types, `pages.freshness`) after each change.
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as with_three:
        client.get("/sitemap.xml")
    Partner.objects.all().delete()
    make_partners(60, site["support"])
    client.get("/sitemap.xml")
    with CaptureQueriesContext(connection) as with_sixty:
        body = client.get("/sitemap.xml").content.decode()
    assert "/toimijat/toimija-059/</loc>" in body
    assert len(with_three) == len(with_sixty), f"{len(with_three)} queries with 3 partners, {len(with_sixty)} with 60"


class DemoSiteViewTests(DemoSiteTestCase):
    @override_settings(WAGTAILADMIN_BASE_URL=PUBLIC)
    def test_sitemap_lists_pages_and_partner_pages_at_the_public_address_in_every_language(self):
        body = self.client.get("/sitemap.xml", headers={"host": "127.0.0.1"}).content.decode()
        for path in ("/", "/malli/", "/toimijat/", "/toimijat/perheneuvola/", "/toimijat/seurakunta/"):
            for prefix in ("", "/sv", "/en"):
                assert f"<loc>{PUBLIC}{prefix}{path}</loc>" in body
        locations = re.findall(r"<loc>([^<]*)</loc>", body)
        assert all(location.startswith(f"{PUBLIC}/") for location in locations), locations
        assert len(locations) == len(set(locations))

    def test_head_of_a_page_answers_like_its_get(self):
        for path in ("/", "/sv/malli/", "/toimijat/perheneuvola/"):
            with self.subTest(path=path):
                response = self.client.head(path)
                assert response.status_code == 200
                assert response.content == b""

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

    def test_too_many_parameters_get_a_styled_bad_request_page_in_the_language_of_the_address(self):
        cases = [
            ("/", "fi", "Pyyntöä ei voitu käsitellä"),
            ("/sv/toimijat/", "sv", "Begäran kunde inte behandlas"),
            ("/en/haku/", "en", "The request could not be handled"),
        ]
        for path, language, text in cases:
            with self.subTest(path=path):
                response = self.client.get(f"{path}?{TOO_MANY_PARAMETERS}")
                assert response.status_code == 400
                body = response.content.decode()
                assert f'<html lang="{language}">' in body
                assert f"<h1>{text}</h1>" in body
                assert "/static/css/site.css" in body

    def test_expired_form_gets_a_styled_page_that_leads_back_to_the_form(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post(
            "/sv/malli/", {"message": "Hej"}, headers={"referer": "http://testserver/sv/malli/?fraga=1"}
        )
        assert response.status_code == 403
        body = response.content.decode()
        assert '<html lang="sv">' in body
        assert "<h1>Formuläret har gått ut</h1>" in body
        assert 'href="/sv/malli/?fraga=1"' in body
        assert "/static/css/site.css" in body

    def test_expired_form_page_does_not_link_to_another_site(self):
        client = Client(enforce_csrf_checks=True)
        response = client.post("/malli/", {}, headers={"referer": "https://elsewhere.example/malli/"})
        assert response.status_code == 403
        body = response.content.decode()
        assert "<h1>Lomake on vanhentunut</h1>" in body
        assert "elsewhere.example" not in body

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

    def test_no_response_varies_by_browser_language_where_the_address_decides_it(self):
        for path in ("/", "/malli/", "/sv/malli/", "/en/", "/haku/", "/ei-ole/", "/robots.txt", "/healthz"):
            with self.subTest(path=path):
                response = self.client.get(path, headers={"accept-language": "sv"})
                assert "accept-language" not in response.get("Vary", "").lower()
                assert response["Content-Language"] == (
                    "sv" if path.startswith("/sv/") else "en" if path.startswith("/en/") else "fi"
                )
