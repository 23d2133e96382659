"""The image library's background work: making renditions.

Decoding a 12-megapixel photo and encoding some forty renditions takes seconds, so the save
that uploads it only queues this task and returns. Until the renditions exist, pages show the
image's base file (already upright and stripped of metadata), then the renditions once made.
"""

from django.db import transaction

from cms.pagecache import site_changed
from cms.tasks import background
from images.models import Image
from images.renditions import rendition_build_all, source_keys
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
    made = len(rendition_build_all(image))
    latest = Image.objects.filter(pk=image_id).first()
    if latest is not None and source_keys(latest) != source_keys(image):
        made += len(rendition_build_all(latest))
    if made:
        with transaction.atomic():
            # Bodies store the image's addresses and pages read its renditions: both move on.
            image_changed.send(sender=Image, image=latest or image, file_replaced=True)
            site_changed()
    return made
