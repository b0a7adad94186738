"""Full-page screenshots of the demo site, at a phone's width and a desktop's.

Builds a throwaway demo site served as in production (gunicorn, DJANGO_DEBUG=0, collected static
files, a fresh SQLite database with the demo content, all in a temporary folder), then takes a PNG
of the home, help, partners and one partner page at 390 and 1280 pixels wide in Chromium
(CHROMIUM_PATH, default /usr/bin/chromium): home-390.png, home-1280.png, help-390.png and so on.
Prints each file written with its size. Needs the development requirements (Playwright) and the
compiled translations.

    make screenshots
    .venv/bin/python docs/screenshots/take.py [--out DIR]    # default: docs/screenshots/
"""

import argparse
import http.client
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
CHROMIUM_PATH = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PAGES = {"home": "/", "help": "/apua/", "partners": "/toimijat/", "partner": "/toimijat/perheneuvola/"}
VIEWPORTS = [{"width": 390, "height": 844}, {"width": 1280, "height": 800}]
# Lazy images load as they would when scrolled to; then every image has loaded (or failed) and decoded.
LOAD_IMAGES = """async () => {
    for (const image of document.images) image.loading = "eager";
    await Promise.all([...document.images].map((image) => image.decode().catch(() => null)));
    await document.fonts.ready;
    return [...document.images].filter((image) => !image.naturalWidth).map((image) => image.currentSrc || image.src);
}"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def site_env(var_dir: Path, base_url: str) -> dict[str, str]:
    ours = ("DJANGO_", "KOHTAAMO_", "GUNICORN_")
    env = {key: value for key, value in os.environ.items() if not key.startswith(ours)}
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    return {
        **env,
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_LOG_LEVEL": "WARNING",
        "KOHTAAMO_VAR_DIR": str(var_dir),
        "KOHTAAMO_BASE_URL": base_url,
        "KOHTAAMO_SERVE_MEDIA": "1",
    }


def start(command: list[str], env: dict[str, str], **options) -> subprocess.Popen:
    return subprocess.Popen(command, cwd=ROOT, env=env, **options)  # noqa: S603 - our own command lines


def finish(process: subprocess.Popen) -> None:
    output = process.communicate()[0]
    if process.returncode != 0:
        sys.exit(f"{' '.join(map(str, process.args))} failed:\n{output}")


def manage(*args: str, env: dict[str, str]) -> subprocess.Popen:
    command = [sys.executable, "manage.py", *args]
    return start(command, env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


def healthy(port: int) -> bool:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
    try:
        connection.request("GET", "/healthz")
        return connection.getresponse().status == 200
    except OSError:
        return False
    finally:
        connection.close()


def wait_until_serving(server: subprocess.Popen, port: int) -> None:
    deadline = time.monotonic() + 30
    while not healthy(port):
        if server.poll() is not None or time.monotonic() > deadline:
            sys.exit("gunicorn did not start.")
        time.sleep(0.2)


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def shrink(file: Path) -> None:
    """256 colours without dithering: a third of the size in git, text and shapes unchanged to the eye."""
    with Image.open(file) as image:
        small = image.convert("RGB").quantize(256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    small.save(file, optimize=True)


def screenshot(browser, base_url: str, out: Path) -> None:
    for viewport in VIEWPORTS:
        context = browser.new_context(
            base_url=base_url, viewport=viewport, device_scale_factor=1, reduced_motion="reduce"
        )
        page = context.new_page()
        for name, path in PAGES.items():
            response = page.goto(path, wait_until="networkidle")
            if response is None or response.status != 200:
                sys.exit(f"{path} answered {response.status if response else 'nothing'}.")
            broken = page.evaluate(LOAD_IMAGES)
            page.wait_for_load_state("networkidle")
            if broken:
                print(f"warning: images on {path} did not load: {', '.join(broken)}", file=sys.stderr)
            file = out / f"{name}-{viewport['width']}.png"
            page.screenshot(path=file, full_page=True, animations="disabled")
            shrink(file)
            print(f"{file}  {file.stat().st_size:,} bytes")
        context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description="Full-page screenshots of the demo site.")
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots", help="default: docs/screenshots/")
    out = parser.parse_args().out.resolve()
    if not os.access(CHROMIUM_PATH, os.X_OK):
        sys.exit(f"Chromium not found at {CHROMIUM_PATH}; set CHROMIUM_PATH.")
    out.mkdir(parents=True, exist_ok=True)
    port = free_port()
    base_url = f"http://127.0.0.1:{port}"
    work = Path(tempfile.mkdtemp(prefix="kohtaamo-screenshots-"))
    env = site_env(work / "var", base_url)
    processes = []
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("Stopped."))
    try:
        # collectstatic touches no database: it runs beside migrate and load_demo.
        processes.append(collect := manage("collectstatic", "--no-input", "-v0", env=env))
        finish(manage("migrate", "--no-input", "-v0", env=env))
        finish(manage("load_demo", env=env))
        finish(collect)
        gunicorn = [str(BIN / "gunicorn"), "--chdir", "site", "--bind", f"127.0.0.1:{port}", "--workers", "2"]
        processes.append(server := start([*gunicorn, "--log-level", "warning", "wsgi:application"], env))
        wait_until_serving(server, port)
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM_PATH, headless=True, args=CHROMIUM_ARGS)
            try:
                screenshot(browser, base_url, out)
            finally:
                browser.close()
    finally:
        for process in processes:
            stop(process)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
