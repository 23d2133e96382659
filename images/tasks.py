"""The image library's background work: finishing the base file and making renditions.

Decoding a 12-megapixel photo and encoding some forty renditions takes seconds, so the save
that uploads it only strips the file's metadata (``clean_upload(quick=True)``), queues this task
and returns. Until the renditions exist, pages show that base file, then the renditions once made.
"""

from django.core.files.base import ContentFile
from django.db import transaction
from PIL import Image as PILImage

from cms.pagecache import site_changed
from cms.tasks import background
from images.models import Image
from images.renditions import ORIENTATION, clean_upload, rendition_build_all, source_keys
from images.signals import image_changed


@background(retries=3)
def image_renditions_build(image_id: int) -> int:
    """Make the renditions image ``image_id`` lacks and drop stale ones; return how many were made.

    Idempotent: a second run, or a run after a worker died half-way, makes only what is missing.
    An image deleted in the meantime needs nothing. If the image changed while this ran (a new
    file or focal point), the run that change queued finishes the job; this one checks once
    more at the end so nothing stale is left if it finished last.
    """
    image = Image.objects.filter(pk=image_id).first()
    if image is None:
        return 0
    turned = _turn_upright(image)
    made = len(rendition_build_all(image))
    latest = Image.objects.filter(pk=image_id).first()
    if latest is not None and source_keys(latest) != source_keys(image):
        made += len(rendition_build_all(latest))
    if made or turned:
        with transaction.atomic():
            # Bodies store the image's addresses and pages read its renditions: both move on.
            image_changed.send(sender=Image, image=latest or image, file_replaced=True)
            site_changed()
    return made


def _turn_upright(image: Image) -> bool:
    """Replace a base file that is upright only through its EXIF orientation (a quick clean)
    with one whose pixels are turned, so every reader and crawler sees it upright; say whether
    it did. Nothing changes if the image got another file meanwhile."""
    with image.file.open("rb") as handle, PILImage.open(handle) as probe:
        if probe.format != "JPEG" or probe.getexif().get(ORIENTATION, 1) == 1:
            return False
    with image.file.open("rb") as handle:
        clean = clean_upload(handle.read())
    stale = image.file.name
    storage = image.file.storage
    image.file.save(f"{clean.digest}.{clean.extension}", ContentFile(clean.content), save=False)
    image.width, image.height = clean.width, clean.height  # assigning a file clears them
    with transaction.atomic():
        replaced = Image.objects.filter(pk=image.pk, file=stale).update(
            file=image.file.name, width=clean.width, height=clean.height
        )
        if not replaced:
            transaction.on_commit(lambda: storage.delete(image.file.name))
            image.refresh_from_db(fields=["file", "width", "height"])
            return False
        transaction.on_commit(lambda: storage.delete(stale))
    return True
