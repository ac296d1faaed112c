"""What a line of Chinese news copy is, and whether a sentence runs on across a blank line.

One judgement for `invoke check` (sentence-broken, and what --fix joins) and `invoke import`
(a column break that left a blank line): a blank line ends a paragraph unless the text says
otherwise, because real copy is full of lines that end without a full stop and are whole: a
headline, a deck (——副题), a subhead with a comma in it (一本“山林账”，看林下经济发展), a byline
(本报记者  王  观), a credit, a dateline, a source line (数据来源：国家税务总局), a list or table row.
Only positive evidence of a cut joins two lines: the first ends on a comma or on a word that cannot
end a sentence (以弱势儿童为 / 主题的…), the second starts with a mark that only follows text, or a
word runs across the break (问题突 / 出小区).
"""

import logging
import re
from functools import cache

from plugins.editorial.byline import ROLE_PREFIX
from plugins.photos.caption import NAMES, ROLE, split_credit

# What ends a sentence, perhaps inside closing quotes or brackets: 。 ！ ？ … and a colon that opens a list.
SENTENCE_END = re.compile(r"[。！？!?…：:][”’」』）)】]*$")
# Marks that a headline never has but a sentence usually does.
PROSE_MARK = re.compile(r"[，,。；;]")
HEADLINE_MAX_CHARS = 32
DECK_MAX_CHARS = 60
SPACE = " \u3000\xa0"
# A line that is only people: 本报通讯员 东宣, 记者 常欣月 通讯员 高欣.
BYLINE_ALONE = re.compile(rf"^{ROLE}[{SPACE}]*{NAMES}(?:[{SPACE}]+{ROLE}[{SPACE}]*{NAMES})*$")
# A byline as a paper prints it: roles, names spaced out (王  观), 文／图 after them, no sentence marks.
BYLINE_PRINTED = re.compile(rf"^{ROLE}[{SPACE}]*[\u4e00-\u9fff·{SPACE}、／/]+$")
BYLINE_MAX_CHARS = 40
# A dateline and bracketed people before the first sentence: 本报讯（记者 常欣月 通讯员 高欣）为深入…
DATELINE = re.compile(
    r"^(?P<dateline>本报讯|本报[\u4e00-\u9fff]{1,6}?(?:\d{1,2}月\d{1,2}日)?讯(?!员)|(?:新华社|中新社|人民网)[^（(，,。\s]{0,12}电)?"
    rf"[{SPACE}]*"
    rf"(?P<people>[（(][^（）()]{{1,40}}[）)])?[{SPACE}]*[：:]?[{SPACE}]*"
)
# 副题 under a headline (——记……), and the line of sources, charts and photos under a feature.
DECK = re.compile(r"^[—─-]{1,2}(?=\S)")
SOURCE_LINE = re.compile(r"^(?:数据来源|资料来源|来源|制图|图表|图片|摄影|设计|统筹|策划|编辑|责任编辑|责编|监制|出品|本版编辑)[：:]")
# A list or table row: 一、 （一） 1. ① at the start, or cells apart by a tab or a bar.
LIST_ROW = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.、．]|[①-⑳])|\t|\|")
# A mark that only follows text: a paragraph that starts with one was cut from the one before.
STARTS_WITH_CLOSING_MARK = re.compile(r"^[，。、；：！？）》”’」』,.;:!?)]")
# Words that cannot end a sentence or a heading: 以弱势儿童为 / 主题的…
NEVER_LAST = set("的为在和与及对把被从向将于让使是并或而且但即较")
# Words that cannot start one: 及小型小区…, 等各环节…
NEVER_FIRST = set("及等的了着过得地之们")
COMMA_END = re.compile(r"[，、,]$")
TAIL_MAX_CHARS = 6
CLOSING_END = re.compile(r"[”’」』）)】》]$")
# A count that its noun has not followed yet: 排查整改113个 / 小区问题。
COUNT_END = re.compile(r"[\d０-９]+[个名项次家户位条件所座栋台辆]?$")
# Characters a sentence often starts with on its own (为深入…, 近日…, 据介绍…); a paragraph whose
# first word is any other single character (出小区…: 突出 was cut) starts mid-sentence.
SENTENCE_STARTERS = set("问答为在对据近今昨从由经随自因凡本我你他她它该这此那各每要让将把被当以与和如若虽但而又并还更也都再于至截按请记向就")


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text))


def is_credit(text: str) -> bool:
    """A photo credit standing alone: 本报通讯员 高欣 摄."""
    caption = split_credit(text)
    return bool(caption.credit) and not caption.text


