"""The newsmeta plugin's settings: defaults, and a clear error for a bad value at start-up."""

import pytest
from plugins.newsmeta.settings import DEFAULTS, merged


def test_defaults_fill_in_what_is_not_set():
    assert merged({}) == DEFAULTS
    assert merged({"NEWSMETA_NEWS_SITEMAP": None})["NEWSMETA_NEWS_SITEMAP"] is None


@pytest.mark.parametrize(
    "key, value",
    [
        ("NEWSMETA_PUBLISHER_LOGO", "images/logo.png"),
        ("NEWSMETA_PUBLISHER_LOGO", "https://news.example.gov.cn/logo.png"),
        ("NEWSMETA_NEWS_SITEMAP", "sitemaps/news.xml"),
        ("NEWSMETA_NEWS_SITEMAP", ""),
        ("NEWSMETA_NEWS_LANGUAGE", "zh-tw"),
        ("NEWSMETA_ROBOTS_SITEMAPS", []),
        ("NEWSMETA_ROBOTS_SITEMAPS", ("sitemap.xml", "sitemap-images.xml")),
    ],
)
def test_good_values_are_kept(key, value):
    assert merged({key: value})[key] == value


@pytest.mark.parametrize(
    "key, value",
    [
        ("NEWSMETA_PUBLISHER_LOGO", ""),
        ("NEWSMETA_PUBLISHER_LOGO", "/theme/favicon.svg"),
        ("NEWSMETA_PUBLISHER_LOGO", None),
        ("NEWSMETA_NEWS_SITEMAP", "news-sitemap.txt"),
        ("NEWSMETA_NEWS_SITEMAP", True),
        ("NEWSMETA_NEWS_LANGUAGE", "zh-CN"),
        ("NEWSMETA_NEWS_LANGUAGE", "中文"),
        ("NEWSMETA_ROBOTS_SITEMAPS", "sitemap.xml"),
        ("NEWSMETA_ROBOTS_SITEMAPS", ["/sitemap.xml"]),
    ],
)
def test_a_bad_value_is_refused_in_chinese_first(key, value):
    with pytest.raises(ValueError, match=key) as raised:
        merged({key: value})
    message = str(raised.value)
    assert "\u4e00" <= message[len(key) + 1] <= "\u9fff"
