"""Which metadata fields an editor may write, and where a field stands in the source file."""

import difflib
import re

# Pelican's own fields, then the newsroom's (README, "Writing for the site").
PELICAN_FIELDS = {
    "title", "date", "modified", "tags", "category", "slug", "author", "authors", "summary",
    "lang", "translation", "status", "template", "save_as", "url",
    "reader",  # set by Pelican itself: the reader that read the file
}
NEWS_FIELDS = {"kicker", "subtitle", "byline", "lead", "note", "photo", "alt", "correction", "source", "scheduled", "follows"}
KNOWN_FIELDS = PELICAN_FIELDS | NEWS_FIELDS
TRUE_WORDS = {"true", "yes", "1", "是"}
FALSE_WORDS = {"false", "no", "0", "否"}


def unknown_fields(keys, known=KNOWN_FIELDS) -> list[tuple[str, str]]:
    """Each key that is not a known field, with the known field it most resembles (or "")."""
    found = []
    for key in sorted(set(keys) - set(known)):
        close = difflib.get_close_matches(key, sorted(known), n=1, cutoff=0.6)
        found.append((key, close[0].capitalize() if close else ""))
    return found


def field_line(source: str, key: str) -> tuple[int, str]:
    """The line number and the name as written of field `key` in a Markdown header, or (1, key)."""
    for number, line in enumerate(source.splitlines(), start=1):
        if not line.strip():
            break
        match = re.match(rf"^({re.escape(key)})\s*:", line, re.IGNORECASE)
        if match:
            return number, match[1]
    return 1, key
