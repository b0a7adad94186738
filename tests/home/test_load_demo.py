import io
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import override_settings
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction, Site

from events import demo as events_demo
from home.demo import HOME, HOME_PICTURE
from home.models import HomePage
from ideas import demo as ideas_demo
from ideas.demo import drawings as idea_drawings
from ideas.demo.voice.pages import TAKE_PART_PAGE
from pages.blocks import SITUATION_ICONS
from pages.demo import help, legal, model_section, partners, pictures, place, support_types
from pages.models import HelpPage, Partner, SiteSettings, SupportType, VisitPage
from tests.demo_case import DemoSiteTestCase

# Pages served by a page's own routes or query parameters, not pages of their own.
DEMO_VIEWS = ["toimijat/perheneuvola/", "toimijat/?tuki=aineellinen", "apua/?tilanne=ruoka-ja-tavarat"]
PREFIXES = {"fi": "/", "sv": "/sv/", "en": "/en/"}


def translations(spec: dict) -> int:
    """How many pages a spec and its children make: one per language of each."""
    return len(spec["content"]) + sum(translations(child) for child in spec.get("children", []))


PAGE_SPECS = [
    HOME,
    help.HELP_PAGE,
    partners.PARTNERS_PAGE,
    place.VISIT_PAGE,
    model_section.MODEL_SECTION,
    legal.ACCESSIBILITY_PAGE,
    legal.PRIVACY_PAGE,
    *events_demo.page_specs(),
    *ideas_demo.page_specs(),
]


def run(*args) -> str:
    out = io.StringIO()
    call_command("load_demo", *args, stdout=out)
    return out.getvalue()


def snapshot():
    return (
        sorted(Page.objects.values_list("locale__language_code", "url_path", "live")),
        sorted(Partner.objects.values_list("locale__language_code", "slug", "support_types__slug")),
        sorted(SupportType.objects.values_list("locale__language_code", "slug")),
    )


@pytest.mark.django_db
def test_load_demo_twice_changes_nothing():
    run()
    first = snapshot()
    settings_rows = SiteSettings.objects.get().opening_hours.count()
    run()
    assert snapshot() == first
    assert settings_rows == len(place.OPENING_HOURS)
    assert SiteSettings.objects.get().opening_hours.count() == settings_rows
    page_rows, partner_rows, support_rows = first
    assert len(page_rows) == 1 + sum(translations(spec) for spec in PAGE_SPECS)  # 1: Wagtail's root
    assert len(support_rows) == sum(len(spec["content"]) for spec in support_types.SUPPORT_TYPES)
    made = {(language, slug) for language, slug, _support in partner_rows}
    assert len(made) == sum(len(spec["content"]) for spec in partners.PARTNERS)


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
    first = snapshot()
    Page.objects.get(locale__language_code="en", slug="johtaminen").delete()
    Partner.objects.filter(slug="kirjasto").delete()
    run("--reset")
    assert snapshot() == first
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific.__class__.__name__ == "HomePage"
    assert site.root_page.locale.language_code == "fi"
    assert SiteSettings.objects.get(site=site).opening_hours.count() == len(place.OPENING_HOURS)


