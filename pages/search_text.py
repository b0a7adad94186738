"""What search makes of the text a visitor types: no control characters, and the words to look for.

Only words of letters and digits are looked for, so nothing a visitor types reaches the full-text syntax of
SQLite or PostgreSQL (quotes, `*`, `-`, `NEAR`, parentheses): punctuation separates words, and
`AND`, `OR` and `NEAR` are words like any other.
"""

import re
import unicodedata

MAX_WORDS = 10
"""Words after these are left out: each word narrows the results, so more would find nothing anyway."""

# C0 and C1 control characters (NUL, escape, delete...) and the bidirectional overrides and isolates,
# which would reorder the page title the query is shown in.
CONTROL_CHARACTERS = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
WHITESPACE = re.compile(r"\s")
WORD_CHARACTER_CATEGORIES = ("L", "M", "N")
"""Letters, combining marks (as in Arabic or Hindi) and digits, as SQLite's and PostgreSQL's parsers take them."""


def without_control_characters(text: str) -> str:
    """The text with line breaks and tabs as single spaces and other control characters taken out."""
    return " ".join(CONTROL_CHARACTERS.sub("", WHITESPACE.sub(" ", text)).split())


def search_words(text: str) -> list[str]:
    """The words of the text, lower-cased, each once, at most MAX_WORDS: runs of letters, marks and digits."""
    text = unicodedata.normalize("NFKC", text).lower()
    spaced = "".join(char if unicodedata.category(char)[0] in WORD_CHARACTER_CATEGORIES else " " for char in text)
    return list(dict.fromkeys(spaced.split()))[:MAX_WORDS]
