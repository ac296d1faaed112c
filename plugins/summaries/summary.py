"""A plain-text summary of an article body, counted in characters and ended at a sentence."""

import re
import unicodedata
from typing import NamedTuple

from bs4 import BeautifulSoup

ELLIPSIS = "……"
# Photos with their captions and credits, subheads, tables and code blocks are not the story.
LEFT_OUT = "figure, figcaption, .credit, h1, h2, h3, h4, h5, h6, table, pre, script, style, .footnote, .toc"
BLOCKS = ("p", "li")
SENTENCE_END = re.compile(r"[。！？…]+[”’」』）]*")
# Left at the end of a cut, these would read as a broken sentence before the ellipsis.
DANGLING = " \u3000，、；：,;:“‘「『（(《〈【—"
# Characters between which a line break or a paragraph break is no space: CJK runs on.
WIDE = re.compile(
    "[\u2014-\u2026\u3000-\u303f\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff"
    "\uac00-\ud7af\uf900-\ufaff\uff00-\uffef\U00020000-\U0003134f]"
)
LINE_BREAK = re.compile(r"\s*\n\s*")
SPACES = re.compile(r"\s+")
ZWJ = "\u200d"


class BodyText(NamedTuple):
    """The text of an article body: its paragraphs for the summary, and all of it for reading."""

    paragraphs: str
    full: str


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


def plain_text(html: str) -> str:
    """The text of an HTML fragment (an editor's Summary after Markdown), whitespace collapsed."""
    return collapse(BeautifulSoup(html, "html.parser").get_text())


def body_text(html: str) -> BodyText:
    """Read an article body once: its body paragraphs in order, and its full text."""
    soup = BeautifulSoup(html, "html.parser")
    full = collapse(soup.get_text(" "))
    for tag in soup.select(LEFT_OUT):
        if not tag.decomposed:
            tag.decompose()
    blocks = [tag for tag in soup.find_all(BLOCKS) if tag.find_parent(BLOCKS) is None]
    paragraphs = [collapse(tag.get_text()) for tag in blocks]
    return BodyText(join_paragraphs([p for p in paragraphs if p]), full)


def is_regional(char: str) -> bool:
    """True for a regional indicator letter; two of them make one flag."""
    return "\U0001f1e6" <= char <= "\U0001f1ff"


def extends(char: str) -> bool:
    """True for a character that belongs to the one before it (marks, ZWJ, skin tones, tags)."""
    return (
        unicodedata.category(char) in ("Mn", "Mc", "Me")
        or char == ZWJ
        or "\U0001f3fb" <= char <= "\U0001f3ff"
        or "\U000e0020" <= char <= "\U000e007f"
    )


def is_cut_point(text: str, index: int) -> bool:
    """True when `text[:index]` ends between two user-perceived characters."""
    if index <= 0 or index >= len(text):
        return True
    before, after = text[index - 1], text[index]
    if "\ud800" <= before <= "\udbff" and "\udc00" <= after <= "\udfff":
        return False  # a pair left over from UTF-16 text read with surrogatepass
    if before == ZWJ or extends(after):
        return False
    if is_regional(before) and is_regional(after):
        start = index - 1
        while start > 0 and is_regional(text[start - 1]):
            start -= 1
        return (index - start) % 2 == 0
    return True


def shorten(text: str, max_chars: int) -> str:
    """At most `max_chars` characters of `text`, ended at a near sentence end or with "……"."""
    if len(text) <= max_chars:
        return text
    # A whole sentence in the second half of the budget reads better than a longer cut one.
    near = max_chars - max_chars // 2
    # Matching one character past the budget drops a sentence end whose closing quote is cut off.
    matches = SENTENCE_END.finditer(text, 0, max_chars + 1)
    ends = [m.end() for m in matches if near <= m.end() <= max_chars and is_cut_point(text, m.end())]
    if ends:
        return text[: ends[-1]]
    cut = max_chars - len(ELLIPSIS)
    while not is_cut_point(text, cut):
        cut -= 1
    return text[:cut].rstrip(DANGLING) + ELLIPSIS


def summary_of(text: BodyText, max_chars: int) -> str:
    """The summary of a body already read: its paragraphs, or all its text when it has none."""
    return shorten(text.paragraphs or text.full, max_chars)


def summarise(html: str, max_chars: int) -> str:
    """Plain-text summary of an article body: its paragraphs, at most `max_chars` characters."""
    return summary_of(body_text(html), max_chars)
