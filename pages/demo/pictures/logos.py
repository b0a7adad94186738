"""The demo partners' logos: initials beside a symbol, in the colour of the partner's sector."""

import math

from PIL import Image, ImageFont

from .drawing import CORAL, CORAL_LIGHT, GREEN, PAPER, PEACH, PLUM, SS, TEAL, YELLOW, Canvas

SECTOR_COLOURS = {"county": TEAL, "city": "#2f64a3", "ngo": CORAL, "parish": PLUM, "other": "#a86a12"}
LOGOS = {
    "perheneuvola": ("PN", "county", "people"),
    "varhaiskasvatus": ("VAKA", "city", "blocks"),
    "kotisilta": ("KS", "ngo", "bridge"),
    "kiertokori": ("KK", "ngo", "basket"),
    "seurakunta": ("SRK", "parish", "arch"),
    "kylan-isovanhemmat": ("KI", "other", "heart"),
}


def symbol(c: Canvas, kind: str, colour: str):
    """The logo's symbol in a 200 × 200 square at the left."""
    x, y = 100, 100
    if kind == "people":
        c.circle(x, y, 84, colour)
        c.circle(x - 24, y - 28, 18, PAPER)
        c.box(x - 52, y - 4, x + 4, y + 52, PAPER, radius=26)
        c.circle(x + 30, y - 6, 14, YELLOW)
        c.box(x + 10, y + 14, x + 50, y + 52, YELLOW, radius=18)
    elif kind == "blocks":
        c.box(x - 82, y - 82, x + 82, y + 82, colour, radius=30)
        c.box(x - 50, y + 4, x - 4, y + 50, PAPER, radius=6)
        c.box(x + 4, y + 4, x + 50, y + 50, YELLOW, radius=6)
        c.box(x - 23, y - 50, x + 23, y - 4, CORAL_LIGHT, radius=6)
    elif kind == "bridge":
        c.circle(x, y, 84, colour)
        c.draw.arc(((x - 56) * SS, (y - 52) * SS, (x + 56) * SS, (y + 60) * SS), 180, 360, fill=PAPER, width=12 * SS)
        for dx in (-30, 0, 30):
            c.box(x + dx - 4, y + 4 - math.sqrt(56**2 - dx**2), x + dx + 4, y + 6, PAPER)
        c.box(x - 68, y + 2, x + 68, y + 14, PAPER, radius=6)
        for wy in (y + 38, y + 56):
            c.line([(x - 44, wy), (x - 22, wy - 6), (x, wy), (x + 22, wy - 6), (x + 44, wy)], 7, PEACH)
    elif kind == "basket":
        c.box(x - 82, y - 82, x + 82, y + 82, colour, radius=82)
        c.line([(x - 40, y - 6), (x - 10, y - 50)], 10, PAPER)
        c.line([(x + 40, y - 6), (x + 10, y - 50)], 10, PAPER)
        c.poly([(x - 60, y - 8), (x + 60, y - 8), (x + 44, y + 52), (x - 44, y + 52)], PAPER)
        c.circle(x, y + 22, 16, GREEN)
    elif kind == "arch":
        c.pie(x, y - 14, 70, 180, 360, colour)
        c.box(x - 70, y - 15, x + 70, y + 60, colour)
        c.box(x - 70, y + 40, x + 70, y + 84, colour, radius=12)
        c.box(x - 8, y - 52, x + 8, y + 40, PAPER, radius=4)
        c.box(x - 36, y - 24, x + 36, y - 8, PAPER, radius=4)
        c.ellipse(x, y + 58, 48, 10, YELLOW)
    else:
        c.circle(x, y, 84, colour)
        c.poly([(x, y + 52), (x - 52, y), (x + 52, y)], PAPER)
        c.circle(x - 26, y - 8, 28, PAPER)
        c.circle(x + 26, y - 8, 28, PAPER)


def partner_logo_picture(slug: str) -> Image.Image:
    initials, sector, kind = LOGOS[slug]
    colour = SECTOR_COLOURS[sector]
    c = Canvas(400, 200, (255, 255, 255, 0))
    symbol(c, kind, colour)
    size = 130
    font = ImageFont.load_default(size=size * SS)
    while font.getlength(initials) > 170 * SS:
        size -= 4
        font = ImageFont.load_default(size=size * SS)
    c.draw.text(
        (305 * SS, 100 * SS), initials, font=font, fill=colour, anchor="mm", stroke_width=3 * SS, stroke_fill=colour
    )
    return c.picture()
