"""The admin as a coordinator uses it on a phone."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from pages.models import Partner

pytestmark = pytest.mark.browser


def test_partner_names_keep_whole_words_in_the_admin_list_on_a_phone(new_page):
    get_user_model().objects.create_superuser("koordinaattori", password="pitka-salasana-123")
    page = new_page(viewport={"width": 390, "height": 844})
    page.goto("/admin/login/")
    page.get_by_label("Käyttäjätunnus").fill("koordinaattori")
    page.get_by_label("Password").fill("pitka-salasana-123")  # Wagtail 7.4 has no Finnish label for it
    page.get_by_role("button", name="Kirjaudu sisään").click()
    page.goto("/admin/snippets/pages/partner/")

    longest = max(Partner.objects.filter(locale__language_code="fi").values_list("name", flat=True), key=len)
    word = max(longest.split(), key=len)
    link = page.get_by_role("link", name=longest, exact=True)
    expect(link).to_be_visible()
    # The link is at least as wide as its longest word, so no word breaks across lines.
    word_width = page.evaluate(
        """([element, word]) => {
            const probe = document.createElement("span");
            probe.textContent = word;
            probe.style.whiteSpace = "nowrap";
            element.appendChild(probe);
            const width = probe.getBoundingClientRect().width;
            probe.remove();
            return width;
        }""",
        [link.element_handle(), word],
    )
    assert link.bounding_box()["width"] >= word_width
