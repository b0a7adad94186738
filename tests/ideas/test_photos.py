"""A family's photo or drawing: only real JPEG, PNG or WebP pictures of a limited size, re-encoded without their
metadata, stored under a random name, and shown only once the idea is public."""

import io
import struct
import uuid
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.utils import translation
from django.utils.translation import gettext
from PIL import Image as PILImage
from PIL import PngImagePlugin
from wagtail.images import get_image_model

from ideas import photos
from ideas.models import Idea, IdeaStatus
from tests.events.builders import translate

from .builders import make_ideas_site

URL = "/en/ideat/ehdota/"
GPS_IFD = 0x8825
ORIENTATION = 0x0112


@pytest.fixture
def site(db):
    site = make_ideas_site()
    translate(site["ideas_page"], "en", title="Ideas")
    return site


def jpeg_with_gps(size=(40, 20), orientation=None) -> bytes:
    image = PILImage.new("RGB", size, (200, 30, 30))
    exif = image.getexif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif.get_ifd(GPS_IFD).update({1: "N", 2: (60.0, 17.0, 30.0), 3: "E", 4: (25.0, 2.0, 10.0)})
    if orientation:
        exif[ORIENTATION] = orientation
    output = io.BytesIO()
    image.save(output, "JPEG", exif=exif.tobytes(), comment=b"secret comment")
    return output.getvalue()


def picture(kind: str, size=(30, 30), **options) -> bytes:
    output = io.BytesIO()
    PILImage.new("RGB", size, (20, 120, 60)).save(output, kind, **options)
    return output.getvalue()


def png_claiming(width: int, height: int) -> bytes:
    """A small PNG whose header claims the given size (a decompression bomb's disguise)."""
    data = bytearray(picture("PNG", (8, 8)))
    ihdr = struct.pack(">II", width, height) + bytes(data[24:29])
    data[16:29] = ihdr
    data[29:33] = struct.pack(">I", zlib.crc32(b"IHDR" + ihdr) & 0xFFFFFFFF)
    return bytes(data)


def proposal(**fields) -> dict:
    return {
        "title": "Piirustus pihasta",
        "description": "Liukumäki pihalle.",
        "language": "fi",
        "submission_key": str(uuid.uuid4()),
        **fields,
    }


def stored_picture(idea: Idea) -> PILImage.Image:
    with idea.photo.open_file() as handle:
        image = PILImage.open(io.BytesIO(handle.read()))
        image.load()
    return image


def test_a_photo_is_stored_upright_without_exif_gps_or_comments_under_a_random_name(client, site):
    upload = SimpleUploadedFile("aino-kotona.jpg", jpeg_with_gps(orientation=6), content_type="image/jpeg")
    response = client.post(URL, proposal(photo=upload, photo_alt="A red slide"))
    assert response.status_code == 302
    idea = Idea.objects.select_related("photo__collection").get()
    assert idea.photo is not None
    assert idea.photo_alt == "A red slide"
    assert idea.photo.collection.name == photos.COLLECTION_NAME
    assert idea.photo.collection.get_parent().is_root()
    assert "aino" not in idea.photo.file.name
    image = stored_picture(idea)
    assert image.format == "JPEG"
    assert image.size == (20, 40)  # turned upright by its orientation, then the orientation was dropped
    assert not image.getexif()
    assert "exif" not in image.info
    assert "comment" not in image.info
    assert (idea.photo.width, idea.photo.height) == (20, 40)


def test_a_png_loses_its_text_chunks_and_a_webp_is_accepted(client, site):
    info = PngImagePlugin.PngInfo()
    info.add_text("Author", "Aino Virtanen")
    png = SimpleUploadedFile("drawing.png", picture("PNG", pnginfo=info), content_type="image/png")
    client.post(URL, proposal(photo=png))
    webp = SimpleUploadedFile("drawing.webp", picture("WEBP"), content_type="image/webp")
    client.post(URL, proposal(photo=webp))
    first, second = Idea.objects.order_by("pk")
    assert "Author" not in stored_picture(first).info
    assert stored_picture(first).format == "PNG"
    assert stored_picture(second).format == "WEBP"


