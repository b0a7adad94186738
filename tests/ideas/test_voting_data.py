"""A closed round's results as open data (CSV and JSON): rank, idea, votes, selected, the round's facts and the
licence; no codes and no names; only once the round has closed."""

import csv
import datetime
import io
import json

import pytest
from django.utils import timezone

from ideas.models import RoundIdea, VotingCode, VotingRound
from ideas.opendata import LICENCE, LICENCE_URL
from tests.ideas.builders import give_votes, make_codes, make_idea, make_ideas_site, make_round

pytestmark = pytest.mark.django_db
HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def closed():
    site = make_ideas_site()
    ideas = [
        make_idea(
            site, title='=HYPERLINK("http://example.com")', author_name="Maija Meikäläinen", email="maija@example.fi"
        ),  # fmt: skip
        make_idea(site, title="Perhekahvila <b>", author_name="Matti"),
        make_idea(site, title="Satutuokio"),
    ]
    voting_round = make_round(site, ideas, votes_per_code=2, title="Kevään äänestys")
    codes = make_codes(voting_round, 4)
    give_votes(voting_round, codes[0], ideas[:2])
    give_votes(voting_round, codes[1], ideas[:1])
    RoundIdea.objects.filter(round=voting_round, idea=ideas[0]).update(selected=True)
    opens, closes = timezone.now() - 48 * HOUR, timezone.now() - HOUR
    VotingRound.objects.filter(pk=voting_round.pk).update(opens_at=opens, closes_at=closes)
    return {"site": site, "ideas": ideas, "round": voting_round, "codes": codes, "opens": opens, "closes": closes}


def download(client, voting_round, kind: str):
    return client.get(f"/ideat/aanestykset/{voting_round.pk}/{kind}/")


def assert_no_personal_data(text: str, closed: dict) -> None:
    for code in VotingCode.objects.filter(round=closed["round"]):
        assert code.code not in text and code.printed not in text
    assert "Maija" not in text and "Matti" not in text and "maija@example.fi" not in text


def test_the_csv_has_a_row_per_idea_with_the_rounds_facts_and_the_licence(client, closed):
    response = download(client, closed["round"], "csv")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == f'attachment; filename="aanestys-{closed["round"].pk}-tulokset.csv"'
    text = response.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    first, second, third = closed["ideas"]
    assert [(row["rank"], row["idea_id"], row["title"], row["votes"], row["selected"]) for row in rows] == [
        ("1", str(first.pk), '\'=HYPERLINK("http://example.com")', "2", "yes"),
        ("2", str(second.pk), "Perhekahvila <b>", "1", "no"),
        ("3", str(third.pk), "Satutuokio", "0", "no"),
    ]
    assert rows[0]["url"].startswith("http") and rows[0]["url"].endswith(f"/ideat/{first.pk}/")
    facts = {key: value for key, value in rows[0].items() if key.startswith("round_")}
    assert facts == {
        "round_id": str(closed["round"].pk),
        "round_title": "Kevään äänestys",
        "round_opens_at": timezone.localtime(closed["opens"]).isoformat(),
        "round_closes_at": timezone.localtime(closed["closes"]).isoformat(),
        "round_votes_per_code": "2",
        "round_codes_issued": "4",
        "round_codes_used": "2",
        "round_votes": "3",
    }
    assert {row["licence"] for row in rows} == {LICENCE}
    assert_no_personal_data(text, closed)


def test_the_json_has_the_results_the_rounds_facts_and_the_licence(client, closed):
    response = download(client, closed["round"], "json")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert f'filename="aanestys-{closed["round"].pk}-tulokset.json"' in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["licence"] == LICENCE and data["licence_url"] == LICENCE_URL
    assert data["source"].endswith(f"/ideat/aanestykset/{closed['round'].pk}/")
    assert data["round"]["codes_issued"] == 4 and data["round"]["codes_used"] == 2 and data["round"]["votes"] == 3
    assert data["round"]["votes_per_code"] == 2 and data["round"]["title"] == "Kevään äänestys"
    assert [(row["rank"], row["idea_id"], row["votes"], row["selected"]) for row in data["results"]] == [
        (1, closed["ideas"][0].pk, 2, True),
        (2, closed["ideas"][1].pk, 1, False),
        (3, closed["ideas"][2].pk, 0, False),
    ]
    assert data["results"][1]["title"] == "Perhekahvila <b>"  # data, not HTML: the reader escapes it
    assert_no_personal_data(response.content.decode(), closed)


@pytest.mark.parametrize("kind", ["csv", "json"])
def test_only_closed_rounds_have_open_data(client, closed, kind):
    site = closed["site"]
    open_now = make_round(site, closed["ideas"], results_live=True)
    upcoming = make_round(site, closed["ideas"], opens_at=timezone.now() + HOUR)
    assert download(client, open_now, kind).status_code == 404
    assert download(client, upcoming, kind).status_code == 404
    assert client.get(f"/ideat/aanestykset/999999/{kind}/").status_code == 404
    assert download(client, closed["round"], kind).status_code == 200
