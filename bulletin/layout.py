"""A print page's lines rejoined into paragraphs: 调研问题突 / (blank) / 出小区 is one sentence.

Text copied from a laid-out page breaks lines where the column ended, often with an empty line
after, so a blank line does not end a paragraph. A paragraph ends where a sentence ends; a line
that ends mid-sentence goes on in the next line, unless that line is a headline, a byline or a
credit: then the text was cut in print, and the paragraph is kept and marked `cut`, never joined
to what follows.
"""

import re
from dataclasses import dataclass

from checks.text import FULL_WIDTH, full_width
from plugins.editorial.byline import ROLE_PREFIX
from plugins.photos.caption import NAMES, ROLE, split_credit
from plugins.slugs.pinyin import HAN

# What ends a sentence, perhaps inside closing quotes or brackets: 。 ！ ？ … and a colon that opens a list.
SENTENCE_END = re.compile(r"[。！？!?…：:][”’」』）)】]*$")
# Marks that a headline never has but a sentence usually does.
PROSE_MARK = re.compile(r"[，,。；;]")
HEADLINE_MAX_CHARS = 32
# A line that is only people: 本报通讯员 东宣, 记者 常欣月 通讯员 高欣.
BYLINE_ALONE = re.compile(rf"^{ROLE}[ \u3000]*{NAMES}(?:[ \u3000]+{ROLE}[ \u3000]*{NAMES})*$")
# A dateline and bracketed people before the first sentence: 本报讯（记者 常欣月 通讯员 高欣）为深入…
DATELINE = re.compile(
    r"^(?P<dateline>本报讯|本报[\u4e00-\u9fff]{1,6}?(?:\d{1,2}月\d{1,2}日)?讯(?!员)|(?:新华社|中新社|人民网)[^（(，,。\s]{0,12}电)?"
    r"[ \u3000]*"
    r"(?P<people>[（(][^（）()]{1,40}[）)])?[ \u3000]*[：:]?[ \u3000]*"
)
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


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def is_headline(text: str) -> bool:
    """Whether a line reads as a headline or subhead: short, without a sentence's commas and stops, not people."""
    short = len(text) <= HEADLINE_MAX_CHARS and not PROSE_MARK.search(text) and not text.endswith(("：", ":"))
    return short and not is_credit(text) and not is_byline(text)


def is_credit(text: str) -> bool:
    """A photo credit standing alone: 本报通讯员 高欣 摄."""
    caption = split_credit(text)
    return bool(caption.credit) and not caption.text


def is_byline(text: str) -> bool:
    """A line that is only a byline: people with their roles, or a dateline with them."""
    if BYLINE_ALONE.match(text) and ROLE_PREFIX.match(text):
        return True
    byline, rest = split_dateline(text)
    return bool(byline) and not rest


def split_dateline(text: str) -> tuple[str, str]:
    """(the dateline and bracketed people, the text after them), or ("", text) when there are none."""
    match = DATELINE.match(text)
    people = match["people"] or ""
    if not (match["dateline"] or ROLE_PREFIX.search(people.strip("（）()"))):
        return "", text
    byline = (match["dateline"] or "") + people.replace("(", "（").replace(")", "）")
    return byline, text[match.end() :]


def stands_alone(text: str) -> bool:
    """Whether a line cannot go on a sentence from the line before: a headline, a byline or a credit."""
    return is_headline(text) or is_credit(text) or is_byline(text) or bool(split_dateline(text)[0])


def goes_on(paragraph: str) -> bool:
    """Whether a paragraph so far is prose that stops mid-sentence (a caption ending in its credit does not)."""
    return not (ends_sentence(paragraph) or is_headline(paragraph) or is_byline(paragraph) or split_credit(paragraph).credit)


def joined(before: str, after: str) -> str:
    """Two pieces of one sentence; a space only between two Latin letters (a word broken at a space)."""
    space = " " if before[-1:].isascii() and before[-1:].isalpha() and after[:1].isascii() and after[:1].isalpha() else ""
    return clean(before + space + after)


def paragraphs(page: str) -> list[Paragraph]:
    """The page's paragraphs, with the line each starts on; blank lines dropped, broken sentences rejoined."""
    found: list[Paragraph] = []
    for number, raw in enumerate(page.splitlines(), start=1):
        text = clean(raw)
        if not text:
            continue
        if found and goes_on(found[-1].text) and not stands_alone(text):
            found[-1].text = joined(found[-1].text, text)
            continue
        if found and goes_on(found[-1].text):
            found[-1].cut = True
        found.append(Paragraph(text, number))
    if found and goes_on(found[-1].text):
        found[-1].cut = True
    return found
