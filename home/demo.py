"""Demo home pages in fi, sv and en; `load_demo` builds the rest of the demo site under them.

Each app's demo returns what it made, and the next one builds on it (the programme's activities name
the partners of `pages`).
"""

from dataclasses import dataclass

from django.db import transaction
from wagtail.models import Page, Site

from events import demo as events_demo
from ideas import demo as ideas_demo
from ideas.demo.voice.pages import TAKE_PART_PAGE
from pages import demo as pages_demo
from pages.demo.build import ensure_page
from pages.demo.pictures import with_picture

from .models import HomePage

HOME = {
    "slug": "koti",
    "content": {
        "fi": {
            "title": "Tervetuloa Koivukylän kohtaamispaikkaan",
            "intro": "Kohtaamispaikka on lapsiperheiden avoin ja maksuton olohuone arkipäivisin. "
            "Täällä tapaat muita perheitä ja saat apua ja neuvoja yhdestä paikasta, ilman ajanvarausta.",
        },
        "sv": {
            "title": "Välkommen till mötesplatsen i Björkby",
            "intro": "Mötesplatsen är ett öppet och avgiftsfritt vardagsrum för barnfamiljer på vardagar. "
            "Här träffar du andra familjer och får hjälp och råd på ett ställe, utan tidsbokning.",
        },
        "en": {
            "title": "Welcome to the Koivukylä meeting place",
            "intro": "The meeting place is an open, free living room for families with children on weekdays. "
            "Here you meet other families and get help and advice in one place, without an appointment.",
        },
    },
}


HOME_PICTURE = {
    "image": "home",
    "alt": {
        "fi": "Perheitä saapuu kohtaamispaikan talolle aurinkoisena päivänä: äiti työntää lastenvaunuja, lapset "
        "kulkevat vierellä ja työntekijä vilkuttaa ovella.",
        "sv": "Familjer kommer till mötesplatsens hus en solig dag: en mamma skjuter en barnvagn, barnen går "
        "bredvid och en anställd vinkar vid dörren.",
        "en": "Families arrive at the meeting place's house on a sunny day: a mother pushes a pram, children walk "
        "alongside and a staff member waves at the door.",
    },
}


def default_site() -> Site:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        site = Site.objects.create(
            hostname="localhost", port=80, is_default_site=True, root_page=Page.get_first_root_node()
        )
    return site


@dataclass
class DemoSite:
    homes: dict[str, HomePage]
    """By language."""
    pages: pages_demo.PagesDemo
    events: events_demo.EventsDemo
    ideas: ideas_demo.IdeasDemo


@transaction.atomic
def load(reset: bool = False) -> DemoSite:
    """Create whatever of the demo site is missing; with `reset`, delete all pages and partners first."""
    root = Page.get_first_root_node()
    if reset:
        # Answers and counts first: feedback and visit counts protect the activities that the site takes along.
        ideas_demo.reset()
        events_demo.reset()
        for page in root.get_children():
            page.delete()  # the site whose root it was goes too, with its settings
        root.refresh_from_db()
        pages_demo.reset()
    site = default_site()
    roots = dict.fromkeys(HOME["content"], root)
    # Wagtail's installer leaves a placeholder "Welcome" page as the site root; the demo replaces it.
    placeholder = root.get_children().exact_type(Page).filter(slug="home").first()
    existing = set(HomePage.objects.values_list("pk", flat=True))
    homes = ensure_page(roots, with_picture(HOME, HOME_PICTURE), page_class=HomePage)
    if site.root_page_id != homes["fi"].pk:
        site.root_page = homes["fi"]
        site.site_name = "Kohtaamo"
        site.save()
    if placeholder is not None:
        placeholder.delete()
    pages = pages_demo.load(site, homes)
    events = events_demo.load(site, homes, pages)
    made = DemoSite(homes=homes, pages=pages, events=events, ideas=ideas_demo.load(site, homes, events))
    link_taking_part(homes, made.ideas.voice.pages[TAKE_PART_PAGE["slug"]], existing)
    return made


def link_taking_part(homes: dict[str, HomePage], take_part: dict[str, Page], existing: set[int]) -> None:
    """Point each new home page at the ways-to-take-part page of its language; an editor's choice stays."""
    for code, home in homes.items():
        if home.pk not in existing and code in take_part:
            home.refresh_from_db()  # its tree fields (numchild) changed when its pages were added
            home.take_part_page = take_part[code]
            home.save_revision().publish()
