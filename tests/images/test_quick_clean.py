"""The save's quick clean of a JPEG: metadata gone, pixels untouched, no decode needed."""

import io

import pytest
from PIL import Image as PILImage
from PIL import ImageCms

from images.models import Image
from images.renditions import clean_upload
from images.services import image_save
from tests.images.conftest import GPS_IFD, gps_exif, picture, upload
from tests.task_queue import drain

XMP = b"http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta><dc:creator>Somebody</dc:creator></x:xmpmeta>"
TRAILER = b"\xff\xd8\xff\xe0 a second picture a phone appended \xff\xd9"


def segment(marker: int, payload: bytes) -> bytes:
    return bytes([0xFF, marker]) + (len(payload) + 2).to_bytes(2, "big") + payload


def photo(orientation: int | None = None, **options) -> bytes:
    """A JPEG with GPS and a camera in EXIF, XMP, a comment, a colour profile and a trailer."""
    buffer = io.BytesIO()
    profile = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    picture((640, 480)).save(
        buffer, format="JPEG", exif=gps_exif(orientation).tobytes(), icc_profile=profile, **options
    )
    data = buffer.getvalue()
    extra = segment(0xE1, XMP) + segment(0xFE, b"shot at 12 Secret Street")
    return data[:2] + extra + data[2:] + TRAILER


def stored(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read()


def decoded(data: bytes) -> PILImage.Image:
    image = PILImage.open(io.BytesIO(data))
    image.load()
    return image


@pytest.mark.parametrize("options", [{}, {"progressive": True}, {"progressive": True, "restart_marker_rows": 1}])
def test_metadata_goes_and_the_pixels_stay_exactly_as_they_were(options):
    data = photo(**options)
    clean = clean_upload(data, quick=True)
    served = decoded(clean.content)
    assert not served.getexif() and not served.getexif().get_ifd(GPS_IFD)
    assert b"xmpmeta" not in clean.content and b"Secret Street" not in clean.content
    assert b"second picture" not in clean.content and clean.content.endswith(b"\xff\xd9")
    assert served.info.get("icc_profile") == decoded(data).info.get("icc_profile")  # colours kept
    assert served.tobytes() == decoded(data).tobytes()  # not re-encoded
    assert (clean.width, clean.height, clean.needs_turning) == (640, 480, False)


def test_a_photo_upright_only_by_its_orientation_keeps_that_one_entry_until_turned():
    clean = clean_upload(photo(orientation=6), quick=True)
    exif = decoded(clean.content).getexif()
    assert dict(exif) == {0x0112: 6}  # no camera, no GPS: only how to turn it
    assert (clean.width, clean.height, clean.needs_turning) == (480, 640, True)


@pytest.mark.django_db
def test_the_worker_turns_the_pixels_and_drops_the_last_exif_entry(queue):
    image = image_save(image=Image(alt_text="Sideways"), upload=upload(photo(orientation=6)))
    quick = image.file.name
    assert (image.width, image.height) == (480, 640)
    assert dict(decoded(stored(image.file)).getexif()) == {0x0112: 6}
    drain()
    image.refresh_from_db()
    assert image.file.name != quick
    turned = decoded(stored(image.file))
    assert turned.size == (480, 640) and not turned.getexif()
    assert image.renditions.exists()
