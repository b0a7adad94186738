"""Restores a backup made by `manage.py backup`: the database and the media, then checks every table's count.

It replaces the data, so it asks first (or takes `--yes`), and it exits with an error naming every table whose
row count differs from the manifest's.
"""

import sys
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pages import backups


class Command(BaseCommand):
    help = (
        "Replace the database and the media folder with a backup's, then check that every table has the row "
        "count the backup's manifest records."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", type=Path, help="The backup's database copy (its manifest lies beside it).")
        parser.add_argument("--database", default="default", help="The database to restore into (default: default).")
        parser.add_argument("--yes", action="store_true", help="Replace the data without asking.")

    def handle(self, *args, path, database="default", yes=False, **options):
        if not yes:
            self.confirm(path, database)
        started = time.monotonic()
        try:
            differences = backups.restore(path, using=database)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        if differences:
            listing = "\n".join(f"  {difference}" for difference in differences)
            raise CommandError(f"The restored data does not match the backup's manifest:\n{listing}")
        self.stdout.write(self.style.SUCCESS(f"Restored {path}; every table's row count matches, in {seconds:.1f} s."))

    def confirm(self, path: Path, database: str) -> None:
        """Asks the operator to type "yes"; without a terminal to ask on, only --yes will do."""
        if not sys.stdin.isatty():
            raise CommandError("Restore replaces the data: pass --yes to run it without a terminal.")
        answer = input(f"This replaces the database '{database}' and the media folder with {path}. Type yes: ")
        if answer.strip().lower() != "yes":
            raise CommandError("Nothing restored.")
