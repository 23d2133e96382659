"""Where originals live: a folder beside MEDIA_ROOT that no URL points at, or private object storage.

Uploads keep their camera metadata (GPS included) and may be larger or rotated differently than
what readers get, so they are stored outside MEDIA_ROOT and reach staff only through the admin.
The folder is ``CALLBOARD_PRIVATE_MEDIA_ROOT`` when set, otherwise ``private`` next to
MEDIA_ROOT (``var/private`` beside ``var/media`` by default). With media in object storage
(``CALLBOARD_S3_BUCKET``), originals go to the ``originals`` storage instead: private objects
reached only through short-lived signed links.
"""

from pathlib import Path

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.utils.functional import cached_property


class PrivateStorage(FileSystemStorage):
    """A file system storage with no public URL, following MEDIA_ROOT when settings change."""

    @cached_property
    def base_location(self):
        configured = getattr(settings, "CALLBOARD_PRIVATE_MEDIA_ROOT", None)
        return configured or Path(settings.MEDIA_ROOT).resolve().parent / "private"

    def url(self, name):
        raise ValueError("Originals have no public URL; staff open them through the image admin.")


_private_storage = PrivateStorage()


def private_storage():
    """The storage for originals (a callable, so migrations do not record a path)."""
    if "originals" in settings.STORAGES:
        return storages["originals"]
    return _private_storage
