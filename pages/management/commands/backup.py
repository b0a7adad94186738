"""Backs up the database and the uploaded media while the site runs (see "Backups and restore" in the README).

Run it from cron; `manage.py restore` puts a backup back and checks every table's row count.
"""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from pages import backups


class Command(BaseCommand):
    help = (
        "Write a consistent copy of the database, the media folder as a tar file and a manifest with every "
        "table's row count. Safe while the site runs."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "path",
            nargs="?",
            type=Path,
            help="Where to write the database copy (default: a timestamped file under VAR_DIR/backups). "
            "The media archive and the manifest are written beside it.",
        )
        parser.add_argument("--database", default="default", help="The database to back up (default: default).")

    def handle(self, *args, path=None, database="default", **options):
        path = path or backups.default_path(database)
        started = time.monotonic()
        try:
            manifest = backups.back_up(path, using=database)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        seconds = time.monotonic() - started
        files = backups.BackupFiles(path)
        rows = sum(manifest["tables"].values())
        self.stdout.write(f"Database ({manifest['vendor']}, {len(manifest['tables'])} tables, {rows} rows): {path}")
        self.stdout.write(f"Media: {files.media}" if manifest["media"] else "Media: none (no media folder)")
        self.stdout.write(f"Manifest: {files.manifest}")
        self.stdout.write(self.style.SUCCESS(f"Backup done in {seconds:.1f} s."))
