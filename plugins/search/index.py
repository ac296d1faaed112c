"""The search index: for each pair of adjacent characters, exactly where it occurs in each story;
for each single character, how often and how early.

A query matches a story when the story contains it as written, so the index must answer
"where does this string occur", not "which words does this story have": jieba splits
铁东区政协 as 铁东区 / 政协, and a word index could then never find 区政协 in it. Pairs with
their positions answer it exactly for any query of two or more characters, without a
dictionary in the browser. An archive of 10,000 stories has some 15 million pairs, so the work
is done with numpy on whole arrays, never a Python loop per character; and it is done a group
of keys at a time (the group is the low bits of the key's shard hash), so only a group's
arrays are alive at once, not all 15 million rows and their sorted copies.
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


def groups_of_rows(text: Corpus, count: int) -> tuple[np.ndarray, np.ndarray]:
    """The group of the character and of the pair starting at each row (NO_GROUP: whitespace in it).

    A key's group is fnv1a(key) mod `count`; for a power of two that needs only the low bits of
    each step of the hash, so it is worked out in bytes: (h ^ c) * prime mod 2^k = ((h ^ c) mod 2^k) * prime mod 2^k.
    """
    low = np.uint64(count - 1)
    blank = np.isin(text.alphabet, [ord(blank) for blank in BLANKS])
    char_group = (fnv1a(text.alphabet) & low).astype(np.uint8)
    char_group[blank] = NO_GROUP
    first_hash = (((np.uint64(FNV_OFFSET) ^ text.alphabet) * np.uint64(FNV_PRIME)) & low).astype(np.uint8)
    second_low = (text.alphabet & low).astype(np.uint8)
    row_char_group = char_group[text.dense]
    prime_low = np.uint8(FNV_PRIME & (count - 1))
    row_pair_group = ((first_hash[text.dense[:-1]] ^ second_low[text.dense[1:]]) * prime_low) & np.uint8(count - 1)
    row_pair_group[(row_char_group[:-1] == NO_GROUP) | (row_char_group[1:] == NO_GROUP)] = NO_GROUP
    return row_char_group, row_pair_group


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


def group_occurrences(text: Corpus, row_groups: tuple[np.ndarray, np.ndarray], group: int) -> tuple[Occurrences, Occurrences]:
    """(characters, pairs) whose key is in `group`."""
    row_char_group, row_pair_group = row_groups
    rows = np.flatnonzero(row_char_group == group)
    rows = in_key_order(text.dense[rows], rows)
    characters = rows_of(text, rows, text.alphabet[text.dense[rows]])
    rows = np.flatnonzero(row_pair_group == group)
    # Numbered densely, a pair's number is small and sorts as the pair of code points does.
    rows = in_key_order(text.dense[rows].astype(np.int64) * len(text.alphabet) + text.dense[rows + 1], rows)
    keys = (text.alphabet[text.dense[rows]] << np.uint64(PAIR_SHIFT)) | text.alphabet[text.dense[rows + 1]]
    return characters, rows_of(text, rows, keys)


def grouped_occurrences(texts: Sequence[str], rows_per_group: int = ROWS_PER_GROUP) -> Iterator[tuple[Occurrences, Occurrences]]:
    """(characters, pairs) for each group of keys in turn, group 0 first; a power of two of groups.
    The texts are let go once read into numbers: given a list no one else holds, it is freed then."""
    text = corpus(texts)
    del texts
    count = group_count(len(text.dense), rows_per_group)
    row_groups = groups_of_rows(text, count)
    for group in range(count):
        yield group_occurrences(text, row_groups, group)


def occurrences(texts: Sequence[str]) -> tuple[Occurrences, Occurrences]:
    """(characters, pairs) of all texts in one group; whitespace, and pairs with whitespace in them, left out."""
    text = corpus(texts)
    return group_occurrences(text, groups_of_rows(text, 1), 0)
