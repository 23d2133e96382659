import posixpath

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.urls import path, reverse
from django.utils.html import format_html, format_html_join

from cms.admin_mixins import ChangesPublicPages
from images.forms import ImageAdminForm
from images.models import Image, Rendition
from images.pictures import picture
from images.renditions import rendition_progress
from images.services import can_change_image, image_delete, image_save
from images.usage import body_references, image_usage

PREVIEW_WIDTH = 960
THUMBNAIL_WIDTH = 320
CROP_SHAPES = [Rendition.Shape.HERO, Rendition.Shape.HEADSHOT, Rendition.Shape.POSTER, Rendition.Shape.SOCIAL]


@admin.register(Image)
class ImageAdmin(ChangesPublicPages, admin.ModelAdmin):
    form = ImageAdminForm
    list_display = ["thumbnail", "__str__", "credit", "dimensions", "uploaded_at", "uploaded_by"]
    list_display_links = ["thumbnail", "__str__"]
    list_select_related = ["uploaded_by"]
    search_fields = ["title", "alt_text", "caption", "credit", "licence"]
    search_help_text = "Search title, alt text, caption, credit and licence, or type an image number such as 42."
    date_hierarchy = "uploaded_at"
    readonly_fields = ["preview", "renditions_made", "crops", "where_used", "original_file"]
    fieldsets = [
        (None, {"fields": ["file", "preview", "alt_text", "caption", "credit", "licence"]}),
        (
            "Focal point",
            {
                "fields": ["focal_x", "focal_y", "renditions_made", "crops"],
                "description": "Click the preview to choose the point every crop keeps in view.",
            },
        ),
        ("Library", {"fields": ["title", "where_used", "original_file"]}),
    ]

    class Media:
        js = ["js/focal-point.js", "js/drop-upload.js"]
        css = {"all": ["css/admin-images.css"]}

    def get_queryset(self, request):
        return super().get_queryset(request).with_renditions()

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or can_change_image(request.user, obj))

    def get_search_results(self, request, queryset, search_term):
        """Also find an image by its number (``42`` or ``#42``), as written in ``![…](image:42)``."""
        results, may_have_duplicates = super().get_search_results(request, queryset, search_term)
        number = search_term.strip().removeprefix("#").removeprefix("image:")
        if number.isdigit():
            results |= queryset.filter(pk=int(number))
        return results, may_have_duplicates

    # --- Display ----------------------------------------------------------------------------

    @admin.display(description="")
    def thumbnail(self, image: Image) -> str:
        if not image.file:
            return ""
        shown = picture(image, src_width=THUMBNAIL_WIDTH)
        return format_html('<img class="image-thumbnail" src="{}" alt="" width="80" loading="lazy">', shown.src)

    @admin.display(description="size")
    def dimensions(self, image: Image) -> str:
        return f"{image.width}×{image.height}"

    @admin.display(description="preview")
    def preview(self, image: Image) -> str:
        src = picture(image, src_width=PREVIEW_WIDTH).src if image.pk and image.file else ""
        return format_html(
            '<div class="focal-picker" data-focal-picker{}>'
            '<img src="{}" alt="Preview of the image; click to set the focal point" tabindex="0">'
            '<span class="focal-marker" aria-hidden="true"></span></div>'
            '<p class="help" data-focal-status>{}</p>',
            "" if src else " hidden",
            src,
            "Click the picture (or use the arrow keys) to set the focal point."
            if src
            else "Choose a file to see it here; it is checked when you save.",
        )

    @admin.display(description="crops")
    def crops(self, image: Image) -> str:
        if not image.pk:
            return "Made when you save."
        items = []
        for shape in CROP_SHAPES:
            shown = picture(image, shape, src_width=THUMBNAIL_WIDTH)
            if shown.srcset:
                items.append((shown.src, Rendition.Shape(shape).label))
        if not items:
            return "Not made yet: they appear here once the background worker has made them."
        return format_html(
            '<ul class="image-crops">{}</ul>',
            format_html_join("", '<li><img src="{}" alt="" height="96" loading="lazy"><span>{}</span></li>', items),
        )

    @admin.display(description="renditions")
    def renditions_made(self, image: Image) -> str:
        """How far the background worker has got with this image's renditions."""
        if not image.pk:
            return "Made in the background after you save."
        progress = rendition_progress(image)
        if progress.done:
            return f"All {progress.planned} made."
        return format_html(
            '<progress max="{}" value="{}"></progress> {} of {} made. <span class="help">They are made in the '
            "background; until then pages show the uploaded picture itself. Reload to see progress.</span>",
            progress.planned,
            progress.made,
            progress.made,
            progress.planned,
        )

    @admin.display(description="where used")
    def where_used(self, image: Image) -> str:
        uses = image_usage(image)
        if not uses:
            return "Not used anywhere yet; it can be deleted."
        return format_html(
            '<ul class="image-uses">{}</ul><p class="help">An image in use cannot be deleted.</p>',
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (use.role, format_html('<a href="{}">{}</a>', use.admin_url, use.obj) if use.admin_url else use.obj)
                    for use in uses
                ),
            ),
        )

    @admin.display(description="original upload")
    def original_file(self, image: Image) -> str:
        if not image.original:
            return "Not kept (uploaded before originals were stored)." if image.pk else "Kept privately when you save."
        url = reverse("admin:images_image_original", args=[image.pk])
        return format_html(
            '<a href="{}">Download the original</a> <span class="help">as uploaded, with its camera metadata '
            "(which may include where it was taken); staff only, never shown to readers.</span>",
            url,
        )

    # --- Saving and deleting go through the service ---------------------------------------------

    def save_model(self, request, obj, form, change):
        upload = form.cleaned_data.get("file") if "file" in form.changed_data else None
        image_save(image=obj, upload=upload, user=request.user)
        if not rendition_progress(obj).done:
            self.message_user(
                request, "Its sizes and crops are being made in the background; pages show the picture meanwhile."
            )

    def delete_model(self, request, obj):
        try:
            image_delete(image=obj)
        except ValidationError as error:
            self.message_user(request, " ".join(error.messages), messages.ERROR)

    def delete_queryset(self, request, queryset):
        for image in queryset:
            self.delete_model(request, image)

    def get_deleted_objects(self, objs, request):
        """Count body references as protecting the image, like the foreign keys already do."""
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        for image in objs:
            for obj in body_references(image):
                url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])
                protected.append(
                    format_html(
                        '{} (shows image #{} in its body): <a href="{}">{}</a>',
                        obj._meta.verbose_name.capitalize(),
                        image.pk,
                        url,
                        obj,
                    )
                )
        return deleted, model_count, perms_needed, protected

    # --- The original, for staff only ------------------------------------------------------------

    def get_urls(self):
        original = self.admin_site.admin_view(self.original_view)
        return [path("<path:object_id>/original/", original, name="images_image_original"), *super().get_urls()]

    def original_view(self, request, object_id):
        image = self.get_object(request, unquote(object_id))
        if image is None or not image.original:
            raise Http404("This image has no stored original.")
        if not self.has_view_or_change_permission(request, image):
            raise PermissionDenied
        response = FileResponse(
            image.original.open("rb"), as_attachment=True, filename=posixpath.basename(image.original.name)
        )
        response["Cache-Control"] = "private, no-store"
        return response
