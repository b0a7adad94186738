"""The weekly programme page (`/viikko/`) and the events page (`/tapahtumat/`) under each home page.

Like every demo page they keep the Finnish slug in every language (`/sv/viikko/`, `/en/viikko/`), as
`pages.demo` does: `ensure_page` makes the translations with Wagtail's `copy_for_translation`.
"""

from wagtail.models import Page

from pages.demo.build import ensure_page

from ..models import EventIndexPage, WeekPage

WEEK_PAGE = {
    "slug": "viikko",
    "content": {
        "fi": {
            "title": "Viikko-ohjelma",
            "intro": (
                "Tästä näet, mitä kohtaamispaikassa tapahtuu tällä viikolla. Avoimeen toimintaan ja "
                "neuvonta-aikoihin voit tulla ilman ilmoittautumista, ja kaikki on maksutonta. Jos jokin "
                "kerta perutaan tai siirtyy, kerromme sen tässä."
            ),
        },
        "sv": {
            "title": "Veckoprogram",
            "intro": (
                "Här ser du vad som händer på mötesplatsen den här veckan. Till den öppna verksamheten och "
                "rådgivningen kan du komma utan anmälan, och allt är avgiftsfritt. Om något tillfälle ställs "
                "in eller flyttas berättar vi det här."
            ),
        },
        "en": {
            "title": "This week's programme",
            "intro": (
                "Here you can see what is on at the meeting place this week. You can come to the open "
                "activities and drop-in hours without signing up, and everything is free. If a session is "
                "cancelled or moved, we tell you here."
            ),
        },
    },
}

EVENTS_PAGE = {
    "slug": "tapahtumat",
    "content": {
        "fi": {
            "title": "Tapahtumat",
            "intro": (
                "Yhteiskehittämisen päivät, yhteisökokoukset ja juhlat. Niissä perheet, työntekijät ja "
                "vapaaehtoiset suunnittelevat kohtaamispaikan toimintaa yhdessä ja viettävät aikaa yhdessä. "
                "Tervetuloa mukaan!"
            ),
        },
        "sv": {
            "title": "Evenemang",
            "intro": (
                "Samutvecklingsdagar, gemenskapsmöten och fester. Där planerar familjer, anställda och "
                "frivilliga mötesplatsens verksamhet tillsammans och umgås. Välkommen med!"
            ),
        },
        "en": {
            "title": "Events",
            "intro": (
                "Co-development days, community meetings and parties. Families, staff and volunteers plan "
                "what happens at the meeting place together, and spend time together. You are welcome!"
            ),
        },
    },
}


def load(homes: dict[str, Page]) -> dict[str, dict[str, Page]]:
    """Both pages, by slug and language."""
    return {
        WEEK_PAGE["slug"]: ensure_page(homes, WEEK_PAGE, page_class=WeekPage),
        EVENTS_PAGE["slug"]: ensure_page(homes, EVENTS_PAGE, page_class=EventIndexPage),
    }
