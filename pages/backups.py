"""Consistent backups of the database and the uploaded media, and restoring them with a check of every table.

A backup is three files side by side: the database copy (`NAME.sqlite3`, or `NAME.dump` in pg_dump's custom
format), `NAME.media.tar` (MEDIA_ROOT) and `NAME.manifest.json` (the vendor, the copy's and the archive's SHA-256,
the latest migration of each app and the row count of every table). The counts come from the very snapshot the
copy holds: on SQLite they are counted in the copy; on PostgreSQL in a REPEATABLE READ transaction whose snapshot
pg_dump takes over. A restore checks the checksums before it touches anything and the counts after.
"""

import datetime
import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tarfile
import tempfile
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from django.conf import settings
from django.db import connections, transaction

from pages import freshness

MANIFEST_FORMAT = 1
EXTENSIONS = {"sqlite": ".sqlite3", "postgresql": ".dump"}
# libpq reads these from the environment; DATABASES' OPTIONS may name them (sslmode=require, say).
LIBPQ_OPTIONS = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}


class BackupError(Exception):
    """A backup or restore could not be made; the message tells the operator why."""


@dataclass(frozen=True)
class BackupFiles:
    """Where the parts of one backup live, named after its database copy."""

    database: Path

    @property
    def manifest(self) -> Path:
        return self.database.with_name(self.database.name + ".manifest.json")

    @property
    def media(self) -> Path:
        return self.database.with_name(self.database.name + ".media.tar")


@dataclass(frozen=True)
class Difference:
    table: str
    expected: int | None  # None: the table is not in the backup
    found: int | None  # None: the table is missing from the database

    def __str__(self) -> str:
        expected = "absent" if self.expected is None else self.expected
        found = "absent" if self.found is None else self.found
        return f"{self.table}: {expected} in the backup, {found} in the database"


def default_path(using: str = "default") -> Path:
    """A new, timestamped file under VAR_DIR/backups for the database `using`."""
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"kohtaamo-{stamp}{EXTENSIONS.get(connections[using].vendor, '')}"


def back_up(path: Path, using: str = "default") -> dict:
    """Writes a consistent copy of the database, the media archive and the manifest; returns the manifest."""
    files = BackupFiles(Path(path))
    files.database.parent.mkdir(parents=True, exist_ok=True)
    vendor = connections[using].vendor
    if vendor == "sqlite":
        copy_sqlite(Path(connections[using].settings_dict["NAME"]), files.database)
        tables, migrations = sqlite_contents(files.database)
    elif vendor == "postgresql":
        tables, migrations = dump_postgresql(using, files.database)
    else:
        raise BackupError(f"Backups support SQLite and PostgreSQL, not {vendor}.")
    has_media = archive_media(Path(settings.MEDIA_ROOT), files.media)
    manifest = {
        "format": MANIFEST_FORMAT,
        "vendor": vendor,
        "created_at": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"),
        "database": {"file": files.database.name, "sha256": sha256(files.database)},
        "media": {"file": files.media.name, "sha256": sha256(files.media)} if has_media else None,
        "migrations": migrations,
        "tables": tables,
    }
    write_atomically(files.manifest, json.dumps(manifest, indent=2, sort_keys=True).encode())
    return manifest


def restore(path: Path, using: str = "default") -> list[Difference]:
    """Replaces the database and the media with the backup's; returns the tables whose counts differ from it."""
    files = BackupFiles(Path(path))
    manifest = read_manifest(files)
    vendor = connections[using].vendor
    if manifest["vendor"] != vendor:
        raise BackupError(f"The backup is of a {manifest['vendor']} database; this site uses {vendor}.")
    connections.close_all()
    if vendor == "sqlite":
        restore_sqlite(files.database, Path(connections[using].settings_dict["NAME"]))
    else:
        restore_postgresql(using, files.database)
    if manifest["media"]:
        restore_media(files.media, Path(settings.MEDIA_ROOT))
    freshness.renew()  # pages kept in the cache show the data before the restore
    with connections[using].cursor() as cursor:
        found = count_rows(cursor, table_names(cursor, vendor))
    connections.close_all()
    return compare(manifest["tables"], found)


def read_manifest(files: BackupFiles) -> dict:
    """The backup's manifest, once the copy and the media archive match their checksums."""
    try:
        manifest = json.loads(files.manifest.read_text())
    except FileNotFoundError as error:
        raise BackupError(f"No manifest beside the backup: {files.manifest} is missing.") from error
    if manifest.get("format") != MANIFEST_FORMAT:
        raise BackupError(f"{files.manifest} is not a manifest this version can read.")
    parts = [(files.database, manifest["database"])]
    if manifest["media"]:
        parts.append((files.media, manifest["media"]))
    for part, recorded in parts:
        if not part.exists():
            raise BackupError(f"{part} is missing.")
        if sha256(part) != recorded["sha256"]:
            raise BackupError(f"{part} does not match the checksum in the manifest: it is damaged or was changed.")
    return manifest


def compare(expected: dict[str, int], found: dict[str, int]) -> list[Difference]:
    return [
        Difference(table, expected.get(table), found.get(table))
        for table in sorted(expected.keys() | found.keys())
        if expected.get(table) != found.get(table)
    ]


# Tables and counts


def table_names(cursor, vendor: str) -> list[str]:
    """Every table of the database (of the current schema on PostgreSQL), SQLite's own excepted."""
    if vendor == "sqlite":
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\'")
    else:
        cursor.execute("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")
    return sorted(row[0] for row in cursor.fetchall())


