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
