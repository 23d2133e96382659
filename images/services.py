"""Writes to the image library. Uploading, replacing and deleting images go through here."""

from __future__ import annotations

import posixpath

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction

from images.models import Image
from images.renditions import clean_upload, rendition_delete_all
from images.signals import image_changed
from images.tasks import image_renditions_build
from images.usage import image_usage
from images.validators import CHECKED, identify_image


def image_in_public_use(image: Image) -> bool:
    """Whether readers see ``image`` somewhere: on a person or work page, or in an article that is
    published or scheduled (a use that is not public says so with ``seen_by_readers``)."""
    return any(getattr(use.obj, "seen_by_readers", True) for use in image_usage(image))


def can_change_image(user, image: Image) -> bool:
    """Anyone who may change images changes one nobody sees yet; one readers see (its caption,
    alt text, credit or crop shows on live pages) only with ``change_image_in_use``: editors."""
    if user is None or image.pk is None:
        return True
    if not user.has_perm("images.change_image"):
        return False
    return user.has_perm("images.change_image_in_use") or not image_in_public_use(image)


def image_save(*, image: Image, upload=None, user=None) -> Image:
    """Save an image's details and, given ``upload``, its new file; then make its renditions.

    The upload is checked by content, kept untouched in private storage as the original, and
    served only as a clean copy: without metadata, upright, named by its content (an upload
    called "finale-twist-reveal.jpg" must not put those words in a public URL). A JPEG is
    stripped without being decoded, so the save does not wait on it; one that is upright only
    through its EXIF orientation keeps that one entry until the background task turns its pixels. The
    renditions are made once, by a background task queued with the save (``images.tasks``), so
    neither the save nor any page view waits on Pillow; moving the focal point remakes only the
    crops. Replaced files are removed once the new ones are committed.
    """
    if not can_change_image(user, image):
        raise PermissionDenied("Readers already see this image; only editors can change it.")
    if upload is None and not image.file:
        raise ValidationError({"file": "Choose an image file to upload."})
    stale: list[tuple[object, str]] = []
    if upload is not None:
        if not getattr(upload, CHECKED, None):  # the upload form has already decoded it
            identify_image(upload)
        upload.seek(0)
        data = upload.read()
        clean = clean_upload(data, quick=True)
        if image.pk is not None:
            previous = Image.objects.filter(pk=image.pk).values("file", "original").first() or {}
            stale = [
                (Image.file.field.storage, previous.get("file")),
                (Image.original.field.storage, previous.get("original")),
            ]
        original_name = posixpath.basename(getattr(upload, "name", "") or f"upload.{clean.extension}")
        image.original.save(original_name, ContentFile(data), save=False)
        image.file.save(f"{clean.digest}.{clean.extension}", ContentFile(clean.content), save=False)
        image.width, image.height = clean.width, clean.height
        image.has_transparency = clean.has_transparency
    existed = image.pk is not None
    if image.pk is None and user is not None and getattr(user, "is_authenticated", False):
        image.uploaded_by = user
    image.full_clean(exclude=["file"])
    with transaction.atomic():
        image.save()
        image_renditions_build.enqueue(image.pk)
        # A backend that runs tasks at once may have finished the file already: show what it made.
        image.refresh_from_db(fields=["file", "width", "height", "rendition_index"])
        if existed:
            image_changed.send(sender=Image, image=image, file_replaced=upload is not None)
        transaction.on_commit(lambda: _remove(stale))
    return image


def _remove(files: list[tuple[object, str]]) -> None:
    for storage, name in files:
        if name:
            storage.delete(name)


def image_delete(*, image: Image) -> None:
    """Delete an image that nothing uses, with its original and every rendition file.

    Refuses, naming the places, when an article, person or work still shows it, including a
    reference written in an article body, which no foreign key protects.
    """
    uses = image_usage(image)
    if uses:
        raise ValidationError(
            "“%(image)s” is still used (%(uses)s); replace it there first.",
            code="image_in_use",
            params={"image": image, "uses": "; ".join(str(use) for use in uses)},
        )
    files = [(Image.file.field.storage, image.file.name), (Image.original.field.storage, image.original.name)]
    with transaction.atomic():
        rendition_delete_all(image)
        image.delete()
        transaction.on_commit(lambda: _remove(files))
