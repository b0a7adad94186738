"""The README's Production steps, run as written, give Kohtaamo's site and a staff account that can sign in.

The commands come from the README's Production code block, so the README cannot drift from what works:
a step missing there is missing here. Only what the README leaves to the operator (the `...` values, the
answers `createsuperuser` asks for, the address gunicorn binds) comes from this test.
"""

import http.client
import os
import re
import secrets
import shlex
import socket
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PUBLIC_HOST = "kohtaamo.example"
WELCOME = "Welcome to your new Wagtail site"


def production_block(readme: str) -> tuple[set[str], list[list[str]]]:
    """The variables the README's Production block exports, and its other commands split into words."""
    section = readme.split("\n## Production\n", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```sh\n(.*?)```", section, re.DOTALL).group(1)
    exported, commands = set(), []
    for line in block.replace("\\\n", " ").splitlines():
        words = shlex.split(line, comments=True)
        if words and words[0] == "export":
            exported |= {word.split("=", 1)[0] for word in words[1:]}
        elif words:
            commands.append(words)
    return exported, commands


def localized(words: list[str]) -> list[str]:
    """A README command as this checkout runs it: `.venv/bin/` is the virtualenv running the tests."""
    program = words[0]
    if program.startswith(".venv/bin/"):
        program = str(Path(sys.executable).parent / program.removeprefix(".venv/bin/"))
    if "createsuperuser" in words and "--no-input" not in words:
        words = [*words, "--no-input"]  # the answers come from DJANGO_SUPERUSER_* below
    return [program, *words[1:]]


def start(words: list[str], env: dict[str, str]) -> subprocess.Popen:
    return subprocess.Popen(  # noqa: S603 - the README's own commands
        localized(words), cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
    )


def finish(words: list[str], process: subprocess.Popen) -> None:
    output = process.communicate(timeout=300)[0]
    assert process.returncode == 0, f"{shlex.join(words)} failed:\n{output}"


def production_env(tmp_path: Path, password: str) -> dict[str, str]:
    ours = ("DJANGO_", "KOHTAAMO_", "GUNICORN_")
    kept = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    kept.pop("DATABASE_URL", None)
    kept.pop("REDIS_URL", None)
    return {
        **kept,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": PUBLIC_HOST,
        "DJANGO_SECURE_SSL_REDIRECT": "0",  # plain HTTP here; in real life a TLS proxy is in front
        "KOHTAAMO_BASE_URL": f"http://{PUBLIC_HOST}",
        "KOHTAAMO_VAR_DIR": str(tmp_path / "var"),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'kohtaamo.sqlite3'}",
        "DJANGO_SUPERUSER_USERNAME": "staff",
        "DJANGO_SUPERUSER_PASSWORD": password,
        "DJANGO_SUPERUSER_EMAIL": f"staff@{PUBLIC_HOST}",
    }


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Browser:
    """Requests to the server on `port` as a visitor of the public address, keeping cookies.

    The cookies are Secure (production settings); a real browser sends them over the TLS proxy.
    """

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None) -> tuple[int, dict, str]:
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Host": PUBLIC_HOST}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, rest = header.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
            return response.status, dict(response.getheaders()), response.read().decode()
        finally:
            connection.close()

    def get(self, path: str) -> tuple[int, dict, str]:
        return self.request("GET", path)


def wait_until_serving(browser: Browser, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + 30
    while True:
        try:
            if browser.get("/healthz")[0] == 200:
                return
        except OSError:
            pass
        if server.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"gunicorn did not start:\n{log.read_text()}", pytrace=False)
        time.sleep(0.1)


def test_readme_production_steps_serve_the_site_and_admit_the_staff_account(tmp_path):
    exported, commands = production_block(README.read_text())
    password = secrets.token_urlsafe(16)
    env = production_env(tmp_path, password)
    assert exported <= set(env), f"The README exports variables this test does not set: {exported - set(env)}"
    *steps, serve = commands
    assert serve[0].endswith("gunicorn"), f"The README's Production block should end by starting gunicorn: {serve}"
    # collectstatic touches no database: it runs beside the database steps, which halves the test's time.
    beside = [words for words in steps if "collectstatic" in words]
    running = [(words, start(words, env)) for words in beside]
    try:
        for words in steps:
            if words not in beside:
                finish(words, start(words, env))
        for words, process in running:
            finish(words, process)
    finally:
        for _words, process in running:
            if process.poll() is None:
                process.kill()
                process.wait()

    port = free_port()
    log = tmp_path / "gunicorn.log"
    with log.open("w") as output:
        server = subprocess.Popen(  # noqa: S603 - the README's own command
            [*localized(serve), "--bind", f"127.0.0.1:{port}"], cwd=ROOT, env=env, stdout=output, stderr=output
        )
    browser = Browser(port)
    try:
        wait_until_serving(browser, server, log)
        for path, language in [("/", "fi"), ("/toimijat/", "fi"), ("/sv/apua/", "sv")]:
            status, _headers, body = browser.get(path)
            assert status == 200, f"{path}: {status}"
            assert f'<html lang="{language}">' in body, path
            assert WELCOME not in body, path
        assert 'href="/toimijat/"' in browser.get("/")[2]  # the home page links to the fixed pages
        assert f"<loc>http://{PUBLIC_HOST}/tule-kaymaan/</loc>" in browser.get("/sitemap.xml")[2]

        assert browser.get("/admin/")[0] == 302  # signed out: to the sign-in page
        status, _headers, body = browser.get("/admin/login/")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', body)
        assert status == 200 and token, f"/admin/login/: {status}\n{body}"
        token = token.group(1)
        form = {"csrfmiddlewaretoken": token, "username": "staff", "password": password, "next": "/admin/"}
        status, headers, _body = browser.request("POST", "/admin/login/", form)
        assert (status, headers.get("Location")) == (302, "/admin/"), "the staff account could not sign in"
        # Production requires two-factor sign-in (KOHTAAMO_STAFF_2FA): first the admin sets up an authenticator app.
        status, headers, _body = browser.get("/admin/")
        assert (status, headers.get("Location")) == (302, "/admin/2fa/devices/new?next=/admin/")
        status, _headers, body = browser.get("/admin/2fa/devices/new")
        assert status == 200 and "otpauth://totp/Kohtaamo" in body, f"the authenticator app's setup: {status}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
