"""One story as the search index sees it: its fields as text, laid out at fixed positions.

The title starts at 0 and is padded to TITLE_SPAN, so a position below TITLE_SPAN is a match in
the title; every other field follows on a line of its own. Whitespace is never part of a term,
so no match runs from one field or paragraph into the next.
"""

from html.parser import HTMLParser
from typing import NamedTuple

from .normalise import clean, normalise

TITLE_SPAN = 256
# Elements whose end is a line break in the text: paragraphs, subheads, captions, cells, <br>.
LINE_ENDS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "figcaption", "td", "th", "pre", "div", "figure", "br"))
VOID = frozenset(
    "area base br col embed hr img input keygen link menuitem meta param source track wbr "
    "basefont bgsound command frame image isindex nextid spacer".split()
)
NOT_TEXT = frozenset({"script", "style", "template", "rt", "rp"})


class Story(NamedTuple):
    url: str
    title: str
    date: str  # ISO 8601 with its offset
    section: str
    fields: tuple[str, ...]  # cleaned text: kicker, subtitle, body (paragraphs on lines), byline, tags


class LinesReader(HTMLParser):
    """The text of a body with a line break after every block element, in one pass over the
    parser's events. Elements nest as BeautifulSoup's html.parser tree builder nests them, as in
    summaries' body.py (plugins cannot share a module): an end tag closes the latest open element
    of its name and all opened inside it, and is ignored with none open; a void element closes at
    once; <script>, <style>, <template> and ruby annotations hold no text; character references
    are read as a browser reads them. Unlike body.py it need not know where one string ends and
    the next begins, so an ignored </br> after a <br> needs no bookkeeping."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.text: list[str] = []
        self.muted = 0  # open elements whose text is not text

    def read(self, html: str) -> str:
        """The body's text, each block's end a line break, whitespace cleaned."""
        self.feed(html)
        self.close()
        self.close_to(0)
        return clean("".join(self.text))

    def handle_data(self, data: str) -> None:
        if not self.muted:
            self.text.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.open.append(tag)
        self.muted += tag in NOT_TEXT
        if tag in VOID:
            self.close_to(len(self.open) - 1)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.handle_endtag(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag in self.open:
            self.close_to(len(self.open) - 1 - self.open[::-1].index(tag))

    def close_to(self, depth: int) -> None:
        """Close every element opened at `depth` or deeper; a block's end is a line break."""
        while len(self.open) > depth:
            tag = self.open.pop()
            self.muted -= tag in NOT_TEXT
            if tag in LINE_ENDS:
                self.text.append("\n")

    def unknown_decl(self, data: str) -> None:
        if data.upper().startswith("CDATA["):  # text even where other text is not
            self.text.append(data[len("CDATA[") :])


def body_text(html: str) -> str:
    """An article body's text: paragraphs, subheads and captions on lines of their own, inline text joined."""
    return LinesReader().read(html or "")


def laid_out(title: str, fields: tuple[str, ...]) -> str:
    """The normalised text positions refer to: the title padded to TITLE_SPAN, then each field and "\n"."""
    head = normalise(title)[: TITLE_SPAN - 1]
    return head + "\n" * (TITLE_SPAN - len(head)) + "".join(normalise(field) + "\n" for field in fields)
