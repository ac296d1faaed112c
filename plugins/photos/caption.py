"""Split a news-photo caption into its text and the photographer's credit, as print writes it."""

import re
from typing import NamedTuple

ROLE = r"(?:本报)?(?:特约|实习)?(?:摄影记者|记者|通讯员|摄影|实习生)?"
NAME = r"[\u4e00-\u9fff·]{2,6}"
NAMES = rf"{NAME}(?:[ \u3000、,，]+{NAME})*"
# The credit closes the caption: after a sentence end, a line break or an opening bracket.
CREDIT_AT_END = re.compile(
    rf"""(?:^|(?<=[。！？!?…\s])|[（(])   # where the credit starts
        \s*(?P<credit>{ROLE}\s*{NAMES})(?:[ \u3000]+|\s*/\s*)摄\s*[）)]?\s*$""",
    re.VERBOSE,
)


class Caption(NamedTuple):
    text: str
    credit: str


def split_credit(caption: str) -> Caption:
    """Return the caption's text and its credit (`本报通讯员 高欣 摄`), or an empty credit."""
    caption = caption.strip()
    match = CREDIT_AT_END.search(caption)
    if not match:
        return Caption(caption, "")
    credit = re.sub(r"[\s\u3000]+", " ", match["credit"]).strip()
    text = caption[: match.start()].rstrip()
    return Caption(text, f"{credit} 摄")
