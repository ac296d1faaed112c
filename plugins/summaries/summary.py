"""A plain-text summary of an article body, counted in characters and ended at a sentence."""

import re
import unicodedata

from bs4 import BeautifulSoup

from .body import BodyText, body_text, collapse

ELLIPSIS = "……"
SENTENCE_END = re.compile(r"[。！？…]+[”’」』）]*")
# Left at the end of a cut, these would read as a broken sentence before the ellipsis.
DANGLING = " \u3000，、；：,;:“‘「『（(《〈【—"
ZWJ = "\u200d"


def plain_text(html: str) -> str:
    """The text of an HTML fragment (an editor's Summary after Markdown), whitespace collapsed."""
    return collapse(BeautifulSoup(html, "html.parser").get_text())


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
