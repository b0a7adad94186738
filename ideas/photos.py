"""A family's photo or drawing with their idea: checked, cleaned and stored before anyone sees it.

- Size first: the upload's own size (and, in the view, the request's Content-Length) is compared with
  KOHTAAMO_IDEA_PHOTO_MAX_MB before a byte of the picture is read.
- Type by content, not by name: Pillow reads the header and only JPEG, PNG and WebP pass; a picture with
  more pixels than MAX_PIXELS is refused before it is decoded (a small file can unpack into gigabytes).
- Re-encoded: the decoded pixels are written into a new file, turned upright first, so EXIF (GPS position,
  camera, time), XMP, ICC profiles and comments are gone.
- Stored as a Wagtail image in the "Ideas' pictures" collection under a random file name. Its address is
  never published: the public idea page shows renditions, and only once the idea is public.
"""

import io
import secrets
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadhandler import FileUploadHandler, SkipFile
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageOps, UnidentifiedImageError

COLLECTION_NAME = "Ideas' pictures"
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}
MAX_PIXELS = 40_000_000
"""About a 7,000 × 5,700 picture; a phone photo has 12–50 million pixels, a drawing's scan far fewer."""
MAX_SIDE = 2400
"""Longer sides are scaled down: the page never shows more, and the file stays small."""
FORM_MARGIN = 256 * 1024
"""What the form's other fields may add to a request beside the picture (the longest texts in UTF-8)."""

MESSAGES = {
    "too_big": _("The picture is too big: at most %(limit)d MB. Choose a smaller picture, or leave it out."),
    "not_image": _("The file is not a picture we can show. Choose a photo or drawing in JPEG, PNG or WebP format."),
    "too_many_pixels": _("The picture is too large in pixels. Take a smaller copy of it and try again."),
}


def max_bytes() -> int:
    return settings.KOHTAAMO_IDEA_PHOTO_MAX_MB * 1024 * 1024


def refusal(code: str) -> ValidationError:
    message = MESSAGES[code]
    if code == "too_big":
        return ValidationError(message, code=code, params={"limit": settings.KOHTAAMO_IDEA_PHOTO_MAX_MB})
    return ValidationError(message, code=code)


def request_too_large(request) -> bool:
    """True when the request's body is bigger than any picture we accept plus the form's text; read from
    the header, so nothing of the body has been read."""
    try:
        length = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        return False
    return length > max_bytes() + FORM_MARGIN


class SkipFilesHandler(FileUploadHandler):
    """Reads a form's text fields and throws its files away unread (for a request that is too large)."""

    def new_file(self, *args, **kwargs):
        raise SkipFile

    def receive_data_chunk(self, raw_data, start):
        return None

    def file_complete(self, file_size):
        return None


def skip_uploaded_files(request) -> None:
    """Makes `request.POST` keep the text and drop the files, unless the body was already parsed."""
    if not hasattr(request, "_files"):
        request.upload_handlers = [SkipFilesHandler(request)]


@dataclass(frozen=True)
class CleanPhoto:
    """A picture re-encoded without its metadata: the bytes, and the file extension of its format."""

    content: bytes
    extension: str
    width: int
    height: int


def clean_photo(upload) -> CleanPhoto:
    """The upload as a clean picture, or ValidationError ("too_big", "not_image", "too_many_pixels")."""
    if upload.size is None or upload.size > max_bytes():
        raise refusal("too_big")
    upload.seek(0)
    with warnings.catch_warnings():
        warnings.simplefilter("error", PILImage.DecompressionBombWarning)
        try:
            image = PILImage.open(upload, formats=list(FORMATS))
            if image.width * image.height > MAX_PIXELS:
                raise refusal("too_many_pixels")
            image.load()
        except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning):
            raise refusal("too_many_pixels") from None
        except (UnidentifiedImageError, OSError, SyntaxError, ValueError, EOFError):
            raise refusal("not_image") from None
    return reencode(image)


def reencode(image: PILImage.Image) -> CleanPhoto:
    """New pixels in a new file: upright, at most MAX_SIDE, the first frame only, no metadata."""
    kind = image.format
    image = ImageOps.exif_transpose(image)
    image.thumbnail((MAX_SIDE, MAX_SIDE))
    transparency = image.info.get("transparency")
    image.info = {}
    if kind == "JPEG" and image.mode not in ("RGB", "L"):
        image = image.convert("RGB")
    if kind == "WEBP" and image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA")
    options: dict = {"exif": b"", "icc_profile": None}
    if kind == "JPEG":
        options.update(quality=85, optimize=True)
    elif kind == "WEBP":
        options.update(quality=85)
    else:
        options.update(optimize=True)
        if transparency is not None and image.mode in ("P", "L", "RGB"):
            options["transparency"] = transparency
    options = {name: value for name, value in options.items() if value is not None}
    output = io.BytesIO()
    image.save(output, format=kind, **options)
    return CleanPhoto(output.getvalue(), FORMATS[kind], image.width, image.height)


def pictures_collection():
    """The collection the ideas' pictures go to, made under the root collection the first time."""
    from wagtail.models import Collection

    root = Collection.get_first_root_node()
    existing = root.get_children().filter(name=COLLECTION_NAME).first()
    return existing or root.add_child(name=COLLECTION_NAME)


def store_photo(photo: CleanPhoto, title: str):
    """Saves the clean picture as a Wagtail image with a random file name; returns the image."""
    from wagtail.images import get_image_model

    image_model = get_image_model()
    name = f"idea-{secrets.token_hex(12)}.{photo.extension}"
    image = image_model(title=title[:255], collection=pictures_collection())
    image.file.save(name, ContentFile(photo.content), save=False)
    image.width, image.height = photo.width, photo.height  # known from the encoding; saving the file forgets them
    image._set_image_file_metadata()
    image.save()
    return image
