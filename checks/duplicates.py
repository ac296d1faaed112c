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
from itertools import combinations

from .report import Finding, finding
from .rules import parse_date
from .settings import Context
from .source import Source

SHINGLE = 4
# Measured on 136 real published stories (bench/gate_precision.py): two different stories share at
# most 0.12 of their runs (two State Council notices); a story re-edited (a paragraph dropped, half
# its lead rewritten) keeps 0.44 or more with its first version, 0.8 or more only 94 times in 126.
NEAR_SAME = 0.5
OTHER_STORY = 0.3
# A run found in more bodies than this says nothing about which two are one (铁东区、据了解…):
# two bodies that are one share hundreds of rarer runs. Candidates are found through one run in
# SAMPLED (by a stable hash), which two bodies sharing half their runs share by the dozen.
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
    """The later of two stories that are one (same_story), named with the earlier: the pairs with one
    headline, and those whose bodies share most of their runs."""
    stories = {source.path: source for source in sources if not source.is_page and source.value("title")}
    runs = {path: body_runs(source) for path, source in stories.items()}
    pairs = {tuple(sorted(pair)) for group in grouped(stories.values(), lambda source: headline_key(source.value("title")))
             for pair in combinations((source.path for source in group), 2)}
    pairs |= {(one, other) for one, other, _ in similar_pairs({path: body for path, body in runs.items() if len(body) >= MIN_RUNS})}
    found = []
    for one, other in sorted(pairs):
        first, second = sorted((stories[one], stories[other]), key=lambda source: order_of(source, context))
        why = same_story(first.value("title"), runs[first.path], second.value("title"), runs[second.path])
        if why and not follows(second, first):
            found.append(duplicate(second, first, *why))
    return found


def body_runs(source: Source) -> frozenset[str]:
    return runs_of("\n".join(line for _, line in source.body()))


def duplicates_of(story: Source, others: list[tuple[Source, frozenset[str]]], context: Context) -> list[Finding]:
    """story_duplicate for one story against the others (each with its body_runs), as the editing
    desk asks on every change: the finding goes on whichever of a pair came later."""
    if story.is_page or not story.value("title"):
        return []
    runs = body_runs(story)
    found = []
    for other, other_runs in others:
        if other.is_page or not other.value("title") or other.path == story.path:
            continue
        first, second = sorted(((story, runs), (other, other_runs)), key=lambda pair: order_of(pair[0], context))
        why = same_story(first[0].value("title"), first[1], second[0].value("title"), second[1])
        if why and not follows(second[0], first[0]):
            found.append(duplicate(second[0], first[0], *why))
    return found


def same_story(headline: str, runs: frozenset[str], other_headline: str, other_runs: frozenset[str]) -> tuple[str, str] | None:
    """Why two stories (their headlines and body runs) are one, in Chinese and English; None when
    they are two. The one judgement `invoke check` and `invoke import` both make."""
    body, other_body = (runs if len(runs) >= MIN_RUNS else None), (other_runs if len(other_runs) >= MIN_RUNS else None)
    if headline_key(headline) == headline_key(other_headline) and not other_stories(body, other_body):
        return f"标题相同（“{headline}”）", "same headline"
    if body and other_body:
        score = len(body & other_body) / len(body | other_body)
        if score >= NEAR_SAME:
            return f"正文有 {score:.0%} 相同", f"{score:.0%} of the body the same"
    return None


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
    """Which of two came first: a published story before a draft, then the earlier date, then the path."""
    date = parse_date(source.value("date"), context) if source.field("date") else None
    return (source.is_draft, date.timestamp() if date else float("inf"), source.path)


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
