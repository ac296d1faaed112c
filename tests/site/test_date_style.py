"""One date style for readers, 2026年12月7日 with no leading zeros, wherever the site shows a date;
ISO 8601 for machines (<time datetime>, JSON-LD)."""

import json

import pytest
from sitebuild import build_once, text

STORIES = {
    "articles/yuandan.md": """
        Title: 铁东区举行元旦长跑活动
        Date: 2027-01-05 08:05
        Modified: 2027-01-06 09:00
        Category: 民生
        Tags: 全民健身
        Correction: 2027-01-07 原稿将“三百余人”误为“三十余人”，已更正。

        1月5日清晨，三百余名干部群众参加元旦长跑活动。
        """,
    "articles/dongji.md": """
        Title: 铁东区开展冬季全民健身活动
        Date: 2026-12-07 09:30
        Category: 民生
        Tags: 全民健身

        12月7日，铁东区冬季全民健身活动在英雄广场启动。
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, "dates", STORIES)


def shown_dates(page) -> dict[str, str]:
    """Each <time>'s datetime → the text a reader sees."""
    return {time["datetime"]: text(time) for time in page.select("main time")}


def test_an_article_shows_its_date_and_time_its_update_and_its_correction_date(site):
    page = site.html("2027/01/yuandan.html")
    assert text(page.select_one(".story-meta time")) == "2027年1月5日 08:05"
    assert shown_dates(page)["2027-01-06T09:00:00+08:00"] == "2027年1月6日 09:00"
    assert text(page.select_one(".corrections time")) == "2027年1月7日"


@pytest.mark.parametrize("listing", ["index.html", "section/minsheng/index.html", "tag/quanmin-jianshen/index.html",
                                     "2027/index.html", "2027/01/index.html", "2026/12/index.html"])
def test_listings_and_archives_show_dates_the_same_way(site, listing):
    dates = set(shown_dates(site.html(listing)).values())
    assert dates and dates <= {"2027年1月5日", "2026年12月7日"}, dates


def test_related_stories_and_the_corrections_page_too(site):
    assert shown_dates(site.html("2027/01/yuandan.html"))["2026-12-07T09:30:00+08:00"] == "2026年12月7日"
    assert text(site.html("corrections.html").select_one("main time")) == "2027年1月7日"


def test_machines_still_get_iso_dates(site):
    page = site.html("2027/01/yuandan.html")
    story = json.loads(page.find("script", type="application/ld+json").string)["@graph"][0]
    assert story["datePublished"] == "2027-01-05T08:05:00+08:00"
    assert page.find("meta", property="article:published_time")["content"] == "2027-01-05T08:05:00+08:00"
