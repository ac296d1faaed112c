"""The search index: for each character, the stories it is in; for each pair, where exactly.

A query matches a story when the story contains it as written, so the index must answer
"where does this string occur", not "which words does this story have": jieba splits
铁东区政协 as 铁东区 / 政协, and a word index could then never find 区政协 in it. Pairs of
characters with their positions answer it exactly for any query of two or more characters,
without a dictionary in the browser; single characters keep a count and a first position.
"""

from collections.abc import Iterable, Sequence
from typing import NamedTuple

WHITESPACE = frozenset(" \n")


class Occurrences(NamedTuple):
    count: int
    first: int


# story id → positions (pairs) or Occurrences (single characters)
Postings = dict[int, list[int] | Occurrences]


def pairs_of(text: str) -> Iterable[tuple[str, int]]:
    """Each pair of adjacent characters neither of which is whitespace, with its position."""
    for position in range(len(text) - 1):
        pair = text[position : position + 2]
        if pair[0] not in WHITESPACE and pair[1] not in WHITESPACE:
            yield pair, position


def story_postings(text: str) -> dict[str, list[int] | Occurrences]:
    """One story's entries: each pair's positions and each character's count and first position."""
    entries: dict[str, list[int] | Occurrences] = {}
    for pair, position in pairs_of(text):
        entries.setdefault(pair, []).append(position)
    for position, char in enumerate(text):
        if char not in WHITESPACE:
            seen = entries.get(char)
            entries[char] = Occurrences(seen.count + 1, seen.first) if seen else Occurrences(1, position)
    return entries


def build_index(texts: Sequence[str]) -> dict[str, Postings]:
    """Every key's postings over all stories; story ids are indexes into `texts`."""
    index: dict[str, Postings] = {}
    for story, text in enumerate(texts):
        for key, entry in story_postings(text).items():
            index.setdefault(key, {})[story] = entry
    return index
