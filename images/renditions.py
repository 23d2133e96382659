"""Everything Pillow does to an image, done once when it is saved, never when a page is viewed.

An upload becomes a *base file*: turned upright by its EXIF orientation, re-encoded in its own
format without any metadata (no EXIF, GPS, XMP or comments; the colour profile is kept), and
served at ``Image.file``. From the base file come the *renditions*: for each shape (the image as
uploaded, and crops centred on the focal point for heroes, headshots, posters and social cards)
the widths 320, 640, 960, 1280 and 1920 that fit without upscaling, each in WebP and in JPEG
(PNG when the image has transparency). Social cards come in one size, 1200 wide, JPEG or PNG,
which is what link previews ask for.

Each rendition records the *source key* it was made from (the base file and, for crops, the
focal point), so moving the focal point makes only the crops stale and rebuilding touches
nothing else. Animated GIFs and WebPs keep their animation in the base file; their renditions
show the first frame.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterable
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.db import IntegrityError, transaction
from PIL import Image as PILImage
from PIL import ImageOps

from images.models import Image, Rendition

Shape = Rendition.Shape
Format = Rendition.Format

WIDTHS = (320, 640, 960, 1280, 1920)
SOCIAL_WIDTH = 1200
# Width over height of each fixed shape; ORIGINAL keeps the image's own.
RATIOS = {Shape.HERO: 16 / 9, Shape.HEADSHOT: 1.0, Shape.POSTER: 2 / 3, Shape.SOCIAL: 1.91}
# A top size this close to the next smaller standard width adds bytes, not detail.
NEAR_DUPLICATE = 1.1

EXTENSIONS = {Format.WEBP: "webp", Format.JPEG: "jpg", Format.PNG: "png"}
PILLOW_FORMATS = {Format.WEBP: "WEBP", Format.JPEG: "JPEG", Format.PNG: "PNG"}
BASE_EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp", "GIF": "gif"}
ENCODER_OPTIONS = {
    Format.WEBP: {"quality": 80, "method": 4},
    Format.JPEG: {"quality": 82, "optimize": True, "progressive": True},
    Format.PNG: {"compress_level": 6},
}
# Part of every rendition's file name: new encoder settings write new names, so a file, once
# served, never changes under its name and caches may keep it for a year.
ENCODER_TAG = hashlib.sha256(
    repr(sorted((str(k), sorted(v.items())) for k, v in ENCODER_OPTIONS.items())).encode()
).hexdigest()[:6]
BASE_OPTIONS = {
    "JPEG": {"quality": 92, "optimize": True},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 90, "method": 4},
    "GIF": {},
}

__all__ = [
    "CleanImage",
    "Planned",
    "clean_upload",
    "crop_box",
    "planned_widths",
    "rendition_build_all",
    "rendition_plan",
    "rendition_progress",
    "source_keys",
]


# --- The base file ------------------------------------------------------------------------------


@dataclass(frozen=True)
class CleanImage:
    """An upload made safe to serve: upright, metadata gone, same format."""

    content: bytes
    format: str  # Pillow's name
    extension: str
    width: int
    height: int
    has_transparency: bool
    digest: str  # of the cleaned bytes, used as the served file's name
    needs_turning: bool = False  # upright only through an EXIF orientation: clean fully later


def clean_upload(data: bytes, *, quick: bool = False) -> CleanImage:
    """Apply EXIF orientation and re-encode without metadata; the upload must already be validated.

    ``quick`` (for the save, which must not wait on a 12-megapixel re-encode): a JPEG is cleaned
    without decoding it, by dropping its metadata segments and keeping the compressed pixels as
    they are; if it must be turned to be upright, it keeps one EXIF entry, its orientation, which
    browsers follow, and ``needs_turning`` says a full clean should follow (the background task
    runs it). Other formats get the full clean at once.
    """
    if quick and data[:3] == JPEG_START:
        return _strip_jpeg(data)
    with PILImage.open(io.BytesIO(data)) as source:
        image_format = source.format
        icc_profile = source.info.get("icc_profile")
        if getattr(source, "n_frames", 1) > 1:
            content, size, transparent = _clean_animation(source, image_format, icc_profile)
        else:
            source.load()
            upright = ImageOps.exif_transpose(source)
            transparent = _has_transparency(upright)
            content = _encode(upright, image_format, icc_profile, BASE_OPTIONS[image_format], keep=("transparency",))
            size = upright.size
    return CleanImage(
        content=content,
        format=image_format,
        extension=BASE_EXTENSIONS[image_format],
        width=size[0],
        height=size[1],
        has_transparency=transparent,
        digest=hashlib.sha256(content).hexdigest()[:20],
    )


JPEG_START = b"\xff\xd8\xff"
ORIENTATION = 0x0112
# Segments a JPEG needs to be shown as it was meant: JFIF (APP0), the colour profile (APP2
# "ICC_PROFILE"), Adobe's colour transform (APP14). Every other APPn (EXIF, XMP, IPTC, maker
# notes, thumbnails, further pictures) and every comment is metadata and goes.
KEPT_APP = {0xE0: b"JFIF", 0xE2: b"ICC_PROFILE\x00", 0xEE: b"Adobe"}


def _strip_jpeg(data: bytes) -> CleanImage:
    with PILImage.open(io.BytesIO(data)) as source:  # reads the header only
        width, height = source.size
        orientation = source.getexif().get(ORIENTATION, 1)
    kept = [b"\xff\xd8"]
    if orientation in range(2, 9):
        exif = PILImage.Exif()
        exif[ORIENTATION] = orientation
        payload = b"Exif\x00\x00" + exif.tobytes()
        kept.append(b"\xff\xe1" + (len(payload) + 2).to_bytes(2, "big") + payload)
    kept.append(_jpeg_segments(data))
    content = b"".join(kept)
    if orientation in (5, 6, 7, 8):
        width, height = height, width
    return CleanImage(
        content=content,
        format="JPEG",
        extension="jpg",
        width=width,
        height=height,
        has_transparency=False,
        digest=hashlib.sha256(content).hexdigest()[:20],
        needs_turning=orientation in range(2, 9),
    )


def _jpeg_segments(data: bytes) -> bytes:
    """The JPEG after its start marker, without metadata segments and anything after its end
    (phones append further pictures there)."""
    out = bytearray()
    position = 2
    while position + 4 <= len(data):
        if data[position] != 0xFF:
            raise ValueError("not a JPEG marker")
        marker = data[position + 1]
        if marker == 0xFF:  # fill byte
            position += 1
            continue
        if marker == 0xD9:
            break
        length = int.from_bytes(data[position + 2 : position + 4], "big")
        segment = data[position : position + 2 + length]
        signature = KEPT_APP.get(marker)
        if not (0xE0 <= marker <= 0xEF or marker == 0xFE) or (signature and segment[4:].startswith(signature)):
            out += segment
        position += 2 + length
        if marker == 0xDA:  # start of scan: entropy-coded data up to the next real marker
            end = _scan_end(data, position)
            out += data[position:end]
            position = end
    out += b"\xff\xd9"
    return bytes(out)


def _scan_end(data: bytes, position: int) -> int:
    """Where the entropy-coded data starting at ``position`` ends: the next 0xFF that is neither
    a stuffed byte (0xFF00) nor a restart marker (0xFFD0 to 0xFFD7)."""
    while True:
        position = data.find(b"\xff", position)
        if position < 0 or position + 1 >= len(data):
            return len(data)
        following = data[position + 1]
        if following == 0x00 or 0xD0 <= following <= 0xD7 or following == 0xFF:
            position += 1 if following == 0xFF else 2
            continue
        return position


def _clean_animation(source: PILImage.Image, image_format: str, icc_profile) -> tuple[bytes, tuple[int, int], bool]:
    """Re-save every frame with only the timing kept (frames are read one at a time)."""
    source.seek(0)
    first = source.convert("RGBA")
    kept = {key: source.info[key] for key in ("duration", "loop", "background") if key in source.info}
    for key in [key for key in source.info if key not in kept and key != "transparency"]:
        del source.info[key]
    buffer = io.BytesIO()
    options = {"save_all": True, **kept, **BASE_OPTIONS[image_format]}
    if image_format == "WEBP":
        options.update(exif=b"", xmp=b"", icc_profile=icc_profile or b"")
    source.encoderinfo = {}
    source.save(buffer, format=image_format, **options)
    return buffer.getvalue(), source.size, _has_transparency(first)


def _has_transparency(image: PILImage.Image) -> bool:
    """True when at least one pixel is not fully opaque (an unused alpha channel does not count)."""
    if image.mode not in ("RGBA", "LA", "PA", "RGBa", "La") and "transparency" not in image.info:
        return False
    return image.convert("RGBA").getchannel("A").getextrema()[0] < 255


def _encode(image: PILImage.Image, image_format: str, icc_profile, options: dict, keep: Iterable[str] = ()) -> bytes:
    """Encode ``image`` with nothing but its pixels, its colour profile and the keys in ``keep``."""
    image.info = {key: image.info[key] for key in keep if key in image.info}
    if image_format in ("JPEG", "WEBP") and image.mode not in ("RGB", "RGBA", "L", "CMYK"):
        image = image.convert("RGBA" if _has_transparency(image) else "RGB")
    if image_format == "JPEG" and image.mode == "RGBA":
        image = image.convert("RGB")
    if image_format == "WEBP" and image.mode in ("L", "CMYK"):
        image = image.convert("RGB")
    extra = {"icc_profile": icc_profile} if icc_profile else {}
    if image_format == "WEBP":
        extra.update(exif=b"", xmp=b"")
    buffer = io.BytesIO()
    image.save(buffer, format=image_format, **options, **extra)
    return buffer.getvalue()


# --- Geometry -----------------------------------------------------------------------------------


def crop_box(width: int, height: int, ratio: float, focal_x: float, focal_y: float) -> tuple[int, int, int, int]:
    """The largest ``ratio`` box inside the image, centred on the focal point as far as the edges allow."""
    if width / height > ratio:
        crop_width, crop_height = max(1, round(height * ratio)), height
    else:
        crop_width, crop_height = width, max(1, round(width / ratio))
    crop_width, crop_height = min(crop_width, width), min(crop_height, height)
    left = min(max(round(focal_x * width - crop_width / 2), 0), width - crop_width)
    top = min(max(round(focal_y * height - crop_height / 2), 0), height - crop_height)
    return left, top, left + crop_width, top + crop_height


def planned_widths(available: int, shape: str = Shape.ORIGINAL) -> list[int]:
    """The widths to make from ``available`` pixels: the standard ones that fit, and the top one."""
    if shape == Shape.SOCIAL:
        return [min(SOCIAL_WIDTH, available)]
    widths = [width for width in WIDTHS if width < available]
    top = min(available, WIDTHS[-1])
    if not widths or (top not in widths and top >= widths[-1] * NEAR_DUPLICATE):
        widths.append(top)
    return widths


@dataclass(frozen=True)
class Planned:
    """One rendition an image should have."""

    shape: str
    width: int
    height: int
    format: str
    box: tuple[int, int, int, int]
    source_key: str


def _source_key(image: Image, shape: str) -> str:
    parts = [image.file.name]
    if shape != Shape.ORIGINAL:
        parts.append(f"{image.focal_x:.4f},{image.focal_y:.4f}")
    return hashlib.sha256("|".join(parts).encode()).hexdigest()[:12]


def source_keys(image: Image) -> tuple[str, ...]:
    """What the renditions of ``image`` are made from: its base file and, for crops, focal point."""
    return tuple(_source_key(image, shape) for shape in Shape)


def rendition_plan(image: Image) -> list[Planned]:
    """Every rendition ``image`` should have, computed from its row alone (no file is opened)."""
    if not image.file or not image.width or not image.height:
        return []
    fallback = Format.PNG if image.has_transparency else Format.JPEG
    plan = []
    for shape in Shape:
        if shape == Shape.ORIGINAL:
            box = (0, 0, image.width, image.height)
        else:
            box = crop_box(image.width, image.height, RATIOS[shape], image.focal_x, image.focal_y)
        box_width, box_height = box[2] - box[0], box[3] - box[1]
        formats = [fallback] if shape == Shape.SOCIAL else [Format.WEBP, fallback]
        key = _source_key(image, shape)
        for width in planned_widths(box_width, shape):
            height = max(1, round(width * box_height / box_width))
            plan += [Planned(shape, width, height, image_format, box, key) for image_format in formats]
    return plan


@dataclass(frozen=True)
class Progress:
    planned: int
    made: int

    @property
    def done(self) -> bool:
        return self.made >= self.planned


def rendition_progress(image: Image) -> Progress:
    """How many of the renditions ``image`` should have exist (one query)."""
    plan = {(p.shape, p.width, p.format, p.source_key) for p in rendition_plan(image)}
    made = Rendition.objects.filter(image=image).values_list("shape", "width", "format", "source_key")
    return Progress(planned=len(plan), made=len(plan & set(made)))


# --- Building -----------------------------------------------------------------------------------


def rendition_build_all(image: Image, *, force: bool = False) -> list[Rendition]:
    """Make the renditions ``image`` lacks, drop stale ones, and return what was created.

    Call it whenever an image is saved (``images.services.image_save`` does). Renditions already
    made from the same base file and focal point are kept, so a second call creates nothing;
    ``force`` remakes them all. The base file is decoded once, and only if something is missing.
    """
    plan = rendition_plan(image)
    wanted = {(p.shape, p.width, p.format): p for p in plan}
    kept = set()
    for rendition in Rendition.objects.filter(image=image):
        slot = (rendition.shape, rendition.width, rendition.format)
        planned = wanted.get(slot)
        if force or planned is None or planned.source_key != rendition.source_key:
            _delete(rendition)
        else:
            kept.add(slot)
    missing = [planned for slot, planned in wanted.items() if slot not in kept]
    if not missing:
        _record_index(image)
        return []
    created = []
    with image.file.open("rb") as handle, PILImage.open(handle) as source:
        source.seek(0)
        icc_profile = source.info.get("icc_profile")
        pixels = source.convert("RGBA" if image.has_transparency else "RGB")
    for box, group in _by_box(missing).items():
        region = pixels if box == (0, 0, *pixels.size) else pixels.crop(box)
        # Largest first, each size made from the one before: much faster, and looks the same.
        for width in sorted({p.width for p in group}, reverse=True):
            sized = [p for p in group if p.width == width]
            region = _resize(region, width, sized[0].height)
            for planned in sized:
                rendition = _store(image, planned, region, icc_profile)
                if rendition is not None:
                    created.append(rendition)
    _record_index(image)
    return created


def _record_index(image: Image) -> None:
    """Keep the list of renditions on the image row, so pages read it with the image itself."""
    index = [
        {"shape": r.shape, "format": r.format, "width": r.width, "height": r.height, "name": r.file.name}
        for r in Rendition.objects.filter(image=image).order_by("shape", "format", "width")
    ]
    if index != image.rendition_index:
        image.rendition_index = index
        Image.objects.filter(pk=image.pk).update(rendition_index=index)


def _by_box(planned: list[Planned]) -> dict[tuple[int, int, int, int], list[Planned]]:
    groups: dict[tuple[int, int, int, int], list[Planned]] = {}
    for item in planned:
        groups.setdefault(item.box, []).append(item)
    return groups


def _resize(image: PILImage.Image, width: int, height: int) -> PILImage.Image:
    if image.size == (width, height):
        return image
    return image.resize((width, height), PILImage.Resampling.LANCZOS, reducing_gap=3.0)


def _store(image: Image, planned: Planned, pixels: PILImage.Image, icc_profile) -> Rendition | None:
    content = _encode(pixels.copy(), PILLOW_FORMATS[planned.format], icc_profile, ENCODER_OPTIONS[planned.format])
    name = (
        f"{image.pk}/{planned.shape}-{planned.width}w-{planned.source_key}-{ENCODER_TAG}.{EXTENSIONS[planned.format]}"
    )
    rendition = Rendition(
        image=image,
        shape=planned.shape,
        format=planned.format,
        width=planned.width,
        height=planned.height,
        source_key=planned.source_key,
    )
    rendition.file.save(name, ContentFile(content), save=False)
    try:
        with transaction.atomic():
            rendition.save()
    except IntegrityError:  # another process made the same one a moment ago; keep theirs
        rendition.file.delete(save=False)
        return None
    return rendition


def _delete(rendition: Rendition) -> None:
    rendition.file.delete(save=False)
    rendition.delete()


def rendition_delete_all(image: Image) -> None:
    """Remove every rendition of ``image`` and its file (the rows also go when the image does)."""
    for rendition in Rendition.objects.filter(image=image):
        _delete(rendition)
