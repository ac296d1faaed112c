"""One story as the search index sees it: its fields as text, laid out at fixed positions.

The title starts at 0 and is padded to TITLE_SPAN, so a position below TITLE_SPAN is a match in
the title; every other field follows on a line of its own. Whitespace is never part of a term,
so no match runs from one field or paragraph into the next.
"""

from typing import NamedTuple

from bs4 import BeautifulSoup

from .normalise import clean, normalise

TITLE_SPAN = 256
BLOCKS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "figcaption", "td", "th", "pre", "div", "figure", "br")


class Story(NamedTuple):
    url: str
    title: str
    date: str  # ISO 8601 with its offset
    section: str
    fields: tuple[str, ...]  # cleaned text: kicker, subtitle, body (paragraphs on lines), byline, tags


def body_text(html: str) -> str:
    """An article body's text: paragraphs, subheads and captions on lines of their own, inline text joined."""
    soup = BeautifulSoup(html or "", "html.parser")
    for tag in soup.find_all(BLOCKS):
        tag.insert_after("\n")
    return clean(soup.get_text(""))


def laid_out(title: str, fields: tuple[str, ...]) -> str:
    """The normalised text positions refer to: the title padded to TITLE_SPAN, then each field and "\n"."""
    head = normalise(title)[: TITLE_SPAN - 1]
    return head + "\n" * (TITLE_SPAN - len(head)) + "".join(normalise(field) + "\n" for field in fields)
