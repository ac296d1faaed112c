"""Pelican glue: pinyin slugs on every item, section, tag and author, and one item per address."""

import logging
from pathlib import Path

from pelican import signals

from plugins.core import startup
from plugins.core.errors import BuildError
from plugins.core.settings import settings_check

from . import kept
from .assign import assign_slugs, earliest
from .pinyin import KNOWN, item_slug, learn, normalise
from .settings import merged
from .unique import first_at_each_address

logger = logging.getLogger(__name__)
LOADED: dict[str, str] = {}  # the slugs as the last build kept them


def set_item_slug(content) -> None:
    """A Chinese Slug or file name becomes pinyin words before any address is worked out."""
    if not getattr(content, "slug", None) or not getattr(content, "source_path", None):
        return
    content.slug = item_slug(content.slug, content.metadata.get("slug"), named_from(content))


def named_from(content) -> str:
    """What an item's slug is made from when it has no Slug field: its title or its file name."""
    by_title = content.settings.get("SLUGIFY_SOURCE") == "title"
    return getattr(content, "title", "") if by_title else Path(content.source_path).stem


def note_item_slugs(items) -> None:
    """Keep each item's pinyin slug as if worked out here: a story read in another process (the
    incremental plugin's read-ahead) worked it out there, and the next build need not again."""
    for item in items:
        if not getattr(item, "slug", None) or not getattr(item, "source_path", None):
            continue
        written = item.metadata.get("slug")
        source = written if written is not None else named_from(item)
        if not source.isascii():
            KNOWN.setdefault(source, item.slug)


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
    note_item_slugs(articles)
    uses: dict[str, list] = {"category": [], "tag": [], "author": []}
    for article in articles:
        for kind, wrappers in kinds(article).items():
            uses[kind] += [(wrapper, article.date) for wrapper in wrappers]
    learn(normalise(wrapper.name) for kind_uses in uses.values() for wrapper, _ in kind_uses)
    for kind_uses in uses.values():
        try:
            slugs = assign_slugs(earliest((wrapper.name, date) for wrapper, date in kind_uses), overrides)
        except ValueError as error:  # an override colliding with a name's slug: the editor's to mend
            raise BuildError(str(error)) from None
        for wrapper, _ in kind_uses:
            wrapper.slug = slugs[wrapper.name]


def drop_second_items_at_one_address(generator) -> None:
    """Publish the first of two items with one address, and name both, rather than fail half way."""
    # Pelican would write both to one file and stop with FileOverwriteFailedError's traceback.
    published = [*generator.articles, *generator.translations, *generator.hidden_articles, *generator.hidden_translations]
    by_source = {item.relative_source_path: item for item in published}
    ranked = (
        (item.save_as, ("slug" in item.metadata, item.date, item.relative_source_path), item.relative_source_path)
        for item in published
    )
    dropped = set()
    for first, later in sorted(first_at_each_address(ranked).items()):
        for source in later:
            logger.error(
                "%s: 错误: 与 %s 的网址相同（%s），本次只发布 %s；请改文件名或另写 Slug (same address as %s; only %s is published)",
                source, first, by_source[first].url, first, first, first,
            )
            dropped.add(source)
    if dropped:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations"):
            setattr(generator, name, [item for item in getattr(generator, name) if item.relative_source_path not in dropped])
        for item in published:
            item.translations = [other for other in item.translations if other.relative_source_path not in dropped]


check_settings = settings_check(merged)  # at start-up, not half way: a bad value stops the build in one line


def load_kept_slugs(pelican) -> None:
    """Start from the slugs the last build worked out."""
    LOADED.clear()
    LOADED.update(kept.load(Path(merged(pelican.settings)["SLUGS_CACHE_PATH"])))
    KNOWN.update(LOADED)


def keep_slugs(pelican) -> None:
    """Keep this build's slugs for the next, if it worked out any new ones."""
    if KNOWN != LOADED:
        kept.save(Path(merged(pelican.settings)["SLUGS_CACHE_PATH"]), KNOWN)


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.initialized.connect(load_kept_slugs)
    signals.finalized.connect(keep_slugs)
    signals.content_object_init.connect(set_item_slug)
    signals.article_generator_pretaxonomy.connect(drop_second_items_at_one_address)
    signals.article_generator_pretaxonomy.connect(set_slugs)
