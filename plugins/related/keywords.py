"""Keywords of a Chinese news story: jieba words, stop words dropped, weighted by TF-IDF."""

import logging
import math
import re
from collections import Counter
from functools import cache
from typing import Iterable, Mapping

from bs4 import BeautifulSoup

# Function words, officialese that every bulletin uses, and newsroom boilerplate (bylines).
STOP_WORDS = frozenset(
    """
    的 了 和 与 在 是 等 为 对 将 要 及 并 也 都 就 而 或 从 向 把 被 让 给 由 于 以 之 其 中
    以及 并且 而且 还是 或者 因为 所以 如果 虽然 但是 不仅 通过 进行 开展 工作 进一步 相关 有关
    方面 情况 一个 一些 这些 那些 这个 那个 我们 他们 她们 大家 自己 已经 正在 可以 能够 需要
    同时 此次 本次 这次 近日 日前 目前 截至 当前 今年 去年 表示 认为 指出 强调 要求 提出 坚持
    推动 推进 加强 加快 提升 提高 持续 切实 积极 不断 全面 深入 有效 充分 努力 确保 实现 做好
    各项 各类 一系列 一批 一次 各个 所有 其中 之间 以上 以下 以来 期间 方式 形式 活动 举办
    本报 本报讯 记者 通讯员 实习生 摄影 编辑 责任编辑
    """.split()
)
NUMBER = re.compile(r"^[\d０-９.,%．，％]+$")
WORDY = re.compile(r"\w")


def story_text(title: str, html: str) -> str:
    """The words a story is about: its title and its body text, without the photo credits."""
    soup = BeautifulSoup(html, "html.parser")
    for credit in soup.select(".credit"):
        credit.decompose()
    return f"{title}\n{soup.get_text(' ')}"


def is_term(word: str) -> bool:
    """True for a word worth matching on: not a stop word, a single character, a number or punctuation."""
    return len(word) > 1 and word not in STOP_WORDS and not NUMBER.match(word) and bool(WORDY.search(word))


def terms(text: str, hmm: bool = True) -> list[str]:
    """The terms of `text` in order, as jieba segments it (`hmm`: finding words it does not know,
    names above all, with its hidden Markov model); Latin words lower-cased."""
    return [word for word in (w.strip().lower() for w in segmenter().lcut(text, HMM=hmm)) if is_term(word)]


@cache
def segmenter():
    """jieba, imported on first use and quietened: importing it takes about a second (its HMM
    tables), and a build whose stories (segmented.py) are all kept never needs it."""
    import jieba

    jieba.setLogLevel(logging.WARNING)  # it announces its dictionary at DEBUG on its own handler
    return jieba


def inverse_frequencies(documents: Iterable[Iterable[str]]) -> dict[str, float]:
    """Smoothed IDF of every term over `documents`: rare terms weigh more, none weighs 0."""
    counts: Counter[str] = Counter()
    total = 0
    for document in documents:
        counts.update(set(document))
        total += 1
    return {term: math.log((1 + total) / (1 + count)) + 1 for term, count in counts.items()}


def weigh(document: list[str], idf: Mapping[str, float] | None = None, top: int = 20) -> dict[str, float]:
    """The `top` terms of a document by TF-IDF, as a unit-length vector; ties by term."""
    if not document:
        return {}
    tf = Counter(document)
    scores = {term: count * (idf or {}).get(term, 1.0) for term, count in tf.items()}
    best = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top]
    norm = math.sqrt(sum(score * score for _, score in best))
    return {term: score / norm for term, score in best}


def keywords(text: str, idf: Mapping[str, float] | None = None, top: int = 20) -> dict[str, float]:
    """The `top` keywords of `text` with their weights (IDF from the site, or plain counts)."""
    return weigh(terms(text), idf, top)
