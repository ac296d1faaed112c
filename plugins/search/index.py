"""The search index: for each pair of adjacent characters, exactly where it occurs in each story;
for each single character, how often and how early.

A query matches a story when the story contains it as written, so the index must answer
"where does this string occur", not "which words does this story have": jieba splits
铁东区政协 as 铁东区 / 政协, and a word index could then never find 区政协 in it. Pairs with
their positions answer it exactly for any query of two or more characters, without a
dictionary in the browser. An archive of 10,000 stories has some 15 million pairs, so the work
is done with numpy on whole arrays, never a Python loop per character; and it is done a group
of keys at a time (the group is the low bits of the key's shard hash), so only a group's
arrays are alive at once, not all 15 million rows and their sorted copies. Every group's
characters come before every group's pairs, so each row's group is held for one kind at a time.
"""

from collections.abc import Iterator, Sequence
from typing import NamedTuple

import numpy as np

from .keys import FNV_OFFSET, FNV_PRIME, PAIR_SHIFT, fnv1a

BLANKS = (" ", "\n")  # after normalise.clean, the only whitespace; never part of a term
ROWS_PER_GROUP = 50_000  # occurrences a group aims at: its arrays take some 6 MB
MAX_GROUPS = 128  # group numbers fit in a byte beside the "no group" mark
NO_GROUP = 255
TEXTS_PER_CHUNK = 1000  # texts read into code points at a time
ROWS_PER_CHUNK = 1 << 20  # rows whose pair groups are worked out at a time: some 1 MB per temporary


class Occurrences(NamedTuple):
    """One row per occurrence, ordered by key, then story, then position."""

    key: np.ndarray  # uint64: a character's code point, or a pair's two
    story: np.ndarray  # int32: the story's id, its index in the texts
    position: np.ndarray  # int32: where in the story's text


class Corpus(NamedTuple):
    """Every character of every text, each text followed by a line break, as small dense numbers."""

    dense: np.ndarray  # each character's number: its rank among the characters used
    alphabet: np.ndarray  # uint64: the code point of each number, ascending
    starts: np.ndarray  # int64: where each text starts


def chunks(texts: Sequence[str]) -> Iterator[np.ndarray]:
    """The texts' code points, a thousand texts at a time."""
    for first in range(0, len(texts), TEXTS_PER_CHUNK):
        chunk = texts[first : first + TEXTS_PER_CHUNK]
        yield np.frombuffer(("\n".join(chunk) + "\n").encode("utf-32-le"), dtype="<u4")


def corpus(texts: Sequence[str]) -> Corpus:
    """Read the texts into dense numbers in two passes, never holding all their code points at once."""
    used = np.zeros(0x110000, dtype=bool)
    for points in chunks(texts):
        used[points] = True
    alphabet = np.flatnonzero(used).astype(np.uint64)
    rank = np.zeros(0x110000, dtype=np.uint16 if len(alphabet) <= 2**16 else np.uint32)
    rank[alphabet] = np.arange(len(alphabet))
    lengths = np.array([len(text) + 1 for text in texts], dtype=np.int64)
    dense = np.empty(int(lengths.sum()), dtype=rank.dtype)
    at = 0
    for points in chunks(texts):
        dense[at : at + len(points)] = rank[points]
        at += len(points)
    return Corpus(dense, alphabet, np.cumsum(lengths) - lengths)


def group_count(rows: int, rows_per_group: int = ROWS_PER_GROUP) -> int:
    """The power of two that keeps groups near `rows_per_group` occurrences (1 to MAX_GROUPS)."""
    count = 1
    while count < MAX_GROUPS and rows / count > rows_per_group:
        count *= 2
    return count


class KeyGroups(NamedTuple):
    """For each character of the alphabet: its group as a key, the low bits of its pair hash's
    first step and of itself as a pair's second character, and whether it is whitespace."""

    char_group: np.ndarray  # uint8
    first_hash: np.ndarray  # uint8
    second_low: np.ndarray  # uint8
    blank: np.ndarray  # bool


def key_groups(alphabet: np.ndarray, count: int) -> KeyGroups:
    """A key's group is fnv1a(key) mod `count`; for a power of two that needs only the low bits of
    each step of the hash, so it is worked out in bytes: (h ^ c) * prime mod 2^k = ((h ^ c) mod 2^k) * prime mod 2^k.
    """
    low = np.uint64(count - 1)
    blank = np.isin(alphabet, [ord(blank) for blank in BLANKS])
    char_group = (fnv1a(alphabet) & low).astype(np.uint8)
    char_group[blank] = NO_GROUP
    first_hash = (((np.uint64(FNV_OFFSET) ^ alphabet) * np.uint64(FNV_PRIME)) & low).astype(np.uint8)
    return KeyGroups(char_group, first_hash, (alphabet & low).astype(np.uint8), blank)


