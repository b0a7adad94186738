from tests.demo_case import DemoSiteTestCase


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
        response = self.client.get("/haku/", {"q": "a" * 5000})
        assert response.status_code == 200
        assert 'class="error-summary"' in response.content.decode()

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
