"""Which story a feed entry links to, so the entry can carry the story's title as text."""

import pytest
from plugins.feeds.entries import address_in

ADDRESSES = {"2026/11/wuye-guanli.html", "2026/11/tupian-linlijie.html", "pages/about.html"}


@pytest.mark.parametrize("link, address", [
    ("https://news.example.gov.cn/2026/11/wuye-guanli.html", "2026/11/wuye-guanli.html"),
    ("https://www.tiedong.gov.cn/xinwen/2026/11/tupian-linlijie.html", "2026/11/tupian-linlijie.html"),  # the site below a folder
    ("https://news.example.gov.cn/2026/11/wuye-guanli.html?ref=feed", "2026/11/wuye-guanli.html"),  # FEED_APPEND_REF
    ("/pages/about.html", "pages/about.html"),
    ("https://news.example.gov.cn/2026/11/other.html", None),
    ("https://news.example.gov.cn/", None),
])
def test_an_entry_is_known_by_the_address_its_link_ends_with(link, address):
    assert address_in(link, ADDRESSES) == address
