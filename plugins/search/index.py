"""The search index: for each pair of adjacent characters, exactly where it occurs in each story;
for each single character, how often and how early.

A query matches a story when the story contains it as written, so the index must answer
"where does this string occur", not "which words does this story have": jieba splits
铁东区政协 as 铁东区 / 政协, and a word index could then never find 区政协 in it. Pairs with
their positions answer it exactly for any query of two or more characters, without a
dictionary in the browser. An archive of 10,000 stories has some 15 million pairs, so the work
is done with numpy on whole arrays, never a Python loop per character.
"""

from collections.abc import Sequence
from typing import NamedTuple

import numpy as np

BLANKS = (ord(" "), ord("\n"))  # after normalise.clean, the only whitespace; never part of a term
PAIR_SHIFT = 21  # a code point fits in 21 bits: a pair's key is first << 21 | second


class Occurrences(NamedTuple):
    """One row per occurrence, ordered by key, then story, then position."""

    key: np.ndarray  # uint64: a character's code point, or a pair's two
    story: np.ndarray  # int32: the story's id, its index in the texts
    position: np.ndarray  # int32: where in the story's text


def code_points(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every character of every text, end to end, with its story and its position in that story."""
    joined = "\n".join(texts)  # a line break between stories, so no pair spans two
    points = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4")
    lengths = np.array([len(text) + 1 for text in texts], dtype=np.int64)
    story = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)[: len(points)]
    starts = np.cumsum(lengths) - lengths
    return points, story, (np.arange(len(points), dtype=np.int64) - starts[story]).astype(np.int32)


def in_key_order(key: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """The rows ordered by key, and within a key as they come (by story, then position)."""
    if len(rows) and int(key.max()) < 2**32 and int(rows.max()) < 2**32:
        # One plain sort of key and row packed in 64 bits is several times faster than a stable argsort.
        packed = np.sort((key.astype(np.uint64) << np.uint64(32)) | rows.astype(np.uint64))
        return (packed & np.uint64(0xFFFFFFFF)).astype(np.int64)
    return rows[np.argsort(key, kind="stable")]


def occurrences(texts: Sequence[str]) -> tuple[Occurrences, Occurrences]:
    """(characters, pairs) of all texts; whitespace, and pairs with whitespace in them, left out."""
    points, story, position = code_points(texts)
    # Characters numbered densely in code point order, so a pair's number is small and sorts as the pair does.
    alphabet = np.flatnonzero(np.bincount(points, minlength=1))
    rank = np.zeros(int(points.max(initial=0)) + 1, dtype=np.int64)
    rank[alphabet] = np.arange(len(alphabet))
    dense = rank[points]
    blank = (points == BLANKS[0]) | (points == BLANKS[1])
    char_rows = in_key_order(dense[~blank], np.flatnonzero(~blank))
    pair_rows = np.flatnonzero(~blank[:-1] & ~blank[1:])
    pair_rows = in_key_order(dense[pair_rows] * len(alphabet) + dense[pair_rows + 1], pair_rows)
    first, second = points[pair_rows].astype(np.uint64), points[pair_rows + 1].astype(np.uint64)
    characters = Occurrences(points[char_rows].astype(np.uint64), story[char_rows], position[char_rows])
    pairs = Occurrences((first << np.uint64(PAIR_SHIFT)) | second, story[pair_rows], position[pair_rows])
    return characters, pairs
