""" "You said, we did" (`/ideat/sanoitte-teimme/`), its Atom feed and the decisions on an idea's page: every
public idea that a public decision concerns, grouped by where it stands, newest decision first, with the dates
of its chain and the decisions' text; never an idea that is not public, never the title or address of a
meeting of staff only."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone, translation

from ideas.feeds import FEED_ITEMS
from ideas.models import Decision, DecisionStatus, IdeaStatus, TimelineEntry
from tests.ideas.builders import SCRIPT, make_idea
from tests.ideas.decision_builders import make_decision, make_meeting, other_site, staff_user, write_decision

YOU_SAID = "/ideat/sanoitte-teimme/"
FEED = "/ideat/sanoitte-teimme/syote/"
ATOM = "{http://www.w3.org/2005/Atom}"
GROUP_ORDER = ["done", "in_progress", "decided", "not_taken_forward"]


def get(client, url: str):
    with translation.override("fi"):
        response = client.get(url)
    assert response.status_code == 200, url
    return response


def you_said(client) -> str:
    return get(client, YOU_SAID).content.decode()


def groups(html: str) -> dict[str, str]:
    """Each group's section by its status, in the order of the page."""
    parts = re.split(r'<section class="section decided-group" aria-labelledby="([a-z_]+)">', html)
    return {parts[i]: parts[i + 1].split("</section>")[0] for i in range(1, len(parts), 2)}


def idea_blocks(html: str) -> list[str]:
    return [part.split('<li class="decided-idea">')[0] for part in html.split('<li class="decided-idea">')[1:]]


def block_of(html: str, idea) -> str:
    [block] = [block for block in idea_blocks(html) if f'href="/ideat/{idea.pk}/"' in block]
    return block


def days_ago(days: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=days)


def chained_idea(site, title: str, *, proposed=70, published=60, selected=None):
    """An idea proposed, published (and selected) on the given days ago, each step logged with its date."""
    idea = make_idea(site, status=IdeaStatus.AWAITING, title=title, created_at=days_ago(proposed))
    idea.set_status(IdeaStatus.PUBLISHED, user=staff_user(), at=days_ago(published))
    if selected is not None:
        idea.set_status(IdeaStatus.VOTING, user=staff_user(), at=days_ago(selected + 10))
        idea.set_status(IdeaStatus.SELECTED, user=staff_user(), at=days_ago(selected))
    return idea


def chain_step(status: str, moment: datetime.datetime) -> str:
    with translation.override("fi"):
        label = TimelineEntry(moment, status, "").label
    return f'<span>{label}</span> <time datetime="{timezone.localdate(moment).isoformat()}">'


# --- The page ---------------------------------------------------------------------------------------------


def test_ideas_are_grouped_by_where_they_stand_in_order(client, site):
    meeting = make_meeting(site)
    by_status = {
        DecisionStatus.DROPPED: make_idea(site, title="Ei toteutettavissa"),
        DecisionStatus.DECIDED: make_idea(site, title="Päätetty idea"),
        DecisionStatus.DONE: make_idea(site, title="Tehty idea"),
        DecisionStatus.IN_PROGRESS: make_idea(site, title="Työn alla"),
    }
    for status, idea in by_status.items():
        make_decision(meeting, [idea], status=status, text=f"Päätös: {idea.title}")
    html = you_said(client)
    found = groups(html)
    assert list(found) == GROUP_ORDER
    for status, idea in by_status.items():
        group = {"dropped": "not_taken_forward"}.get(status, status)
        assert f'href="/ideat/{idea.pk}/"' in found[group], status
        assert f"Päätös: {idea.title}" in found[group]
        others = [other for other in by_status.values() if other != idea]
        assert not any(f'href="/ideat/{other.pk}/"' in found[group] for other in others)


def test_newest_decision_first_within_a_group(client, site):
    old, new, middle = make_idea(site), make_idea(site), make_idea(site)
    make_decision(make_meeting(site, days_ago=30), [old])
    make_decision(make_meeting(site, days_ago=2), [new])
    make_decision(make_meeting(site, days_ago=15), [middle])
    decided = groups(you_said(client))["decided"]
    positions = [decided.index(f'href="/ideat/{idea.pk}/"') for idea in (new, middle, old)]
    assert positions == sorted(positions)


def test_an_idea_decided_again_moves_up_and_shows_both_decisions_newest_first(client, site):
    first, second = make_idea(site), make_idea(site)
    make_decision(make_meeting(site, days_ago=40), [first], text="Ensimmäinen päätös")
    make_decision(make_meeting(site, days_ago=20), [second], text="Toisen idean päätös")
    make_decision(make_meeting(site, days_ago=5), [first], status=DecisionStatus.IN_PROGRESS, text="Jatkopäätös")
    html = you_said(client)
    block = block_of(html, first)
    assert block.index("Jatkopäätös") < block.index("Ensimmäinen päätös")
    assert "Toisen idean päätös" not in block
    assert f'href="/ideat/{first.pk}/"' in groups(html)["in_progress"]


