"""Names of the languages families speak, in the reader's language, from the CLDR data that Babel carries.

Activities store language codes (a fact entered once); each reader sees the names in their own language.
"""

from babel import Locale, UnknownLocaleError
from django.utils.translation import get_language


def language_name(code: str, in_language: str | None = None) -> str:
    try:
        names = Locale.parse(in_language or get_language() or "fi").languages
    except (UnknownLocaleError, ValueError):
        names = {}
    return names.get(code, code)
