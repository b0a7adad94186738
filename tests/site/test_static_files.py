"""Production static files: hashed names, each compressed with gzip and with Brotli beside it."""

import gzip

import brotli

from .test_settings import GOOD_KEY, manage


def test_collectstatic_in_production_writes_brotli_beside_gzip(tmp_path):
    result = manage(
        "collectstatic",
        "--no-input",
        # Wagtail's admin files take most of the time and prove nothing more here.
        "--ignore",
        "wagtail*",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY=GOOD_KEY,
        DJANGO_ALLOWED_HOSTS="kohtaamo.example",
        KOHTAAMO_VAR_DIR=str(tmp_path),
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [stylesheet] = (tmp_path / "static" / "css").glob("site.*[0-9a-f].css")
    original = stylesheet.read_bytes()
    assert gzip.decompress(stylesheet.with_name(stylesheet.name + ".gz").read_bytes()) == original
    assert brotli.decompress(stylesheet.with_name(stylesheet.name + ".br").read_bytes()) == original
