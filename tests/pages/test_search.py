import re
import unittest

from django.db import connection
from django.test import override_settings
from wagtail import hooks
from wagtail.models import Locale

from pages.hooks import SEARCH_SOURCES
from pages.models import Partner, SupportType
from pages.search import SearchResult, SearchSource
from tests.demo_case import DemoSiteTestCase

# What visitors type that means something to SQLite's or PostgreSQL's full-text syntax.
SYNTAX_INPUTS = [
    '"perhe',
    '"',
    '""perhe"',
    "*",
    "perhe*",
    "-",
    "-perhe",
    "perhe NEAR lapsi",
    "NEAR(perhe lapsi)",
    "perhe AND",
    "OR perhe",
    "AND",
    "perhe OR NOT lapsi",
    "(perhe",
    "perhe)",
    "()",
    "{title}: perhe",
    "title:perhe",
    "^perhe",
    "perhe & | ! <-> :*",
    "'",
    "\\",
    "perhe's",
    "%",
    "_",
    "مَرْحَبًا",
    "日本語",
    "x² ½",
    "🙂 perhe",
]


def results_of(body: str) -> str:
    """The result list of a search page, or "" when it shows none."""
    found = re.search(r'<ol class="results">(.*?)</ol>', body, re.DOTALL)
    return found.group(1) if found else ""


