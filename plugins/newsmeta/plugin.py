"""Pelican glue: JSON-LD on every article; robots.txt and the Google News sitemap as files.

An article's JSON-LD is worked out as its page is rendered (the `json_ld` filter, put into
JINJA_FILTERS at start-up), not kept on every story: at 10,000 stories the kept text was 19 MiB
of the build's memory, and a page taken from the last build needs none. By then every generator
has read its content, so {static} links in a body resolve, and summaries set by other plugins are
final; and it is made only from what the page is given (the article, its section, tags and
people, and the settings), so the incremental plugin's digest of a page covers it. The first
picture of a body is found while the story is read (after photos has made its <figure>), so a
story kept from the last build brings it along.
"""

import logging
import os

from markupsafe import Markup
from pelican import signals
from pelican.contents import Article

from plugins.core import startup
from plugins.core.errors import bad_setting

from .clock import build_time
from .jsonld import Image, Person, Publisher, Story, json_ld, script_json
from .markup import first_image, plain_text
from .newssitemap import NewsItem, news_sitemap, recent
from .robots import robots_txt
from .settings import merged
from .urls import on_site, resolve, site_root

logger = logging.getLogger(__name__)


def check_settings(pelican) -> None:
    """Fail at start-up, not half way, on a bad NEWSMETA_* value or SOURCE_DATE_EPOCH."""
    try:
        merged(pelican.settings)
        build_time(os.environ)
    except ValueError as error:
        raise bad_setting(error) from None
    # A new dict: never change the one Pelican's defaults may share between runs.
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings["JINJA_FILTERS"], "json_ld": json_ld_script}


def publisher_of(settings: dict) -> Publisher:
    """The site as the publisher of its stories."""
    root = site_root(settings["SITEURL"])
    return Publisher(settings["SITENAME"], f"{root}/", on_site(root, merged(settings)["NEWSMETA_PUBLISHER_LOGO"]))


def people_of(article, root: str) -> tuple[Person, ...]:
    """The byline's people with roles (`article.people`), else the authors; each links to their page."""
    pages = {author.name: on_site(root, author.url) for author in getattr(article, "authors", [])}
    people = getattr(article, "people", None) or getattr(article, "authors", [])
    return tuple(Person(p.name, getattr(p, "role", "") or "", pages.get(p.name, "")) for p in people)


def find_first_image(content) -> None:
    """`first_image`: the body's first picture as read (photos runs first: a photo's address is final)."""
    if isinstance(content, Article):
        content.first_image = first_image(content._content)


def image_of(article, root: str, page_url: str) -> Image | None:
    """A photo item's photo, else the first picture of the body; each with its credit when it has one."""
    photo = getattr(article, "photo", None)
    if photo:
        return Image(on_site(root, photo.src), photo.width, photo.height, photo.credit)
    found = article.first_image
    if found and "{" in found.src:  # a {static} link photos could not publish: as the site serves the body
        found = first_image(article.get_content(root or "/"))
    return Image(resolve(page_url, found.src), found.width, found.height, found.credit) if found else None


def story_of(article, settings: dict) -> Story:
    """The plain values the JSON-LD says about `article`."""
    root = site_root(settings["SITEURL"])
    url = on_site(root, article.url)
    category = getattr(article, "category", None)
    return Story(
        url=url,
        title=article.title,
        summary=plain_text(article.summary),
        published=article.date,
        modified=getattr(article, "modified", None),
        language=getattr(article, "lang", "") or settings["DEFAULT_LANG"],
        section=category.name if category else "",
        section_url=on_site(root, category.url) if category else "",
        keywords=tuple(tag.name for tag in getattr(article, "tags", [])),
        people=people_of(article, root),
        image=image_of(article, root, url),
    )


def json_ld_script(article) -> Markup:
    """Jinja filter: the JSON-LD of `article` for <script type="application/ld+json"> (a draft has none)."""
    if article.status == "draft":
        return Markup("")
    settings = article.settings
    return Markup(script_json(json_ld(story_of(article, settings), publisher_of(settings))))


class MachineFiles:
    """A generator that writes robots.txt and, for a site with an absolute SITEURL, news-sitemap.xml."""

    def __init__(self, context: dict, settings: dict, output_path: str, **_) -> None:
        self.context = context
        self.settings = settings
        self.output_path = output_path

    def generate_output(self, writer) -> None:
        """Write the files from the articles every generator has finished with."""
        values = merged(self.settings)
        root = site_root(self.settings["SITEURL"])
        sitemaps = list(values["NEWSMETA_ROBOTS_SITEMAPS"])
        news_path = values["NEWSMETA_NEWS_SITEMAP"]
        if news_path and root:
            items = [NewsItem(on_site(root, a.url), a.date, a.title) for a in self.context.get("articles", [])]
            chosen = recent(items, build_time(os.environ))
            self.write(news_path, news_sitemap(chosen, self.settings["SITENAME"], values["NEWSMETA_NEWS_LANGUAGE"]))
            sitemaps.append(news_path)
        self.write("robots.txt", robots_txt(on_site(root, path) for path in sitemaps))

    def write(self, path: str, text: str) -> None:
        """Write `text` to `path` in the output folder, with Unix line ends."""
        target = os.path.join(self.output_path, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="\n") as file:
            file.write(text)
        logger.info('Writing "%s"', target)


def machine_files(pelican) -> type:
    """Pelican's hook for extra generators."""
    return MachineFiles


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(find_first_image)
    signals.get_generators.connect(machine_files)
