"""Upload checks that look at what a file is, not what it is called."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from PIL import Image as PILImage

ALLOWED_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WebP", "GIF": "GIF"}


def validate_image_file(upload) -> None:
    """Refuse files that are not a readable JPEG, PNG, WebP or GIF within the size limits."""
    max_bytes = settings.CALLBOARD_IMAGE_MAX_BYTES
    if upload.size > max_bytes:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(limit)s.",
            code="file_too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(max_bytes)},
        )
    position = upload.tell() if hasattr(upload, "tell") else 0
    try:
        upload.seek(0)
        with PILImage.open(upload) as image:
            image_format = image.format
            width, height = image.size
            if image_format not in ALLOWED_FORMATS:
                raise ValidationError(
                    "This file is a %(format)s image; upload a JPEG, PNG, WebP or GIF.",
                    code="format_not_allowed",
                    params={"format": image_format or "unknown"},
                )
            if width * height > settings.CALLBOARD_IMAGE_MAX_PIXELS:
                raise ValidationError(
                    "This image is %(width)s×%(height)s pixels; the limit is %(limit)s megapixels.",
                    code="too_many_pixels",
                    params={
                        "width": width,
                        "height": height,
                        "limit": settings.CALLBOARD_IMAGE_MAX_PIXELS // 1_000_000,
                    },
                )
            image.verify()
    except ValidationError:
        raise
    except (PILImage.DecompressionBombError, PILImage.DecompressionBombWarning) as error:
        raise ValidationError(
            "This image declares more pixels than it is safe to open.", code="decompression_bomb"
        ) from error
    except Exception as error:  # Pillow raises many types for unreadable data.
        raise ValidationError(
            "This file is not an image Callboard can read (it may be corrupt or truncated).",
            code="unreadable_image",
        ) from error
    finally:
        upload.seek(position)
