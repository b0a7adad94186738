"""Signed links to a registration (its confirmation and cancelling): they carry its number only, no personal data.

A registration always has the same token, so a form sent twice leads to the same confirmation address. The
links stop working a while after the event (`Registration.links_valid`, checked by the views) and when the
registration's personal data is erased. A forged or altered token reads as None.
"""

from django.core import signing

SALT = "kohtaamo.events.registration-link"


def registration_token(registration_id: int) -> str:
    return signing.Signer(salt=SALT).sign_object(registration_id)


def registration_id(token: str) -> int | None:
    try:
        value = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
