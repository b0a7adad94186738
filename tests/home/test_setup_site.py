"""`setup_site` builds a real, empty site: Kohtaamo's fixed pages in every language, no invented facts."""

import io
import json

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.test import TestCase, override_settings
from django.utils import translation
from wagtail.models import Page, Revision, Site

from home.demo import HOME
from home.models import HomePage
from home.site_setup import SetupRefused, site_address
from pages.demo import help, legal, model_section, partners, place, support_types
from pages.demo.build import p
from pages.models import Partner, SiteSettings, SupportType, VisitPage
from tests.home.test_load_demo import PAGE_SPECS, translations

BASE_URL = "https://kohtaamo.example:8443"
FIXED_PATHS = [
    "/",
    "/apua/",
    "/toimijat/",
    "/tule-kaymaan/",
    "/malli/",
    "/malli/periaatteet/",
    "/malli/yhteiskehittaminen/",
    "/malli/johtaminen/",
    "/saavutettavuus/",
    "/tietosuoja/",
]
PREFIXES = {"fi": "/", "sv": "/sv/", "en": "/en/"}


def setup_site(base_url: str = BASE_URL) -> str:
    out = io.StringIO()
    with override_settings(WAGTAILADMIN_BASE_URL=base_url):
        call_command("setup_site", stdout=out, stderr=io.StringIO())
    return out.getvalue()


def snapshot():
    site = Site.objects.get(is_default_site=True)
    facts = SiteSettings.for_site(site)
    return (
        sorted(Page.objects.values_list("locale__language_code", "url_path", "live", "title")),
        Revision.page_revisions.count(),
        sorted(SupportType.objects.values_list("locale__language_code", "slug")),
        (site.hostname, site.port, site.root_page_id, site.site_name),
        (facts.accessibility_page_id, facts.privacy_page_id),
    )


def page_texts() -> str:
    """Every text of every page, as its latest revision stores it."""
    return json.dumps([page.get_latest_revision().content for page in Page.objects.filter(depth__gt=1)])


def demo_facts() -> list[str]:
    """Texts of the demo that are facts of the demo place: its contact details, its partners' and its premises.

    Not the names of the city and the organisations that developed the model: its history is the model's.
    """
    facts = [place.PLACE[field] for field in ("place_name", "street_address", "postal_code", "phone", "email")]
    facts += [spec[field] for spec in partners.PARTNERS for field in ("phone", "email", "website") if spec[field]]
    premises = ("entrance", "pram_parking", "changing_table", "lift", "staff_languages")
    facts += [place.VISIT_PAGE["content"][code][field] for code in PREFIXES for field in premises]
    return facts


@pytest.mark.django_db
def test_setup_site_makes_the_fixed_pages_in_every_language_and_points_the_site_at_them():
    output = setup_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port, site.site_name) == ("kohtaamo.example", 8443, "Kohtaamo")
    assert type(site.root_page.specific) is HomePage and site.root_page.locale.language_code == "fi"
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    paths = {
        (language, url)
        for language, url in ((p.locale.language_code, p.url) for p in Page.objects.live().filter(depth__gt=1))
    }
    expected = {(language, prefix + path[1:]) for language, prefix in PREFIXES.items() for path in FIXED_PATHS}
    assert paths == expected
    assert Page.objects.count() == 1 + len(expected)  # 1: Wagtail's root
    hidden = Page.objects.filter(slug__in=["saavutettavuus", "tietosuoja"])
    assert hidden.count() == 6 and not hidden.filter(show_in_menus=True).exists()
    facts = SiteSettings.for_site(site)
    assert (facts.accessibility_page.slug, facts.privacy_page.slug) == ("saavutettavuus", "tietosuoja")
    assert SupportType.objects.count() == sum(len(spec["content"]) for spec in support_types.SUPPORT_TYPES)
    assert "Created 30 pages and 18 support types" in output


@pytest.mark.django_db
def test_setup_site_invents_no_facts_about_the_place():
    setup_site()
    assert not Partner.objects.exists()
    facts = SiteSettings.objects.get()
    assert (facts.place_name, facts.street_address, facts.phone, facts.email) == ("", "", "", "")
    assert not facts.opening_hours.exists()
    texts = page_texts()
    found = [fact for fact in demo_facts() if fact in texts]
    assert found == []
    assert "example.fi" not in texts and "Koivukylän kohtaamispaik" not in texts
    for spec in (legal.ACCESSIBILITY_PAGE, legal.PRIVACY_PAGE):
        page = Page.objects.get(locale__language_code="fi", slug=spec["slug"]).specific
        assert (page.title, page.intro, len(page.body)) == (spec["content"]["fi"]["title"], "", 0)


@pytest.mark.django_db
def test_setup_site_takes_the_model_texts_whole_from_the_demo():
    setup_site()
    principles = Page.objects.get(locale__language_code="sv", slug="periaatteet").specific
    expected = model_section.MODEL_SECTION["children"][0]["content"]["sv"]
    assert (principles.title, principles.intro) == (expected["title"], expected["intro"])
    help_page = Page.objects.get(locale__language_code="en", slug="apua").specific
    assert [block.value["slug"] for block in help_page.situations] == [s["slug"] for s in help.HELP_PAGE["situations"]]


