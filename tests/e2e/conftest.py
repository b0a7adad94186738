"""Browser fixtures: one headless Chromium per session, a fresh context and page per test.

Chromium comes from CHROMIUM_PATH (default /usr/bin/chromium). Without it the browser tests
are skipped with a notice in the terminal summary, or fail when KOHTAAMO_REQUIRE_BROWSER=1.
"""

import os
from pathlib import Path

import pytest

from tests import demo_snapshot

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
# tests/conftest.py prints this reason in the terminal summary.
MISSING_BROWSER = (
    f"BROWSER TESTS NOT RUN: Chromium not found at {CHROMIUM_PATH}; set CHROMIUM_PATH. "
    "KOHTAAMO_REQUIRE_BROWSER=1 makes this a failure."
)


def chromium_is_available() -> bool:
    return Path(CHROMIUM_PATH).is_file() and os.access(CHROMIUM_PATH, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if chromium_is_available() or REQUIRE_BROWSER:
        return
    skip = pytest.mark.skip(reason=MISSING_BROWSER)
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(skip)


@pytest.fixture(scope="session")
def browser():
    if not chromium_is_available():
        pytest.fail(MISSING_BROWSER, pytrace=False)
    from django.db import connections
    from playwright.sync_api import sync_playwright

    test_connections = {alias: connections[alias] for alias in connections}
    with sync_playwright() as playwright:
        # While an event loop runs in a thread, as Playwright's now does, Django keeps that thread's
        # connections in a separate store; give it the ones the test database was set up on.
        for alias, connection in test_connections.items():
            connections[alias] = connection
        browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def live_demo(live_server, django_db_serialized_rollback):
    """The demo site behind the live server; returns its base URL.

    Serialized rollback restores what migrations created (Wagtail's root page and locales),
    which the transactional flush after every live-server test removes. The demo is built once per
    test process and copied back for each test (`tests/demo_snapshot.py`).
    """
    demo_snapshot.restore(demo_snapshot.prepare_demo())
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
