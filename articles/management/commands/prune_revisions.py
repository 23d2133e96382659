from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from articles.revisions import revision_prune


class Command(BaseCommand):
    help = (
        "Delete old article revisions: those beyond the newest --keep of their article and older than "
        "--older-than days. The newest revision of an article is always kept, and refused conflict saves "
        "unless --include-conflicts. Prints what it deletes; --dry-run deletes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--keep", type=int, default=50, help="Revisions kept per article, newest first (default 50)."
        )
        parser.add_argument(
            "--older-than", type=int, default=180, metavar="DAYS", help="Only revisions older than this (default 180)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Report what would be deleted, delete nothing.")
        parser.add_argument(
            "--include-conflicts", action="store_true", help="Also prune revisions kept from refused conflict saves."
        )

    def handle(self, *args, keep, older_than, dry_run, include_conflicts, **options):
        if keep < 1:
            raise CommandError("--keep must be at least 1: the newest revision of an article is never deleted.")
        if older_than < 0:
            raise CommandError("--older-than cannot be negative.")
        before = timezone.now() - timedelta(days=older_than)
        counts = revision_prune(keep=keep, before=before, include_conflicts=include_conflicts, dry_run=dry_run)
        verb = "Would delete" if dry_run else "Deleted"
        for article, count in sorted(counts.items(), key=lambda pair: pair[0].pk):
            self.stdout.write(f"{verb} {count} revision(s) of “{article}” (#{article.pk}).")
        total = sum(counts.values())
        summary = (
            f"{verb} {total} revision(s) of {len(counts)} article(s), keeping the newest {keep} of each "
            f"and everything from the last {older_than} day(s)."
        )
        self.stdout.write(self.style.SUCCESS(summary) if not dry_run else summary)
