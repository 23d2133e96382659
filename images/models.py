from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models

from images.validators import validate_image_file


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

    class Meta:
        verbose_name = "image"
        verbose_name_plural = "images"
        ordering = ["-uploaded_at", "-pk"]
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
        return self.title or self.alt_text
