"""What the importer proposes for an editor to confirm: a section, tags, and a photo item's headline."""

import re
from collections import Counter

from plugins.related.keywords import is_term

TITLE_MAX_CHARS = 40  # as `invoke check` wants a headline (checks.rules)
# The clauses a caption opens with before it says who did what: time (近日，11月24日上午，) and purpose (为…，).
TIME_CLAUSE = re.compile(r"^(?:近日|日前|近期|连日来|昨日|今天|今日|\d{1,2}月\d{1,2}日[上下]?午?|当天|\d{4}年\d{1,2}月\d{1,2}日)[上下]?午?$")
PURPOSE_CLAUSE = re.compile(r"^(?:为了?|为进一步|为切实|为深入)")
# Words a headline made from a caption can lose when it is too long: co-organisers, a place within the scene.
DROPPABLE = (
    re.compile(r"联合[^，。“”]{2,24}?(?=举办|开展|召开|组织|共同)"),
    re.compile(r"在[^，。“”]{2,12}?(?=开展|举办|召开|组织)"),
)


def guess_section(text: str, title: str, section_words: dict[str, list[str]], sections: list[str]) -> tuple[str, bool]:
    """(the section whose words occur most, whether any did); the first section when none does."""
    scores = Counter()
    for section, words in section_words.items():
        if section in sections:
            scores[section] = sum(text.count(word) + 2 * title.count(word) for word in words)
    best = max(scores.items(), key=lambda item: item[1], default=(sections[0], 0))
    return (best[0], True) if best[1] > 0 else (sections[0], False)


def common_words(texts: list[str], words: set[str]) -> set[str]:
    """The words found in more than half of three or more texts (铁东区 on a 铁东区 page): no use as a tag."""
    if len(texts) < 3:
        return set()
    return {word for word in words if sum(word in text for text in texts) * 2 > len(texts)}


def suggest_tags(text: str, known_tags: list[str], keywords: list[str], count: int, common: set[str] = frozenset()) -> list[str]:
    """Tags the site already uses that occur in the text (most often first), then jieba's keywords, `count` in all.

    A tag inside another chosen one is left out (物业 beside 物业管理), and so are the page's `common` words.
    """
    known = sorted((tag for tag in known_tags if tag in text), key=lambda tag: -text.count(tag))
    tags: list[str] = []
    for tag in [*known, *(word for word in keywords if is_term(word) and word not in common)]:
        if tag not in tags and not any(tag in chosen or chosen in tag for chosen in tags):
            tags.append(tag)
    return tags[:count]


def title_from_caption(caption: str) -> str:
    """A headline for a photo from its caption: who did what, without the time and purpose before it."""
    sentence = re.split(r"[。！？]", caption, maxsplit=1)[0]
    clauses = [clause.strip() for clause in sentence.split("，") if clause.strip()]
    times = [index for index, clause in enumerate(clauses) if TIME_CLAUSE.match(clause)]
    if times and times[-1] + 1 < len(clauses):
        clauses = clauses[times[-1] + 1 :]
    elif len(clauses) > 1 and PURPOSE_CLAUSE.match(clauses[0]):
        clauses = clauses[1:]
    title = clauses[0] if clauses else caption.strip()
    for droppable in DROPPABLE:
        if len(title) > TITLE_MAX_CHARS:
            title = droppable.sub("", title, count=1)
    return title if len(title) <= TITLE_MAX_CHARS else title[: TITLE_MAX_CHARS - 1] + "…"
