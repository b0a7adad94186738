import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from wagtail.models import Page, Site

from pages.models import SiteSettings

DEMO_PATHS = ["", "malli/", "malli/periaatteet/", "malli/yhteiskehittaminen/", "malli/johtaminen/"]
PREFIXES = {"fi": "/", "sv": "/sv/", "en": "/en/"}


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return sorted(Page.objects.values_list("locale__language_code", "url_path", "live"))


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    run()
    first = snapshot()
    settings_rows = SiteSettings.objects.get().opening_hours.count()
    run()
    assert snapshot() == first
    assert SiteSettings.objects.get().opening_hours.count() == settings_rows == 5
    assert len(first) == 1 + 3 * len(DEMO_PATHS)


@pytest.mark.django_db
def test_load_demo_keeps_what_an_editor_changed():
    run()
    page = Page.objects.get(locale__language_code="fi", slug="malli").specific
    page.title = "Toimittajan otsikko"
    page.save_revision().publish()
    run()
    assert Page.objects.get(pk=page.pk).title == "Toimittajan otsikko"


@pytest.mark.django_db
def test_reset_rebuilds_the_demo_site_and_the_site_points_at_it():
    run()
    Page.objects.get(locale__language_code="en", slug="johtaminen").delete()
    run("--reset")
    assert len(snapshot()) == 1 + 3 * len(DEMO_PATHS)
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    assert site.root_page.locale.language_code == "fi"


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("path", DEMO_PATHS)
def test_every_demo_url_answers_in_its_language(client, demo_site, language, path):
    response = client.get(PREFIXES[language] + path)
    assert response.status_code == 200
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.django_db
def test_demo_admin_is_refused_when_debug_is_off():
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DJANGO_DEBUG is off"):
        call_command("create_demo_admin")
    assert not get_user_model().objects.exists()


@pytest.mark.django_db
def test_demo_admin_is_created_once_and_its_password_printed_once():
    first, second = io.StringIO(), io.StringIO()
    with override_settings(DEBUG=True):
        call_command("create_demo_admin", stdout=first)
        call_command("create_demo_admin", stdout=second)
    password = first.getvalue().split("Password:")[1].strip()
    user = get_user_model().objects.get(username="demo")
    assert user.is_superuser and user.check_password(password)
    assert password not in second.getvalue()