def test_each_idea_shows_the_dates_of_its_chain_and_its_decision(client, site):
    idea = chained_idea(site, "Pihan majat", proposed=70, published=60, selected=30)
    meeting = make_meeting(site, "community_meeting", days_ago=20, title="Toukokuun kokous")
    decision = make_decision(meeting, [idea], text="Rakennetaan majat pihalle.", due_date=timezone.localdate())
    block = block_of(you_said(client), idea)
    for status, moment in (
        ("proposed", days_ago(70)),
        (IdeaStatus.PUBLISHED, days_ago(60)),
        (IdeaStatus.VOTING, days_ago(40)),
        (IdeaStatus.SELECTED, days_ago(30)),
        (IdeaStatus.DECIDED, timezone.now()),
    ):
        assert chain_step(status, moment) in block, status
    steps = re.findall(r'<time datetime="(\d{4}-\d\d-\d\d)">', block.split('class="decision"')[0])
    assert steps == sorted(steps) and len(steps) == 5
    article = block.split(f'id="paatos-{decision.pk}"')[1]
    assert "Rakennetaan majat pihalle." in article
    assert f'<time datetime="{timezone.localdate(meeting.start).isoformat()}">' in article
    assert f'href="{meeting.url}"' in article and "Toukokuun kokous" in article


def test_ideas_without_a_public_decision_are_absent(client, site):
    decided = make_idea(site, title="Päätetty idea")
    make_decision(make_meeting(site), [decided])
    make_idea(site, status=IdeaStatus.DONE, title="Tehty ilman päätöstä")
    make_idea(site, title="Tavallinen idea")
    elsewhere = other_site()
    foreign_meeting_idea = make_idea(elsewhere, title="Toisen paikan idea")
    write_decision(make_meeting(site), [foreign_meeting_idea])  # a mistake in the data: its place is not ours
    html = you_said(client)
    assert "Päätetty idea" in html
    assert "Tehty ilman päätöstä" not in html and "Tavallinen idea" not in html
    assert "Toisen paikan idea" not in html
    assert len(idea_blocks(html)) == 1


def test_an_idea_that_is_not_public_is_absent_even_when_linked(client, site):
    public = make_idea(site, status=IdeaStatus.DECIDED, title="Julkinen idea")
    awaiting = make_idea(site, status=IdeaStatus.AWAITING, title="Odottava idea")
    rejected = make_idea(site, status=IdeaStatus.REJECTED, title="Hylätty idea")
    write_decision(make_meeting(site), [public, awaiting, rejected], text="Yhteinen päätös")
    write_decision(make_meeting(site, "house_meeting"), [awaiting], text="Sisäinen päätös")
    html = you_said(client)
    assert "Julkinen idea" in html and "Yhteinen päätös" in html
    for hidden in (awaiting, rejected):
        assert hidden.title not in html and f"/ideat/{hidden.pk}/" not in html
    assert "Sisäinen päätös" not in html
    assert len(idea_blocks(html)) == 1


@pytest.mark.parametrize("kind", ["house_meeting", "steering_group"])
def test_a_decision_of_a_staff_meeting_names_neither_the_meeting_nor_its_page(client, site, kind):
    idea = make_idea(site, title="Idea henkilökunnalle")
    meeting = make_meeting(site, kind, days_ago=4, title="Salainen sisäinen kokous")
    decision = make_decision(meeting, [idea], text="Henkilökunta päätti.")
    html = you_said(client)
    article = block_of(html, idea).split(f'id="paatos-{decision.pk}"')[1].split("</article>")[0]
    assert "Henkilökunta päätti." in article
    assert f'<time datetime="{decision.decided_on.isoformat()}">' in article
    assert "<a " not in article
    assert "Salainen sisäinen kokous" not in html and meeting.url not in html and meeting.slug not in html


def test_the_page_shows_text_as_text_and_has_an_empty_state(client, site):
    html = you_said(client)
    assert groups(html) == {} and idea_blocks(html) == []
    make_decision(make_meeting(site), [make_idea(site, title=SCRIPT)], text=SCRIPT)
    html = you_said(client)
    assert SCRIPT not in html and html.count("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") >= 2
    assert f'href="{FEED}"' in html


# --- The Atom feed ----------------------------------------------------------------------------------------


def feed(client) -> tuple[bytes, ET.Element]:
    response = get(client, FEED)
    assert response["Content-Type"].startswith("application/atom+xml")
    return response.content, ET.fromstring(response.content)  # noqa: S314 - our own feed


