"""One story as the search index sees it: its fields as text, laid out at fixed positions.

The title starts at 0 and is padded to TITLE_SPAN, so a position below TITLE_SPAN is a match in
the title; every other field follows on a line of its own. Whitespace is never part of a term,
so no match runs from one field or block into the next.

A block is what a story's HTML sets apart: a paragraph, a subhead, a list item, a caption; a
photo's credit (class "credit", inline in its <figcaption>) is a block of its own, so a caption is
one block without it. The body's blocks are its lines, which is how the engine keeps a snippet
to one of them.
"""

from typing import NamedTuple

from plugins.core.nested import NestedReader

from .normalise import clean, normalise

TITLE_SPAN = 256
# Elements whose end is a line break in the text: paragraphs, subheads, captions, cells, <br>.
LINE_ENDS = frozenset(("p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "dt", "dd", "blockquote", "figcaption", "td", "th", "pre", "div", "figure", "br"))
OWN_LINE = "credit"  # a class whose element is a line of its own wherever it stands (a photo's credit)


class Story(NamedTuple):
    url: str
    title: str
    date: str  # ISO 8601 with its offset
    section: str
    fields: tuple[str, ...]  # cleaned text: kicker, subtitle, body (paragraphs on lines), byline, tags


class LinesReader(NestedReader):
    """The text of a body with a line break after every block element, in one pass over the
    parser's events, nested as plugins.core.nested nests them."""

    def __init__(self) -> None:
        super().__init__()
        self.lines: list[str] = []
        self.own_lines: list[int] = []  # depths of the open elements that are a line of their own

    def read(self, html: str) -> str:
        """The body's text, each block's end a line break, whitespace cleaned."""
        self.read_all(html)
        return clean("".join(self.lines))

    def text(self, data: str) -> None:
        if not self.muted:
            self.lines.append(data)

    def opened(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if any(name == "class" and OWN_LINE in (value or "").split() for name, value in attrs):
            self.own_lines.append(len(self.tags))
            self.lines.append("\n")

    def closing(self, tag: str) -> None:
        if self.own_lines and self.own_lines[-1] == len(self.tags):
            self.own_lines.pop()
            self.lines.append("\n")
        elif tag in LINE_ENDS:
            self.lines.append("\n")

    def cdata(self, data: str) -> None:
        self.lines.append(data)


def body_text(html: str) -> str:
    """An article body's text: paragraphs, subheads, captions and credits on lines of their own, inline text joined."""
    return LinesReader().read(html or "")


def laid_out(title: str, fields: tuple[str, ...]) -> str:
    """The normalised text positions refer to: the title padded to TITLE_SPAN, then each field and "\n"."""
    head = normalise(title)[: TITLE_SPAN - 1]
    return head + "\n" * (TITLE_SPAN - len(head)) + "".join(normalise(field) + "\n" for field in fields)
