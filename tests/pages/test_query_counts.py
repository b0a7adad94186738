"""The pages of `pages` and the home page run a fixed number of queries however many partners and pages there are."""

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from pages.models import ContentPage, Partner, VisitPage

from .builders import make_partners, make_site

URLS = [
    "/toimijat/",
    "/toimijat/?tuki=aineellinen",
    "/toimijat/?tuki=vertaistuki&tuki=aineellinen&q=Toimija",
    "/toimijat/toimija-000/",
    "/apua/?tilanne=ruoka-ja-tavarat",
    "/apua/",
]


@override_settings(KOHTAAMO_PAGE_CACHE=False)  # the page itself is rendered, not served whole from the cache
def count_queries(client, url: str) -> int:
    # Warm the caches that are not per request (site root paths, content types, `pages.freshness`), twice: the first
    # request creates the site's settings, which moves the content version.
    client.get(url)
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(queries)


@pytest.mark.django_db
@pytest.mark.parametrize("url", URLS)
def test_partner_pages_run_the_same_number_of_queries_for_5_and_200_partners(client, url):
    site = make_site()
    make_partners(5, site["support"], sector="mixed")
    with_five = count_queries(client, url)
    Partner.objects.all().delete()
    make_partners(200, site["support"], sector="mixed")
    with_two_hundred = count_queries(client, url)
    assert with_five == with_two_hundred, f"{url}: {with_five} queries with 5 partners, {with_two_hundred} with 200"


CONTENT_URLS = ["/", "/tule-kaymaan/", "/sisalto/", "/sisalto/sivu-000/", "/haku/?q=sivu", "/haku/?q=toimija"]


def add_pages(section, home, count: int, image) -> None:
    """`count` pages in the section and as many in the main menu, each with a lead paragraph and a picture."""
    first = section.get_children().count()
    for number in range(first, first + count):
        for parent, slug in ((section, "sivu"), (home, "valikko")):
            page = ContentPage(title=f"Sivu {number:03d}", slug=f"{slug}-{number:03d}", intro="Perheille.", image=image)
            parent.add_child(instance=page)
            page.show_in_menus = True
            page.save_revision().publish()


@pytest.mark.django_db
def test_home_content_visit_and_search_pages_run_the_same_number_of_queries_for_3_and_30_pages(client):
    site = make_site()
    home = site["home"]
    make_partners(5, site["support"], sector="mixed")
    home.add_child(instance=VisitPage(title="Tule käymään", slug="tule-kaymaan"))
    section = home.add_child(
        instance=ContentPage(title="Sisältö", slug="sisalto", show_in_menus=True, body=[("steering_group", None)])
    )
    image = get_image_model().objects.create(title="Kuva", file=get_test_image_file(size=(800, 500)))
    add_pages(section, home, 3, image)
    small = {url: count_queries(client, url) for url in CONTENT_URLS}
    add_pages(section, home, 27, image)
    Partner.objects.all().delete()
    make_partners(65, site["support"], sector="mixed")
    large = {url: count_queries(client, url) for url in CONTENT_URLS}
    grown = {url: (small[url], large[url]) for url in CONTENT_URLS if small[url] != large[url]}
    assert not grown, f"queries with 3 pages and 5 partners, then 30 pages and 65 partners: {grown}"


@pytest.mark.django_db
def test_reading_help_situations_runs_no_query_per_chosen_support_type():
    from pages.models import HelpPage

    site = make_site()
    page = HelpPage.objects.get(pk=site["help_page"].pk)
    with CaptureQueriesContext(connection) as queries:
        chosen = [block.value["support"] for block in page.situations]
    assert chosen == [["aineellinen"]]
    assert len(queries) == 0, [query["sql"] for query in queries]