def is_byline(text: str) -> bool:
    """A line that is only a byline: people with their roles, or a dateline with them."""
    if (BYLINE_ALONE.match(text) or (BYLINE_PRINTED.match(text) and len(text) <= BYLINE_MAX_CHARS)) and ROLE_PREFIX.match(text):
        return True
    byline, rest = split_dateline(text)
    return bool(byline) and not rest


def is_deck(text: str) -> bool:
    """A deck line: ——记……, under a headline."""
    return bool(DECK.match(text)) and len(text) <= DECK_MAX_CHARS and not ends_sentence(text)


def is_headline(text: str) -> bool:
    """Whether a line reads as a headline, deck or subhead: short, without a sentence's commas and stops, not people."""
    short = len(text) <= HEADLINE_MAX_CHARS and not PROSE_MARK.search(text) and not text.endswith(("：", ":"))
    return (short or is_deck(text)) and not is_credit(text) and not is_byline(text)


def split_dateline(text: str) -> tuple[str, str]:
    """(the dateline and bracketed people, the text after them), or ("", text) when there are none."""
    match = DATELINE.match(text)
    people = match["people"] or ""
    if not (match["dateline"] or ROLE_PREFIX.search(people.strip("（）()"))):
        return "", text
    byline = (match["dateline"] or "") + people.replace("(", "（").replace(")", "）")
    return byline, text[match.end() :]


def stands_alone(text: str) -> bool:
    """Whether a line cannot go on a sentence from the line before: a headline, deck, byline, credit,
    dateline, source line or list row."""
    return (
        is_headline(text) or is_credit(text) or is_byline(text) or bool(split_dateline(text)[0])
        or bool(SOURCE_LINE.match(text)) or bool(LIST_ROW.search(text))
    )


def runs_on(before: str, after: str) -> bool:
    """Whether the sentence at the end of `before` goes on at the start of `after`, a blank line between."""
    before, after = before.strip(SPACE + "\t"), after.strip(SPACE + "\t")
    if not before or not after or ends_sentence(before) or split_credit(before).credit:
        return False
    if STARTS_WITH_CLOSING_MARK.match(after):
        return True  # ，居民出行更加安全。 follows text, whatever the line before looks like
    if is_byline(before) or is_byline(after) or is_credit(after) or split_dateline(after)[0]:
        return False  # people and datelines never go on a sentence
    if SOURCE_LINE.match(after) or LIST_ROW.search(after) or LIST_ROW.search(before):
        return False
    if COMMA_END.search(before):
        return True
    if CLOSING_END.search(before):
        return False  # a quotation or a bracket closes: the sentence may well be complete (“……必如你所愿”)
    if is_headline(before) or not PROSE_MARK.search(before):
        return False  # a heading-like line, even a long one with a comma in it, ends where it ends
    if before[-1] in NEVER_LAST or COUNT_END.search(before) or first_word(after) in NEVER_FIRST or word_across(before, after):
        return True  # 以弱势儿童为 / 主题…, 113个 / 小区…, 对独栋楼 / 及小型小区…, 问题突 / 出小区…
    return not is_headline(after) and is_tail(after)


def is_tail(text: str) -> bool:
    """The last few characters of a sentence standing alone: 工作。 (a paragraph is never so short)."""
    return len(text) <= TAIL_MAX_CHARS and ends_sentence(text) and not PROSE_MARK.search(text[:-1])


def starts_mid_sentence(text: str) -> bool:
    """Whether a paragraph begins partway through a sentence: 实进展，认真听取… (落实's 落 is elsewhere)."""
    if STARTS_WITH_CLOSING_MARK.match(text):
        return True
    first_word = segmenter().lcut(text[:12])[0]
    return len(first_word) == 1 and "\u4e00" <= first_word <= "\u9fff" and first_word not in SENTENCE_STARTERS


@cache
def segmenter():
    import jieba  # loaded only when a pair needs it: a second and more

    jieba.setLogLevel(logging.WARNING)
    return jieba


def first_word(text: str) -> str:
    return segmenter().lcut(text[:8], HMM=False)[0] if text else ""


def word_across(before: str, after: str) -> bool:
    """Whether a word of two or more Han characters runs across the break: 问题突 / 出小区."""
    left, right = before[-4:], after[:4]
    start = 0
    for word in segmenter().lcut(left + right, HMM=False):
        end = start + len(word)
        if start < len(left) < end and all("\u4e00" <= char <= "\u9fff" for char in word):
            return True
        start = end
    return False
