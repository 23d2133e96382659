"""What pages show of an image, read from stored renditions only: no Pillow, no file access.

Page views get renditions through ``Image.objects.with_renditions()`` or
``renditions_prefetch(...)``; the functions here read that prefetch cache and never query. An
image whose renditions were not fetched, or not made yet, is shown from its base file, which
has had its metadata removed like every rendition.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from articles.text.render import BodyImage, image_references
from images.models import Image, Rendition

Shape = Rendition.Shape
Format = Rendition.Format

# The `src` of an <img> for browsers that ignore srcset: the largest fallback up to this width.
DEFAULT_SRC_WIDTH = 1280
BODY_SRC_WIDTH = 960


@dataclass(frozen=True)
class Picture:
    """Everything a `<picture>` element needs, as strings ready for attributes."""

    src: str
    width: int
    height: int
    srcset: str = ""
    webp_srcset: str = ""


@dataclass(frozen=True)
class SocialCard:
    url: str
    width: int
    height: int


def _srcset(renditions: Iterable[Rendition]) -> str:
    return ", ".join(f"{r.url} {r.width}w" for r in sorted(renditions, key=lambda r: r.width))


def _pick(renditions: list[Rendition], up_to: int) -> Rendition:
    fitting = [r for r in renditions if r.width <= up_to]
    return max(fitting, key=lambda r: r.width) if fitting else min(renditions, key=lambda r: r.width)


def picture(image: Image, shape: str = Shape.ORIGINAL, *, src_width: int = DEFAULT_SRC_WIDTH) -> Picture:
    """The srcsets and fallback for ``image`` in ``shape``, from its prefetched renditions."""
    renditions = [r for r in image.prefetched_renditions() or [] if r.shape == shape]
    fallback = [r for r in renditions if r.format != Format.WEBP]
    if not fallback:
        return Picture(src=image.file.url, width=image.width, height=image.height)
    chosen = _pick(fallback, src_width)
    return Picture(
        src=chosen.url,
        width=chosen.width,
        height=chosen.height,
        srcset=_srcset(fallback),
        webp_srcset=_srcset(r for r in renditions if r.format == Format.WEBP),
    )


def social_card(image: Image) -> SocialCard:
    """The 1.91:1 crop link previews use, or the base file when it has not been made."""
    cards = [r for r in image.prefetched_renditions() or [] if r.shape == Shape.SOCIAL and r.format != Format.WEBP]
    if not cards:
        return SocialCard(url=image.file.url, width=image.width, height=image.height)
    card = max(cards, key=lambda r: r.width)
    return SocialCard(url=card.url, width=card.width, height=card.height)


def body_image(image: Image) -> BodyImage:
    """How the article body shows ``image`` (uncropped), for ``render_body(images=...)``."""
    shown = picture(image, Shape.ORIGINAL, src_width=BODY_SRC_WIDTH)
    return BodyImage(
        src=shown.src,
        srcset=shown.srcset,
        webp_srcset=shown.webp_srcset,
        width=shown.width,
        height=shown.height,
        alt=image.alt_text,
        caption=image.caption,
        credit=image.credit,
    )


def body_images(source: str) -> dict[int, BodyImage]:
    """The library images a Markdown body refers to, keyed by id, in two queries (none if it has none)."""
    ids = image_references(source)
    if not ids:
        return {}
    return {image.pk: body_image(image) for image in Image.objects.filter(pk__in=ids).with_renditions()}
