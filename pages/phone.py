"""Phone numbers: typed as people write them, stored in international form, shown the Finnish way.

`09 123 4567`, `040-123 4567` and `+358 40 123 4567` are all accepted and stored as `+358…`. Pages show
Finnish numbers in the national form with the subscriber number grouped (`09 123 4567`) and link them
as `tel:+358…`; other countries' numbers are shown in international form.
"""

import functools

import phonenumbers
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

DEFAULT_REGION = "FI"


def parse(value: str) -> phonenumbers.PhoneNumber | None:
    """The number in `value`, or None when it is not a valid phone number."""
    try:
        number = phonenumbers.parse(value, DEFAULT_REGION)
    except phonenumbers.NumberParseException:
        return None
    return number if phonenumbers.is_valid_number(number) else None


def normalize(value: str) -> str:
    """`value` in international form (`+358912345678`); raises ValidationError when it is not a number."""
    number = parse(value)
    if number is None:
        raise ValidationError(
            _("Write one phone number only, for example 09 123 4567 or +358 40 123 4567. Times go in other fields."),
            code="invalid_phone",
        )
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# Pages show the same few numbers on every request; parsing one costs a tenth of a millisecond.
@functools.lru_cache(maxsize=1024)
def display(value: str) -> str:
    """How a page shows the number: `09 123 4567` for Finnish numbers; `value` itself when it is no number."""
    number = parse(value) if value else None
    if number is None:
        return value
    if phonenumbers.region_code_for_number(number) != DEFAULT_REGION:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
    national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    prefix, _space, subscriber = national.rpartition(" ")
    return f"{prefix} {_group(subscriber)}".strip()


@functools.lru_cache(maxsize=1024)
def uri(value: str) -> str:
    """`tel:+358…` for a link, or "" when `value` is no number."""
    number = parse(value) if value else None
    return f"tel:{phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)}" if number else ""


def _group(digits: str) -> str:
    """A Finnish subscriber number in groups: 1234567 → 123 4567, 12345678 → 1234 5678."""
    if not digits.isdigit() or len(digits) < 6 or len(digits) > 8:
        return digits
    split = len(digits) - 4 if len(digits) > 6 else 3
    return f"{digits[:split]} {digits[split:]}"


class PhoneNumberField(models.CharField):
    """A phone number, validated and stored in international form whatever way it was typed."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 40)
        kwargs.setdefault("help_text", _("For example 09 123 4567 or +358 40 123 4567."))
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        return normalize(value) if value else value

    def pre_save(self, model_instance, add):
        value = getattr(model_instance, self.attname)
        if value:
            setattr(model_instance, self.attname, normalize(value))
        return super().pre_save(model_instance, add)
