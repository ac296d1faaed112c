"""Defaults of the newsmeta plugin and their checks, merged once into Pelican's settings."""

import re

DEFAULTS = {
    # The publisher's logo in JSON-LD: a path from the site root, or an absolute URL.
    "NEWSMETA_PUBLISHER_LOGO": "theme/favicon.svg",
    # The Google News sitemap, written only when SITEURL is absolute; None or "" writes none.
    "NEWSMETA_NEWS_SITEMAP": "news-sitemap.xml",
    # Google News's own language codes: zh-cn for simplified Chinese, zh-tw for traditional.
    "NEWSMETA_NEWS_LANGUAGE": "zh-cn",
    # Sitemaps written by other plugins that robots.txt names (pelican-sitemap's sitemap.xml).
    "NEWSMETA_ROBOTS_SITEMAPS": ["sitemap.xml"],
}

LANGUAGE = re.compile(r"^[a-z]{2,3}(?:-[a-z]{2,4})?$")


def is_file_path(value: object) -> bool:
    """True for a non-empty path from the site root: no leading slash, no spaces."""
    return isinstance(value, str) and bool(value) and not value.startswith("/") and not re.search(r"\s", value)


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    logo = values["NEWSMETA_PUBLISHER_LOGO"]
    if not (is_file_path(logo) or (isinstance(logo, str) and logo.startswith(("https://", "http://")))):
        raise ValueError(
            "NEWSMETA_PUBLISHER_LOGO 应是网站根目录下的图片路径或完整网址，如 theme/favicon.svg "
            "(must be a path from the site root or an absolute URL)"
        )
    news = values["NEWSMETA_NEWS_SITEMAP"]
    if news not in (None, "") and not (is_file_path(news) and news.endswith(".xml")):
        raise ValueError(
            "NEWSMETA_NEWS_SITEMAP 应是以 .xml 结尾的文件路径，或 None 表示不生成 "
            "(must be a path ending in .xml, or None for no news sitemap)"
        )
    if not isinstance(values["NEWSMETA_NEWS_LANGUAGE"], str) or not LANGUAGE.match(values["NEWSMETA_NEWS_LANGUAGE"]):
        raise ValueError(
            "NEWSMETA_NEWS_LANGUAGE 应是小写语言代码，如 zh-cn (must be a lower-case language code such as zh-cn)"
        )
    sitemaps = values["NEWSMETA_ROBOTS_SITEMAPS"]
    if not isinstance(sitemaps, (list, tuple)) or not all(is_file_path(path) for path in sitemaps):
        raise ValueError(
            "NEWSMETA_ROBOTS_SITEMAPS 应是网站根目录下的文件路径列表，如 [\"sitemap.xml\"] "
            "(must be a list of paths from the site root)"
        )
    return values
