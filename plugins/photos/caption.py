"""Split a news-photo caption into its text and the photographer's credit, as print writes it."""

import re
from typing import NamedTuple

ROLE = r"(?:本报|新华社|人民网)?(?:特约|实习|见习)?(?:摄影记者|记者|通讯员|摄影|实习生)"
NAME = r"(?:[\u4e00-\u9fff]{2,4}|[\u4e00-\u9fff]{1,4}·[\u4e00-\u9fff]{1,6})"
NAMES = rf"{NAME}(?:[ \u3000、]+{NAME})*"
BY = r"(?:[ \u3000]+|\s*/\s*)摄"  # `高欣 摄` or `高欣/摄`
SENTENCE_END = r"(?:^|(?<=[。！？!?…”’」』\n]))"
# With a role word (本报通讯员, 记者) the credit may follow a plain space; without one it must
# start a line, follow a sentence end or stand in brackets, or 居民观看演出 高欣 摄 would lose
# its caption to the credit.
CREDIT_PATTERN = (
    rf"(?:{SENTENCE_END}|(?<=[ \u3000]))\s*(?P<credit>{ROLE}\s*{NAMES}){BY}\s*$"
    rf"|{SENTENCE_END}\s*(?P<plain>{NAMES}){BY}\s*$"
    rf"|[（(]\s*(?P<bracketed>(?:{ROLE}\s*)?{NAMES}){BY}\s*[）)]\s*$"
)
CREDIT_AT_END = re.compile(CREDIT_PATTERN)  # also the editing desk's, in JavaScript (desk/server.py)


class Caption(NamedTuple):
    text: str
    credit: str


def split_credit(caption: str) -> Caption:
    """Return the caption's text and its credit (`本报通讯员 高欣 摄`), or an empty credit."""
    caption = caption.strip()
    match = CREDIT_AT_END.search(caption)
    if not match:
        return Caption(caption, "")
    credit = match["credit"] or match["plain"] or match["bracketed"]
    credit = re.sub(r"[\s\u3000、]+", " ", credit).strip()
    return Caption(caption[: match.start()].rstrip(), f"{credit} 摄")
