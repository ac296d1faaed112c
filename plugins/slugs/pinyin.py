"""Turn a Chinese section, tag or author name into a readable ASCII slug: 法治政府 → fazhi-zhengfu."""

import hashlib
import logging
import math
import multiprocessing
import re
import sys
import unicodedata
from collections.abc import Iterable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from functools import cache

# CJK ideographs: 〇, Extension A, the basic block, compatibility ideographs, Extensions B–H.
HAN = r"\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0003134f"
# A run of Han text, or a run of letters and digits of any other script; the rest separates.
RUN = re.compile(rf"(?P<han>[{HAN}]+)|(?P<other>(?:(?![{HAN}])[^\W_])+)")
# Names whose slug is worked out, filled at start-up from the slugs the last build kept
# (plugin.py): a build whose names are all known never imports jieba and pypinyin (about 2 s).
KNOWN: dict[str, str] = {}
# From this many names to work out (a cold build: thousands of authors and tags), they are worked
# out in a fresh process, so the build never holds jieba and pypinyin (some 140 MB) to its end.
FRESH_PROCESS_FROM = 50


def normalise(name: str) -> str:
    """The name as compared: NFKC (full-width → half-width), lower case, single spaces."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def short_hash(text: str, length: int = 6) -> str:
    """The first `length` hex digits of the SHA-1 of `text`."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def han_words(text: str) -> list[str]:
    """Each word of a Han run as toneless pinyin, syllables joined: 基层治理 → jiceng, zhili."""
    # Without the HMM, unknown words (most personal names) split into single characters the
    # same way on every machine; ü is written v (lv, nv), as pypinyin and input methods do.
    words = [part for word in segmenter().lcut(text, HMM=False) for part in dictionary_parts(word)]
    from pypinyin import Style, lazy_pinyin  # here: importing it reads its dictionaries

    return [ascii_only("".join(lazy_pinyin(word, style=Style.NORMAL, errors="ignore"))) for word in words]


def dictionary_parts(word: str) -> list[str]:
    """A word of four or more characters as the most dictionary words of two or more: 物业, 管理."""
    # jieba keeps compounds whole (物业管理); pinyin orthography (GB/T 16159) writes them word
    # by word, wuye guanli. Among equally fine splits, the one with the commoner words wins.
    if len(word) < 4:
        return [word]
    best: dict[int, tuple[int, float, list[str]]] = {0: (0, 0.0, [])}
    for end in range(2, len(word) + 1):
        options = [
            (parts + 1, score + math.log(segmenter().get_FREQ(word[start:end])), pieces + [word[start:end]])
            for start, (parts, score, pieces) in best.items()
            if end - start >= 2 and end - start < len(word) and segmenter().get_FREQ(word[start:end])
        ]
        if options:
            best[end] = max(options)
    return best[len(word)][2] if len(word) in best else [word]


def ascii_only(text: str) -> str:
    """Latin letters without their accents, and digits: café → cafe; other scripts drop out."""
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKD", text).lower())


def learn(names: Iterable[str]) -> None:
    """Work out, all at once, the slugs of the names with Han characters not known yet: in a
    fresh process when there are many and jieba is not loaded here, else here."""
    unknown = sorted({name for name in names if name not in KNOWN and re.search(f"[{HAN}]", name)})
    if len(unknown) >= FRESH_PROCESS_FROM and "jieba" not in sys.modules:
        try:  # "spawn": a fresh interpreter, not a copy of the build, which imports this installed module
            with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
                KNOWN.update(zip(unknown, pool.submit(worked_out_slugs, unknown).result()))
        except (OSError, BrokenProcessPool):
            pass  # no process to be had: worked out here below
    for name in unknown:
        pinyin_slug(name)


def worked_out_slugs(names: list[str]) -> list[str]:
    """worked_out_slug of each name (in the fresh process)."""
    return [worked_out_slug(name) for name in names]


def pinyin_slug(name: str) -> str:
    """The plain slug of a name, words joined by "-": G20峰会 → g20-fenghui; ！！ → a short hash."""
    if name not in KNOWN:
        KNOWN[name] = worked_out_slug(name)
    return KNOWN[name]


def worked_out_slug(name: str) -> str:
    """pinyin_slug from the name itself."""
    text = normalise(name)
    words: list[str] = []
    for run in RUN.finditer(text):
        words += han_words(run["han"]) if run["han"] else [ascii_only(run["other"])]
    return "-".join(word for word in words if word) or short_hash(text)


def item_slug(slug: str, written_slug: str | None, named_from: str) -> str:
    """An article's or page's slug in ASCII: a Chinese Slug or file name as pinyin words.

    Pelican makes 医疗服务进社区.md into yi-liao-fu-wu-jin-she-qu, one syllable at a time, and
    publishes a Chinese Slug as written, which a chat app shows as %E5%8C%BB…; pinyin by words
    (yiliao-fuwu-jinshequ) reads like the other addresses of the site.
    """
    source = written_slug if written_slug is not None else named_from  # the file name, or the title
    return pinyin_slug(source) if not source.isascii() else slug


@cache
def segmenter():
    """jieba, imported on first use and quietened: importing it takes about a second (its HMM
    tables), and a build whose names (KNOWN) are all kept never needs it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces its dictionary at DEBUG on its own handler
    return jieba
