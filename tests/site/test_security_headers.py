"""Every response says what the browser may do with it: the Content Security Policy, Permissions-Policy,
Cross-Origin-Opener-Policy and nosniff, on pages rendered now and on pages from the cache alike."""

import re

import pytest
from django.test import Client, override_settings
from django.urls import path

from pages import views as page_views
from tests.demo_case import DemoSiteTestCase, public_addresses


def directives(header: str) -> dict[str, list[str]]:
    parts = (part.strip().split() for part in header.split(";") if part.strip())
    return {words[0]: words[1:] for words in parts}


def failing_view(request):
    raise RuntimeError("the view broke")


urlpatterns = [path("breaks/", failing_view)]
handler500 = page_views.server_error


class PublicPagesTests(DemoSiteTestCase):
    def test_every_public_page_forbids_inline_script_and_style_and_other_origins(self):
        addresses = public_addresses()
        for address, status in addresses.items():
            with self.subTest(address=address):
                response = self.client.get(address)
                self.assertEqual(response.status_code, status)
                policy = directives(response["Content-Security-Policy"])
                self.assertEqual(policy["script-src"], ["'self'"])
                self.assertEqual(policy["style-src"], ["'self'"])
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["frame-ancestors"], ["'none'"])
                self.assertEqual(policy["form-action"], ["'self'"])
                self.assertNotIn("Content-Security-Policy-Report-Only", response)
        self.assertGreater(len(addresses), 30)

    def test_no_public_page_has_inline_script_or_style_that_the_policy_would_block(self):
        for address in public_addresses():
            html = self.client.get(address).content.decode()
            with self.subTest(address=address):
                # JSON-LD is a data block, which browsers never run: the policy does not apply to it.
                scripts = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html)
                self.assertEqual([tag for tag in scripts if 'type="application/ld+json"' not in tag], [])
                self.assertEqual(re.findall(r"<style\b[^>]*>", html), [])
                self.assertEqual(re.findall(r"<[^>]+\sstyle=", html), [])
                self.assertEqual(re.findall(r"<[^>]+\son[a-z]+=", html), [])

    def test_a_page_from_the_cache_carries_the_same_headers_as_a_rendered_one(self):
        visitor = Client()
        rendered, cached = visitor.get("/"), visitor.get("/")
        self.assertEqual(rendered["X-Page-Cache"], "miss")
        self.assertEqual(cached["X-Page-Cache"], "hit")
        for header in ("Content-Security-Policy", "Permissions-Policy", "Cross-Origin-Opener-Policy"):
            self.assertEqual(cached[header], rendered[header], header)

    def test_browser_features_no_page_uses_are_refused(self):
        response = self.client.get("/")
        features = dict(item.strip().split("=", 1) for item in response["Permissions-Policy"].split(","))
        for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
            self.assertEqual(features[feature], "()", feature)
        self.assertEqual(response["Cross-Origin-Opener-Policy"], "same-origin")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")


@pytest.mark.django_db
def test_the_admin_enforces_a_policy_that_its_inline_code_survives_and_reports_the_strict_one(client):
    response = client.get("/admin/login/")
    enforced = directives(response["Content-Security-Policy"])
    reported = directives(response["Content-Security-Policy-Report-Only"])
    assert enforced["object-src"] == ["'none'"]
    assert enforced["frame-ancestors"] == ["'self'"]
    assert enforced["base-uri"] == ["'self'"]
    assert not {"default-src", "script-src", "style-src"} & set(enforced)
    assert reported["script-src"] == ["'self'"]


@pytest.mark.django_db
@override_settings(ROOT_URLCONF=__name__, DEBUG=False)
def test_the_error_page_style_carries_the_nonce_of_its_policy():
    response = Client(raise_request_exception=False).get("/breaks/")
    assert response.status_code == 500
    nonce = re.search(r'<style nonce="([^"]+)">', response.content.decode()).group(1)
    policy = directives(response["Content-Security-Policy"])
    assert policy["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert len(nonce) >= 16
