"""Where a text writes a wrong form, or a protected expression one character off, in one pass each.

A wrong form is found by one compiled pattern of every wrong form, longest first. A protected
expression of four characters or more is matched with each of its characters in turn replaced by
any other Han character (one pattern for all), and a run so found is an error unless it is a word
in its own right (jieba's dictionary: 法制建设 is, 依法制国 is not), a right form, or another
protected expression. Shorter expressions are matched exactly only by the wrong-form table:
one character off from a three-character name is usually another name (铁西区).
"""

import re
from dataclasses import dataclass
from functools import cache

from ..lines import segmenter
from .table import Table

HAN = "\u4e00-\u9fff"
MIN_PROTECTED_CHARS = 4
# The marker an editor puts right after a wrong form quoted on purpose; readers never see it.
MARKER = "<!-- 原文如此 -->"
MARKER_AFTER = re.compile(r"\s*<!--\s*原文如此\s*-->")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    written: str
    right: str
    kind: str  # "wrong" (a table entry) or "protected" (one character off)


@dataclass
class Finder:
    wrong_forms: re.Pattern | None
    near_protected: re.Pattern | None
    table: Table

    def hits(self, text: str) -> list[Hit]:
        """Every wrong form and near-protected run in `text` not followed by the marker."""
        found = []
        if self.wrong_forms:
            for match in self.wrong_forms.finditer(text):
                found.append(Hit(match.start(), match.end(), match[0], self.table.wrong[match[0]], "wrong"))
        if self.near_protected:
            for match in self.near_protected.finditer(text):
                run = match[1]
                right = nearest_protected(run, self.table.protected)
                if right and not is_a_word(run) and run not in self.table.wrong.values() and run not in self.table.protected:
                    found.append(Hit(match.start(1), match.end(1), run, right, "protected"))
        taken: list[Hit] = []
        for hit in sorted(found, key=lambda hit: (hit.start, hit.kind != "wrong")):
            if any(hit.start < other.end and other.start < hit.end for other in taken):
                continue
            if MARKER_AFTER.match(text, hit.end):
                continue
            taken.append(hit)
        return taken


def finder(table: Table) -> Finder:
    wrong = sorted(table.wrong, key=len, reverse=True)
    variants = [
        f"{re.escape(expression[:index])}(?!{re.escape(expression[index])})[{HAN}]{re.escape(expression[index + 1:])}"
        for expression in table.protected if len(expression) >= MIN_PROTECTED_CHARS
        for index in range(len(expression))
    ]
    return Finder(
        re.compile("|".join(map(re.escape, wrong))) if wrong else None,
        re.compile(f"(?=({'|'.join(variants)}))") if variants else None,
        table,
    )


def nearest_protected(run: str, protected: list[str]) -> str:
    """The protected expression `run` differs from by one character, or ""."""
    for expression in protected:
        if len(expression) == len(run) and sum(a != b for a, b in zip(expression, run)) == 1:
            return expression
    return ""


@cache
def dictionary() -> dict:
    """jieba's word list (a second to load, once), through the one loader the checks share."""
    jieba = segmenter()
    jieba.initialize()
    return jieba.dt.FREQ


def is_a_word(run: str) -> bool:
    return bool(dictionary().get(run))
