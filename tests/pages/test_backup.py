"""`manage.py backup` and `manage.py restore`, run as an operator runs them, on a throwaway database of each kind
(a temporary SQLite file always, PostgreSQL too when DATABASE_URL points at one; tests/live_server.py).

- A restore brings back the rows and the media as they were at the backup, says every count matches, and
  moves the content version, so that no page kept in the cache before it is served after it.
- A manifest whose count differs from the restored table makes the restore fail, naming that table.
- A damaged copy is refused before anything is replaced; so is a restore without --yes and without a terminal.
- The drill: while another process keeps adding ideas (each with its place in a voting round, in one
  transaction), a backup is taken and restored into a fresh, empty database: every table's count equals the
  manifest's, the ideas written before the backup are there and the later ones are not, and every idea still
  has its round entry and every entry its idea.
"""

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.live_server import (
    ROOT,
    ServerError,
    database_kinds,
    manage,
    migrated_database,
    query,
    run_builder,
    server_env,
    throwaway_database,
)

IDEAS = 3
# The writer must have added this many ideas before the backup starts and again after it ends.
WRITTEN_AROUND_BACKUP = 30


def backup_site() -> dict:
    """Three ideas in a voting round (run by the database's `manage.py shell`)."""
    from tests.ideas.builders import make_idea, make_ideas_site, make_round

    site = make_ideas_site()
    ideas = [make_idea(site) for _ in range(IDEAS)]
    return {"round": make_round(site, ideas).pk}


def keep_writing(round_id: int, stop_file: str) -> None:
    """Adds ideas, each with its entry in the round in the same transaction, until `stop_file` exists."""
    from django.db import transaction
    from wagtail.models import Site

    from ideas.models import RoundIdea
    from tests.ideas.builders import make_idea

    site = {"site": Site.objects.get(is_default_site=True)}
    position = IDEAS
    while not Path(stop_file).exists():
        with transaction.atomic():
            idea = make_idea(site, title=f"Drill {position}")
            RoundIdea.objects.create(round_id=round_id, idea=idea, position=position)
        position += 1


@pytest.fixture(scope="module", params=database_kinds())
def site_db(request, tmp_path_factory):
    """A migrated throwaway database with the ideas of `backup_site` and a picture in its media, backed up:
    (kind, database URL, environment, ids, the backup's copy, its manifest). Tests restore that state."""
    tmp_path = tmp_path_factory.mktemp(f"backup-{request.param}")
    with migrated_database(request.param, tmp_path, "backup") as (database_url, env):
        ids = run_builder(env, "tests.pages.test_backup.backup_site")
        (media_root(env) / "images").mkdir(parents=True)
        (media_root(env) / "images" / "drawing.png").write_bytes(b"a child's drawing")
        path, manifest = back_up(env, tmp_path)
        yield request.param, database_url, env, ids, path, manifest


def media_root(env: dict) -> Path:
    return Path(env["KOHTAAMO_VAR_DIR"]) / "media"


def count(database_url: str, table: str) -> int:
    return query(database_url, f"SELECT COUNT(*) FROM {table}")[0][0]  # noqa: S608 - our own table names


def manifest_path(path: Path) -> Path:
    return path.with_name(path.name + ".manifest.json")


def back_up(env: dict, tmp_path: Path) -> tuple[Path, dict]:
    """Runs `manage.py backup` into tmp_path; the copy's path and the manifest."""
    path = tmp_path / "backup" / "kohtaamo.copy"
    output = manage(env, "backup", str(path))
    assert "Backup done in" in output
    return path, json.loads(manifest_path(path).read_text())


def copy_backup(path: Path, tmp_path: Path) -> Path:
    """A copy of the backup's files (database, media, manifest) in tmp_path, for a test to damage."""
    for part in path.parent.glob(f"{path.name}*"):
        shutil.copy(part, tmp_path / part.name)
    return tmp_path / path.name


def restore_fails(env: dict, *args: str) -> str:
    """Runs `manage.py restore` expecting it to fail; what it wrote."""
    with pytest.raises(ServerError) as failure:
        manage(env, "restore", *args)
    return str(failure.value)


def test_restore_brings_back_the_rows_and_the_media(site_db):
    kind, database_url, env, ids, path, manifest = site_db
    titles = query(database_url, "SELECT title FROM ideas_idea ORDER BY id")
    assert manifest["vendor"] == kind
    assert manifest["tables"]["ideas_idea"] == len(titles) >= IDEAS
    assert manifest["tables"]["ideas_roundidea"] == count(database_url, "ideas_roundidea")
    assert manifest["migrations"]["ideas"]

    query(database_url, "DELETE FROM ideas_roundidea")
    query(database_url, "DELETE FROM ideas_idea")
    (media_root(env) / "images" / "drawing.png").unlink()
    (media_root(env) / "images" / "later.png").write_bytes(b"uploaded after the backup")
    content_version = Path(env["KOHTAAMO_VAR_DIR"]) / "content-version"
    version_before = content_version.read_text()
    output = manage(env, "restore", str(path), "--yes")

    assert "every table's row count matches" in output
    assert query(database_url, "SELECT title FROM ideas_idea ORDER BY id") == titles
    assert count(database_url, "ideas_roundidea") == manifest["tables"]["ideas_roundidea"]
    assert (media_root(env) / "images" / "drawing.png").read_bytes() == b"a child's drawing"
    assert not (media_root(env) / "images" / "later.png").exists()
    assert content_version.read_text() != version_before  # no page cached before the restore is served


