"""The pieces every page shares: the home link, breadcrumbs, contact lines and opening hours."""

import re

from pages.demo.partners import PARTNERS
from pages.demo.place import PLACE
from tests.demo_case import DemoSiteTestCase

COUNSELLING = next(spec for spec in PARTNERS if spec["slug"] == "perheneuvola")


def breadcrumb(body: str) -> str:
    found = re.search(r'<nav class="breadcrumbs".*?</nav>', body, re.S)
    return found.group(0) if found else ""


class SharedIncludeTests(DemoSiteTestCase):
    def test_header_and_not_found_page_link_to_the_home_page_of_the_readers_language(self):
        for prefix in ("/", "/sv/", "/en/"):
            with self.subTest(prefix=prefix):
                header = self.client.get(prefix + "malli/").content.decode().split("</header>")[0]
                assert f'class="brand" href="{prefix}"' in header
                missing = self.client.get(prefix + "ei-ole/").content.decode().split('id="main"')[1]
                assert re.search(rf'<a class="button" href="{prefix}">', missing)

    def test_a_sub_page_shows_the_trail_from_its_section(self):
        trail = breadcrumb(self.client.get("/sv/malli/periaatteet/").content.decode())
        assert '<a href="/sv/malli/">Björkbymodellen</a>' in trail
        assert '<span aria-current="page">Principer</span>' in trail
        assert "Välkommen" not in trail

    def test_a_first_level_page_has_no_trail(self):
        assert breadcrumb(self.client.get("/malli/").content.decode()) == ""

    def test_a_partners_page_trail_leads_back_to_the_list(self):
        name = COUNSELLING["content"]["en"]["name"]
        trail = breadcrumb(self.client.get("/en/toimijat/perheneuvola/").content.decode())
        assert re.search(r'<a href="/en/toimijat/">[^<]+</a>', trail)
        assert f'<span aria-current="page">{name}</span>' in trail

    def test_contact_lines_link_phone_email_and_website(self):
        body = self.client.get("/toimijat/perheneuvola/").content.decode().split('id="main"')[1]
        email, website = COUNSELLING["email"], COUNSELLING["website"]
        assert COUNSELLING["phone"] == "09 123 4501"
        assert '<a href="tel:+35891234501">09 123 4501</a>' in body
        assert f'<a href="mailto:{email}">{email}</a>' in body
        assert f'<a href="{website}" rel="noopener">{website}</a>' in body

    def test_a_partner_card_shows_phone_and_email_but_not_the_website(self):
        listing = self.client.get("/toimijat/").content.decode()
        card = listing.split('id="toimija-perheneuvola"')[1].split('<li class="card"')[0]
        assert 'href="tel:+35891234501"' in card
        assert f'href="mailto:{COUNSELLING["email"]}"' in card
        assert COUNSELLING["website"] not in card

    def test_the_footer_lists_the_place_contact_and_opening_hours(self):
        footer = self.client.get("/sv/").content.decode().split('class="site-footer"')[1]
        assert PLACE["phone"] == "09 123 4567"
        assert '<a href="tel:+35891234567">09 123 4567</a>' in footer
        assert '<th scope="row">Måndag</th><td data-label="Öppet">9.00–15.00</td>' in footer
        assert '<th scope="row">Fredag</th><td data-label="Öppet">9.00–13.00</td>' in footer
