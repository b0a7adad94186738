"""The demo privacy notice states how long each kind of personal data is kept, from the settings, in the
reader's language; no other page does."""

from django.test import override_settings
from django.utils import translation
from django.utils.translation import ngettext

from tests.demo_case import DemoSiteTestCase


def sign_up_sentence(days: int, language: str) -> str:
    with translation.override(language):
        return ngettext(
            "Names, contact details and needs given when signing up for an event are deleted %(days)d day after "
            "the event.",
            "Names, contact details and needs given when signing up for an event are deleted %(days)d days "
            "after the event.",
            days,
        ) % {"days": days}


@override_settings(KOHTAAMO_PAGE_CACHE=False, KOHTAAMO_REGISTRATION_RETENTION_DAYS=21)
class PrivacyNoticeTests(DemoSiteTestCase):
    def test_the_notice_in_each_language_states_the_periods_of_the_settings(self):
        for prefix, language in (("", "fi"), ("/sv", "sv"), ("/en", "en")):
            with self.subTest(language=language):
                html = self.client.get(f"{prefix}/tietosuoja/").content.decode()
                sentence = sign_up_sentence(21, language)
                self.assertIn("21", sentence)
                self.assertIn(f"<li>{sentence}</li>", html)
                self.assertEqual(html.count('class="retention-periods"'), 1)

    def test_other_pages_do_not_carry_the_periods(self):
        html = self.client.get("/saavutettavuus/").content.decode()
        self.assertEqual(self.client.get("/saavutettavuus/").status_code, 200)
        self.assertNotIn("retention-periods", html)
