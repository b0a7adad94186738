"""QR codes as inline SVG, drawn in Python (segno): no image files, no external service sees the address."""

import segno
from django.utils.safestring import SafeString, mark_safe

ERROR_CORRECTION = "m"  # survives a smudge or a fold in a printed slip


def qr_code(url: str):
    """The QR symbol for `url` (never a Micro QR, which phones do not read)."""
    return segno.make(url, error=ERROR_CORRECTION, micro=False)


def qr_svg(url: str, *, title: str = "") -> SafeString:
    """`url` as an SVG element to put straight in a page; it scales to the size CSS gives it."""
    svg = qr_code(url).svg_inline(scale=1, omitsize=True, svgclass="qr", title=title or None)
    return mark_safe(svg)  # noqa: S308 - segno writes the element and escapes the title
