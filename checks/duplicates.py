"""Two stories that are one: the same headline, or nearly the same body, in two files.

A headline counts as the same after NFKC (full-width letters and digits as half-width), without
spaces, ignoring case. A body counts by its characters' overlapping runs of SHINGLE (punctuation
and spaces left out): two bodies sharing at least NEAR_SAME of their runs (Jaccard) are one story
written twice, an import run twice, or a story copied to start another and never rewritten. Two
stories with one headline are one unless both bodies are there and share less than
OTHER_STORY of their runs: a weekly 召开常务会议 or a yearly 开展安全生产大检查 repeats its headline
over a new story. A follow-up meant to repeat an earlier story says so: `Follows: articles/x.md`.
"""

import re
import unicodedata
import zlib
from collections import defaultdict
from collections.abc import Iterable

from .report import Finding, finding
from .rules import parse_date
from .settings import Context
from .source import Source

SHINGLE = 4
NEAR_SAME = 0.8
OTHER_STORY = 0.3
# A run found in more bodies than this says nothing about which two are one (铁东区、据了解…):
# two bodies that are one share hundreds of rarer runs. Candidates are found through one run in
# SAMPLED (by a stable hash), which two bodies sharing 80 % of their runs share by the dozen.
COMMON_RUN = 50
SAMPLED = 8
MIN_RUNS = 20  # a body shorter than this (a photo caption) is compared by its headline only
NOT_TEXT = re.compile(r"[\W_]+")


def headline_key(title: str) -> str:
    """A headline as two files' headlines are compared: NFKC, no spaces, case folded."""
    return "".join(unicodedata.normalize("NFKC", title).split()).casefold()


def runs_of(text: str) -> frozenset[str]:
    """The body's overlapping runs of SHINGLE characters, punctuation and spaces left out."""
    letters = NOT_TEXT.sub("", unicodedata.normalize("NFKC", text))
    return frozenset(letters[start:start + SHINGLE] for start in range(len(letters) - SHINGLE + 1))


def similar_pairs(bodies: dict[str, frozenset[str]], at_least: float = NEAR_SAME) -> list[tuple[str, str, float]]:
    """(a, b, Jaccard) for the bodies sharing at least `at_least` of their runs, a < b; candidates
    are found through the runs few bodies share, so the work grows with the archive, not its square."""
    sampled = {name: [run for run in runs if zlib.crc32(run.encode()) % SAMPLED == 0] for name, runs in bodies.items()}
    holders: dict[str, list[str]] = defaultdict(list)
    for name, runs in sampled.items():
        for run in runs:
            holders[run].append(name)
    pairs = []
    for name, runs in sorted(bodies.items()):
        candidates = {other for run in sampled[name] if len(holders[run]) <= COMMON_RUN for other in holders[run] if other > name}
        for other in sorted(candidates):
            union = len(runs | bodies[other])
            score = len(runs & bodies[other]) / union if union else 0.0
            if score >= at_least:
                pairs.append((name, other, score))
    return pairs


def story_duplicate(sources: list[Source], context: Context) -> list[Finding]:
    """The later of two stories with one headline, or nearly one body, named with the earlier."""
    stories = [source for source in sources if not source.is_page and source.value("title")]
    by_path = {source.path: source for source in stories}
    found: dict[tuple[str, str], Finding] = {}
    all_bodies = {source.path: runs_of("\n".join(line for _, line in source.body())) for source in stories}
    bodies = {path: runs for path, runs in all_bodies.items() if len(runs) >= MIN_RUNS}
    for same in grouped(stories, lambda source: headline_key(source.value("title"))):
        first, *later = sorted(same, key=lambda source: order_of(source, context))
        for source in later:
            if not follows(source, first) and not other_stories(bodies.get(first.path), bodies.get(source.path)):
                found[(first.path, source.path)] = duplicate(source, first, f"标题相同（“{source.value('title')}”）", "same headline")
    for one, other, score in similar_pairs(bodies):
        first, second = sorted((by_path[one], by_path[other]), key=lambda source: order_of(source, context))
        if (first.path, second.path) not in found and not follows(second, first):
            found[(first.path, second.path)] = duplicate(second, first, f"正文有 {score:.0%} 相同", f"{score:.0%} of the body the same")
    return list(found.values())


def other_stories(one: frozenset[str] | None, other: frozenset[str] | None) -> bool:
    """Whether two bodies under one headline are two stories: both there, sharing little."""
    if not one or not other:
        return False
    return len(one & other) / len(one | other) < OTHER_STORY


def grouped(stories: Iterable[Source], key) -> list[list[Source]]:
    """The stories that share a key, in groups of two or more."""
    groups: dict[str, list[Source]] = defaultdict(list)
    for source in stories:
        groups[key(source)].append(source)
    return [group for group in groups.values() if len(group) > 1]


def order_of(source: Source, context: Context) -> tuple:
    """Which of two came first: the earlier date, then the path."""
    date = parse_date(source.value("date"), context) if source.field("date") else None
    return (date.timestamp() if date else float("inf"), source.path)


def follows(later: Source, earlier: Source) -> bool:
    """Whether the later story says it follows up the earlier one (`Follows: path`)."""
    return earlier.path in {part.strip().removeprefix("{filename}").lstrip("/") for part in later.value("follows").split(",")}


def duplicate(source: Source, earlier: Source, zh: str, en: str) -> Finding:
    field = source.field("title")
    return finding(
        source.path, field.line if field else 1, "story-duplicate",
        f"与 {earlier.path} {zh}，像是同一篇稿件：请删去一篇；若是后续报道，请加一行“Follows: {earlier.path}”",
        f"{en} as {earlier.path}: remove one, or add 'Follows: {earlier.path}' to a follow-up",
    )
