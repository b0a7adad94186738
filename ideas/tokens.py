"""Signed links in the mail to a proposer: "stop updates and erase my e-mail". They carry the idea's number
only, never the address; a forged or altered token reads as None.

The token is `<number>-<signature>`, letters, digits, `-` and `_` only: it is a segment of a page route,
and Wagtail's page addresses take no other characters (no `:` as `Signer.sign` would write)."""

from django.core import signing
from django.utils.crypto import constant_time_compare

SALT = "kohtaamo.ideas.contact-link"


def _signature(number: str) -> str:
    return signing.Signer(salt=SALT).signature(number)


def contact_token(idea_id: int) -> str:
    return f"{idea_id}-{_signature(str(idea_id))}"


def contact_idea_id(token: str) -> int | None:
    number, _, signature = (token or "").partition("-")
    if not (number.isascii() and number.isdigit() and signature):
        return None
    return int(number) if constant_time_compare(signature, _signature(number)) else None
