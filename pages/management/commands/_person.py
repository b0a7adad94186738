"""The options that name whose personal data a command is about: `--email`, `--phone`, or both."""

from django.core.exceptions import ValidationError
from django.core.management.base import CommandError

from pages.personal_data import Person


def add_person_arguments(parser) -> None:
    parser.add_argument("--email", default="", help="The person's e-mail address (any case).")
    parser.add_argument("--phone", default="", help="The person's phone number, in any form (040 123 4567, +358…).")


def person_from(options: dict) -> Person:
    """The person the options name; a missing or unreadable value is a CommandError (which never repeats it)."""
    try:
        return Person.of(email=options["email"], phone_number=options["phone"])
    except ValidationError as error:
        raise CommandError("--phone is not a phone number.") from error
    except ValueError as error:
        raise CommandError("Give --email, --phone or both.") from error
