import secrets

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from articles import demo


class Command(BaseCommand):
    help = "Load the Tiny Pretty Things demo: people, the series, and articles. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--with-editor",
            action="store_true",
            help="Also create (or reset) a staff account 'editor' with a new random password, printed once.",
        )

    def handle(self, *args, with_editor: bool = False, **options):
        report = demo.load()
        self.stdout.write(
            f"Demo content: {report.created} created, {report.updated} updated, {report.unchanged} unchanged."
        )
        if options["verbosity"] > 1:
            for change in report.changes:
                self.stdout.write(f"  {change}")
        if with_editor:
            password = self.make_editor()
            self.stdout.write(self.style.SUCCESS(f"Editor account: username 'editor', password {password}"))

    @transaction.atomic
    def make_editor(self) -> str:
        user_model = get_user_model()
        password = secrets.token_urlsafe(15)
        editor, _ = user_model.objects.get_or_create(username="editor", defaults={"is_staff": True})
        editor.is_staff = True
        editor.set_password(password)
        editor.save()
        editor.groups.add(Group.objects.get(name="Editor"))
        return password
