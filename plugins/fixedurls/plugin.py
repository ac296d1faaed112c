"""Pelican glue: each article's and page's address is worked out once, when every plugin has settled
its slug, date and section, instead of every time a template asks for it.

Pelican formats `url` from the settings on each use (a copy of the metadata, the date through its
locale-safe strftime); a site of 10,000 stories asks about 230,000 times, a fifth of a build.
Pelican's own override (the `URL` field) is what keeps the worked-out address.
"""

from pelican import signals

from plugins.core import startup


def fix_urls(generators) -> None:
    """Give every article, page and their translations its address for good (`override_url`)."""
    for generator in generators:
        for name in ("articles", "translations", "hidden_articles", "hidden_translations", "drafts", "drafts_translations",
                     "pages", "hidden_pages", "draft_pages", "draft_translations"):
            for content in getattr(generator, name, ()):
                if not hasattr(content, "override_url"):
                    content.override_url = content.url


def fix_article_urls(generator) -> None:
    """The articles' addresses as soon as their slugs (set before the taxonomies) and dates are
    final, so the plugins that relate and describe them (related, newsmeta) use the fixed ones."""
    fix_urls([generator])


def register() -> None:
    startup.connect()
    """Connect the handlers: the articles once their generator has finished (list this plugin
    before those that use their addresses then), the rest once every generator has finished
    reading, before anything is written."""
    signals.article_generator_finalized.connect(fix_article_urls)
    signals.all_generators_finalized.connect(fix_urls)
