"""Partner pages run a fixed number of queries however many partners there are."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from pages.models import Partner

from .builders import make_partners, make_site

URLS = [
    "/toimijat/",
    "/toimijat/?tuki=aineellinen",
    "/toimijat/?tuki=vertaistuki&tuki=aineellinen&q=Toimija",
    "/toimijat/toimija-000/",
    "/apua/?tilanne=ruoka-ja-tavarat",
    "/apua/",
]


def count_queries(client, url: str) -> int:
    client.get(url)  # warm caches that are not per request (site root paths, content types)
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


@pytest.mark.django_db
def test_reading_help_situations_runs_no_query_per_chosen_support_type():
    from pages.models import HelpPage

    site = make_site()
    page = HelpPage.objects.get(pk=site["help_page"].pk)
    with CaptureQueriesContext(connection) as queries:
        chosen = [block.value["support"] for block in page.situations]
    assert chosen == [["aineellinen"]]
    assert len(queries) == 0, [query["sql"] for query in queries]
