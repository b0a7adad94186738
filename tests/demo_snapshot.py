"""The demo site loaded once per test database (and day), then copied back for each test that reads it.

`load_demo` builds the whole site through Wagtail (pages, translations, revisions, search and reference indexes)
and is the slowest step of the suite: about a hundred tests and test classes read the demo. The first of them in a
test process builds it and keeps a copy of every model table beside it, in tables of its own that no test
flushes; the others empty the model tables and copy the rows back in SQL, in one transaction, which takes a
fraction of a second. What the copy holds is exactly what `load_demo` wrote; its files (pictures) stay in the
session's media folder.

Tests of `load_demo` itself still call the command.
"""

import io

from django.apps import apps
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.utils import timezone

from pages import freshness

PREFIX = "test_snapshot_"


def virtual_tables() -> set[str]:
    """SQLite's virtual tables: the search index's full-text table, which triggers on the index table fill."""
    if connection.vendor != "sqlite":
        return set()
    with connection.cursor() as cursor:
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%%'")
        return {name for (name,) in cursor.fetchall()}


def model_tables() -> list[tuple[str, list[str]]]:
    """Each model table of the database with its columns, once per table (a virtual table follows its triggers)."""
    existing = set(connection.introspection.table_names()) - virtual_tables()
    seen: dict[str, list[str]] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if not meta.managed or meta.proxy or meta.db_table in seen or meta.db_table not in existing:
            continue
        seen[meta.db_table] = [field.column for field in meta.local_concrete_fields]
    return sorted(seen.items())


def copy_name(name: str, index: int) -> str:
    return f"{PREFIX}{name}_{index}"


def taken(name: str) -> bool:
    return copy_name(name, 0) in connection.introspection.table_names()


def take(name: str) -> None:
    """Copies every model table's rows into tables of their own, named after `name`."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        for index, (table, columns) in enumerate(model_tables()):
            copy = quote(copy_name(name, index))
            cursor.execute(f"DROP TABLE IF EXISTS {copy}")
            listed = ", ".join(quote(column) for column in columns)
            cursor.execute(f"CREATE TABLE {copy} AS SELECT {listed} FROM {quote(table)}")  # noqa: S608 - our names


def restore(name: str) -> None:
    """Replaces every model table's rows with the copy `name`, in one transaction. No signal is sent, so it also
    empties the caches (Wagtail's site root paths among them) and moves the content version (pages/freshness.py),
    as saving the rows would."""
    quote = connection.ops.quote_name
    tables = model_tables()
    flush = connection.ops.sql_flush(no_style(), [table for table, _columns in tables], allow_cascade=True)
    with transaction.atomic(), connection.cursor() as cursor:
        for statement in flush:
            cursor.execute(statement)
        for index, (table, columns) in enumerate(tables):
            listed = ", ".join(quote(column) for column in columns)
            cursor.execute(
                f"INSERT INTO {quote(table)} ({listed}) SELECT {listed} FROM {quote(copy_name(name, index))}"  # noqa: S608
            )
        models = apps.get_models(include_auto_created=True)
        for statement in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(statement)
        freshness.bump()
    for cache in caches.all():
        cache.clear()


def prepare_demo() -> str:
    """The name of today's copy of the demo, built once per test database and day (the demo's programme, votes
    and meetings are dated from today); call it outside any transaction. The database is left as it was: its
    rows are copied first and put back after."""
    name = f"demo_{timezone.localdate():%Y%m%d}"
    if not taken(name):
        take("before_demo")
        call_command("load_demo", stdout=io.StringIO())
        take(name)
        restore("before_demo")
    return name
