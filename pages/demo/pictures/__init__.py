"""The demo's pictures, drawn here with Pillow: flat illustrations for the pages and the partners' logos.

Each picture becomes a Wagtail image with a stable title, made the first time a page or partner that
shows it is created and found again by that title afterwards. The drawing is deterministic (no
randomness) and done once per process, since many tests load the demo.
"""

import functools
import io
from collections.abc import Callable
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image
from wagtail.images import get_image_model
from wagtail.utils.file import hash_filelike

from .logos import LOGOS, partner_logo_picture
from .scenes import help_page, home_band, model_page, partners_page, visit_page


@dataclass(frozen=True)
class Picture:
    title: str
    """Stable: the demo finds the image again by it."""
    filename: str
    draw: Callable[[], Image.Image]


PICTURES = {
    "home": Picture("Demokuva: perheet saapuvat kohtaamispaikkaan", "kohtaamo-koti.png", home_band),
    "help": Picture("Demokuva: vanhempi ja työntekijä juttelevat", "kohtaamo-apua.png", help_page),
    "partners": Picture("Demokuva: toimijat saman katon alla", "kohtaamo-toimijat.png", partners_page),
    "visit": Picture("Demokuva: sisäänkäynti ja luiska", "kohtaamo-tule-kaymaan.png", visit_page),
    "model": Picture("Demokuva: yhteiskehittäminen taululla", "kohtaamo-malli.png", model_page),
} | {
    f"logo-{slug}": Picture(
        f"Demologo: {initials} ({slug})", f"kohtaamo-logo-{slug}.png", functools.partial(partner_logo_picture, slug)
    )
    for slug, (initials, _sector, _kind) in LOGOS.items()
}


@functools.cache
def picture_bytes(key: str) -> bytes:
    """The picture as a PNG of at most 128 colours: flat drawings stay small without losing anything."""
    picture = PICTURES[key].draw().quantize(128, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG", optimize=True)
    return buffer.getvalue()


def demo_image(key: str):
    """The Wagtail image of the picture `key`: the one titled so, or a new one."""
    model = get_image_model()
    picture = PICTURES[key]
    image = model.objects.filter(title=picture.title).order_by("pk").first()
    if image is None:
        data = picture_bytes(key)
        image = model(
            title=picture.title,
            file=ImageFile(io.BytesIO(data), name=picture.filename),
            file_size=len(data),
            file_hash=hash_filelike(io.BytesIO(data)),
        )
        image.save()
    return image


def later(key: str) -> Callable:
    """The image of `key`, made only when called: the builders call it when they create a page or partner."""
    return functools.partial(demo_image, key)


def with_picture(spec: dict, picture: dict) -> dict:
    """`spec` whose page, in each language, shows `picture`: {"image": key, "alt": {language: text}}."""
    content = {
        code: {**texts, "image": later(picture["image"]), "image_alt": picture["alt"][code]}
        for code, texts in spec["content"].items()
    }
    return {**spec, "content": content}
