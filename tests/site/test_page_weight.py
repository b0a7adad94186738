"""Light pages for phones on a prepaid plan: every public page's HTML, CSS and JavaScript within a budget.

The pages are those of the sitemap in every language, plus search results, a chosen help situation,
a filtered partners list and a page that does not exist. The CSS and JavaScript a page loads are its
stylesheets (print ones too) and scripts, each file gzip-compressed on its own, plus its inline
`<style>` and `<script>` contents, each compressed on its own.
"""

import gzip
import re
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.test import Client

from tests.demo_case import DemoSiteTestCase, public_addresses

HTML_BUDGET = 25 * 1024
CSS_JS_BUDGET = 10 * 1024  # gzip-compressed
# whitenoise's manifest storage names a file site.0123456789ab.css after its content.
HASHED_NAME = re.compile(r"\.[0-9a-f]{12}(\.[^./]+)$")


class LoadedResources(HTMLParser):
    """What a page's HTML makes the browser load as CSS or JavaScript.

    `files`: the addresses of stylesheets (every media, print included) and scripts, once each;
    `inline`: the contents of its `<style>` and `<script>` elements.
    """

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.files: list[str] = []
        self.inline: list[str] = []
        self._inline_tag = None

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "link" and "stylesheet" in (attributes.get("rel") or "").lower().split():
            self._add_file(attributes.get("href"))
        elif tag == "script" and attributes.get("src"):
            self._add_file(attributes["src"])
        elif tag in ("script", "style"):
            self._inline_tag = tag
            self.inline.append("")

    def handle_endtag(self, tag):
        if tag == self._inline_tag:
            self._inline_tag = None

    def handle_data(self, data):
        if self._inline_tag:
            self.inline[-1] += data

    def _add_file(self, href):
        if href and href not in self.files:
            self.files.append(href)


def loaded_resources(html: str) -> LoadedResources:
    parser = LoadedResources()
    parser.feed(html)
    parser.close()
    return parser


def static_name(href: str) -> str | None:
    """The name of a static file (css/site.css) from its address, with any hash taken out; None if not static."""
    path = urlsplit(href).path
    if not path.startswith(settings.STATIC_URL):
        return None
    return HASHED_NAME.sub(r"\1", path.removeprefix(settings.STATIC_URL))


def gzipped_size(content: bytes) -> int:
    return len(gzip.compress(content, compresslevel=9))


def css_and_js_size(html: str) -> tuple[int, list[str]]:
    """Gzip-compressed bytes of the CSS and JavaScript a page loads, and the problems met measuring them."""
    resources = loaded_resources(html)
    total, problems = 0, []
    for href in resources.files:
        name = static_name(href)
        found = finders.find(name) if name else None
        if found is None:
            problems.append(f"{href} is not one of the site's static files")
            continue
        with open(found, "rb") as file:
            total += gzipped_size(file.read())
    total += sum(gzipped_size(content.encode()) for content in resources.inline)
    return total, problems


def test_resources_count_print_stylesheets_scripts_and_inline_code_once_each():
    html = """<html><head>
        <link rel="stylesheet" href="/static/css/site.0123456789ab.css">
        <link rel="stylesheet" href="/static/css/print.css" media="print">
        <link rel="icon" href="/static/icons/favicon.svg">
        <style>body { color: black; }</style>
        <script type="module" src="/static/js/menu.js?v=2"></script>
    </head><body><script>document.body.classList.add("js")</script>
    <script src="/static/js/menu.js?v=2"></script></body></html>"""

    resources = loaded_resources(html)

    assert resources.files == [
        "/static/css/site.0123456789ab.css",
        "/static/css/print.css",
        "/static/js/menu.js?v=2",
    ]
    assert [static_name(href) for href in resources.files] == ["css/site.css", "css/print.css", "js/menu.js"]
    assert resources.inline == ["body { color: black; }", 'document.body.classList.add("js")']


class PageWeightTests(DemoSiteTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        client = Client()
        expected = public_addresses()
        cls.expected_status = expected
        # Status and body (bytes) only: each test gets a copy of what is kept here, and a response cannot be copied.
        cls.pages = {}
        for path in expected:
            response = client.get(path)
            cls.pages[path] = (response.status_code, response.content)

    def test_pages_are_found_in_every_language(self):
        wrong = [
            f"{path} answered {status}, not {self.expected_status[path]}"
            for path, (status, _html) in self.pages.items()
            if status != self.expected_status[path]
        ]
        assert not wrong, "\n".join(wrong)
        for partner_page in ("/toimijat/perheneuvola/", "/sv/toimijat/perheneuvola/", "/en/toimijat/perheneuvola/"):
            assert partner_page in self.pages, f"The sitemap does not list {partner_page}: {list(self.pages)}"

    def test_html_of_every_page_is_within_the_budget(self):
        over = [
            f"{path}: {len(html):,} bytes of HTML"
            for path, (_status, html) in self.pages.items()
            if len(html) > HTML_BUDGET
        ]
        assert not over, f"Over the HTML budget of {HTML_BUDGET:,} bytes:\n" + "\n".join(over)

    def test_css_and_javascript_of_every_page_are_within_the_budget(self):
        over = []
        for path, (_status, html) in self.pages.items():
            size, problems = css_and_js_size(html.decode())
            over += [f"{path}: {problem}" for problem in problems]
            if size > CSS_JS_BUDGET:
                over.append(f"{path}: {size:,} bytes of CSS and JavaScript, gzip-compressed")
        assert not over, f"Over the CSS and JavaScript budget of {CSS_JS_BUDGET:,} bytes:\n" + "\n".join(over)

    def test_budget_measures_the_site_stylesheet_of_the_home_page(self):
        html = self.pages["/"][1].decode()
        names = [static_name(href) for href in loaded_resources(html).files]

        assert "css/site.css" in names, f"The home page loads no css/site.css; it loads {names}"
        with open(finders.find("css/site.css"), "rb") as stylesheet:
            assert css_and_js_size(html)[0] >= gzipped_size(stylesheet.read())
