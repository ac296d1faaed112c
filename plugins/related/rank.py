"""Rank related stories by shared tags and keyword similarity, through an inverted index."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping, Sequence

import numpy as np

Index = Mapping[str, list[int]]
Arrays = Mapping[str, tuple[np.ndarray, np.ndarray]]

# Above this many stories a term shared by more than COMMON_SHARE of them tells nothing.
LARGE_CORPUS = 50
COMMON_SHARE = 0.2
# No term is followed to more stories than this, so the work grows linearly with the site.
MAX_POSTINGS = 500


@dataclass(frozen=True, eq=False)
class Story:
    """What ranking needs of an article: URL, date, section, tags and keyword vector (unit length)."""

    url: str
    date: datetime
    section: str = ""
    tags: frozenset[str] = frozenset()
    keywords: Mapping[str, float] = field(default_factory=dict)
    item: Any = None


def too_common(frequency: int, total: int) -> bool:
    """True for a term in so many stories that following it would be slow and say little."""
    return frequency > MAX_POSTINGS or (total >= LARGE_CORPUS and frequency > COMMON_SHARE * total)


def postings(stories: Sequence[Story], terms_of: Callable[[Story], Iterable[str]]) -> dict[str, list[int]]:
    """Inverted index: each term (not too common) → the positions of the stories that have it."""
    index: dict[str, list[int]] = defaultdict(list)
    for position, story in enumerate(stories):
        for term in terms_of(story):
            index[term].append(position)
    return {term: found for term, found in index.items() if not too_common(len(found), len(stories))}


def scores_for(position: int, stories: Sequence[Story], tags: Arrays, words: Arrays, tag_weight: float) -> np.ndarray:
    """Score against the story at `position` of every story (0 for none in common, and for itself).

    Contributions are summed in the same order for every pair (tags, then terms, each sorted), so
    equal stories get equal floats.
    """
    story = stories[position]
    shared = [(tags, tag, tag_weight) for tag in sorted(story.tags)] + [(words, term, weight) for term, weight in sorted(story.keywords.items())]
    found = [index[key][0] for index, key, _ in shared if key in index]
    weights = [weight * index[key][1] for index, key, weight in shared if key in index]
    if not found:
        return np.zeros(len(stories))
    scores = np.bincount(np.concatenate(found), weights=np.concatenate(weights), minlength=len(stories))
    scores[position] = 0.0
    return scores


def as_arrays(index: Index, weight_of: Callable[[int, str], float]) -> Arrays:
    """Each term's postings as (positions, each story's weight for the term) arrays."""
    return {term: (np.array(found, dtype=np.intp), np.array([weight_of(at, term) for at in found], dtype=float)) for term, found in index.items()}


def newest_first(positions: Iterable[int], stories: Sequence[Story]) -> list[int]:
    """Positions of stories, newer first, then by URL."""
    ordered = sorted(positions, key=lambda position: stories[position].url)
    ordered.sort(key=lambda position: stories[position].date, reverse=True)
    return ordered


def top_up(position: int, stories: Sequence[Story], newest_in: Index, scored: set[int], wanted: int) -> list[int]:
    """Up to `wanted` of the newest stories in the section, besides the story and those scored."""
    found: list[int] = []
    # Stops after at most `wanted` + 1 skips, however large the section.
    for other in newest_in.get(stories[position].section, ()):
        if len(found) >= wanted:
            break
        if other != position and other not in scored:
            found.append(other)
    return found


def related(stories: Sequence[Story], count: int, tag_weight: float = 0.5) -> list[list[Story]]:
    """For each story, up to `count` others: best score first, then newer, then by URL.

    A story related to fewer than `count` others is topped up with the newest of its section.
    """
    tags = as_arrays(postings(stories, lambda story: story.tags), lambda at, tag: 1.0)
    words = as_arrays(postings(stories, lambda story: story.keywords), lambda at, term: stories[at].keywords[term])
    in_section: dict[str, list[int]] = defaultdict(list)
    for position, story in enumerate(stories):
        if story.section:
            in_section[story.section].append(position)
    newest_in = {section: newest_first(positions, stories) for section, positions in in_section.items()}
    rank = np.empty(len(stories), dtype=np.intp)  # 0 for the newest story, ties by URL
    rank[newest_first(range(len(stories)), stories)] = np.arange(len(stories))
    chosen = []
    for position in range(len(stories)):
        scores = scores_for(position, stories, tags, words, tag_weight)
        ranked = best(scores, rank, count)
        if len(ranked) < count:
            scored = set(np.flatnonzero(scores > 0).tolist())
            ranked += top_up(position, stories, newest_in, scored, count - len(ranked))
        chosen.append([stories[other] for other in ranked])
    return chosen


def best(scores: np.ndarray, rank: np.ndarray, count: int) -> list[int]:
    """The `count` positions with the highest scores above 0, ties to the lower rank (newer, then URL).

    Scores are rounded so that float noise never decides between two equally related stories;
    only those that can still be among the first `count` are sorted.
    """
    if count <= 0:
        return []
    candidates = np.flatnonzero(scores > 0)
    rounded = np.round(scores[candidates], 9)
    if len(candidates) > count:
        keep = rounded >= np.partition(rounded, len(rounded) - count)[len(rounded) - count]
        candidates, rounded = candidates[keep], rounded[keep]
    return candidates[np.lexsort((rank[candidates], -rounded))][:count].tolist()
