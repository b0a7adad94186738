"""Mail to families, sent from background tasks (Django's task framework, the "mail" backend): what happens
when the mail server fails.

The thing the mail is about is stored before its mail is queued, so a mail server that is down loses nothing:
`send_or_retry` queues the same task again with a growing delay (RETRY_DELAYS), up to `len(RETRY_DELAYS)`
retries, when the backend can defer tasks (the database backend with `manage.py db_worker`). An address the
server refuses is not retried. Logs name the thing by its kind and number, never the address.
"""

import datetime
import logging
import smtplib

from django.utils import timezone

logger = logging.getLogger(__name__)

# Seconds to wait before each retry: a short outage is bridged in minutes, a long one over a day.
RETRY_DELAYS = (60, 5 * 60, 15 * 60, 60 * 60, 3 * 60 * 60, 6 * 60 * 60, 12 * 60 * 60, 24 * 60 * 60)


def send_or_retry(message, *, task, args: tuple, attempt: int, about: str) -> str:
    """Sends `message`. When sending fails, queues `task(*args, attempt + 1)` for later and raises the error
    (so the failed run shows as failed); "address refused" gives up at once. `about` names what the mail is
    about in logs, e.g. "registration 12"."""
    try:
        message.send()
    except smtplib.SMTPRecipientsRefused:
        logger.warning("The mail server refused the address of %s; not retried.", about)
        return "address refused"
    except OSError:  # smtplib.SMTPException is one, and so are refused connections and timeouts
        retry_later(task, args, attempt, about)
        raise
    return "sent"


def retry_later(task, args: tuple, attempt: int, about: str) -> None:
    if attempt > len(RETRY_DELAYS) or not task.get_backend().supports_defer:
        logger.error("Mail about %s could not be sent after %s attempts.", about, attempt)
        return
    run_after = timezone.now() + datetime.timedelta(seconds=RETRY_DELAYS[attempt - 1])
    task.using(run_after=run_after).enqueue(*args, attempt + 1)
