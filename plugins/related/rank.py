"""Rank related stories by shared tags and keyword similarity, through an inverted index."""

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable, Iterable, Mapping, Sequence

Index = Mapping[str, list[int]]

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


def scores_for(
    position: int, stories: Sequence[Story], tags: Index, words: Index, tag_weight: float
) -> dict[int, float]:
    """Score of every story sharing a tag or keyword with the one at `position`."""
    story = stories[position]
    scores: dict[int, float] = defaultdict(float)
    for tag in sorted(story.tags):
        for other in tags.get(tag, ()):
            scores[other] += tag_weight
    for term, weight in sorted(story.keywords.items()):
        for other in words.get(term, ()):
            scores[other] += weight * stories[other].keywords[term]
    scores.pop(position, None)
    return scores


def newest_first(positions: Iterable[int], stories: Sequence[Story]) -> list[int]:
    """Positions of stories, newer first, then by URL."""
    ordered = sorted(positions, key=lambda position: stories[position].url)
    ordered.sort(key=lambda position: stories[position].date, reverse=True)
    return ordered


def top_up(
    position: int, stories: Sequence[Story], newest_in: Index, scores: Mapping[int, float], wanted: int
) -> list[int]:
    """Up to `wanted` of the newest stories in the section, besides the story and those scored."""
    found: list[int] = []
    # Stops after at most `wanted` + 1 skips, however large the section.
    for other in newest_in.get(stories[position].section, ()):
        if len(found) >= wanted:
            break
        if other != position and other not in scores:
            found.append(other)
    return found


def related(stories: Sequence[Story], count: int, tag_weight: float = 0.5) -> list[list[Story]]:
    """For each story, up to `count` others: best score first, then newer, then by URL.

    A story related to fewer than `count` others is topped up with the newest of its section.
    """
    tags = postings(stories, lambda story: story.tags)
    words = postings(stories, lambda story: story.keywords)
    in_section: dict[str, list[int]] = defaultdict(list)
    for position, story in enumerate(stories):
        if story.section:
            in_section[story.section].append(position)
    newest_in = {section: newest_first(positions, stories) for section, positions in in_section.items()}
    chosen = []
    for position in range(len(stories)):
        scores = scores_for(position, stories, tags, words, tag_weight)
        # Rounded so that float noise never decides between two equally related stories.
        scores = {other: round(score, 9) for other, score in scores.items() if score > 0}
        ranked = newest_first(scores, stories)
        ranked.sort(key=lambda other: scores[other], reverse=True)
        ranked = ranked[:count] + top_up(position, stories, newest_in, scores, count - len(ranked))
        chosen.append([stories[other] for other in ranked])
    return chosen
