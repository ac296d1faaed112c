"""Pelican glue: the articles generator finds each tag's, section's, author's and period's
stories through one index of the archive.

Pelican 4.12 finds them with one pass over every story for each name and each period
(`[a for a in self.dates if a in articles]`): at 10,000 stories and 3,400 authors that is some
fifteen seconds of every build, stock or not. The generator made for a build is given a subclass
whose methods hand Pelican's writer the same lists, each found by `order.in_order_of` (the class
swap and the per-period hook are plugins.core.pelican_api's).
"""

import logging

from pelican import signals
from pelican.generators import ArticlesGenerator
from pelican.writers import FileOverwriteFailedError

from plugins.core import startup
from plugins.core.pelican_api import (
    PeriodListsArticlesGenerator,
    replace_generator_class,
)

from .order import in_order_of, places_in

logger = logging.getLogger(__name__)


class IndexedArticlesGenerator(PeriodListsArticlesGenerator):
    """Pelican's articles generator, with its per-name and per-period lists found through an index."""

    def generate_tags(self, write) -> None:
        self.write_named(write, "tag", self.tags.items())

    def generate_categories(self, write) -> None:
        self.write_named(write, "category", self.categories)

    def generate_authors(self, write) -> None:
        self.write_named(write, "author", self.authors)

    def write_named(self, write, kind: str, named) -> None:
        """Each name's listing page, given what Pelican's own method gives it."""
        template = self.get_template(kind)
        places = places_in(self.dates)
        for name, articles in named:
            try:
                write(
                    name.save_as,
                    template,
                    self.context,
                    url=name.url,
                    articles=articles,
                    dates=in_order_of(self.dates, places, articles),
                    template_name=kind,
                    blog=True,
                    page_name=name.page_name,
                    all_articles=self.articles,
                    **{kind: name},
                )
            except FileOverwriteFailedError:
                if name.slug:
                    logger.error("无法写入“%s”的页面 (failed to write the %s page of %s)", name, kind, name)
                    raise
                logger.info("“%s”没有可用的网址名，不生成其页面 (%s %s has no usable slug; no page written)", name, kind, name)

    def period_articles(self, articles: list, periods: list[list]) -> list[list]:
        """Each period's stories in the order of `articles`, found through one index of them."""
        places = places_in(articles)
        return [in_order_of(articles, places, dates) for dates in periods]


def use_index(generator) -> None:
    """Give Pelican's own articles generator (not a subclass someone else made) the indexed methods."""
    replace_generator_class(generator, ArticlesGenerator, IndexedArticlesGenerator)


def register() -> None:
    """Connect the handler."""
    startup.connect()
    signals.generator_init.connect(use_index)
