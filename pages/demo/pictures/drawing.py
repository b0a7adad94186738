"""Drawing with Pillow for the demo's pictures: the palette, a canvas, people and the things around them."""

import math
from dataclasses import dataclass

from PIL import Image, ImageDraw

# The site's palette (static/css/site.css) and a few kin for clothes, skin, hair and greenery.
TEAL = "#0a5c63"
TEAL_DARK = "#084a50"
TEAL_LIGHT = "#3d8a8f"
CORAL = "#c2410c"
CORAL_LIGHT = "#ef8a5b"
PEACH = "#f7b98f"
YELLOW = "#f6c453"
YELLOW_LIGHT = "#fbe0a0"
SAND = "#fbf3e4"
SAND_DARK = "#f1dfc0"
WOOD = "#d9a066"
MINT = "#e3f1ee"
MINT_MID = "#c6e3db"
GREEN = "#6fb39a"
GREEN_DARK = "#3f8f78"
PAPER = "#fffdf8"
INK = "#1d1d1b"
BLUE = "#5b8fc7"
PLUM = "#8a5a83"
SKIN = ("#f3cfb3", "#e2ad86", "#c08457", "#8d5a3b", "#5f3b28")
HAIR = ("#2b2118", "#6b4226", "#d9a441", "#1d1d1b", "#a9a9a9")

SS = 2  # drawn at twice the size and scaled down: smooth edges


class Canvas:
    """Shapes in the final picture's pixels, drawn `SS` times larger."""

    def __init__(self, width: int, height: int, background: str | tuple):
        self.size = (width, height)
        mode = "RGBA" if isinstance(background, tuple) else "RGB"
        self.image = Image.new(mode, (width * SS, height * SS), background)
        self.draw = ImageDraw.Draw(self.image)

    def box(self, x0, y0, x1, y1, fill, radius=0):
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        radius = min(radius, (x1 - x0) / 2, (y1 - y0) / 2)
        self.draw.rounded_rectangle((x0 * SS, y0 * SS, x1 * SS, y1 * SS), radius=radius * SS, fill=fill)

    def ellipse(self, x, y, rx, ry, fill):
        self.draw.ellipse(((x - rx) * SS, (y - ry) * SS, (x + rx) * SS, (y + ry) * SS), fill=fill)

    def circle(self, x, y, r, fill):
        self.ellipse(x, y, r, r, fill)

    def pie(self, x, y, r, start, end, fill):
        """A slice of the circle at x, y; angles in degrees, clockwise from three o'clock."""
        self.draw.pieslice(((x - r) * SS, (y - r) * SS, (x + r) * SS, (y + r) * SS), start, end, fill=fill)

    def poly(self, points, fill):
        self.draw.polygon([(x * SS, y * SS) for x, y in points], fill=fill)

    def line(self, points, width, fill):
        """A thick line with round ends and joints."""
        self.draw.line([(x * SS, y * SS) for x, y in points], fill=fill, width=round(width * SS), joint="curve")
        for x, y in (points[0], points[-1]):
            self.circle(x, y, width / 2, fill)

    def picture(self) -> Image.Image:
        return self.image.reduce(SS)


# People: round heads without faces, rounded bodies; `facing` is 1 (right) or -1 (left).


@dataclass(frozen=True)
class Look:
    skin: str
    top: str
    bottom: str = TEAL_DARK
    hair: str = HAIR[0]
    hair_style: str = "short"  # short, long, bun, curly, scarf, none
    dress: bool = False
    shoes: str = INK


