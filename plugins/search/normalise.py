"""Text as search compares it: NFKC (２０１２年 = 2012年) and lower case, one character at a time.

The browser's engine (engine.js) normalises the same way, character by character, so a query
is compared with exactly the text that was indexed. Only " " and "\n" are whitespace after
`clean`, in both languages, so both split terms the same way.
"""

import re
import unicodedata

SPACES = re.compile(r"[^\S\n]+")
LINE_BREAKS = re.compile(r"\s*\n\s*")


def clean(text: str) -> str:
    """Every kind of space as " ", every line break as one "\n", none at either end."""
    return LINE_BREAKS.sub("\n", SPACES.sub(" ", text)).strip()


class PerCharacter(dict):
    """Code point → its NFKC, lower-cased; worked out once per character, for str.translate."""

    def __missing__(self, point: int) -> str:
        self[point] = unicodedata.normalize("NFKC", chr(point)).lower()
        return self[point]


NORMAL_FORMS = PerCharacter()


def normalise(text: str) -> str:
    """NFKC then lower case, character by character (so engine.js gets the same string)."""
    return text.translate(NORMAL_FORMS)


def query_terms(query: str) -> list[str]:
    """The distinct terms of a query, normalised, in order: "物业  管理 物业" → ["物业", "管理"]."""
    return list(dict.fromkeys(normalise(clean(query)).split()))
