"""Pelican glue: once every article is read, give each its related stories (`article.related`)."""

import logging
import time
from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path

from pelican import signals

from plugins.core import startup
from plugins.core.settings import settings_check

from .keywords import inverse_frequencies, weigh
from .rank import Story, related
from .segmented import load, save, split_terms, terms_of_all
from .settings import merged

logger = logging.getLogger(__name__)


def relate_articles(generator) -> None:
    """Set `related` on every article and translation, among the articles in its language."""
    started = time.perf_counter()
    settings = merged(generator.settings)
    by_lang = defaultdict(list)
    for article in generator.articles + generator.translations:
        by_lang[article.lang].append(article)
    cache = Path(settings["RELATED_CACHE_PATH"])
    kept, kept_next = load(cache), {}
    for lang in sorted(by_lang):
        kept_next |= relate(by_lang[lang], settings, kept)
    if kept_next != kept:
        save(cache, kept_next)
    count = sum(map(len, by_lang.values()))
    logger.info("相关报道 (related stories): %d 篇, %.2f s", count, time.perf_counter() - started)


def relate(articles: list, settings: dict, kept: dict[str, str]) -> dict[str, str]:
    """Rank one language's articles against each other by tags and TF-IDF keywords; return the
    segmented terms to keep for the next build."""
    texts = [(article.title, article._content or "") for article in articles]
    documents, kept_now = terms_of_all(texts, kept, settings["RELATED_WORKERS"])
    # Each story's terms split when used, twice, rather than all held as lists at once.
    idf = inverse_frequencies(map(split_terms, documents))
    stories = stories_of(articles, documents, idf, settings["RELATED_KEYWORDS"])
    chosen = related(stories, settings["RELATED_COUNT"], settings["RELATED_TAG_WEIGHT"])
    for story, others in zip(stories, chosen):
        story.item.related = [other.item for other in others]
    return kept_now


def stories_of(articles: list, documents: list[str], idf: Mapping[str, float], keywords: int) -> list[Story]:
    """What ranking needs of each article, its `keywords` terms weighed by `idf`."""
    return [
        Story(
            article.url,
            article.date,
            getattr(article.category, "name", ""),
            frozenset(tag.name for tag in getattr(article, "tags", [])),
            weigh(split_terms(document), idf, keywords),
            article,
        )
        for article, document in zip(articles, documents)
    ]


check_settings = settings_check(merged)  # at start-up, not half way: a bad value stops the build in one line


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(relate_articles)
