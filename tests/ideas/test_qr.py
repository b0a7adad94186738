"""Printed voting slips: an A4 sheet of cut-out slips, each with its code, the short address, the closing time
and a QR code (inline SVG drawn in Python) that opens the ballot with the code filled in."""

import datetime
import re

import segno
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from ideas.admin_views import SLIPS_PER_SHEET, readable_address
from ideas.qr import qr_svg
from pages.navigation import public_url
from tests.events.builders import translate
from tests.ideas.builders import (
    SCRIPT,
    give_votes,
    make_co_development_day,
    make_codes,
    make_idea,
    make_round,
)


def ballot_url(voting_round, code, prefix="") -> str:
    return public_url(f"{prefix}/ideat/aanesta/{voting_round.pk}/") + f"?koodi={code.code}"


def path_data(svg: str) -> list[str]:
    return re.findall(r'<path[^>]* d="([^"]+)"', svg)


def slips(body: str) -> list[str]:
    return re.findall(r'<article class="slip">.*?</article>', body, flags=re.S)


def test_qr_svg_is_the_qr_code_of_the_address():
    url = "https://kohtaamo.example/ideat/aanesta/3/?koodi=K7QM4XPA"
    svg = str(qr_svg(url))
    assert svg.startswith("<svg") and "<?xml" not in svg
    assert path_data(svg) == path_data(segno.make(url, error="m", micro=False).svg_inline())
    assert path_data(svg) != path_data(segno.make(url.replace("K7QM", "K7QN"), error="m").svg_inline())


def test_the_sheet_has_a_slip_per_unused_code_each_with_its_qr_code(coordinator, site):
    day = make_co_development_day(site, title="Kevään yhteiskehittämisen päivä")
    idea = make_idea(site)
    voting_round = make_round(site, [idea], event=day, votes_per_code=3)
    codes = make_codes(voting_round, 4)
    give_votes(voting_round, codes[0], [idea])
    codes[1].revoke()
    body = coordinator.get(reverse("ideas_round_print", args=[voting_round.pk])).content.decode()
    printed = slips(body)
    assert len(printed) == 2
    for code, slip in zip(codes[2:], printed, strict=True):
        assert code.printed in slip
        segno_svg = segno.make(ballot_url(voting_round, code), error="m", micro=False).svg_inline()
        assert path_data(slip) == path_data(segno_svg)
        assert "Kevään yhteiskehittämisen päivä" in slip
        assert readable_address(public_url("/ideat/aanesta/")) in slip
        assert readable_address(public_url("/ideat/aanesta/")) == "127.0.0.1:8000/ideat/aanesta"
        closes = timezone.localtime(voting_round.closes_at)
        assert f"{closes.day}.{closes.month}." in slip
    for used in codes[:2]:
        assert used.printed not in body
    assert "<img" not in body and " src=" not in body


def test_slips_come_ten_to_an_a4_sheet_and_a_batch_can_be_printed_alone(coordinator, site):
    voting_round = make_round(site, [make_idea(site)])
    first_batch = make_codes(voting_round, 12)
    second_batch = sorted(make_codes(voting_round, 3), key=lambda code: code.pk)
    body = coordinator.get(reverse("ideas_round_print", args=[voting_round.pk])).content.decode()
    sheets = body.split('<div class="sheet">')[1:]
    assert SLIPS_PER_SHEET == 10 and [len(slips(sheet)) for sheet in sheets] == [10, 5]
    batch = {"first": second_batch[0].pk, "last": second_batch[-1].pk}
    body = coordinator.get(reverse("ideas_round_print", args=[voting_round.pk]), batch).content.decode()
    assert len(slips(body)) == 3
    assert all(code.printed in body for code in second_batch)
    assert not any(code.printed in body for code in first_batch)


def test_slips_can_be_printed_in_swedish_with_the_swedish_address(coordinator, site):
    translate(site["ideas_page"], "sv")
    voting_round = make_round(site, [make_idea(site)], votes_per_code=3)
    code = make_codes(voting_round, 1)[0]
    body = coordinator.get(reverse("ideas_round_print", args=[voting_round.pk]), {"kieli": "sv"}).content.decode()
    [slip] = slips(body)
    assert path_data(slip) == path_data(segno.make(ballot_url(voting_round, code, "/sv"), error="m").svg_inline())
    assert '<html lang="sv">' in body
    with translation.override("sv"):
        assert gettext("Vote at") in slip


def test_the_sheet_shows_the_rounds_title_as_text(coordinator, site):
    voting_round = make_round(site, [make_idea(site)], title=f"Kierros {SCRIPT}")
    make_codes(voting_round, 1)
    body = coordinator.get(reverse("ideas_round_print", args=[voting_round.pk])).content.decode()
    assert SCRIPT not in body and "&lt;script&gt;" in body


def test_without_an_ideas_page_the_sheet_says_so_instead_of_printing_slips_without_an_address(coordinator, site):
    voting_round = make_round(site, [make_idea(site)])
    make_codes(voting_round, 2)
    site["ideas_page"].unpublish()
    body = coordinator.get(reverse("ideas_round_print", args=[voting_round.pk])).content.decode()
    assert slips(body) == [] and 'role="alert"' in body


def test_a_closing_time_in_the_past_still_prints(coordinator, site):
    past = timezone.now() - datetime.timedelta(days=1)
    voting_round = make_round(site, [make_idea(site)], opens_at=past - datetime.timedelta(days=2), closes_at=past)
    make_codes(voting_round, 1)
    assert coordinator.get(reverse("ideas_round_print", args=[voting_round.pk])).status_code == 200
