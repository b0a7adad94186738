"""Voting codes: short, easy to type and read aloud, and hard to guess.

A code is 8 characters of an alphabet without look-alikes (no 0/O, 1/I), 32 symbols, so 5 bits each: 40
bits, about 1.1 million million codes, drawn with `secrets`. It is printed in two groups (`K7QM-4XPA`) and
read in any case, with or without the dash or spaces.
"""

import re
import secrets

ALPHABET = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ"  # no 0, 1, I, O
LENGTH = 8
GROUP = 4
BITS = 40
_NOT_CODE = re.compile(r"[\s\-–—_.]+")


def new_code() -> str:
    """A fresh code, normalised (no dash)."""
    return "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))


def normalize(text: str) -> str:
    """The code as stored: upper case without dashes or spaces; "" for text that cannot be a code."""
    code = _NOT_CODE.sub("", text or "").upper()
    if len(code) != LENGTH or any(char not in ALPHABET for char in code):
        return ""
    return code


def grouped(code: str) -> str:
    """The code as printed: `K7QM-4XPA`."""
    return "-".join(code[start : start + GROUP] for start in range(0, len(code), GROUP))
