"""Images for the library tests, all drawn with Pillow at test time."""

import io
import struct
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image as PILImage

from images.models import Image
from images.services import image_save

GPS_IFD = 0x8825
ORIENTATION = 0x0112
CONTENT_TYPES = {"JPEG": "image/jpeg", "PNG": "image/png", "WEBP": "image/webp", "GIF": "image/gif"}


def gps_exif(orientation: int | None = None) -> PILImage.Exif:
    """EXIF naming a camera and a place (Paris), optionally with an orientation."""
    exif = PILImage.Exif()
    exif[0x010F] = "Callboard Test Camera"
    if orientation:
        exif[ORIENTATION] = orientation
    exif[GPS_IFD] = {1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)}
    return exif


def picture(size=(800, 600), mode="RGB", color=(200, 30, 60)) -> PILImage.Image:
    """A picture whose left half is red and right half blue, so rotations can be seen."""
    image = PILImage.new(mode, size, color if mode != "RGBA" else (*color[:3], 255))
    right = (20, 40, 220) if mode != "RGBA" else (20, 40, 220, 255)
    image.paste(right, (size[0] // 2, 0, size[0], size[1]))
    return image


def encode(image: PILImage.Image, fmt: str = "JPEG", **options) -> bytes:
    buffer = io.BytesIO()
    if fmt == "JPEG" and image.mode != "RGB":
        image = image.convert("RGB")
    image.save(buffer, format=fmt, **options)
    return buffer.getvalue()


def upload(content: bytes, name: str = "picture.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)


def image_upload(fmt: str = "JPEG", size=(800, 600), name: str | None = None, **options) -> SimpleUploadedFile:
    mode = "RGBA" if options.pop("transparent", False) else "RGB"
    image = picture(size, mode)
    if mode == "RGBA":
        image.putpixel((0, 0), (0, 0, 0, 0))
    extension = {"JPEG": "jpg"}.get(fmt, fmt.lower())
    return upload(encode(image, fmt, **options), name or f"picture.{extension}", CONTENT_TYPES[fmt])


def png_bomb(width: int = 30_000, height: int = 30_000) -> bytes:
    """A tiny PNG whose header claims a huge canvas: what a decompression bomb looks like to Pillow."""
    data = bytearray(encode(PILImage.new("1", (1, 1)), "PNG"))
    ihdr = 8 + 4  # signature, then the chunk length
    data[ihdr + 4 : ihdr + 12] = struct.pack(">II", width, height)
    crc = zlib.crc32(bytes(data[ihdr : ihdr + 4 + 13]))
    data[ihdr + 17 : ihdr + 21] = struct.pack(">I", crc)
    return bytes(data)


def zip_archive() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("picture.png", encode(picture((10, 10)), "PNG"))
        archive.writestr("readme.txt", "not an image")
    return buffer.getvalue()


SVG_WITH_SCRIPT = (
    b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b'<script>alert("owned")</script><rect width="10" height="10"/></svg>'
)


def stored_image(upload_file=None, **fields) -> Image:
    """An image saved the way the admin saves one: cleaned, kept privately, renditions made."""
    fields.setdefault("alt_text", "Two dancers rehearsing")
    return image_save(image=Image(**fields), upload=upload_file or image_upload())


@pytest.fixture
def private_root(settings):
    from images.storage import private_storage

    return private_storage().location
