"""The themes staff file ideas under, named in Finnish with Swedish and English names."""

from ..models import IdeaTheme

THEMES = {
    "ulkoilu": ("Ulkoilu", "Utomhus", "Outdoors"),
    "ruoka": ("Ruoka", "Mat", "Food"),
    "vertaisryhmat": ("Vertaisryhmät", "Kamratgrupper", "Peer groups"),
    "lasten-toiminta": ("Lasten toiminta", "Aktiviteter för barn", "Children's activities"),
    "aukioloajat": ("Aukioloajat", "Öppettider", "Opening hours"),
    "kielet": ("Kielet", "Språk", "Languages"),
    "kierratys": ("Kierrätys ja tavarat", "Återbruk och saker", "Swapping and recycling"),
}
"""By slug: the name in Finnish, Swedish and English."""


def load() -> dict[str, IdeaTheme]:
    """The themes by slug; one that is there (perhaps renamed by staff) stays as it is."""
    existing = {theme.slug: theme for theme in IdeaTheme.objects.filter(slug__in=THEMES)}
    for slug, (name, name_sv, name_en) in THEMES.items():
        if slug not in existing:
            existing[slug] = IdeaTheme.objects.create(slug=slug, name=name, name_sv=name_sv, name_en=name_en)
    return existing
