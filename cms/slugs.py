"""Slugs for rows made from a name or title, never taken twice."""

from django.db import models
from django.utils.text import slugify


def free_slug(queryset: models.QuerySet, text: str, *, fallback: str, max_length: int = 300) -> str:
    """The slug of ``text`` (``fallback`` when it has none), with "-2", "-3"… added until no row
    of ``queryset`` has it."""
    base = slugify(text)[:max_length] or fallback
    slug, n = base, 2
    while queryset.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug
