import io

import pytest
from django.core.management import call_command


@pytest.fixture
def demo_site(db):
    """The demo site as `load_demo` builds it; returns the home pages by language."""
    from home.models import HomePage

    call_command("load_demo", stdout=io.StringIO())
    return {home.locale.language_code: home for home in HomePage.objects.select_related("locale")}


def pytest_terminal_summary(terminalreporter):
    """Say loudly when the browser tests were skipped for want of Chromium (see tests/e2e/conftest.py).

    The hook lives here, not in tests/e2e/conftest.py, because under pytest-xdist only the top-level
    conftest is loaded in the process that writes the summary.
    """
    reasons = {
        report.longrepr[2].removeprefix("Skipped: ")
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and "BROWSER TESTS NOT RUN" in report.longrepr[2]
    }
    if reasons:
        terminalreporter.write_sep("!", "BROWSER TESTS NOT RUN", red=True, bold=True)
    for reason in sorted(reasons):
        terminalreporter.write_line(f"{reason}. KOHTAAMO_REQUIRE_BROWSER=1 makes this a failure.", red=True, bold=True)