class DemoUrlTests(DemoSiteTestCase):
    def test_every_demo_page_answers_in_its_language(self):
        pages = Page.objects.filter(depth__gt=1).select_related("locale")
        assert pages.count() == sum(translations(spec) for spec in PAGE_SPECS)
        restricted = set(PageViewRestriction.objects.values_list("page_id", flat=True))
        assert restricted, "the demo's house meetings are for staff only"
        for page in pages:
            with self.subTest(url=page.url):
                response = self.client.get(page.url)
                if page.pk in restricted:  # a staff meeting: a visitor is sent to log in
                    assert response.status_code == 302
                    assert response["Location"].startswith("/_util/login/")
                    continue
                assert response.status_code == 200
                assert f'<html lang="{page.locale.language_code}">' in response.content.decode()

    def test_every_route_and_filter_of_the_demo_answers_in_its_language(self):
        for language, prefix in PREFIXES.items():
            for path in DEMO_VIEWS:
                with self.subTest(url=prefix + path):
                    response = self.client.get(prefix + path)
                    assert response.status_code == 200
                    assert f'<html lang="{language}">' in response.content.decode()

    def test_language_switcher_leads_to_the_same_page_in_the_other_language(self):
        body = self.client.get("/malli/periaatteet/").content.decode()
        assert 'href="/sv/malli/periaatteet/" lang="sv"' in body
        assert 'href="/en/malli/periaatteet/" lang="en"' in body
        sv_body = self.client.get("/sv/toimijat/").content.decode()
        assert 'href="/toimijat/" lang="fi"' in sv_body

    def test_language_switcher_keeps_the_partner_and_the_filter(self):
        body = self.client.get("/toimijat/perheneuvola/").content.decode()
        assert 'href="/sv/toimijat/perheneuvola/" lang="sv"' in body
        body = self.client.get("/en/apua/", {"tilanne": "ruoka-ja-tavarat"}).content.decode()
        assert 'href="/apua/?tilanne=ruoka-ja-tavarat" lang="fi"' in body

    def test_language_switcher_falls_back_to_the_home_page_when_there_is_no_translation(self):
        Page.objects.get(locale__language_code="sv", slug="johtaminen").specific.unpublish()
        body = self.client.get("/malli/johtaminen/").content.decode()
        assert 'href="/sv/" lang="sv"' in body


@pytest.mark.django_db
def test_demo_admin_is_refused_when_debug_is_off():
    with override_settings(DEBUG=False), pytest.raises(CommandError, match="DJANGO_DEBUG is off"):
        call_command("create_demo_admin")
    assert not get_user_model().objects.exists()


def box(output: str) -> list[str]:
    """The lines inside the one box that `output` is, checking its frame."""
    lines = output.strip("\n").splitlines()
    top, *inside, bottom = lines
    assert top == bottom and set(top) == {"+", "-"}, output
    assert all(len(line) == len(top) and line[0] == line[-1] == "|" for line in inside), output
    return [line[1:-1].strip() for line in inside]


@pytest.mark.django_db
def test_demo_admin_is_created_once_and_its_password_printed_once_in_a_box():
    first, second = io.StringIO(), io.StringIO()
    with override_settings(DEBUG=True):
        call_command("create_demo_admin", "--site-url", "http://127.0.0.1:8001", stdout=first)
        call_command("create_demo_admin", "--site-url", "http://127.0.0.1:8001", stdout=second)
    created = box(first.getvalue())
    assert "Admin:          http://127.0.0.1:8001/admin/" in created
    assert "Username:       demo" in created
    [password] = [line.split()[-1] for line in created if line.startswith("Password:")]
    user = get_user_model().objects.get(username="demo")
    assert user.is_superuser and user.check_password(password)
    again = box(second.getvalue())
    assert password not in second.getvalue()
    assert ".venv/bin/python manage.py changepassword demo" in again


