"""Production settings refuse an insecure configuration and pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_KEY = "k" * 20 + "0123456789abcdefghijklmnopqrstuvwxyz!@#$%"


def manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {key: value for key, value in os.environ.items() if not key.startswith("DJANGO_")}
    clean.pop("DATABASE_URL", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_ALLOWED_HOSTS="kohtaamo.example")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY" in result.stderr


def test_production_refuses_a_short_secret_key():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY="short", DJANGO_ALLOWED_HOSTS="kohtaamo.example")
    assert result.returncode != 0
    assert "at least 50 characters" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = manage("check", DJANGO_DEBUG="0", DJANGO_SECRET_KEY=GOOD_KEY)
    assert result.returncode != 0
    assert "DJANGO_ALLOWED_HOSTS" in result.stderr


def test_deploy_check_is_clean_under_production_settings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="kohtaamo.example",
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues (0 silenced)." in result.stdout


def run_python(code: str, **env: str) -> list[str]:
    """Run `code` in a fresh process with the project's settings (SQLite default unless env says)."""
    clean = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "REDIS_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", "import django; django.setup();" + code],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "settings", "PYTHONPATH": f"{ROOT}:{ROOT / 'site'}", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_sqlite_default_runs_in_wal_mode_with_immediate_transactions():
    output = run_python(
        "from django.db import connection;"
        "c = connection.cursor(); c.execute('PRAGMA journal_mode'); print(c.fetchone()[0]);"
        "print(connection.settings_dict['OPTIONS']['transaction_mode'])"
    )
    assert output == ["wal", "IMMEDIATE"]


def test_background_tasks_log_only_problems_to_the_console():
    output = run_python(
        "import logging; from django_tasks.backends import immediate;"
        "print(logging.getLogger(immediate.__name__).getEffectiveLevel() >= logging.WARNING)"
    )
    assert output == ["True"]


def test_cache_is_local_memory_without_redis_url():
    assert run_python("from django.core.cache import caches; print(type(caches['default']).__name__)") == [
        "LocMemCache"
    ]


def test_redis_url_switches_the_cache_to_a_shared_redis(redis_url):
    output = run_python(
        "from django.core.cache import caches; cache = caches['default']; print(type(cache).__name__);"
        "cache.set('kohtaamo-test', 'yes', 5); print(cache.get('kohtaamo-test'));"
        "print(cache._cache.get_client() is cache._cache.get_client(write=True));"
        "print(cache.get_many(['kohtaamo-test', 'kohtaamo-none']) == {'kohtaamo-test': 'yes'})",
        REDIS_URL=redis_url,
    )
    # One client for every operation (Django makes a new one each time), the same answers.
    assert output == ["RedisCache", "yes", "True", "True"]


@pytest.mark.django_db
def test_every_content_language_has_a_locale_without_the_demo():
    from wagtail.models import Locale

    assert sorted(Locale.objects.values_list("language_code", flat=True)) == ["en", "fi", "sv"]


@pytest.mark.parametrize(("serve", "answer"), [("", "/media/images/a.png"), ("0", "none")])
def test_images_are_served_by_the_app_unless_a_web_server_in_front_does_it(serve, answer):
    code = (
        "from django.urls import NoReverseMatch, reverse\n"
        "try: print(reverse('image_file', args=['images/a.png']))\n"
        "except NoReverseMatch: print('none')"
    )
    result = manage("shell", "-c", code, KOHTAAMO_SERVE_MEDIA=serve)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == answer