def count_rows(cursor, tables: list[str]) -> dict[str, int]:
    counts = {}
    for table in tables:
        quoted = '"{}"'.format(table.replace('"', '""'))
        cursor.execute(f"SELECT COUNT(*) FROM {quoted}")  # noqa: S608 - a quoted name the database gave us
        counts[table] = cursor.fetchone()[0]
    return counts


def latest_migrations(cursor) -> dict[str, str]:
    """The last applied migration of each app, so an operator can tell which release a backup belongs to."""
    cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
    return dict(cursor.fetchall())


# SQLite


def copy_sqlite(source: Path, target: Path) -> None:
    """Copies the live database with SQLite's online backup API: one read transaction, so writers in other
    processes (WAL) carry on and the copy is the database as of one moment."""
    if not source.is_file():
        raise BackupError(f"There is no database at {source}.")
    temporary = temporary_beside(target)
    try:
        with closing(sqlite3.connect(source, timeout=20)) as live, closing(sqlite3.connect(temporary)) as copy:
            live.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def sqlite_contents(database: Path) -> tuple[dict[str, int], dict[str, str]]:
    """The row counts and migrations of a copy, read from the copy itself."""
    with closing(sqlite3.connect(f"{database.as_uri()}?mode=ro", uri=True)) as copy:
        cursor = copy.cursor()
        return count_rows(cursor, table_names(cursor, "sqlite")), latest_migrations(cursor)


def restore_sqlite(backup: Path, live: Path) -> None:
    """Writes the backup into the live database with the online backup API, in one write transaction.

    Swapping the file with os.replace would leave processes that have it open writing to the old file, and
    its -wal file beside the new one; the backup API takes SQLite's locks instead, so the database is either
    wholly the old one or wholly the backup, for every process.
    """
    live.parent.mkdir(parents=True, exist_ok=True)
    source = sqlite3.connect(f"{backup.as_uri()}?mode=ro", uri=True)
    with closing(source), closing(sqlite3.connect(live, timeout=20)) as target:
        source.backup(target)


# PostgreSQL


def dump_postgresql(using: str, target: Path) -> tuple[dict[str, int], dict[str, str]]:
    """Runs pg_dump on a snapshot exported from a REPEATABLE READ transaction that also counts the rows, so
    the counts and the dump show the same moment whatever is written meanwhile."""
    temporary = temporary_beside(target)
    try:
        with transaction.atomic(using=using), connections[using].cursor() as cursor:
            cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            cursor.execute("SELECT pg_export_snapshot()")
            snapshot = cursor.fetchone()[0]
            tables = count_rows(cursor, table_names(cursor, "postgresql"))
            migrations = latest_migrations(cursor)
            # The snapshot lives as long as this transaction: pg_dump must take it before the block ends.
            run_client(using, "pg_dump", "--format=custom", f"--file={temporary}", f"--snapshot={snapshot}")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return tables, migrations


def restore_postgresql(using: str, backup: Path) -> None:
    """pg_restore in one transaction: the backup's tables replace the database's, or nothing changes."""
    run_client(using, "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(backup))


def run_client(using: str, program: str, *args: str) -> None:
    """Runs a PostgreSQL client program on the database `using`: an argument list, the password in the
    environment (never on the command line, where other users could read it)."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed: install the PostgreSQL client (postgresql-client).")
    database = connections[using].settings_dict
    command = [executable, "--no-password"]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if database.get(key):
            command.append(f"{option}={database[key]}")
    command += [*args, f"--dbname={database['NAME']}"]
    env = dict(os.environ)
    if database.get("PASSWORD"):
        env["PGPASSWORD"] = database["PASSWORD"]
    for option, variable in LIBPQ_OPTIONS.items():
        if option in database.get("OPTIONS", {}):
            env[variable] = str(database["OPTIONS"][option])
    done = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603 - our own argument list
    if done.returncode != 0:
        raise BackupError(f"{program} failed (exit {done.returncode}):\n{done.stderr.strip()}")
    if done.stderr.strip():
        sys.stderr.write(done.stderr)


# Media


def archive_media(media_root: Path, target: Path) -> bool:
    """Packs MEDIA_ROOT into a tar file (images are compressed already); False when there is no media."""
    if not media_root.is_dir():
        return False
    temporary = temporary_beside(target)
    try:
        with tarfile.open(temporary, "w") as archive:
            archive.add(media_root, arcname="media")
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)
    return True


def restore_media(archive: Path, media_root: Path) -> None:
    """Unpacks the archive beside MEDIA_ROOT, then swaps it in, so the site never sees half the files."""
    media_root.parent.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".media-restore-", dir=media_root.parent))
    try:
        with tarfile.open(archive) as tar:
            tar.extractall(work, filter="data")  # refuses absolute paths and links out of the folder
        if media_root.exists():
            os.replace(media_root, work / "before-restore")
        os.replace(work / "media", media_root)
    finally:
        shutil.rmtree(work, ignore_errors=True)


# Files


def temporary_beside(target: Path) -> Path:
    """A new, empty file's path in the target's folder, so that os.replace onto the target is atomic."""
    handle, name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    os.close(handle)
    return Path(name)


def write_atomically(target: Path, content: bytes) -> None:
    temporary = temporary_beside(target)
    try:
        temporary.write_bytes(content)
        os.replace(temporary, target)
    finally:
        temporary.unlink(missing_ok=True)


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