def head(c: Canvas, x, y, r, look: Look, facing=1):
    back = x - facing * r * 0.25
    if look.hair_style == "long":
        c.box(back - r * 1.05, y - r * 0.2, back + r * 0.95, y + r * 1.9, look.hair, radius=r)
    if look.hair_style == "scarf":
        c.circle(x, y, r * 1.18, look.hair)
        c.poly(
            [
                (x - r * 1.05, y + r * 0.3),
                (x + r * 1.05, y + r * 0.3),
                (x + r * 1.4, y + r * 2.1),
                (x - r * 1.4, y + r * 2.1),
            ],
            look.hair,
        )
        c.circle(x + facing * r * 0.22, y + r * 0.05, r * 0.78, look.skin)
        return
    c.circle(x, y, r, look.skin)
    if look.hair_style in ("short", "long", "bun"):
        c.pie(back, y, r * 1.06, 180, 360, look.hair)
        c.ellipse(back - facing * r * 0.35, y + r * 0.05, r * 0.7, r * 0.72, look.hair)
        c.circle(x + facing * r * 0.12, y + r * 0.18, r * 0.78, look.skin)
        if look.hair_style == "bun":
            c.circle(back - facing * r * 0.3, y - r * 1.05, r * 0.45, look.hair)
    elif look.hair_style == "curly":
        for angle in range(150, 400, 40):
            a = math.radians(angle)
            c.circle(back + math.cos(a) * r * 0.85, y + math.sin(a) * r * 0.85 - r * 0.1, r * 0.42, look.hair)
        c.circle(x + facing * r * 0.18, y + r * 0.22, r * 0.7, look.skin)


def person(
    c: Canvas,
    x,
    ground,
    h,
    look: Look,
    facing=1,
    *,
    child=False,
    stride=0.0,
    hands: tuple | None = None,
):
    """A standing person `h` tall with feet on `ground`; `hands` are (back, front) hand points, or None."""
    r = h * (0.14 if child else 0.105)
    head_y = ground - h + r
    shoulder = head_y + r + h * 0.02
    hip = ground - h * (0.4 if child else 0.45)
    half = h * (0.15 if child else 0.125)
    limb = h * (0.095 if child else 0.08)
    feet = (x - facing * stride * h * 0.5 - h * 0.045, x + facing * stride * h * 0.5 + h * 0.045)
    hips = (x - h * 0.05, x + h * 0.05)
    back_hand, front_hand = hands or (
        (x - facing * (half + limb * 0.2), hip + h * 0.05),
        (x + facing * (half + limb * 0.2), hip + h * 0.05),
    )
    # Legs, shoes, the back arm, the body, the front arm and the head.
    leg = look.skin if look.dress else look.bottom
    for hip_x, foot_x in zip(hips, sorted(feet), strict=True):
        c.line([(hip_x, hip), (foot_x, ground - limb * 0.5)], limb, leg)
        c.ellipse(foot_x + facing * limb * 0.3, ground - limb * 0.3, limb * 0.8, limb * 0.38, look.shoes)
    arm_top = shoulder + limb * 0.6
    c.line([(x - facing * half * 0.55, arm_top), back_hand], limb * 0.9, look.top)
    c.circle(*back_hand, limb * 0.55, look.skin)
    if look.dress:
        hem = ground - h * 0.2
        c.poly(
            [
                (x - half * 0.8, shoulder + r * 0.4),
                (x + half * 0.8, shoulder + r * 0.4),
                (x + half * 1.35, hem),
                (x - half * 1.35, hem),
            ],
            look.top,
        )
    else:
        c.box(x - half, hip - limb * 0.6, x + half, hip + limb * 0.4, look.bottom, radius=limb * 0.3)
    c.box(x - half, shoulder, x + half, hip, look.top, radius=half * 0.75)
    c.line([(x + facing * half * 0.55, arm_top), front_hand], limb * 0.9, look.top)
    c.circle(*front_hand, limb * 0.55, look.skin)
    head(c, x, head_y, r, look, facing)


