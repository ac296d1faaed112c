"""The terms of every story, kept on disk by a hash of the story and made on every core.

jieba cuts about 500 stories a second on one core, which makes segmenting most of the related
step: at 10,000 stories 20 s of every build. A story whose title and body are unchanged is never
cut again; a cold build cuts in one worker process per core.
"""

import hashlib
import multiprocessing
import pickle
import sys
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from importlib.metadata import version
from pathlib import Path

from plugins.core.cachefiles import read_or_none, write_whole

from .keywords import STOP_WORDS, story_text, terms

# Part of every key: a new jieba, new stop words or a change to how terms are picked (bump the
# number) gives new keys, so nothing cut the old way is used.
VERSION = "1"
FORMAT = f"{VERSION} jieba {version('jieba')} {hashlib.sha1(' '.join(sorted(STOP_WORDS)).encode()).hexdigest()[:12]}"
SEPARATOR = "\x1f"  # never part of a term: terms have a word character and no control characters
PER_WORKER = 200  # stories each worker process is started for: with fewer, one more would cost more than it saves


def key_of(title: str, html: str) -> str:
    """What a story's terms are kept under: a hash of the format, its title and its body."""
    return hashlib.blake2b(f"{FORMAT}\0{title}\0{html}".encode(), digest_size=16).hexdigest()


def joined_terms(title_and_html: tuple[str, str]) -> str:
    """The terms of one story, joined by SEPARATOR (one string pickles and loads far faster than a list)."""
    return SEPARATOR.join(terms(story_text(*title_and_html)))


def load(path: Path) -> dict[str, str]:
    """The kept terms by key; empty when there is no file or it cannot be read (it is only a cache)."""
    kept = read_or_none(path, pickle.loads)
    return kept if isinstance(kept, dict) else {}


def save(path: Path, kept: dict[str, str]) -> None:
    """Write the kept terms whole (a build cut short leaves the old file)."""
    write_whole(path, lambda file: pickle.dump(kept, file, protocol=pickle.HIGHEST_PROTOCOL))


def cut_all(stories: Sequence[tuple[str, str]], workers: int) -> list[str]:
    """joined_terms of every (title, html): across `workers` processes when there are enough
    stories; else here if jieba is loaded already (the slugs needed it), or in one process, so
    the build does not take on jieba's dictionary (some 90 MB) for a story or two."""
    if not stories:
        return []
    workers = min(workers, len(stories) // PER_WORKER)
    if workers <= 1 and "jieba" in sys.modules:
        return [joined_terms(story) for story in stories]
    # "spawn", whatever the default: fresh interpreters importing this installed module, never
    # copies of the build (a fork would copy locks its threads hold, and the build's memory)
    with ProcessPoolExecutor(max_workers=max(workers, 1), mp_context=multiprocessing.get_context("spawn")) as pool:
        return list(pool.map(joined_terms, stories, chunksize=64))


def split_terms(joined: str) -> list[str]:
    """One story's terms from their joined form."""
    return joined.split(SEPARATOR) if joined else []


def terms_of_all(stories: Sequence[tuple[str, str]], kept: dict[str, str], workers: int) -> tuple[list[str], dict[str, str]]:
    """The terms of each (title, html), joined (split_terms gives the list), from `kept` where it has
    them, cut otherwise; and what to keep next time: these stories' terms only, so the file never
    grows with stories long deleted. Joined, 10,000 stories' terms take some 30 MB; as lists of
    strings, ten times that."""
    keys = [key_of(title, html) for title, html in stories]
    missing = {key: story for key, story in zip(keys, stories) if key not in kept}.items()  # once each
    kept_now = {key: kept[key] for key in keys if key in kept}
    kept_now |= dict(zip((key for key, _ in missing), cut_all([story for _, story in missing], workers)))
    return [kept_now[key] for key in keys], kept_now
