"""Browser fixtures: one headless Chromium per session, a fresh context and page per test.

Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium). Without it the browser tests
are skipped with a notice in the terminal summary, or fail when KOHTAAMO_REQUIRE_BROWSER=1.
"""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in the main thread, which trips Django's async-safety check.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
REQUIRE_BROWSER = os.environ.get("KOHTAAMO_REQUIRE_BROWSER", "") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
MISSING_BROWSER = f"Chromium not found at {CHROMIUM_PATH}; set CHROMIUM_PATH"
skipped_for_missing_browser = []


def chromium_is_available() -> bool:
    return Path(CHROMIUM_PATH).is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if chromium_is_available() or REQUIRE_BROWSER:
        return
    skip = pytest.mark.skip(reason=f"BROWSER TESTS NOT RUN: {MISSING_BROWSER}")
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)
            skipped_for_missing_browser.append(item.nodeid)


def pytest_terminal_summary(terminalreporter):
    if skipped_for_missing_browser:
        terminalreporter.write_sep("!", "BROWSER TESTS NOT RUN", red=True, bold=True)
        terminalreporter.write_line(
            f"BROWSER TESTS NOT RUN: {MISSING_BROWSER} "
            f"({len(skipped_for_missing_browser)} skipped; KOHTAAMO_REQUIRE_BROWSER=1 makes this a failure).",
            red=True,
            bold=True,
        )


@pytest.fixture(scope="session")
def browser():
    if not chromium_is_available():
        pytest.fail(f"KOHTAAMO_REQUIRE_BROWSER=1 but {MISSING_BROWSER}.", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_demo(live_server, django_db_serialized_rollback):
    """The demo site behind the live server; returns its base URL.

    Serialized rollback restores what migrations created (Wagtail's root page and locales),
    which the transactional flush after every live-server test removes.
    """
    call_command("load_demo", stdout=io.StringIO())
    return live_server.url


@pytest.fixture
def new_page(browser, live_demo):
    """Open a page in a fresh browser context, e.g. `new_page(java_script_enabled=False)`."""
    contexts = []

    def open_page(**context_options):
        context = browser.new_context(base_url=live_demo, **context_options)
        contexts.append(context)
        return context.new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_page):
    return new_page()
