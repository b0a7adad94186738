"""Signed links in the mail to a proposer: "stop updates and erase my e-mail". They carry the idea's number
only, never the address; a forged or altered token reads as None."""

from django.core import signing

SALT = "kohtaamo.ideas.contact-link"


def contact_token(idea_id: int) -> str:
    return signing.Signer(salt=SALT).sign_object(idea_id)


def contact_idea_id(token: str) -> int | None:
    try:
        value = signing.Signer(salt=SALT).unsign_object(token)
    except (signing.BadSignature, ValueError):
        return None
    return value if isinstance(value, int) and not isinstance(value, bool) else None