def test_a_count_that_differs_from_the_manifest_fails_the_restore_naming_the_table(site_db, tmp_path):
    kind, database_url, env, ids, path, manifest = site_db
    tampered = copy_backup(path, tmp_path)
    ideas = manifest["tables"]["ideas_idea"]
    manifest_path(tampered).write_text(
        json.dumps({**manifest, "tables": {**manifest["tables"], "ideas_idea": ideas + 1}})
    )

    output = restore_fails(env, str(tampered), "--yes")

    assert "does not match the backup's manifest" in output
    assert f"ideas_idea: {ideas + 1} in the backup, {ideas} in the database" in output
    assert "ideas_roundidea" not in output


def test_a_damaged_copy_is_refused_before_anything_is_replaced(site_db, tmp_path):
    kind, database_url, env, ids, path, manifest = site_db
    damaged = copy_backup(path, tmp_path)
    with damaged.open("ab") as copy:
        copy.write(b"\0")
    query(database_url, "DELETE FROM ideas_roundidea")

    output = restore_fails(env, str(damaged), "--yes")

    assert "does not match the checksum" in output
    assert count(database_url, "ideas_roundidea") == 0
    manage(env, "restore", str(path), "--yes")
    assert count(database_url, "ideas_roundidea") == manifest["tables"]["ideas_roundidea"] >= IDEAS


def test_restore_without_yes_and_without_a_terminal_replaces_nothing(site_db):
    kind, database_url, env, ids, path, manifest = site_db
    query(database_url, "DELETE FROM ideas_roundidea")

    done = subprocess.run(
        [sys.executable, "manage.py", "restore", str(path)],
        cwd=ROOT,
        env=env,
        input="yes\n",
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert done.returncode != 0
    assert "pass --yes" in done.stderr
    assert count(database_url, "ideas_roundidea") == 0
    manage(env, "restore", str(path), "--yes")
    assert count(database_url, "ideas_roundidea") == manifest["tables"]["ideas_roundidea"] >= IDEAS


def wait_for_ideas(database_url: str, at_least: int, writer: subprocess.Popen, log: Path) -> int:
    deadline = time.monotonic() + 120
    while (ideas := count(database_url, "ideas_idea")) < at_least:
        if writer.poll() is not None or time.monotonic() > deadline:
            pytest.fail(f"The writer stopped at {ideas} ideas:\n{log.read_text()}")
        time.sleep(0.05)
    return ideas


def test_drill_a_backup_taken_under_write_load_restores_into_a_fresh_database(site_db, tmp_path):
    kind, database_url, env, ids, _, _ = site_db
    stop, log = tmp_path / "stop-writing", tmp_path / "writer.log"
    script = f"from tests.pages.test_backup import keep_writing; keep_writing({ids['round']}, {str(stop)!r})"
    start = count(database_url, "ideas_idea")
    with log.open("w") as output:
        writer = subprocess.Popen(
            [sys.executable, "manage.py", "shell", "-c", script], cwd=ROOT, env=env, stdout=output, stderr=output
        )
    try:
        before = wait_for_ideas(database_url, start + WRITTEN_AROUND_BACKUP, writer, log)
        path, manifest = back_up(env, tmp_path)
        backed_up = manifest["tables"]["ideas_idea"]
        after = wait_for_ideas(database_url, backed_up + WRITTEN_AROUND_BACKUP, writer, log)
    finally:
        stop.touch()
        writer.wait(timeout=60)
    assert writer.returncode == 0, log.read_text()

    assert before <= backed_up < after
    assert manifest["tables"]["ideas_roundidea"] == backed_up
    with throwaway_database(kind, tmp_path, "drill_restored") as restored_url:
        restored_env = server_env(restored_url, tmp_path / "restored-var")
        output = manage(restored_env, "restore", str(path), "--yes")

        assert "every table's row count matches" in output
        assert count(restored_url, "ideas_idea") == count(restored_url, "ideas_roundidea") == backed_up
        ideas_without_entry = (
            "SELECT COUNT(*) FROM ideas_idea i LEFT JOIN ideas_roundidea r ON r.idea_id = i.id WHERE r.id IS NULL"
        )
        entries_without_idea = (
            "SELECT COUNT(*) FROM ideas_roundidea r LEFT JOIN ideas_idea i ON i.id = r.idea_id WHERE i.id IS NULL"
        )
        assert query(restored_url, ideas_without_entry) == query(restored_url, entries_without_idea) == [(0,)]
        if kind == "sqlite":
            assert query(restored_url, "PRAGMA foreign_key_check") == []
            assert query(restored_url, "PRAGMA integrity_check") == [("ok",)]
        assert (media_root(restored_env) / "images" / "drawing.png").read_bytes() == b"a child's drawing"
