"""Two children's drawings sent with the demo's ideas, drawn in code with the pages demo's crayons.

Like the pages demo's pictures each becomes a Wagtail image with a stable title, made the first time an
idea shows it and found again by that title afterwards.
"""

import functools
import io
import math
from collections.abc import Callable

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from pages.demo.pictures.drawing import (
    BLUE,
    CORAL,
    CORAL_LIGHT,
    GREEN,
    GREEN_DARK,
    INK,
    PAPER,
    PEACH,
    WOOD,
    YELLOW,
    Canvas,
)

WIDTH, HEIGHT = 800, 600
SKY = "#9cc7ea"
GRASS = "#7cc46a"
LAVA = "#d7261e"
BROWN = "#8a5a3b"


def crayon_sun(c: Canvas, x, y, r):
    """The sun in the corner, as every child draws it: a yellow disc with rays."""
    for step in range(12):
        angle = step * 30
        dx, dy = _direction(angle)
        c.line([(x + dx * r * 1.25, y + dy * r * 1.25), (x + dx * r * 1.8, y + dy * r * 1.8)], 7, YELLOW)
    c.circle(x, y, r, YELLOW)


def _direction(degrees: float) -> tuple[float, float]:
    return math.cos(math.radians(degrees)), math.sin(math.radians(degrees))


def stick_child(c: Canvas, x, ground, h, shirt, hair=INK):
    head = h * 0.16
    c.circle(x, ground - h + head, head, PEACH)
    c.line([(x - head * 0.9, ground - h + head * 0.2), (x + head * 0.9, ground - h + head * 0.2)], 6, hair)
    c.circle(x - head * 0.35, ground - h + head * 0.9, 3, INK)
    c.circle(x + head * 0.35, ground - h + head * 0.9, 3, INK)
    c.line([(x - head * 0.4, ground - h + head * 1.35), (x + head * 0.4, ground - h + head * 1.35)], 3, INK)
    body_top, body_bottom = ground - h + head * 2, ground - h * 0.38
    c.poly([(x, body_top), (x - h * 0.2, body_bottom), (x + h * 0.2, body_bottom)], shirt)
    for side in (-1, 1):
        c.line([(x, body_top + h * 0.08), (x + side * h * 0.28, body_top - h * 0.02)], 6, INK)
        c.line([(x + side * h * 0.08, body_bottom), (x + side * h * 0.12, ground)], 6, INK)


def sandpit_drawing() -> Image.Image:
    """Eeli's sandpit: a green lid with a handle on the sandpit, and the cat that has to stay out."""
    c = Canvas(WIDTH, HEIGHT, PAPER)
    c.box(0, 0, WIDTH, 70, SKY)
    c.box(0, 470, WIDTH, HEIGHT, GRASS)
    crayon_sun(c, 700, 95, 46)
    # The sandpit and its lid, lifted a little at one end so the sand shows.
    c.box(170, 390, 560, 500, WOOD, radius=6)
    c.box(190, 405, 540, 440, YELLOW, radius=4)
    c.poly([(150, 392), (580, 360), (584, 392), (154, 412)], GREEN_DARK)
    c.line([(330, 372), (350, 350), (390, 348), (405, 368)], 9, INK)
    # The cat, sulking beside it.
    c.ellipse(665, 470, 60, 36, CORAL_LIGHT)
    c.circle(615, 425, 30, CORAL_LIGHT)
    c.poly([(592, 410), (596, 376), (614, 400)], CORAL_LIGHT)
    c.poly([(618, 398), (636, 374), (642, 408)], CORAL_LIGHT)
    c.line([(720, 470), (760, 430), (752, 395)], 10, CORAL_LIGHT)
    c.circle(605, 422, 4, INK)
    c.circle(626, 422, 4, INK)
    c.line([(585, 440), (560, 436)], 2, INK)
    c.line([(645, 440), (670, 436)], 2, INK)
    # Eeli, pointing at the lid.
    stick_child(c, 95, 520, 220, BLUE, hair=BROWN)
    c.line([(118, 360), (165, 372)], 6, INK)
    return c.picture()


def dinosaur_drawing() -> Image.Image:
    """Yusuf's dinosaurs: a T. rex with sharp teeth, a long-necked one and a volcano."""
    c = Canvas(WIDTH, HEIGHT, PAPER)
    c.box(0, 0, WIDTH, 60, SKY)
    c.box(0, 500, WIDTH, HEIGHT, GRASS)
    crayon_sun(c, 80, 85, 40)
    # The volcano with lava running down.
    c.poly([(470, 500), (590, 230), (650, 230), (780, 500)], BROWN)
    c.poly([(585, 240), (655, 240), (640, 200), (600, 200)], LAVA)
    for x0, x1 in ((605, 570), (620, 630), (640, 690)):
        c.line([(x0, 240), ((x0 + x1) / 2, 320), (x1, 390)], 12, LAVA)
    c.circle(620, 160, 22, "#b9b9b9")
    c.circle(650, 130, 28, "#cfcfcf")
    # The long-necked dinosaur.
    c.ellipse(480, 440, 95, 55, CORAL)
    c.line([(540, 420), (590, 330), (600, 260)], 26, CORAL)
    c.ellipse(615, 255, 32, 18, CORAL)
    c.circle(622, 248, 4, INK)
    c.line([(390, 440), (330, 470)], 18, CORAL)
    for x in (425, 455, 505, 535):
        c.box(x - 12, 470, x + 12, 520, CORAL, radius=6)
    # The T. rex: big head, small arms, a tail, and teeth.
    c.ellipse(230, 380, 85, 100, GREEN)
    c.poly([(160, 420), (30, 500), (170, 460)], GREEN)
    c.ellipse(305, 255, 75, 48, GREEN)
    c.poly([(250, 280), (375, 270), (370, 300), (255, 300)], PAPER)
    for step in range(6):
        x = 262 + step * 18
        c.poly([(x, 276), (x + 9, 292), (x + 18, 276)], GREEN)
    c.circle(330, 232, 7, INK)
    c.line([(300, 350), (335, 365), (345, 350)], 9, GREEN)
    for x in (200, 265):
        c.box(x - 18, 460, x + 18, 525, GREEN, radius=8)
        c.box(x - 24, 515, x + 26, 530, GREEN, radius=6)
    return c.picture()


DRAWINGS: dict[str, tuple[str, str, Callable[[], Image.Image]]] = {
    "sandpit": ("Demokuva: lapsen piirustus hiekkalaatikon kannesta", "idea-hiekkalaatikko.png", sandpit_drawing),
    "dinosaurs": ("Demokuva: lapsen piirustus dinosauruksista", "idea-dinosaurukset.png", dinosaur_drawing),
}
"""Each drawing's stable title, file name and how it is drawn, by key."""


@functools.cache
def drawing_bytes(key: str) -> bytes:
    picture = DRAWINGS[key][2]().quantize(64, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def drawing_image(key: str):
    """The Wagtail image of the drawing `key`: the one titled so, or a new one."""
    model = get_image_model()
    title, filename, _draw = DRAWINGS[key]
    image = model.objects.filter(title=title).order_by("pk").first()
    if image is None:
        data = drawing_bytes(key)
        image = model(
            title=title,
            file=ImageFile(io.BytesIO(data), name=filename),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
        )
        image.save()
    return image
