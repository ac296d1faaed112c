"""Pelican glue: pinyin slugs on every section, tag and author before Pelican groups articles."""

import sys

from pelican import signals

from .assign import assign_slugs, earliest
from .settings import merged


def kinds(article) -> dict[str, list]:
    """The article's Category, Tag and Author objects, by kind (each kind has its own URLs)."""
    authors = list(getattr(article, "authors", []))
    if getattr(article, "author", None) is not None:
        authors.append(article.author)
    category = [article.category] if getattr(article, "category", None) is not None else []
    return {"category": category, "tag": list(getattr(article, "tags", [])), "author": authors}


def set_slugs(generator) -> None:
    """Set `slug` on each name of each article; grouping into pages compares slugs, not names."""
    overrides = merged(generator.settings)["SLUGS_OVERRIDES"]
    articles = [
        *generator.articles,
        *generator.translations,
        *generator.hidden_articles,
        *generator.hidden_translations,
        *generator.drafts,
        *generator.drafts_translations,
    ]
    uses: dict[str, list] = {"category": [], "tag": [], "author": []}
    for article in articles:
        for kind, wrappers in kinds(article).items():
            uses[kind] += [(wrapper, article.date) for wrapper in wrappers]
    for kind_uses in uses.values():
        slugs = assign_slugs(earliest((wrapper.name, date) for wrapper, date in kind_uses), overrides)
        for wrapper, _ in kind_uses:
            wrapper.slug = slugs[wrapper.name]


def check_settings(pelican) -> None:
    """Fail at start-up, not half way, on a bad SLUGS_OVERRIDES."""
    try:
        merged(pelican.settings)
    except ValueError as error:
        sys.exit(f"设置有误 (bad setting): {error}")  # one line, not Pelican's traceback


def register() -> None:
    """Connect the handlers."""
    signals.initialized.connect(check_settings)
    signals.article_generator_pretaxonomy.connect(set_slugs)
