"""What the browser tests share: the visitor's words and the axe check."""

from axe_playwright_python.sync_playwright import Axe
from django.utils import translation


def finnish(message: str) -> str:
    """The text a Finnish visitor sees for `message`, whether or not it is translated yet."""
    with translation.override("fi"):
        return str(translation.gettext(message))


def assert_no_axe_violations(page):
    results = Axe().run(page)
    assert results.violations_count == 0, f"axe found violations on {page.url}:\n{results.generate_report()}"
