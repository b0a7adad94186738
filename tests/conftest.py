"""What the whole suite shares: the services some tests need, and a loud summary when they were missing.

A test that needs Chromium or Redis is skipped when the machine lacks it, so `make test` passes on a
laptop with only Python; the summary then says in capitals what did not run. CI sets
KOHTAAMO_REQUIRE_BROWSER=1 and KOHTAAMO_REQUIRE_REDIS=1, which turn those skips into failures.
"""

import os
import shutil
import socket
import subprocess
import time

import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

NOT_RUN = "TESTS NOT RUN"
TEST_REDIS_URL = os.environ.get("KOHTAAMO_TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
REQUIRE_REDIS = os.environ.get("KOHTAAMO_REQUIRE_REDIS", "") == "1"


def pytest_terminal_summary(terminalreporter):
    """Say loudly which tests were skipped for want of a service (see `redis_url`, tests/e2e/conftest.py).

    The hook lives here because under pytest-xdist only the top-level conftest is loaded in the
    process that writes the summary.
    """
    reasons = {
        report.longrepr[2].removeprefix("Skipped: ")
        for report in terminalreporter.stats.get("skipped", [])
        if isinstance(report.longrepr, tuple) and NOT_RUN in report.longrepr[2]
    }
    if reasons:
        terminalreporter.write_sep("!", f"SOME {NOT_RUN}", red=True, bold=True)
    for reason in sorted(reasons):
        terminalreporter.write_line(reason, red=True, bold=True)


@pytest.fixture(scope="session", autouse=True)
def media_root(tmp_path_factory):
    """Files the tests write (the demo's pictures, uploads, renditions) go to a temporary folder, never var/media."""
    with override_settings(MEDIA_ROOT=tmp_path_factory.mktemp("media")):
        yield


@pytest.fixture(scope="session", autouse=True)
def content_version_file(tmp_path_factory):
    """Each test process keeps its own content version (pages/freshness.py), so one process's changes
    never make another's cache miss."""
    with override_settings(KOHTAAMO_CONTENT_VERSION_FILE=tmp_path_factory.mktemp("version") / "content-version"):
        yield


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: the page cache and rate limits of an earlier test's data,
    rolled back since, must not answer for this one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language: a request to /sv/ leaves Swedish active in the thread."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


def redis_answers(url: str) -> bool:
    import redis

    try:
        return redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
    except redis.exceptions.RedisError:
        return False


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory):
    """A Redis for tests: KOHTAAMO_TEST_REDIS_URL (default: database 15 on the local server) when it
    answers, else a throwaway `redis-server` on a free port when one is on the PATH, else a skip."""
    if redis_answers(TEST_REDIS_URL):
        yield TEST_REDIS_URL
        return
    server = shutil.which("redis-server")
    if server is None:
        message = (
            f"REDIS {NOT_RUN}: nothing answers at {TEST_REDIS_URL} and redis-server is not on the PATH; "
            "set KOHTAAMO_TEST_REDIS_URL. KOHTAAMO_REQUIRE_REDIS=1 makes this a failure."
        )
        if REQUIRE_REDIS:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    port = free_port()
    command = [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"]
    process = subprocess.Popen(  # noqa: S603 - our own command line
        [*command, "--dir", str(tmp_path_factory.mktemp("redis"))], stdout=subprocess.DEVNULL
    )
    url = f"redis://127.0.0.1:{port}/0"
    try:
        deadline = time.monotonic() + 10
        while not redis_answers(url):
            if process.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"The throwaway redis-server on port {port} did not start.", pytrace=False)
            time.sleep(0.05)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)