@pytest.mark.django_db
def test_setup_site_leads_each_home_page_to_the_co_development_page_of_its_language_without_pictures():
    setup_site()
    for home in HomePage.objects.select_related("locale"):
        language = home.locale.language_code
        assert home.take_part_page.specific.slug == model_section.TAKE_PART
        assert home.take_part_page.locale.language_code == language
        assert home.image is None
    assert not Page.objects.filter(depth__gt=2).exclude(contentpage__image=None).exists()


@pytest.mark.django_db
def test_running_setup_site_twice_changes_nothing():
    setup_site()
    first = snapshot()
    output = setup_site()
    assert snapshot() == first
    assert "Nothing to change" in output


@pytest.mark.django_db
def test_setup_site_tells_the_operator_what_to_fill_in_until_it_is_there():
    output = setup_site()
    for needed in ("Site settings", "Partners", "Tule käymään", "Saavutettavuusseloste", "Tietosuojaseloste"):
        assert needed in output
    assert "manage.py createsuperuser" in output
    get_user_model().objects.create_superuser("staff", password="not-used-here-1")  # noqa: S106
    call_command("load_demo", stdout=io.StringIO())  # the place's facts and partners
    for page in Page.objects.filter(locale__language_code="fi", slug__in=["saavutettavuus", "tietosuoja"]).specific():
        page.body = [p("What the statement says.")]
        page.save_revision().publish()
    visit = VisitPage.objects.get(locale__language_code="fi")
    visit.entrance = "Two steps and a ramp."
    visit.save_revision().publish()
    assert "Still to fill in" not in setup_site()


@pytest.mark.django_db
def test_load_demo_on_top_of_setup_site_gives_every_demo_page_and_fact():
    setup_site()
    setup_home = Site.objects.get(is_default_site=True).root_page_id
    call_command("load_demo", stdout=io.StringIO())
    site = Site.objects.get(is_default_site=True)
    assert site.root_page_id == setup_home and site.hostname == "kohtaamo.example"
    assert Page.objects.count() == 1 + sum(translations(spec) for spec in PAGE_SPECS)
    assert Partner.objects.count() == sum(len(spec["content"]) for spec in partners.PARTNERS)
    facts = SiteSettings.for_site(site)
    assert facts.place_name == place.PLACE["place_name"]
    assert facts.opening_hours.count() == len(place.OPENING_HOURS)


@pytest.mark.django_db
def test_setup_site_keeps_what_an_editor_changed():
    setup_site()
    home = Page.objects.get(locale__language_code="fi", slug=HOME["slug"]).specific
    home.title, home.slug = "Kohtaamispaikka Koivu", "etusivu"
    home.save_revision().publish()
    first = snapshot()
    setup_site()
    assert snapshot() == first


@pytest.mark.django_db
def test_setup_site_refuses_a_default_site_rooted_elsewhere_and_changes_nothing():
    placeholder = Site.objects.get(is_default_site=True).root_page
    placeholder.add_child(instance=Page(title="Our own page", slug="oma"))
    before = sorted(Page.objects.values_list("url_path", flat=True))
    with pytest.raises(CommandError, match="leaves an existing site alone"):
        setup_site()
    assert sorted(Page.objects.values_list("url_path", flat=True)) == before
    assert not SupportType.objects.exists()


@pytest.mark.django_db
def test_setup_site_refuses_a_base_url_without_a_host():
    with pytest.raises(CommandError, match="KOHTAAMO_BASE_URL"):
        setup_site("kohtaamo.example")


@pytest.mark.parametrize(
    ("base_url", "address"),
    [
        ("http://kohtaamo.example", ("kohtaamo.example", 80)),
        ("https://Kohtaamo.Example/", ("kohtaamo.example", 443)),
        ("http://127.0.0.1:8000", ("127.0.0.1", 8000)),
    ],
)
def test_site_address_takes_the_port_from_the_scheme_unless_given(base_url, address):
    assert site_address(base_url) == address


def test_site_address_refuses_a_port_that_is_not_a_number():
    with pytest.raises(SetupRefused):
        site_address("https://kohtaamo.example:https")


class SetUpSiteTests(TestCase):
    """Reading the pages of a freshly set-up site: `setup_site` runs once per class."""

    @classmethod
    def setUpTestData(cls):
        setup_site()

    def test_every_page_answers_in_its_language_without_the_place_facts(self):
        for page in Page.objects.filter(depth__gt=1).select_related("locale"):
            with self.subTest(url=page.url):
                response = self.client.get(page.url)
                assert response.status_code == 200
                assert f'<html lang="{page.locale.language_code}">' in response.content.decode()

    def test_the_help_finder_sends_families_to_the_staff_while_there_are_no_partners(self):
        with translation.override("en"):
            response = self.client.get("/en/apua/", {"tilanne": "ruoka-ja-tavarat"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "No partner gives this right now" in body and "Ask the staff on site" in body

    def test_the_footer_links_to_the_legal_pages_in_the_visitors_language(self):
        body = self.client.get("/sv/").content.decode()
        assert 'href="/sv/saavutettavuus/"' in body and 'href="/sv/tietosuoja/"' in body