def character_groups(text: Corpus, groups: KeyGroups) -> np.ndarray:
    """The group of the character at each row (NO_GROUP: whitespace)."""
    return groups.char_group[text.dense]


def pair_groups(text: Corpus, groups: KeyGroups, count: int) -> np.ndarray:
    """The group of the pair starting at each row (NO_GROUP: whitespace in it), worked out a chunk
    of rows at a time: whole-corpus temporaries would each be as large as the result."""
    prime_low, mask = np.uint8(FNV_PRIME & (count - 1)), np.uint8(count - 1)
    row_group = np.empty(max(len(text.dense) - 1, 0), dtype=np.uint8)
    for start in range(0, len(row_group), ROWS_PER_CHUNK):
        first = text.dense[start : start + ROWS_PER_CHUNK]
        second = text.dense[start + 1 : start + ROWS_PER_CHUNK + 1]
        first = first[: len(second)]
        chunk = ((groups.first_hash[first] ^ groups.second_low[second]) * prime_low) & mask
        chunk[groups.blank[first] | groups.blank[second]] = NO_GROUP
        row_group[start : start + len(chunk)] = chunk
    return row_group


def in_key_order(key: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The rows ordered by key, and within a key as they come (by story, then position)."""
    if len(rows) and int(key.max()) < 2**32 and int(rows.max()) < 2**32:
        # One plain sort of key and row packed in 64 bits is several times faster than a stable argsort.
        packed = np.sort((key.astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64))
        return (packed & np.uint64(0xFFFFFFFF)).astype(np.int64)
    return rows[np.argsort(key, kind="stable")]


def rows_of(text: Corpus, rows: np.ndarray, keys: np.ndarray) -> Occurrences:
    """Occurrences at `rows` (in key order) with their keys: each row's story and position in it."""
    story = np.searchsorted(text.starts, rows, side="right") - 1
    return Occurrences(keys, story.astype(np.int32), (rows - text.starts[story]).astype(np.int32))


def character_occurrences(text: Corpus, row_group: np.ndarray, group: int) -> Occurrences:
    """The characters whose key is in `group` (row_group: character_groups)."""
    rows = np.flatnonzero(row_group == group)
    rows = in_key_order(text.dense[rows], rows)
    return rows_of(text, rows, text.alphabet[text.dense[rows]])


def pair_occurrences(text: Corpus, row_group: np.ndarray, group: int) -> Occurrences:
    """The pairs whose key is in `group` (row_group: pair_groups)."""
    rows = np.flatnonzero(row_group == group)
    # Numbered densely, a pair's number is small and sorts as the pair of code points does.
    rows = in_key_order(text.dense[rows].astype(np.int64) * len(text.alphabet) + text.dense[rows + 1], rows)
    keys = (text.alphabet[text.dense[rows]] << np.uint64(PAIR_SHIFT)) | text.alphabet[text.dense[rows + 1]]
    return rows_of(text, rows, keys)


def grouped_occurrences(texts: Sequence[str], rows_per_group: int = ROWS_PER_GROUP) -> Iterator[tuple[str, int, Occurrences]]:
    """("characters", group, occurrences) for each group of keys in turn, group 0 first, then
    ("pairs", group, occurrences) for each; a power of two of groups. One kind's row groups are
    held at a time, and the texts are let go once read into numbers: given a list no one else
    holds, it is freed then."""
    text = corpus(texts)
    del texts
    count = group_count(len(text.dense), rows_per_group)
    groups = key_groups(text.alphabet, count)
    row_group = character_groups(text, groups)
    for group in range(count):
        yield "characters", group, character_occurrences(text, row_group, group)
    del row_group
    row_group = pair_groups(text, groups, count)
    for group in range(count):
        yield "pairs", group, pair_occurrences(text, row_group, group)


def occurrences(texts: Sequence[str]) -> tuple[Occurrences, Occurrences]:
    """(characters, pairs) of all texts in one group; whitespace, and pairs with whitespace in them, left out."""
    text = corpus(texts)
    groups = key_groups(text.alphabet, 1)
    return character_occurrences(text, character_groups(text, groups), 0), pair_occurrences(text, pair_groups(text, groups, 1), 0)
