"""Where an image is used: every row pointing at it, and every article body that names it.

Foreign keys to the library (article heroes, person headshots, work posters, and whatever is
added later) are found from the model graph, so a new relation shows up here without a change.
Body references (``![alt](image:42)``) are not foreign keys; they are found by searching the
bodies and confirmed with the body parser, so "image:421" never counts as a use of image 42.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.db import models
from django.urls import NoReverseMatch, reverse

from articles.text.render import image_references
from images.models import Image, Rendition

# Models whose Markdown text may reference library images, and the field holding it.
BODY_FIELDS = [("articles", "Article", "body")]


@dataclass(frozen=True)
class Use:
    """One place an image appears: what kind of place, the row, and its admin page if any."""

    role: str
    obj: models.Model
    admin_url: str | None

    def __str__(self) -> str:
        return f"{self.role}: {self.obj}"


def _admin_url(obj: models.Model) -> str | None:
    try:
        return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return None


def _relations() -> Iterator[tuple[type[models.Model], models.Field]]:
    """Every foreign key or many-to-many from another model to Image (renditions excluded)."""
    for relation in Image._meta.get_fields(include_hidden=True):
        if relation.auto_created and not relation.concrete and relation.related_model is not Rendition:
            yield relation.related_model, relation.field


def body_references(image: Image) -> list[models.Model]:
    """Rows whose Markdown body shows ``image`` with ``![…](image:ID)``."""
    found = []
    for app_label, model_name, field_name in BODY_FIELDS:
        model = apps.get_model(app_label, model_name)
        candidates = model._default_manager.filter(**{f"{field_name}__contains": f"image:{image.pk}"})
        found += [row for row in candidates if image.pk in image_references(getattr(row, field_name))]
    return found


def image_usage(image: Image) -> list[Use]:
    """Everything that shows ``image``, for the admin's "where used" list and the delete check."""
    if image.pk is None:
        return []
    uses = []
    for model, field in _relations():
        role = f"{model._meta.verbose_name} {field.verbose_name}".capitalize()
        for obj in model._default_manager.filter(**{field.name: image}).distinct():
            uses.append(Use(role, obj, _admin_url(obj)))
    for obj in body_references(image):
        uses.append(Use(f"{obj._meta.verbose_name} body".capitalize(), obj, _admin_url(obj)))
    return uses