class SearchTests(DemoSiteTestCase):
    def test_search_finds_pages_in_the_readers_language_only(self):
        body = self.client.get("/haku/", {"q": "yhteisjohtajuus"}).content.decode()
        assert "Periaatteet" in body
        assert "Principles" not in body
        sv_body = self.client.get("/sv/haku/", {"q": "ledningsgruppen"}).content.decode()
        assert "Vem leder mötesplatsen" in sv_body

    def test_empty_search_asks_for_a_word(self):
        response = self.client.get("/haku/", {"q": "  "})
        assert response.status_code == 200
        assert 'aria-invalid="true"' in response.content.decode()
        assert 'class="error-summary"' in response.content.decode()

    def test_overlong_search_is_refused_with_a_message_not_an_error(self):
        for text in ["a" * 5000, '"' * 5000, "perhe " * 40 + '"']:
            with self.subTest(length=len(text)):
                response = self.client.get("/haku/", {"q": text})
                assert response.status_code == 200
                body = response.content.decode()
                assert 'class="error-summary"' in body
                assert "Käytä enintään 200 merkkiä" in body

    def test_script_in_the_search_box_is_shown_as_text(self):
        response = self.client.get("/haku/", {"q": "<script>alert(1)</script>"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "<script>alert(1)</script>" not in body
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body

    def test_search_page_without_a_query_shows_just_the_form(self):
        response = self.client.get("/haku/")
        assert response.status_code == 200
        assert 'class="error-summary"' not in response.content.decode()

    def test_search_language_switcher_keeps_the_query(self):
        body = self.client.get("/haku/", {"q": "perhe"}).content.decode()
        assert 'href="/sv/haku/?q=perhe"' in body


class SearchInputTests(DemoSiteTestCase):
    """Whatever a visitor types is text to look for, never full-text syntax of the database, and control
    characters are taken out wherever the text shows."""

    def test_full_text_syntax_gives_results_or_a_friendly_message_in_finnish_and_swedish(self):
        for prefix, nothing_found, write_a_word in [
            ("", "Mitään ei löytynyt", "Kirjoita hakusana."),
            ("/sv", "Inget hittades", "Skriv ett sökord."),
        ]:
            for text in SYNTAX_INPUTS:
                with self.subTest(language=prefix or "/fi", q=text):
                    response = self.client.get(f"{prefix}/haku/", {"q": text})
                    assert response.status_code == 200
                    body = response.content.decode()
                    assert results_of(body) or nothing_found in body or write_a_word in body

    def test_odd_quote_searches_the_words_around_it(self):
        plain = results_of(self.client.get("/haku/", {"q": "perhe"}).content.decode())
        quoted = self.client.get("/haku/", {"q": '"perhe'}).content.decode()
        assert plain
        assert results_of(quoted) == plain
        assert "Hakutulokset: ”&quot;perhe”" in quoted

    def test_punctuation_alone_asks_for_a_word(self):
        for prefix, write_a_word in [("", "Kirjoita hakusana."), ("/sv", "Skriv ett sökord.")]:
            for text in ['"', "*", "-", "()", '""', "'"]:
                with self.subTest(language=prefix or "/fi", q=text):
                    body = self.client.get(f"{prefix}/haku/", {"q": text}).content.decode()
                    assert 'class="error-summary"' in body
                    assert write_a_word in body

    def test_operator_words_are_searched_as_plain_words(self):
        # No Finnish demo word begins with "and": as an operator AND would find the "perhe" pages, as a word nothing.
        body = self.client.get("/haku/", {"q": "perhe AND"}).content.decode()
        assert not results_of(body)
        assert "Mitään ei löytynyt" in body

    def test_control_characters_are_stripped_from_the_title_and_the_search_box(self):
        response = self.client.get("/haku/", {"q": "\x00per\x00he\x07\x1b[0m"})
        assert response.status_code == 200
        body = response.content.decode()
        assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", body)
        assert "<title>Hakutulokset: ”perhe[0m”" in body
        assert 'value="perhe[0m"' in body

    def test_tabs_and_line_breaks_separate_words(self):
        body = self.client.get("/haku/", {"q": "perhe\tneuvola\r\n"}).content.decode()
        assert "<title>Hakutulokset: ”perhe neuvola”" in body
        assert 'value="perhe neuvola"' in body

    def test_nothing_but_control_characters_asks_for_a_word(self):
        response = self.client.get("/sv/haku/", {"q": "\x00\x01\x7f"})
        assert response.status_code == 200
        body = response.content.decode()
        assert "\x00" not in body
        assert "Skriv ett sökord." in body
        search_box = re.search(r'<input type="search" name="q"[^>]*id="id_q"[^>]*>', body).group(0)
        assert "value=" not in search_box.replace('value=""', "")


class SearchResultsTests(DemoSiteTestCase):
    """Pages, partners and what the hook adds, found by word beginnings, in one list."""

    def test_a_word_finds_longer_words_that_begin_with_it(self):
        body = self.client.get("/haku/", {"q": "lapsi"}).content.decode()
        assert "Lapsiperheiden sosiaaliohjaus" in results_of(body)
        assert "tulos" in body

    def test_a_word_typed_partly_finds_the_whole_word_as_typed(self):
        # PostgreSQL's Finnish stemmer makes "lapsiperh" of "lapsiperheiden" but keeps "lapsiperhei" as it is.
        results = results_of(self.client.get("/haku/", {"q": "lapsiperhei"}).content.decode())
        assert "Lapsiperheiden sosiaaliohjaus" in results

    def test_partners_are_found_by_a_word_beginning_in_finnish(self):
        results = results_of(self.client.get("/haku/", {"q": "neuvola"}).content.decode())
        assert "Koivukylän lastenneuvola" in results
        assert 'href="/toimijat/neuvola/"' in results
        assert '<span class="tag">Toimija</span>' in results

    def test_partners_are_found_by_a_word_beginning_in_swedish(self):
        body = self.client.get("/sv/haku/", {"q": "barnrådgiv"}).content.decode()
        results = results_of(body)
        assert "Björkby barnrådgivning" in results
        assert 'href="/sv/toimijat/neuvola/"' in results
        assert '<span class="tag">Aktör</span>' in results
        assert "Koivukylän lastenneuvola" not in results
        assert "träff" in body

    def test_every_word_must_begin_a_word_of_the_result(self):
        results = results_of(self.client.get("/haku/", {"q": "neuvola punni"}).content.decode())
        assert "Koivukylän lastenneuvola" in results
        assert "Vantaan perheneuvola" not in results
        assert not results_of(self.client.get("/haku/", {"q": "neuvola zzzz"}).content.decode())

    def test_pages_and_partners_share_one_list_with_a_short_text_each(self):
        body = self.client.get("/haku/", {"q": "perhe"}).content.decode()
        results = results_of(body)
        assert 'href="/toimijat/' in results
        assert 'href="/malli/' in results
        assert body.count('<ol class="results">') == 1
        items = re.findall(r"<li>(.*?)</li>", results, re.DOTALL)
        assert items
        assert all("<p>" in item for item in items)

    def test_a_partner_without_a_translation_is_found_in_finnish_on_the_swedish_page(self):
        Partner.objects.create(
            locale=Locale.objects.get(language_code="fi"),
            name="Satumetsän kerho",
            slug="satumetsa",
            sector="ngo",
            description="Kerho, jossa luetaan satuja.",
        )
        results = results_of(self.client.get("/sv/haku/", {"q": "satumets"}).content.decode())
        assert "Satumetsän kerho" in results
        assert 'href="/sv/toimijat/satumetsa/"' in results

    @override_settings(KOHTAAMO_PAGE_CACHE=False)  # the same address is asked twice, with and without the hook
    def test_a_higher_app_adds_a_kind_of_result_through_the_hook(self):
        def support_types(request):
            return SearchSource(
                queryset=SupportType.objects.localized(),
                result=lambda support: SearchResult(
                    title=support.name, url=f"/toimijat/?tuki={support.slug}", text=support.explanation
                ),
            )

        word = "henkinen"
        assert not results_of(self.client.get("/haku/", {"q": word}).content.decode())
        with hooks.register_temporarily(SEARCH_SOURCES, support_types):
            results = results_of(self.client.get("/haku/", {"q": word}).content.decode())
        assert 'href="/toimijat/?tuki=henkinen"' in results


@unittest.skipUnless(connection.vendor == "postgresql", "PostgreSQL text search configurations")
class PostgresLanguageTests(DemoSiteTestCase):
    """Inflected words find their base forms with the reader's language's configuration, not another's."""

    def test_finnish_search_stems_finnish(self):
        results = results_of(self.client.get("/haku/", {"q": "neuvolassa"}).content.decode())
        assert "Koivukylän lastenneuvola" in results

    def test_swedish_search_stems_swedish(self):
        results = results_of(self.client.get("/sv/haku/", {"q": "barnrådgivningens"}).content.decode())
        assert "Björkby barnrådgivning" in results

    def test_english_search_stems_english(self):
        results = results_of(self.client.get("/en/haku/", {"q": "clinics"}).content.decode())
        assert "Koivukylä child health clinic" in results
