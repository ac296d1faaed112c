"""Where a text writes a wrong form, or a protected expression one character off: one pass of an
Aho–Corasick automaton over the text, then a judgement of each candidate in its sentence.

The automaton holds every wrong form, both halves of each protected expression of four characters
or more (a run one character off an expression has one half intact), and each confusion-table
variant of a shorter expression (杜家毫: 杜家豪). A candidate is then judged on jieba's cut of the
text, made only for a text that has one:

- a wrong form of two or three characters counts where the cut starts and ends a word with it
  (展转 in 发展转型 does not: 发展 is the word);
- a run one character off an expression counts unless it is a word in its own right (法制建设),
  a right form or another protected expression, and then only where the character written is a
  known confusion of the right one (依法制国, 社会主义核心价直观), or stands alone in the cut and
  is not a function word (中华人民共和图; not 英国共产党, 科学发展史, 中国的现代化).
"""

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache, cached_property

import ahocorasick

from ..lines import segmenter
from .table import Confusions, Table

HAN = "\u4e00-\u9fff"
HAN_RUN = re.compile(f"[{HAN}]+")
MIN_PROTECTED_CHARS = 4
MAX_BOUNDED_WRONG_CHARS = 3  # a longer wrong form is never a piece of other words
# Written for a character of an expression, these make a phrase of their own (中国的现代化).
FUNCTION_CHARACTERS = frozenset("的地得了着过在是和与及或之其也而就都把被从向对为以于由所并等个")
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


@dataclass(frozen=True)
class Probe:
    """What a key of the automaton stands for: a wrong form, or a piece of a protected expression
    (a half, or the whole written with a confusion) that starts `offset` characters into it."""

    kind: str  # "wrong" or "protected"
    form: str  # the wrong form, or the protected expression
    key: str
    offset: int = 0


@dataclass
class Finder:
    table: Table
    confusions: Confusions = field(default_factory=dict)
    automaton: ahocorasick.Automaton | None = None

    def hits(self, text: str) -> list[Hit]:
        """Every wrong form and near-protected run in `text` not followed by the marker."""
        cut = Cut(text)
        found = [hit for hit in self.candidates(text) if self.counts(hit, cut)]
        taken: list[Hit] = []
        # At one place: a wrong form first, then the longest expression, then one written with a known confusion.
        for hit in sorted(found, key=lambda hit: (hit.start, hit.kind != "wrong", -len(hit.written), not self.confused(hit))):
            if any(hit.start < other.end and other.start < hit.end for other in taken):
                continue
            if MARKER_AFTER.match(text, hit.end):
                continue
            taken.append(hit)
        return taken

    def candidates(self, text: str) -> set[Hit]:
        found = set()
        if self.automaton is None:
            return found
        for last, probes in self.automaton.iter(text):
            for probe in probes:
                if probe.kind == "wrong":
                    found.add(Hit(last + 1 - len(probe.form), last + 1, probe.form, self.table.wrong[probe.form], "wrong"))
                    continue
                start = last + 1 - len(probe.key) - probe.offset
                run = text[start:start + len(probe.form)] if start >= 0 else ""
                if len(run) == len(probe.form) and differs_once(run, probe.form):
                    found.add(Hit(start, start + len(run), run, probe.form, "protected"))
        return found

    def counts(self, hit: Hit, cut: "Cut") -> bool:
        if hit.kind == "wrong":
            return len(hit.written) > MAX_BOUNDED_WRONG_CHARS or cut.is_bounded(hit.start, hit.end)
        if is_a_word(hit.written) or hit.written in self.table.wrong.values() or hit.written in self.table.protected:
            return False
        if self.confused(hit):
            return True
        index = differing(hit)
        return len(hit.right) >= MIN_PROTECTED_CHARS and hit.written[index] not in FUNCTION_CHARACTERS and cut.stands_alone(hit.start + index)

    def confused(self, hit: Hit) -> bool:
        """Whether a near-protected run has, for the character that differs, a known confusion of it."""
        if hit.kind == "wrong":
            return False
        index = differing(hit)
        return hit.written[index] in self.confusions.get(hit.right[index], ())


def differing(hit: Hit) -> int:
    """Where a near-protected run differs from its expression."""
    return next(index for index, (written, right) in enumerate(zip(hit.written, hit.right)) if written != right)


def differs_once(run: str, expression: str) -> bool:
    return sum(a != b for a, b in zip(run, expression)) == 1 and HAN_RUN.fullmatch(run) is not None


class Cut:
    """jieba's words of a text (its dictionary only, no guessing of new words), cut when first asked."""

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def bounds(self) -> list[tuple[int, int]]:
        return [(start, end) for _, start, end in segmenter().tokenize(self.text, HMM=False)]

    @cached_property
    def starts(self) -> frozenset[int]:
        return frozenset(start for start, _ in self.bounds)

    @cached_property
    def ends(self) -> frozenset[int]:
        return frozenset(end for _, end in self.bounds)

    def is_bounded(self, start: int, end: int) -> bool:
        return start in self.starts and end in self.ends

    def stands_alone(self, index: int) -> bool:
        return any(start <= index < end and end - start == 1 for start, end in self.bounds)


def finder(table: Table, confusions: Confusions | None = None) -> Finder:
    """A Finder for the table's entries; `confusions` (a character → those it is mistaken for)
    also lets expressions of two or three characters be found one confusion off."""
    confusions = confusions or {}
    keys: dict[str, list[Probe]] = defaultdict(list)
    for wrong in table.wrong:
        keys[wrong].append(Probe("wrong", wrong, wrong))
    for expression in table.protected:
        if len(expression) >= MIN_PROTECTED_CHARS:
            middle = len(expression) // 2
            keys[expression[:middle]].append(Probe("protected", expression, expression[:middle]))
            keys[expression[middle:]].append(Probe("protected", expression, expression[middle:], middle))
        else:
            for variant in confusion_variants(expression, confusions):
                keys[variant].append(Probe("protected", expression, variant))
    if not keys:
        return Finder(table, confusions)
    automaton = ahocorasick.Automaton()
    for key, probes in keys.items():
        automaton.add_word(key, tuple(probes))
    automaton.make_automaton()
    return Finder(table, confusions, automaton)


def confusion_variants(expression: str, confusions: Confusions) -> list[str]:
    """The expression with one character replaced by each of its known confusions."""
    return [
        expression[:index] + other + expression[index + 1:]
        for index, character in enumerate(expression)
        for other in sorted(confusions.get(character, ()))
    ]


@cache
def dictionary() -> dict:
    """jieba's word list (a second to load, once), through the one loader the checks share."""
    jieba = segmenter()
    jieba.initialize()
    return jieba.dt.FREQ


def is_a_word(run: str) -> bool:
    return bool(dictionary().get(run))
