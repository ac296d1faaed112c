"""The text of an article body, read in one pass: its paragraphs for the summary, all of it for reading.

BeautifulSoup (html.parser) built a tree of every body only for its text to be read once, some
0.5 ms a story in a 10,000-story build; this reads the text from the same parser's events, without
the tree. It nests elements as that tree builder does: an end tag closes the latest open element
of its name and all opened inside it (one with none open is ignored); a void element (<br>, <img>)
closes at once; the text between two pieces of markup is one string; the text of <script>,
<style>, <template> and ruby annotations is not text. Character references are read as a browser
reads them (HTML5's table: `R&D;` stays `R&D;`, where BeautifulSoup dropped the semicolon).
search's document.py reads a body the same way for its own layout (plugins cannot share a module).
"""

import re
from html.parser import HTMLParser
from typing import NamedTuple

# Photos with their captions and credits, subheads, tables and code blocks are not the story.
LEFT_OUT_ELEMENTS = frozenset({"figure", "figcaption", "h1", "h2", "h3", "h4", "h5", "h6", "table", "pre", "script", "style"})
LEFT_OUT_CLASSES = frozenset({"credit", "footnote", "toc"})
PARAGRAPHS = frozenset({"p", "li"})  # the outermost of these are the paragraphs
VOID = frozenset(
    "area base br col embed hr img input keygen link menuitem meta param source track wbr "
    "basefont bgsound command frame image isindex nextid spacer".split()
)
NOT_TEXT = frozenset({"script", "style", "template", "rt", "rp"})
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


class BodyReader(HTMLParser):
    """Collects every string of a body, and the strings of each paragraph not left out."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.open: list[Place] = []
        self.strings: list[str] = []
        self.paragraphs: list[list[str]] = []
        self.reading: list[str] = []  # the string being read
        self.closed_void: list[str] = []  # a later </br> closes nothing
        self.muted = 0  # open elements whose text is not text

    def read(self, html: str) -> BodyText:
        """The body's paragraphs and its whole text."""
        self.feed(html)
        self.close()
        self.end_string()
        paragraphs = [collapse("".join(strings)) for strings in self.paragraphs]
        return BodyText(join_paragraphs([text for text in paragraphs if text]), collapse(" ".join(self.strings)))

    def end_string(self) -> None:
        """A piece of markup ends the string being read: keep it, and add it to its paragraph."""
        if not self.reading:
            return
        text, self.reading = "".join(self.reading), []
        if self.muted or not text:
            return
        self.strings.append(text)
        place = self.open[-1] if self.open else OUTSIDE
        if place.paragraph is not None and not place.left_out:
            self.paragraphs[place.paragraph].append(text)

    def handle_data(self, data: str) -> None:
        self.reading.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]], void_closes: bool = True) -> None:
        self.end_string()
        parent = self.open[-1] if self.open else OUTSIDE
        classes = (dict(attrs).get("class") or "").split()
        left_out = parent.left_out or tag in LEFT_OUT_ELEMENTS or not LEFT_OUT_CLASSES.isdisjoint(classes)
        paragraph = parent.paragraph
        if paragraph is None and not left_out and tag in PARAGRAPHS:
            self.paragraphs.append([])
            paragraph = len(self.paragraphs) - 1
        self.open.append(Place(tag, left_out, paragraph))
        self.muted += tag in NOT_TEXT
        if void_closes and tag in VOID:
            self.close_to(len(self.open) - 1)
            self.closed_void.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs, void_closes=False)
        self.handle_endtag(tag, after_void=False)

    def handle_endtag(self, tag: str, after_void: bool = True) -> None:
        if after_void and tag in self.closed_void:
            self.closed_void.remove(tag)
            return
        self.end_string()
        for depth in range(len(self.open) - 1, -1, -1):
            if self.open[depth].name == tag:
                self.close_to(depth)
                return

    def close_to(self, depth: int) -> None:
        """Close every element opened at `depth` or deeper."""
        while len(self.open) > depth:
            self.muted -= self.open.pop().name in NOT_TEXT

    def handle_comment(self, data: str) -> None:
        self.end_string()

    def handle_decl(self, decl: str) -> None:
        self.end_string()

    def handle_pi(self, data: str) -> None:
        self.end_string()

    def unknown_decl(self, data: str) -> None:
        self.end_string()
        if data.upper().startswith("CDATA["):  # a string of its own, text even where other text is not
            muted, self.muted = self.muted, 0
            self.reading.append(data[len("CDATA[") :])
            self.end_string()
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
