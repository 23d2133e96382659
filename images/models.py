from dataclasses import dataclass

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch

from images.storage import private_storage
from images.validators import validate_image_file


class ImageQuerySet(models.QuerySet):
    def with_renditions(self) -> "ImageQuerySet":
        """Images with their stored renditions, so templates can build srcsets without queries."""
        return self.prefetch_related(renditions_prefetch())


def renditions_prefetch(through: str = "") -> Prefetch:
    """The prefetch that lets `{% picture %}` and the Open Graph tags read renditions for free.

    ``through`` is the relation to an image from the rows being fetched, e.g. ``"hero_image"``
    for articles or ``"headshot"`` for people; add it next to the ``select_related`` of that
    relation: ``Article.objects.select_related("hero_image").prefetch_related(
    renditions_prefetch("hero_image"))``.
    """
    lookup = f"{through}__renditions" if through else "renditions"
    return Prefetch(lookup, queryset=Rendition.objects.order_by("shape", "format", "width"))


class Image(models.Model):
    """A picture in the shared library: headshots, posters, hero and body images."""

    file = models.ImageField(
        "file",
        upload_to="images/%Y/%m/",
        width_field="width",
        height_field="height",
        validators=[validate_image_file],
        help_text="JPEG, PNG, WebP or GIF, at most 20 MB.",
    )
    original = models.FileField(
        "original upload",
        storage=private_storage,
        upload_to="originals/%Y/%m/",
        blank=True,
        editable=False,
        help_text="The file exactly as uploaded, metadata included; staff only, never served to readers.",
    )
    title = models.CharField(
        "title", max_length=200, blank=True, help_text="For finding the image in the library; never shown to readers."
    )
    alt_text = models.CharField(
        "alt text",
        max_length=300,
        help_text="What the image shows, for readers who cannot see it. Required.",
    )
    caption = models.CharField("caption", max_length=500, blank=True)
    credit = models.CharField(
        "credit",
        max_length=200,
        blank=True,
        help_text='Photographer and source as printed, e.g. "Sophie Giraud/Netflix".',
    )
    licence = models.CharField(
        "licence or usage note",
        max_length=300,
        blank=True,
        help_text='e.g. "Netflix press kit, editorial use only".',
    )
    focal_x = models.FloatField(
        "focal point (x)",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the left edge, 1 the right; crops keep this point in view.",
    )
    focal_y = models.FloatField(
        "focal point (y)",
        default=0.5,
        validators=[MinValueValidator(0), MaxValueValidator(1)],
        help_text="0 is the top edge, 1 the bottom.",
    )
    width = models.PositiveIntegerField("width", editable=False, default=0)
    height = models.PositiveIntegerField("height", editable=False, default=0)
    has_transparency = models.BooleanField(
        "has transparency",
        default=False,
        editable=False,
        help_text="Transparent images get PNG rather than JPEG renditions beside the WebP ones.",
    )
    rendition_index = models.JSONField(
        "rendition index",
        default=list,
        editable=False,
        help_text="The stored renditions (shape, format, size, file), kept with the image so pages need no query.",
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="uploaded by",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    uploaded_at = models.DateTimeField("uploaded", auto_now_add=True)

    objects = ImageQuerySet.as_manager()

    class Meta:
        verbose_name = "image"
        verbose_name_plural = "images"
        ordering = ["-uploaded_at", "-pk"]
        permissions = [("change_image_in_use", "Can change images readers already see")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(focal_x__gte=0, focal_x__lte=1, focal_y__gte=0, focal_y__lte=1),
                name="image_focal_point_inside",
                violation_error_message="The focal point must lie inside the image (0 to 1).",
            ),
            models.CheckConstraint(
                condition=~models.Q(alt_text=""),
                name="image_alt_text_required",
                violation_error_message="Every image needs alt text.",
            ),
        ]

    def __str__(self) -> str:
        """The library's label: what it shows, who took it, and the number for ``![…](image:42)``."""
        label = self.title or self.alt_text
        if self.credit:
            label = f"{label} — {self.credit}"
        return f"{label} (#{self.pk})" if self.pk else label

    def prefetched_renditions(self) -> list["Rendition"] | list["StoredRendition"] | None:
        """The image's renditions without a query: the prefetch cache if there is one, else the
        index stored on the image row when they were made, or None when there are none yet.

        Templates call this instead of ``renditions.all``, so showing a picture never costs a
        query, whatever the page fetched.
        """
        cache = getattr(self, "_prefetched_objects_cache", {})
        if "renditions" in cache:
            return list(cache["renditions"])
        if not self.rendition_index:
            return None
        # Built once per index: a page shows the same image's picture and its social card.
        source, stored = self.__dict__.get("_stored_renditions", (None, None))
        if source is not self.rendition_index:
            stored = [StoredRendition(**entry) for entry in self.rendition_index]
            self.__dict__["_stored_renditions"] = (self.rendition_index, stored)
        return list(stored)


@dataclass(frozen=True)
class StoredRendition:
    """A rendition as recorded in ``Image.rendition_index``: enough to write `srcset`."""

    shape: str
    format: str
    width: int
    height: int
    name: str

    @property
    def url(self) -> str:
        return default_storage.url(self.name)


class Rendition(models.Model):
    """One stored size, shape and format of an image, made when the image is saved."""

    class Shape(models.TextChoices):
        ORIGINAL = "original", "as uploaded"
        HERO = "hero", "hero (16:9)"
        HEADSHOT = "headshot", "headshot (1:1)"
        POSTER = "poster", "poster (2:3)"
        SOCIAL = "social", "social card (1.91:1)"

    class Format(models.TextChoices):
        WEBP = "webp", "WebP"
        JPEG = "jpeg", "JPEG"
        PNG = "png", "PNG"

    image = models.ForeignKey(Image, verbose_name="image", on_delete=models.CASCADE, related_name="renditions")
    shape = models.CharField("shape", max_length=16, choices=Shape.choices)
    format = models.CharField("format", max_length=8, choices=Format.choices)
    file = models.FileField("file", upload_to="renditions/")
    width = models.PositiveIntegerField("width")
    height = models.PositiveIntegerField("height")
    source_key = models.CharField(
        "source key",
        max_length=16,
        help_text="Which base file and focal point this was made from; a different key means it is stale.",
    )
    created_at = models.DateTimeField("created", auto_now_add=True)

    class Meta:
        verbose_name = "rendition"
        verbose_name_plural = "renditions"
        ordering = ["image", "shape", "format", "width"]
        constraints = [
            models.UniqueConstraint(fields=["image", "shape", "width", "format"], name="rendition_unique_size"),
        ]

    def __str__(self) -> str:
        return f"{self.image_id} {self.shape} {self.width}w {self.format}"

    @property
    def url(self) -> str:
        return self.file.url
