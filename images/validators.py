"""Upload checks that look at what a file is, not what it is called.

A file is accepted only when Pillow recognises it, by its bytes, as a JPEG, PNG, WebP or GIF
within the size limits, and decodes it completely. Everything else is refused with a message
that tells the editor why, naming what the file really is when its first bytes give it away.
"""

from __future__ import annotations

import contextlib
import warnings
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}

# First bytes of things that arrive with an image's name but are not images we accept.
DISGUISES = [
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"PK\x05\x06", "an empty ZIP archive"),
    (b"%PDF", "a PDF document"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"BM", "a BMP image"),
]
# An animation is kept whole in the base file, so saving one re-encodes every frame: about ten
# million pixels a second. Its frames may hold this many pixels in all (frames × width × height),
# which keeps the save to a couple of seconds; and this many frames, since each costs time too.
ANIMATION_PIXEL_BUDGET = 20_000_000
ANIMATION_MAX_FRAMES = 1000
# A marker set on an upload once it has passed, so the form and the model do not decode it twice.
CHECKED = "_callboard_image_format"


@dataclass(frozen=True)
class ImageInfo:
    """What the content of an accepted upload turned out to be."""

    format: str  # Pillow's name: JPEG, PNG, WEBP or GIF
    width: int
    height: int


def _describe_disguise(head: bytes) -> str | None:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if stripped.startswith((b"<svg", b"<?xml")) or b"<svg" in stripped:
        return "an SVG drawing (SVG can carry scripts, so it is not accepted)"
    if stripped.startswith((b"<!doctype html", b"<html")):
        return "a web page"
    for signature, description in DISGUISES:
        if head.startswith(signature):
            return description
    return None


def identify_image(upload) -> ImageInfo:
    """Check an upload by its content and say what it is; raise ValidationError saying why not.

    Decodes the whole image, so truncated and corrupt files are caught here rather than when
    renditions are made. The upload's position is left where it was.
    """
    max_bytes = settings.CALLBOARD_IMAGE_MAX_BYTES
    max_pixels = settings.CALLBOARD_IMAGE_MAX_PIXELS
    if upload.size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(limit)s.",
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        head = upload.read(512)
        upload.seek(0)
        return _identify(upload, head, max_pixels)
    finally:
        upload.seek(position)


def _identify(upload, head: bytes, max_pixels: int) -> ImageInfo:
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its two bomb thresholds; a warning is a refusal here.
            warnings.simplefilter("error", PILImage.DecompressionBombWarning)
            with PILImage.open(upload) as image:
                image_format = image.format
                width, height = image.size
                if image_format not in ALLOWED_FORMATS:
                    raise ValidationError(
                        "This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF.",
                        code="format_not_allowed",
                        params={"format": image_format or "unknown"},
                    )
                if width * height > max_pixels:
                    raise ValidationError(
                        "This image is %(width)s×%(height)s pixels (%(megapixels)s megapixels); "
                        "the limit is %(limit)s megapixels. Resize it before uploading.",
                        code="too_many_pixels",
                        params={
                            "width": width,
                            "height": height,
                            "megapixels": round(width * height / 1_000_000, 1),
                            "limit": max_pixels // 1_000_000,
                        },
                    )
                _check_animation(image, width, height)
                if image_format == "JPEG":
                    # Every coefficient is still read (a cut-off file fails), but pixels are made at
                    # an eighth of the size: a 12-megapixel photo is checked in a fraction of the time.
                    image.draft(image.mode, (max(1, width // 8), max(1, height // 8)))
                image.load()  # a full decode: verify() alone does not notice a truncated JPEG
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            "This image declares far more pixels than its file size allows (a “decompression bomb”); "
            "it is not safe to open.",
            code="decompression_bomb",
        ) from error
    except PILImage.UnidentifiedImageError as error:
        disguise = _describe_disguise(head)
        if disguise:
            raise ValidationError(
                "This file is not an image: it is %(what)s. Upload a JPEG, PNG, WebP or GIF.",
                code="not_an_image",
                params={"what": disguise},
            ) from error
        raise ValidationError(
            "This file is not an image Callboard can read; upload a JPEG, PNG, WebP or GIF.",
            code="not_an_image",
        ) from error
    except Exception as error:  # Pillow raises OSError, SyntaxError, ValueError… for bad data.
        raise ValidationError(
            "This image is damaged or incomplete (it may have been cut off while downloading); "
            "export it again and upload the new file.",
            code="unreadable_image",
        ) from error
    return ImageInfo(image_format, width, height)


def _count_frames(image: PILImage.Image, limit: int) -> int:
    """The animation's frames, counted only up to `limit` + 1: a file of a million tiny frames is
    refused without reading them all."""
    if not getattr(image, "is_animated", False):
        return 1
    count = 1
    with contextlib.suppress(EOFError):
        while count <= limit:
            image.seek(count)
            count += 1
    image.seek(0)
    return count


def _check_animation(image: PILImage.Image, width: int, height: int) -> None:
    """Refuse an animation whose frames, all re-encoded when it is saved, would take too long."""
    per_frame = max(1, width * height)
    limit = min(ANIMATION_MAX_FRAMES, ANIMATION_PIXEL_BUDGET // per_frame)
    frames = _count_frames(image, limit)
    if frames <= limit:
        return
    raise ValidationError(
        "This animation has more than %(limit)s frames of %(width)s×%(height)s pixels; Callboard takes "
        "animations of at most %(max_frames)s frames and %(megapixels)s million pixels across all frames. "
        "Shorten it, make it smaller, or upload a still image or a video instead.",
        code="animation_too_large",
        params={
            "limit": limit,
            "width": width,
            "height": height,
            "max_frames": ANIMATION_MAX_FRAMES,
            "megapixels": ANIMATION_PIXEL_BUDGET // 1_000_000,
        },
    )


def validate_image_file(upload) -> None:
    """Refuse files that are not a readable JPEG, PNG, WebP or GIF within the size limits."""
    # A file already in storage was accepted when it arrived; do not decode it on every clean.
    if getattr(upload, "_committed", False):
        return
    inner = getattr(upload, "file", None)
    if getattr(upload, CHECKED, None) or getattr(inner, CHECKED, None):
        return  # the upload form already checked this very upload
    info = identify_image(upload)
    for target in (upload, inner):
        # Some file wrappers refuse new attributes; checking such a file twice is harmless.
        with contextlib.suppress(AttributeError):
            setattr(target, CHECKED, info.format)