def test_make_run_prints_the_demo_admin_box_last_before_the_server_starts():
    makefile = (Path(__file__).resolve().parents[2] / "Makefile").read_text()
    recipe = makefile.split("\nrun:", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    assert "manage.py create_demo_admin" in recipe[-2]
    assert "manage.py runserver" in recipe[-1]


PICTURED = {  # the demo pages that show a drawing, by slug: the home page and the four main sections
    HOME["slug"]: HOME_PICTURE,
    help.HELP_PAGE["slug"]: help.HELP_PICTURE,
    partners.PARTNERS_PAGE["slug"]: partners.PARTNERS_PICTURE,
    place.VISIT_PAGE["slug"]: place.VISIT_PICTURE,
    model_section.MODEL_SECTION["slug"]: model_section.MODEL_PICTURE,
}


class DemoPictureTests(DemoSiteTestCase):
    def test_home_and_main_pages_show_a_picture_described_in_each_language(self):
        for slug, picture in PICTURED.items():
            finnish = Page.objects.get(locale__language_code="fi", slug=slug)
            pages = {page.locale.language_code: page.specific for page in finnish.get_translations(inclusive=True)}
            assert set(pages) == set(PREFIXES), slug
            assert len({page.image_id for page in pages.values()}) == 1, f"{slug}: one picture in every language"
            for language, page in pages.items():
                with self.subTest(page=page.url_path):
                    assert page.image is not None
                    assert page.image_alt == picture["alt"][language]
            assert len({page.image_alt for page in pages.values()}) == len(pages), f"{slug}: alt text translated"

    def test_pictures_are_real_png_drawings_of_the_size_they_are_used_at(self):
        home = HomePage.objects.get(locale__language_code="fi")
        assert (home.image.width, home.image.height) == (1600, 640)
        visit = VisitPage.objects.get(locale__language_code="fi")
        assert (visit.image.width, visit.image.height) == (1200, 800)
        with visit.image.open_file() as file, PILImage.open(file) as drawn:
            assert drawn.format == "PNG"
            assert len(drawn.getcolors(256) or []) > 20, "a drawing, not a blank"

    def test_the_finnish_home_page_has_its_picture_and_alt_text_for_the_template(self):
        home = HomePage.objects.get(locale__language_code="fi")
        assert home.image.title == pictures.PICTURES["home"].title
        assert home.image_alt == HOME_PICTURE["alt"]["fi"]
        assert home.image_alt.startswith("Perheitä saapuu")

    def test_each_home_page_leads_to_the_ways_to_take_part_in_its_own_language(self):
        for home in HomePage.objects.select_related("locale"):
            with self.subTest(language=home.locale.language_code):
                take_part = home.take_part_page
                assert take_part is not None and take_part.live
                assert take_part.slug == TAKE_PART_PAGE["slug"] == "osallistu"
                assert take_part.locale_id == home.locale_id

    def test_at_least_five_partners_have_a_logo_with_text_in_every_language(self):
        with_logo = Partner.objects.filter(logo__isnull=False).select_related("logo")
        slugs = set(with_logo.values_list("slug", flat=True))
        assert len(slugs) >= 5
        for partner in with_logo:
            with self.subTest(partner=partner.slug, language=partner.locale_id):
                assert partner.logo_alt == partner.name == partner.logo_text
                assert (partner.logo.width, partner.logo.height) == (400, 200)
        for slug in slugs:
            assert with_logo.filter(slug=slug).count() == len(PREFIXES), "the logo is the same in every language"

    def test_every_situation_on_the_help_page_has_an_allowed_icon(self):
        allowed = {value for value, _label in SITUATION_ICONS}
        for page in HelpPage.objects.all():
            icons = [block.value["icon"] for block in page.situations]
            assert len(icons) == len(help.HELP_PAGE["situations"])
            assert set(icons) <= allowed
            assert len(set(icons)) == len(icons), "each situation its own icon"


@pytest.mark.django_db
def test_load_demo_again_makes_no_new_images_and_keeps_an_editors_picture_text():
    run()
    image_ids = set(get_image_model().objects.values_list("pk", flat=True))
    assert len(image_ids) == len(pictures.PICTURES) + len(idea_drawings.DRAWINGS)
    page = HelpPage.objects.get(locale__language_code="sv")
    page.image_alt = "Redaktörens egen text"
    page.save_revision().publish()
    home = HomePage.objects.get(locale__language_code="fi")
    home.image = None
    home.take_part_page = None
    home.save_revision().publish()
    run()
    assert set(get_image_model().objects.values_list("pk", flat=True)) == image_ids
    assert HelpPage.objects.get(pk=page.pk).image_alt == "Redaktörens egen text"
    home.refresh_from_db()
    assert home.image is None and home.take_part_page is None


@pytest.mark.django_db
def test_pictures_are_drawn_the_same_every_time():
    first = pictures.picture_bytes("partners")
    pictures.picture_bytes.cache_clear()
    assert pictures.picture_bytes("partners") == first
