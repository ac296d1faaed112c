"""A print page's lines rejoined into paragraphs: 调研问题突 / (blank) / 出小区 is one sentence.

Text copied from a laid-out page breaks lines where the column ended, often with an empty line
after, so a blank line does not end a paragraph. A paragraph ends where a sentence ends; a line
that ends mid-sentence goes on in the next line, unless that line is a headline, a byline or a
credit: then the text was cut in print, and the paragraph is kept and marked `cut`, never joined
to what follows.
"""

import re
from dataclasses import dataclass

from checks.lines import (
    ends_sentence,
    is_byline,
    is_headline,
    runs_on,
    stands_alone,
)
from checks.text import FULL_WIDTH, full_width
from plugins.photos.caption import split_credit
from plugins.slugs.pinyin import HAN

WHITESPACE = " \t\u3000\xa0\ufeff"
# Print spaces a headline's two halves or a byline's names with 　 (U+3000); the web uses one space.
INNER_SPACE = re.compile(r"[ \u3000\xa0]*\u3000[ \u3000\xa0]*")
# A half-width mark by Chinese quotes or book-title marks, which checks.text leaves to the editor
# (it only mends marks between two Han characters): “一小区一方案”,分类 → “一小区一方案”，分类.
MARK_BY_QUOTES = re.compile(rf"(?<=[{HAN}”’」』》）])([,:;?!])[ \t]*(?=[“‘「『《（{HAN}])")


@dataclass
class Paragraph:
    text: str
    line: int  # where it starts on the page, counting from 1
    cut: bool = False  # ends mid-sentence with nothing on the page to go on with


def clean(line: str) -> str:
    """A line without its indent and trailing space, inner full-width spaces as one space, marks between Han full-width."""
    text = full_width(INNER_SPACE.sub(" ", line.strip(WHITESPACE)))
    return MARK_BY_QUOTES.sub(lambda match: FULL_WIDTH[match[1]], text)


def goes_on(paragraph: str) -> bool:
    """Whether a paragraph so far is prose that stops mid-sentence (a caption ending in its credit does not)."""
    return not (ends_sentence(paragraph) or is_headline(paragraph) or is_byline(paragraph) or split_credit(paragraph).credit)


def joined(before: str, after: str) -> str:
    """Two pieces of one sentence; a space only between two Latin letters (a word broken at a space)."""
    space = " " if before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha() else ""
    return clean(before + space + after)


def paragraphs(page: str) -> list[Paragraph]:
    """The page's paragraphs, with the line each starts on; blank lines dropped, broken sentences rejoined.

    A line goes on from a paragraph that stops mid-sentence, blank lines or not (print leaves them
    at column breaks), unless it stands alone; even a line that looks like a headline goes on when
    the text shows the sentence was cut (checks.lines.runs_on: 以弱势儿童为 / 主题的真实公益事件).
    """
    found: list[Paragraph] = []
    for number, raw in enumerate(page.splitlines(), start=1):
        text = clean(raw)
        if not text:
            continue
        if found and goes_on(found[-1].text) and (runs_on(found[-1].text, text) or not stands_alone(text)):
            found[-1].text = joined(found[-1].text, text)
            continue
        if found and goes_on(found[-1].text):
            found[-1].cut = True
        found.append(Paragraph(text, number))
    if found and goes_on(found[-1].text):
        found[-1].cut = True
    return found
