"""Time an image upload: `DJANGO_DEBUG=1 python -m bench.images [megapixels ...]`.

Draws test photographs (noise over gradients, so encoders work as hard as on real pictures) of a
few sizes, saves each as JPEG, then times what an upload costs: the editor's save (checking the
file, stripping its metadata, storing it and queueing the rest: what the editor waits for), the
full clean of the file (decode, turn upright, re-encode: the worker does it for a photo upright
only through its EXIF orientation) and making every rendition (the worker). Reports seconds per
image and per megapixel. Files go to a temporary MEDIA_ROOT and an in-memory database; nothing
is kept.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
import time

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cms.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

DEFAULT_MEGAPIXELS = (2, 6, 12, 24)
ADD = "/admin/images/image/add/"
FIELDS = {"alt_text": "A benchmark photograph", "focal_x": "0.5", "focal_y": "0.5"}
RATIO = 3 / 2


def photograph(megapixels: float):
    from PIL import Image as PILImage

    width = int((megapixels * 1_000_000 * RATIO) ** 0.5)
    height = int(width / RATIO)
    gradient = PILImage.linear_gradient("L").resize((width, height))
    noise = PILImage.effect_noise((width, height), 48)
    return PILImage.merge("RGB", (gradient, noise, gradient.transpose(PILImage.Transpose.FLIP_LEFT_RIGHT)))


def main(argv: list[str]) -> int:
    import django
    from django.conf import settings

    media = tempfile.TemporaryDirectory()
    settings.MEDIA_ROOT = os.path.join(media.name, "media")
    settings.DATABASES["default"] = {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}  # as on the site
    django.setup()

    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from django.test import Client

    from images.models import Image
    from images.renditions import clean_upload, rendition_build_all

    call_command("migrate", verbosity=0)
    editor = Client()
    editor.force_login(get_user_model().objects.create_superuser("bench", password="x" * 20))
    warm_up = io.BytesIO()
    photograph(0.1).save(warm_up, format="JPEG")  # the first request loads the admin's code and templates
    editor.post(ADD, {"file": SimpleUploadedFile("warm.jpg", warm_up.getvalue(), "image/jpeg"), **FIELDS})
    sizes = [float(arg) for arg in argv] or list(DEFAULT_MEGAPIXELS)
    print(
        f"{'MP':>5} {'pixels':>11} {'save ms':>8} {'clean s':>8} {'renditions':>10} {'render s':>9} "
        f"{'total s':>8} {'s/MP':>6}"
    )
    totals = [0.0, 0.0]
    saves = []
    for megapixels in sizes:
        buffer = io.BytesIO()
        photo = photograph(megapixels)
        photo.save(buffer, format="JPEG", quality=90)
        data = buffer.getvalue()

        started = time.perf_counter()
        clean_upload(data)
        cleaning = time.perf_counter() - started

        # The editor's save: the image admin's add form posted with the file, as a browser would.
        started = time.perf_counter()
        answer = editor.post(ADD, {"file": SimpleUploadedFile("bench.jpg", data, "image/jpeg"), **FIELDS})
        saving = time.perf_counter() - started
        assert answer.status_code == 302, answer.content[:2000]
        saves.append(saving)
        image = Image.objects.latest("pk")
        started = time.perf_counter()
        made = rendition_build_all(image, force=True)
        rendering = time.perf_counter() - started

        actual = photo.width * photo.height / 1_000_000
        total = cleaning + rendering
        totals[0] += total
        totals[1] += actual
        print(
            f"{actual:5.1f} {photo.width:>5}×{photo.height:<5} {saving * 1000:8.0f} {cleaning:8.2f} {len(made):>10} "
            f"{rendering:9.2f} {total:8.2f} {total / actual:6.3f}"
        )
    print(f"Mean: {totals[0] / len(sizes):.2f} s per image, {totals[0] / totals[1]:.3f} s per megapixel.")
    print(f"The editor's save: at most {max(saves) * 1000:.0f} ms; the rest is the worker's.")
    media.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
