"""The content version: one token that changes whenever anything a public page shows may have changed.

Every cache of public output (whole pages in `pages.page_cache`, shared parts through `remember`) is keyed on
it, so a change never has to find the entries it makes stale: it moves the token (`bump`) and the old entries
are never read again; they age out of the cache by their timeout.

The token moves:
- when content is saved or deleted (`pages.signals`: pages published, unpublished, moved or deleted, and any
  public model of ours saved), and again when the transaction commits (see `bump`);
- after every change made in the admin (a POST there that succeeds), which also covers bulk updates that
  send no signals;
- by the clock: a page may change when nothing is saved (the week turns at midnight, an event ends, a vote
  closes). Apps answer the `pages.hooks.CLOCK_CHANGES` hook with the next such moment; the token carries the earliest
  one and is replaced once it has passed.

Where it lives: in the shared cache when it is shared (Redis), so every app server sees one token; with the
local-memory cache (one machine) in a small file in KOHTAAMO_VAR_DIR that every worker process reads.
"""

import datetime
import json
import os
import pickle
import secrets
import tempfile
import threading
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.utils import timezone
from wagtail import hooks

from .hooks import CLOCK_CHANGES

VERSION_KEY = "kohtaamo:content-version"
# A token is remade at least this often even if no app names an earlier moment, so a clock change an app
# forgot cannot keep a page stale for long.
LONGEST_LIFE = datetime.timedelta(hours=6)
REMEMBERED_SECONDS = 24 * 60 * 60


def _local_memory() -> bool:
    return settings.CACHES["default"]["BACKEND"].endswith("LocMemCache")


def _stamp_path() -> Path:
    return Path(settings.KOHTAAMO_CONTENT_VERSION_FILE)


def _read() -> dict | None:
    if not _local_memory():
        record = cache.get(VERSION_KEY)
    else:
        try:
            record = json.loads(_stamp_path().read_text())
        except (OSError, ValueError):
            return None
    return record if isinstance(record, dict) and {"token", "made"} <= record.keys() else None


def _write(record: dict) -> None:
    if not _local_memory():
        cache.set(VERSION_KEY, record, timeout=None)
        return
    path = _stamp_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed over, so a reader sees the old token or the new one, never half a file.
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=".content-version-")
    with os.fdopen(descriptor, "w") as stamp:
        json.dump(record, stamp)
    os.replace(temporary, path)


def next_clock_change(now: datetime.datetime) -> datetime.datetime:
    """The earliest moment after `now` when a public page changes by the clock: the next midnight in the
    site's time zone (dates), what the apps answer to CLOCK_CHANGES, and at most LONGEST_LIFE ahead."""
    tomorrow = timezone.localtime(now).date() + datetime.timedelta(days=1)
    moments = [timezone.make_aware(datetime.datetime.combine(tomorrow, datetime.time())), now + LONGEST_LIFE]
    moments += [moment for fn in hooks.get_hooks(CLOCK_CHANGES) if (moment := fn(now)) is not None and moment > now]
    return min(moments)


class _ThisRequest(threading.local):
    """The token as this thread's request first read it, with the moment it lasts until: a page asks a dozen
    times (once for each remembered part), and reading it once is enough. Only within a request: a task worker
    or a command between requests reads it every time, so it sees another process's change at once."""

    token: str | None = None
    until: float = 0.0
    active: bool = False


_this_request = _ThisRequest()


def _request_started(**kwargs) -> None:
    _this_request.active, _this_request.token = True, None


def _request_finished(**kwargs) -> None:
    _this_request.active, _this_request.token = False, None


request_started.connect(_request_started)
request_finished.connect(_request_finished)


def version() -> str:
    """The current token; a new one once the clock has passed the first clock change after it was made.

    That moment is worked out when the token is first read rather than when it is made (asking the apps costs
    a few queries, which a save in the middle of a migration could not run) and kept in the cache beside it;
    it depends only on when the token was made, so working it out again gives the same answer. Every write is
    a new token, so two processes racing can only both move on, never bring an old token back."""
    now = timezone.now()
    if _this_request.token is not None and now.timestamp() < _this_request.until:
        return _this_request.token
    record = _read() or _made(now)
    until = _kept_here.until(record["token"])
    if until is None:
        until_key = f"kohtaamo:content-until:{record['token']}"
        until = cache.get(until_key)
        if until is None:
            made = datetime.datetime.fromtimestamp(record["made"], tz=datetime.UTC)
            until = next_clock_change(made).timestamp()
            cache.set(until_key, until, timeout=int(LONGEST_LIFE.total_seconds()))
        _kept_here.keep_until(record["token"], until)
    if now.timestamp() >= until:
        record = _made(now)
    if _this_request.active:
        _this_request.token, _this_request.until = record["token"], until
    return record["token"]


def _made(now: datetime.datetime | None = None) -> dict:
    record = {"token": secrets.token_hex(8), "made": (now or timezone.now()).timestamp()}
    _write(record)
    _this_request.token = None  # read again, with the moment the new token lasts until
    return record


def bump() -> None:
    """A new token now, and another once the open transaction commits.

    The first makes the change seen at once by whoever made it (the same transaction reads its own writes). A
    request elsewhere that takes the first token before the commit still reads the old content and may keep
    it under that token; the second token, made after the commit, leaves such an entry unread."""
    renew()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(renew)


def renew() -> None:
    """A new token (what `bump` does now and again after the commit)."""
    _made()


def remember(name: str, build, *parts, timeout: int = REMEMBERED_SECONDS):
    """What `build()` returns, kept in the shared cache under `name`, `parts` and the content version.

    For what many requests share and only content changes can change (menus, settings, a week's programme).
    The value must pickle: lists of model instances do, querysets do not.
    """
    token = version()
    key = ":".join(["kohtaamo", name, token, *(str(part) for part in parts)])
    value = _kept_here.get(token, key)
    if value is _MISSING:
        value = cache.get(key, _MISSING)
        if value is _MISSING:
            value = build()
            cache.set(key, value, timeout)
        _kept_here.keep(token, key, value)
    return value


_MISSING = object()


class _KeptHere:
    """What this process has read from a shared cache (Redis) under the current token, so that a page does not
    wait for a dozen round trips to it: the remembered parts, as pickled bytes (each reader gets its own copy,
    as from the cache), and the moment the token lasts until. The token is part of every key, so nothing kept
    here can be stale; all of it is dropped when the token changes. With the local-memory cache it keeps
    nothing: that cache is already in the process."""

    MOST = 2000  # entries; a site has a few hundred parts at most, so this only guards against a mistake

    def __init__(self):
        self.token, self.values, self.untils = None, {}, {}

    def _current(self, token: str) -> dict | None:
        if _local_memory():
            return None
        if token != self.token:
            self.token, self.values = token, {}
        return self.values

    def get(self, token: str, key: str):
        values = self._current(token)
        kept = values.get(key) if values is not None else None
        return _MISSING if kept is None else pickle.loads(kept)  # noqa: S301 - bytes this process pickled

    def keep(self, token: str, key: str, value) -> None:
        values = self._current(token)
        if values is not None and len(values) < self.MOST:
            values[key] = pickle.dumps(value, pickle.HIGHEST_PROTOCOL)

    def until(self, token: str) -> float | None:
        return None if _local_memory() else self.untils.get(token)

    def keep_until(self, token: str, until: float) -> None:
        if not _local_memory():
            if len(self.untils) >= self.MOST:
                self.untils = {}
            self.untils[token] = until


_kept_here = _KeptHere()
