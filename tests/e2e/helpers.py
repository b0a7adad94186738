"""What the browser tests share: the visitor's words and the axe check."""

from axe_playwright_python.sync_playwright import Axe
from django.utils import translation


def finnish(message: str) -> str:
    """The Finnish text a visitor sees for the interface string `message`; fails when it has none."""
    with translation.override("fi"):
        text = str(translation.gettext(message))
    assert text != message, f"No Finnish translation for {message!r}"
    return text


def axe_report(page) -> str:
    """axe's report of the violations on the page, or "" when it finds none."""
    results = Axe().run(page)
    return results.generate_report() if results.violations_count else ""


def assert_no_axe_violations(page):
    report = axe_report(page)
    assert not report, f"axe found violations on {page.url}:\n{report}"