@pytest.mark.parametrize(
    "name, content",
    [
        ("photo.jpg", b"This is not a picture at all, just text."),
        ("photo.gif", picture("GIF")),
        ("photo.bmp", picture("BMP")),
        ("photo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
        ("photo.jpg", jpeg_with_gps()[:200]),  # cut short
    ],
)
def test_a_file_that_is_not_a_jpeg_png_or_webp_picture_is_refused_and_nothing_is_stored(client, site, name, content):
    response = client.post(URL, proposal(photo=SimpleUploadedFile(name, content)))
    assert response.status_code == 200
    assert not Idea.objects.exists()
    assert not get_image_model().objects.exists()
    with translation.override("en"):
        assert str(photos.MESSAGES["not_image"]) in response.content.decode()
    assert 'value="Piirustus pihasta"' in response.content.decode()  # the text is kept


def test_a_picture_with_too_many_pixels_is_refused_before_it_is_decoded(client, site):
    bomb = SimpleUploadedFile("bomb.png", png_claiming(30_000, 30_000), content_type="image/png")
    response = client.post(URL, proposal(photo=bomb))
    assert not Idea.objects.exists()
    with translation.override("en"):
        assert str(photos.MESSAGES["too_many_pixels"]) in response.content.decode()


class UnreadableUpload(SimpleUploadedFile):
    """An upload that fails the test if anything reads it."""

    def read(self, *args, **kwargs):
        raise AssertionError("The picture was read before its size was checked.")

    def seek(self, *args, **kwargs):
        raise AssertionError("The picture was read before its size was checked.")


def test_a_50_mb_upload_is_refused_by_its_size_without_being_read():
    upload = UnreadableUpload("huge.jpg", b"", content_type="image/jpeg")
    upload.size = 50 * 1024 * 1024
    with pytest.raises(ValidationError) as refused:
        photos.clean_photo(upload)
    assert refused.value.code == "too_big"


def test_a_50_mb_request_is_refused_from_its_length_the_text_is_kept_and_nothing_is_stored(client, site, monkeypatch):
    def never(upload):
        raise AssertionError("The upload reached the picture checks; the request's length should have stopped it.")

    monkeypatch.setattr(photos, "clean_photo", never)
    huge = SimpleUploadedFile("huge.jpg", b"\xff" * (50 * 1024 * 1024), content_type="image/jpeg")
    response = client.post(URL, proposal(photo=huge))
    assert response.status_code == 200
    assert not Idea.objects.exists()
    assert not get_image_model().objects.exists()
    html = response.content.decode()
    with translation.override("en"):
        assert gettext("The picture is too big: at most %(limit)d MB.") % {"limit": 8} in html
    assert 'value="Piirustus pihasta"' in html


@override_settings(KOHTAAMO_IDEA_PHOTO_MAX_MB=1)
def test_a_picture_just_over_the_limit_is_refused_by_the_form(client, site):
    over = SimpleUploadedFile("big.png", b"\x89PNG" + b"\0" * (1024 * 1024), content_type="image/png")
    response = client.post(URL, proposal(photo=over))
    assert not Idea.objects.exists()
    with translation.override("en"):
        assert gettext("The picture is too big: at most %(limit)d MB.") % {"limit": 1} in response.content.decode()


def test_a_description_of_the_picture_without_a_picture_is_refused(client, site):
    response = client.post(URL, proposal(photo_alt="A slide"))
    assert not Idea.objects.exists()
    with translation.override("en"):
        assert gettext("Add the picture too, or leave this empty.") in response.content.decode()


def test_the_picture_shows_only_once_the_idea_is_public(client, site):
    upload = SimpleUploadedFile("slide.jpg", jpeg_with_gps(size=(600, 400)), content_type="image/jpeg")
    client.post(URL, proposal(photo=upload, photo_alt="A red <b>slide</b>"))
    idea = Idea.objects.get()
    assert client.get(f"/ideat/{idea.pk}/").status_code == 404
    idea.set_status(IdeaStatus.PUBLISHED)
    html = client.get(f"/ideat/{idea.pk}/").content.decode()
    assert 'alt="A red &lt;b&gt;slide&lt;/b&gt;"' in html
    assert "/media/images/" in html  # a rendition
    assert idea.photo.file.name not in html  # never the original


def test_a_picture_without_a_description_is_decorative(client, site):
    upload = SimpleUploadedFile("slide.png", picture("PNG", (300, 200)), content_type="image/png")
    client.post(URL, proposal(photo=upload))
    idea = Idea.objects.get()
    idea.set_status(IdeaStatus.PUBLISHED)
    html = client.get(f"/ideat/{idea.pk}/").content.decode()
    assert 'alt=""' in html
