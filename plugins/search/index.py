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
    story: np.ndarray  # int64: the story's id, its index in the texts
    position: np.ndarray  # int64: where in the story's text


def code_points(texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Every character of every text, end to end, with its story and its position in that story."""
    joined = "\n".join(texts)  # a line break between stories, so no pair spans two
    points = np.frombuffer(joined.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    lengths = np.array([len(text) + 1 for text in texts], dtype=np.int64)
    story = np.repeat(np.arange(len(texts), dtype=np.int64), lengths)[: len(points)]
    starts = np.cumsum(lengths) - lengths
    return points, story, np.arange(len(points), dtype=np.int64) - starts[story]


def in_key_order(key: np.ndarray, story: np.ndarray, position: np.ndarray) -> Occurrences:
    """Rows come in story and position order; a stable sort by key keeps that order within a key."""
    order = np.argsort(key, kind="stable")
    return Occurrences(key[order], story[order], position[order])


def occurrences(texts: Sequence[str]) -> tuple[Occurrences, Occurrences]:
    """(characters, pairs) of all texts; whitespace, and pairs with whitespace in them, left out."""
    points, story, position = code_points(texts)
    blank = np.isin(points, BLANKS)
    pair = ~blank[:-1] & ~blank[1:]
    characters = in_key_order(points[~blank], story[~blank], position[~blank])
    pairs = in_key_order((points[:-1][pair] << PAIR_SHIFT) | points[1:][pair], story[:-1][pair], position[:-1][pair])
    return characters, pairs