def seated(c: Canvas, x, seat, ground, h, look: Look, facing=1, *, hands: tuple | None = None):
    """A person sitting on a seat at height `seat`, knees towards `facing`."""
    r = h * 0.105
    torso = h * 0.33
    shoulder = seat - torso
    head_y = shoulder - h * 0.02 - r
    half = h * 0.12
    limb = h * 0.08
    knee = x + facing * h * 0.22
    for offset in (-limb * 0.25, limb * 0.25):
        c.line([(x, seat - limb * 0.5 + offset), (knee, seat - limb * 0.5 + offset)], limb, look.bottom)
    c.line([(knee, seat - limb * 0.5), (knee + facing * limb * 0.2, ground - limb * 0.5)], limb, look.bottom)
    c.ellipse(knee + facing * limb * 0.6, ground - limb * 0.3, limb * 0.8, limb * 0.38, look.shoes)
    back_hand, front_hand = hands or ((x + facing * h * 0.12, seat - limb), (x + facing * h * 0.16, seat - limb))
    arm_top = shoulder + limb * 0.6
    c.line([(x - facing * half * 0.3, arm_top), back_hand], limb * 0.9, look.top)
    c.circle(*back_hand, limb * 0.55, look.skin)
    c.box(x - half, shoulder, x + half, seat, look.top, radius=half * 0.75)
    c.line([(x + facing * half * 0.4, arm_top), front_hand], limb * 0.9, look.top)
    c.circle(*front_hand, limb * 0.55, look.skin)
    head(c, x, head_y, r, look, facing)


def pram(c: Canvas, x, ground, size, colour, facing=1, *, hood=CORAL_LIGHT):
    """A pram whose basket is centred on `x`; the handle is behind it (away from `facing`)."""
    wheel = size * 0.13
    axle = ground - wheel
    top = axle - wheel * 0.7 - size * 0.26
    c.line([(x - size * 0.28, axle), (x, top + size * 0.2), (x + size * 0.28, axle)], size * 0.035, INK)
    for wx in (x - size * 0.28, x + size * 0.28):
        c.circle(wx, axle, wheel, INK)
        c.circle(wx, axle, wheel * 0.45, "#9a9a9a")
    rx, ry = size * 0.44, size * 0.26
    c.draw.pieslice(((x - rx) * SS, (top - ry) * SS, (x + rx) * SS, (top + ry) * SS), 0, 180, fill=colour)
    c.box(x - rx, top - size * 0.04, x + rx, top + size * 0.04, colour, radius=size * 0.03)
    hood_x = x - facing * size * 0.1
    start = 180 if facing == 1 else 270
    c.pie(hood_x, top, size * 0.32, start, start + 90, hood)
    handle = (x - facing * size * 0.62, top - size * 0.3)
    c.line([(x - facing * size * 0.38, top), handle], size * 0.045, INK)
    return handle


# Scenery.


def cloud(c: Canvas, x, y, w, colour=PAPER):
    c.box(x - w * 0.5, y - w * 0.12, x + w * 0.5, y + w * 0.12, colour, radius=w * 0.12)
    c.circle(x - w * 0.15, y - w * 0.12, w * 0.2, colour)
    c.circle(x + w * 0.15, y - w * 0.08, w * 0.15, colour)


def birch(c: Canvas, x, ground, h):
    """A birch (Koivukylä: birch village): white trunk with dark marks, a round light-green crown."""
    trunk = h * 0.07
    c.ellipse(x, ground - h * 0.68, h * 0.28, h * 0.34, GREEN)
    c.ellipse(x - h * 0.1, ground - h * 0.78, h * 0.18, h * 0.2, "#8cc7ad")
    c.box(x - trunk / 2, ground - h * 0.62, x + trunk / 2, ground, PAPER, radius=trunk * 0.3)
    for i, step in enumerate((0.12, 0.24, 0.37, 0.5)):
        side = -1 if i % 2 else 1
        y = ground - h * step
        c.box(x + side * trunk * 0.05, y, x + side * trunk * 0.5, y + h * 0.015, INK, radius=h * 0.007)


