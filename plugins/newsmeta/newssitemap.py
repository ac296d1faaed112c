"""The Google News sitemap: the stories of the last two days, with publication, date and title."""

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import NamedTuple
from xml.sax.saxutils import escape

# Google News reads only stories published in the last two days, and at most 1,000 of them.
WINDOW = timedelta(days=2)
MAX_URLS = 1000

HEADER = (
    '<?xml version="1.0" encoding="utf-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n'
)
FOOTER = "</urlset>\n"


class NewsItem(NamedTuple):
    loc: str  # the story's absolute URL
    published: datetime  # timezone-aware, in the site's zone
    title: str


def recent(items: Iterable[NewsItem], now: datetime, window: timedelta = WINDOW) -> list[NewsItem]:
    """The items published in the `window` up to `now` (none from the future), newest first."""
    chosen = [item for item in items if now - window < item.published <= now]
    chosen.sort(key=lambda item: (-item.published.timestamp(), item.loc))
    return chosen[:MAX_URLS]


def url_element(item: NewsItem, publication: str, language: str) -> str:
    """One <url> with its <news:news>."""
    return (
        "<url>\n"
        f"<loc>{escape(item.loc)}</loc>\n"
        "<news:news>\n"
        "<news:publication>\n"
        f"<news:name>{escape(publication)}</news:name>\n"
        f"<news:language>{escape(language)}</news:language>\n"
        "</news:publication>\n"
        f"<news:publication_date>{item.published.isoformat(timespec='seconds')}</news:publication_date>\n"
        f"<news:title>{escape(item.title)}</news:title>\n"
        "</news:news>\n"
        "</url>\n"
    )


def news_sitemap(items: Iterable[NewsItem], publication: str, language: str) -> str:
    """The sitemap XML for `items`, in the order given (an empty <urlset> when there are none)."""
    return HEADER + "".join(url_element(item, publication, language) for item in items) + FOOTER
