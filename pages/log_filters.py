"""What the logs may say about a database error: where it happened, never the row it was about.

PostgreSQL explains a refused row with the row itself ("DETAIL: Failing row contains (…, name, e-mail, …)")
and a refused statement with its text ("LINE 1: …", values included). Personal data must never reach the logs,
so a logged traceback with a database error in it keeps only the first line of each exception's message: the
kind of error, the table and the column.
"""

import logging
import traceback

from django.db import DatabaseError

CHAINED = "\nThe above exception was the direct cause of the following exception:\n\n"


def exception_chain(error: BaseException) -> list[BaseException]:
    """`error` and the errors it was raised from or while handling, the first raised first."""
    chain: list[BaseException] = []
    while error is not None and error not in chain:
        chain.append(error)
        error = error.__cause__ or error.__context__
    return chain[::-1]


def is_database_error(error: BaseException) -> bool:
    return isinstance(error, DatabaseError) or type(error).__module__.split(".")[0] in ("psycopg", "sqlite3")


def short_traceback(chain: list[BaseException]) -> str:
    """The tracebacks of `chain` with each message cut to its first line."""
    parts = []
    for error in chain:
        message = (str(error).splitlines() or [""])[0]
        name = f"{type(error).__module__}.{type(error).__qualname__}"
        frames = "".join(traceback.format_tb(error.__traceback__))
        parts.append(f"Traceback (most recent call last):\n{frames}{name}: {message}")
    return CHAINED.join(parts)


def without_row_values(record: logging.LogRecord) -> bool:
    """A logging filter for a handler: a record whose exception involves a database error gets its traceback
    written now (`exc_text`, which formatters use as it is) without the rows and statements. Keeps every record."""
    error = record.exc_info[1] if record.exc_info else None
    if error is not None:
        chain = exception_chain(error)
        if any(is_database_error(each) for each in chain):
            record.exc_text = short_traceback(chain)
    return True


def hide_row_values():
    """The factory that LOGGING's "filters" names."""
    return without_row_values
