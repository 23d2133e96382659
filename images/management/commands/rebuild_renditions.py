"""Make stored renditions: all of them again, or only those missing or stale."""

import time

from django.core.management.base import BaseCommand, CommandError

from images.models import Image
from images.renditions import rendition_build_all

BAR_WIDTH = 30


class Command(BaseCommand):
    help = (
        "Rebuild the renditions of every image (or of one, with --image). With --missing-only, only "
        "renditions that are missing or stale (made before the focal point moved) are made."
    )

    def add_arguments(self, parser):
        parser.add_argument("--missing-only", action="store_true", help="Keep renditions that are up to date.")
        parser.add_argument("--image", type=int, metavar="ID", help="Only the image with this number.")

    def handle(self, *args, missing_only: bool, image: int | None, **options):
        images = Image.objects.order_by("pk")
        if image is not None:
            images = images.filter(pk=image)
            if not images.exists():
                raise CommandError(f"There is no image #{image}.")
        total = images.count()
        created = failed = 0
        started = time.monotonic()
        for done, item in enumerate(images.iterator(chunk_size=100), start=1):
            try:
                created += len(rendition_build_all(item, force=not missing_only))
            except Exception as error:  # one unreadable file must not stop the rest
                failed += 1
                self.stderr.write(f"\nImage #{item.pk}: {error}")
            self._progress(done, total, created)
        if total:
            self.stdout.write("")
        seconds = time.monotonic() - started
        summary = f"{created} renditions made for {total} images in {seconds:.1f}s"
        self.stdout.write(
            self.style.SUCCESS(summary) if not failed else self.style.WARNING(f"{summary}; {failed} failed")
        )

    def _progress(self, done: int, total: int, created: int) -> None:
        filled = BAR_WIDTH * done // total
        bar = "#" * filled + "-" * (BAR_WIDTH - filled)
        line = f"[{bar}] {done}/{total} images, {created} renditions made"
        # Redraw in place on a terminal; a log gets one line per image instead of control codes.
        if self.stdout.isatty():
            self.stdout.write(f"\r{line}", ending="")
        else:
            self.stdout.write(line)