def entries(root: ET.Element) -> list[ET.Element]:
    return root.findall(f"{ATOM}entry")


def test_the_feed_is_atom_with_the_newest_decisions_first(client, site):
    meeting = make_meeting(site)
    made = []
    for number in range(FEED_ITEMS + 3):
        decision = make_decision(meeting, [make_idea(site)], text=f"Päätös numero {number}")
        Decision.objects.filter(pk=decision.pk).update(created_at=days_ago(50 - number))
        made.append(decision)
    raw, root = feed(client)
    assert root.tag == f"{ATOM}feed"
    found = entries(root)
    assert len(found) == FEED_ITEMS
    titles = [entry.findtext(f"{ATOM}title") for entry in found]
    assert titles[0] == f"Päätös numero {FEED_ITEMS + 2}" and titles[-1] == "Päätös numero 3"
    assert {f"Päätös numero {number}" for number in range(3, FEED_ITEMS + 3)} == set(titles)
    newest = made[-1]
    assert found[0].findtext(f"{ATOM}id").endswith(f"#paatos-{newest.pk}")
    link = found[0].find(f"{ATOM}link").get("href")
    assert link.endswith(f"/ideat/{newest.idea_links.get().idea_id}/")


def test_the_feed_escapes_script_in_the_text(client, site):
    idea = make_idea(site, title=SCRIPT)
    make_decision(make_meeting(site), [idea], text=SCRIPT + "\nToinen rivi")
    raw, root = feed(client)
    assert b"<script" not in raw
    [entry] = entries(root)
    summary = entry.findtext(f"{ATOM}summary") or entry.findtext(f"{ATOM}content")
    assert "<script" not in summary and "&lt;script&gt;" in summary
    assert "<br>" in summary or "<p>" in summary  # it is HTML, with the script in it as text


def test_the_feed_never_names_a_meeting_of_staff_only(client, site):
    idea = make_idea(site, title="Julkinen idea")
    house = make_meeting(site, "house_meeting", title="Salainen talokokous")
    steering = make_meeting(site, "steering_group", title="Salainen johtoryhmä")
    public_decision = make_decision(house, [idea], text="Talokokous päätti julkisesta ideasta.")
    write_decision(steering, [], text="Johtoryhmän sisäinen päätös.")
    write_decision(house, [make_idea(site, status=IdeaStatus.AWAITING)], text="Sisäinen päätös odottavasta.")
    raw, root = feed(client)
    text = raw.decode()
    assert "Salainen" not in text and house.url not in text and steering.url not in text
    assert house.slug not in text and steering.slug not in text
    assert "sisäinen" not in text.lower()
    [entry] = entries(root)
    assert entry.findtext(f"{ATOM}id").endswith(f"#paatos-{public_decision.pk}")
    assert entry.find(f"{ATOM}link").get("href").endswith(f"/ideat/{idea.pk}/")


def test_a_decision_without_public_ideas_links_to_its_public_meeting(client, site):
    meeting = make_meeting(site, "community_meeting")
    write_decision(meeting, [], text="Kahvi on jatkossa reilua.")
    _raw, root = feed(client)
    [entry] = entries(root)
    assert entry.find(f"{ATOM}link").get("href").endswith(meeting.url)


# --- The idea's page --------------------------------------------------------------------------------------


def test_the_idea_page_lists_its_public_decisions_newest_first(client, site):
    idea, other = make_idea(site), make_idea(site)
    older = make_decision(make_meeting(site, days_ago=30, title="Syyskokous"), [idea], text="Vanhempi päätös")
    house = make_meeting(site, "house_meeting", days_ago=10, title="Salainen talokokous")
    newer = make_decision(house, [idea], status=DecisionStatus.DONE, text="Uudempi päätös")
    make_decision(make_meeting(site, days_ago=5), [other], text="Toisen idean päätös")
    html = get(client, f"/ideat/{idea.pk}/").content.decode()
    start = html.index('aria-labelledby="decisions-heading"')
    decisions = html[start : html.index("</section>", start)]
    assert decisions.index(f'id="paatos-{newer.pk}"') < decisions.index(f'id="paatos-{older.pk}"')
    assert "Vanhempi päätös" in decisions and "Uudempi päätös" in decisions and "Syyskokous" in decisions
    assert "Toisen idean päätös" not in html
    assert "Salainen talokokous" not in html and house.url not in html
    assert f'href="{YOU_SAID}"' in decisions


def test_an_idea_page_without_decisions_has_no_decision_section(client, site):
    idea = make_idea(site)
    html = get(client, f"/ideat/{idea.pk}/").content.decode()
    assert 'aria-labelledby="decisions-heading"' not in html
