import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.analysis import directory_batch
from articles.importing import ImportRefused, ImportResult, as_json, import_text, read_text
from articles.tasks import article_import

PROGRESS_FROM = 5  # files; fewer than this import without a progress bar


class Command(BaseCommand):
    help = (
        "Import text files as draft articles (or published with --publish), running the analyser on each: "
        "quotes and speakers, Q&A turns, bylines, image credits, spoiler warnings. One transaction per file."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="Text files, or folders of .txt files.")
        parser.add_argument("--dry-run", action="store_true", help="Analyse and report, but save nothing.")
        parser.add_argument("--publish", action="store_true", help="Publish the articles now instead of drafts.")
        parser.add_argument(
            "--create-people",
            action="store_true",
            help="Add the people each article introduces (or attribute them to someone whose name or other "
            "spelling is exactly theirs), credit them as the article does, and attribute their quotes.",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Check each file and queue it to be imported by the task worker (manage.py run_worker), "
            "instead of importing it here; for large batches.",
        )
        parser.add_argument(
            "--format",
            choices=["text", "json"],
            default="text",
            help="json prints one object per file (see docs/editors.md).",
        )

    def handle(self, *args, paths, dry_run, publish, create_people, format, background=False, **options):
        files = self.collect(paths)
        if background:
            if dry_run:
                raise CommandError("--background imports; a dry run reports at once, so use one or the other.")
            self.queue(files, publish=publish, create_people=create_people)
            return
        results: list[ImportResult] = []
        show_progress = format == "text" and len(files) >= PROGRESS_FROM
        with directory_batch():  # the people database is read once, and again only after it changes
            for index, path in enumerate(files, start=1):
                results.append(
                    self.import_one(path, dry_run=dry_run, publish=publish, create_people=create_people and not dry_run)
                )
                if show_progress:
                    self.progress(index, len(files))
        if format == "json":
            self.stdout.write(json.dumps([as_json(result) for result in results], ensure_ascii=False, indent=2))
            return
        for result in results:
            self.report(result, dry_run=dry_run)
        imported = sum(1 for result in results if result.error is None)
        failed = len(results) - imported
        verb = "Would import" if dry_run else "Imported"
        self.stdout.write(self.style.SUCCESS(f"{verb} {imported} article(s); {failed} file(s) refused."))

    def queue(self, files: list[Path], *, publish: bool, create_people: bool) -> None:
        """Queue each readable file as one import task; refused files are reported here and now."""
        queued = 0
        for path in files:
            try:
                text, notes = read_text(path)
            except ImportRefused as refusal:
                self.stderr.write(self.style.ERROR(str(refusal)))
                continue
            for note in notes:
                self.stdout.write(self.style.WARNING(f"  {note}"))
            article_import.enqueue(text, source=path.name, publish=publish, create_people=create_people)
            queued += 1
        self.stdout.write(
            self.style.SUCCESS(
                f"Queued {queued} file(s) for import; {len(files) - queued} refused. The task worker imports them; "
                "each result is listed in the admin under Task results."
            )
        )

    def collect(self, paths: list[str]) -> list[Path]:
        files: list[Path] = []
        for raw in paths:
            path = Path(raw)
            if path.is_dir():
                files.extend(sorted(path.glob("*.txt")))
            elif path.exists():
                files.append(path)
            else:
                raise CommandError(f"{raw}: no such file or folder.")
        return files

    def import_one(self, path: Path, *, dry_run: bool, publish: bool, create_people: bool = False) -> ImportResult:
        try:
            text, notes = read_text(path)
        except ImportRefused as refusal:
            return ImportResult(source=path.name, error=str(refusal))
        try:
            result = import_text(text, source=path.name, publish=publish, dry_run=dry_run, create_people=create_people)
        except Exception as error:
            return ImportResult(source=path.name, error=f"{path.name}: could not be imported ({error}).")
        result.notes.extend(notes)
        return result

    def report(self, result: ImportResult, *, dry_run: bool) -> None:
        if result.error:
            self.stderr.write(self.style.ERROR(result.error))
            return
        analysis = result.analysis
        status = "draft" if not result.article or result.article.status == "draft" else "published"
        where = "" if dry_run else f" → /admin/articles/article/{result.article.pk}/change/"
        self.stdout.write(
            f"{result.source}: “{analysis.title}” ({analysis.kind}, {status}): {len(analysis.quotes)} quote(s), "
            f"{len(analysis.qa_turns)} Q&A turn(s){where}"
        )
        for note in [*result.notes, *analysis.errors]:
            self.stdout.write(self.style.WARNING(f"  {note}"))

    def progress(self, done: int, total: int) -> None:
        width = 30
        filled = width * done // total
        self.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total}", ending="\n" if done == total else ""
        )
        self.stderr.flush()
