"""The text of an article body, read in one pass: its paragraphs for the summary, all of it for reading.

BeautifulSoup (html.parser) built a tree of every body only for its text to be read once; this
reads the text from the same parser's events, nested as that tree builder nests them
(plugins.core.nested, which search's document.py reads a body with too). The text between two
pieces of markup is one string; photos, subheads, tables and credits are not the story.
"""

import re
from typing import NamedTuple

from plugins.core.nested import NestedReader

# Photos with their captions and credits, subheads, tables and code blocks are not the story.
LEFT_OUT_ELEMENTS = frozenset({"figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "script", "style"})
LEFT_OUT_CLASSES = frozenset({"credit", "footnote", "toc"})
PARAGRAPHS = frozenset({"p", "li"})  # the outermost of these are the paragraphs
# Characters between which a line break or a paragraph break is no space: CJK runs on.
WIDE = re.compile(
    "[\u2014-\u2026\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
LINE_BREAK = re.compile(r"\s*\n\s*")
SPACES = re.compile(r"\s+")


class BodyText(NamedTuple):
    """The text of an article body: its paragraphs for the summary, and all of it for reading."""

    paragraphs: str
    full: str


class Place(NamedTuple):
    """An open element: its name, whether its text is left out of the paragraphs, and which
    paragraph (an outermost <p> or <li>) its text belongs to."""

    name: str
    left_out: bool
    paragraph: int | None


OUTSIDE = Place("", False, None)


class BodyReader(NestedReader):
    """Collects every string of a body, and the strings of each paragraph not left out."""

    def __init__(self) -> None:
        super().__init__()
        self.places: list[Place] = []  # one for each open element
        self.strings: list[str] = []
        self.paragraphs: list[list[str]] = []
        self.reading: list[str] = []  # the string being read

    def read(self, html: str) -> BodyText:
        """The body's paragraphs and its whole text."""
        self.read_all(html)
        paragraphs = [collapse("".join(strings)) for strings in self.paragraphs]
        return BodyText(join_paragraphs([text for text in paragraphs if text]), collapse(" ".join(self.strings)))

    def markup(self) -> None:
        """The string being read ends: keep it, and add it to its paragraph."""
        if not self.reading:
            return
        text, self.reading = "".join(self.reading), []
        if self.muted or not text:
            return
        self.strings.append(text)
        place = self.places[-1] if self.places else OUTSIDE
        if place.paragraph is not None and not place.left_out:
            self.paragraphs[place.paragraph].append(text)

    def text(self, data: str) -> None:
        self.reading.append(data)

    def opened(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        parent = self.places[-1] if self.places else OUTSIDE
        classes = (dict(attrs).get("class") or "").split()
        left_out = parent.left_out or tag in LEFT_OUT_ELEMENTS or not LEFT_OUT_CLASSES.isdisjoint(classes)
        paragraph = parent.paragraph
        if paragraph is None and not left_out and tag in PARAGRAPHS:
            self.paragraphs.append([])
            paragraph = len(self.paragraphs) - 1
        self.places.append(Place(tag, left_out, paragraph))

    def closing(self, tag: str) -> None:
        self.places.pop()

    def cdata(self, data: str) -> None:
        muted, self.muted = self.muted, 0  # a string of its own, text even where other text is not
        self.reading.append(data)
        self.markup()
        self.muted = muted


def body_text(html: str) -> BodyText:
    """Read an article body once: its body paragraphs in order, and its full text."""
    return BodyReader().read(html)


def runs_on(left: str, right: str) -> bool:
    """True when the text either side of a break is CJK, so the break is no space."""
    return bool(left and right and WIDE.match(left[-1]) and WIDE.match(right[0]))


def collapse(text: str) -> str:
    """Collapse whitespace to single spaces; drop line breaks inside CJK text."""
    pieces = LINE_BREAK.split(text)
    joined = pieces[0]
    for piece in pieces[1:]:
        joined += ("" if runs_on(joined, piece) else " ") + piece
    return SPACES.sub(" ", joined).strip()


def join_paragraphs(paragraphs: list[str]) -> str:
    """Join paragraphs as one text: no space between CJK paragraphs, one between others."""
    text = ""
    for paragraph in paragraphs:
        text += ("" if not text or runs_on(text, paragraph) else " ") + paragraph
    return text