def bush(c: Canvas, x, ground, w, colour=GREEN):
    c.ellipse(x, ground - w * 0.22, w * 0.5, w * 0.3, colour)
    c.circle(x - w * 0.18, ground - w * 0.38, w * 0.22, colour)
    c.circle(x + w * 0.15, ground - w * 0.4, w * 0.25, colour)


def sun(c: Canvas, x, y, r):
    c.circle(x, y, r * 1.45, "#fcebc0")
    c.circle(x, y, r, YELLOW)


def bird(c: Canvas, x, y, w):
    c.line([(x - w, y - w * 0.4), (x, y)], w * 0.22, TEAL_DARK)
    c.line([(x, y), (x + w, y - w * 0.45)], w * 0.22, TEAL_DARK)


def window(c: Canvas, x0, y0, x1, y1, *, glow=YELLOW_LIGHT, frame=PAPER, figures=()):
    c.box(x0 - 8, y0 - 8, x1 + 8, y1 + 8, frame, radius=8)
    c.box(x0, y0, x1, y1, glow, radius=4)
    for fx, colour in figures:  # people inside, seen against the light
        fh = (y1 - y0) * 0.62
        c.circle(fx, y1 - fh * 0.78, fh * 0.14, colour)
        c.box(fx - fh * 0.2, y1 - fh * 0.58, fx + fh * 0.2, y1 + fh * 0.2, colour, radius=fh * 0.18)
    c.box((x0 + x1) / 2 - 3, y0, (x0 + x1) / 2 + 3, y1, frame)
    c.box(x0, (y0 + y1) / 2 - 3, x1, (y0 + y1) / 2 + 3, frame)


def mark(c: Canvas, x, y, size, roof=PAPER, adult=YELLOW, child=CORAL_LIGHT):
    """The site's logo mark (templates/includes/logo.html) centred on x, y, `size` wide."""
    k = size / 48

    def p(px, py):
        return (x + (px - 24) * k, y + (py - 24) * k)

    roof_points = [(24, 3), (46.5, 22.4), (43.3, 26.2), (40, 23.4), (40, 44), (35.6, 44), (35.6, 19.6), (24, 9.6)]
    roof_points += [(12.4, 19.6), (12.4, 44), (8, 44), (8, 23.4), (4.7, 26.2), (1.5, 22.4)]
    c.poly([p(*point) for point in roof_points], roof)
    c.circle(*p(20, 21.5), 4.3 * k, adult)
    c.box(*p(14.2, 27.4), *p(25.8, 44), adult, radius=5.8 * k)
    c.circle(*p(30.4, 29.6), 3.2 * k, child)
    c.box(*p(26.8, 33.6), *p(34, 44), child, radius=3.6 * k)


# The pictures.

ADULTS = {
    "hijab": Look(SKIN[2], CORAL, TEAL_DARK, hair=TEAL_LIGHT, hair_style="scarf", dress=True),
    "dad": Look(SKIN[0], BLUE, TEAL_DARK, hair=HAIR[1]),
    "mum": Look(SKIN[3], YELLOW, TEAL, hair=HAIR[0], hair_style="bun"),
    "staff": Look(SKIN[1], TEAL, INK, hair=HAIR[2], hair_style="long"),
    "grandpa": Look(SKIN[0], GREEN_DARK, "#4a4a48", hair=HAIR[4]),
    "curly": Look(SKIN[4], PLUM, TEAL_DARK, hair=HAIR[3], hair_style="curly"),
}
CHILDREN = {
    "girl": Look(SKIN[2], YELLOW, CORAL, hair=HAIR[0], hair_style="bun", dress=True),
    "boy": Look(SKIN[0], CORAL_LIGHT, TEAL_DARK, hair=HAIR[2]),
    "kid": Look(SKIN[4], GREEN, BLUE, hair=HAIR[3], hair_style="curly"),
    "small": Look(SKIN[1], BLUE, YELLOW, hair=HAIR[1]),
}
