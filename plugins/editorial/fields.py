"""Which metadata fields an editor may write, and where a field stands in the source file."""

import difflib
import re

# Pelican's own fields, then the newsroom's (README, "Writing for the site").
PELICAN_FIELDS = {
    "title", "date", "modified", "tags", "category", "slug", "author", "authors", "summary",
    "lang", "translation", "status", "template", "save_as", "url",
    "reader",  # set by Pelican itself: the reader that read the file
}
NEWS_FIELDS = {"kicker", "subtitle", "byline", "lead", "note", "photo", "alt", "correction", "source", "scheduled", "follows", "topic"}
TOPIC_PAGE_FIELDS = {"current", "order"}  # on the page introducing a topic (plugins/topics)
KNOWN_FIELDS = PELICAN_FIELDS | NEWS_FIELDS | TOPIC_PAGE_FIELDS
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


# Characters no field should hold: C0 and C1 controls (a tab or a line end joins lines), and the
# invisible marks that turn text around (Unicode bidirectional overrides). Pelican's feed writer
# stops with a traceback on a control character in a Title.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# A scheme before the first /, ? or #: javascript:, data:, http:
SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
ADDRESS_FIELDS = ("url", "save_as")


def control_characters(value: str) -> list[str]:
    """The control characters in a field's value, as U+XXXX, each once."""
    return list(dict.fromkeys(f"U+{ord(char):04X}" for char in CONTROL.findall(value)))


def unsafe_address(field: str, value: str) -> bool:
    """Whether a URL or Save_as value could point a reader, or the build's writer, anywhere but
    into this site: any scheme but http(s), a protocol-relative //host, a backslash, a .. step;
    Save_as also no scheme and no leading /. Whitespace and controls are read through, as browsers do."""
    address = re.sub(r"[\s\x00-\x1f\x7f]", "", value)
    scheme = SCHEME.match(address)
    if "\\" in address or address.startswith("//") or ".." in address.split("/"):
        return True
    if field == "save_as":
        return bool(scheme) or address.startswith("/")
    return bool(scheme) and scheme[1].lower() not in ("http", "https")
