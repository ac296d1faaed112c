"""What a reader sees in chromium: one date style, 2026年5月6日, in a story, its listings and the
search results; the footer naming the office that runs the site and the one that makes it."""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect

PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture
def open_at(browser):
    contexts = []

    def open_(url: str, viewport: dict):
        contexts.append(browser.new_context(viewport=viewport, locale="zh-CN"))
        page = contexts[-1].new_page()
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        assert page.goto(url, wait_until="load").ok
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_a_story_its_listings_and_its_search_result_show_one_date_style(open_at, served_search_site, viewport):
    # 政务服务APP上线 is dated 2026-05-06 10:00 (tests/search_stories.py): month and day of one digit.
    story = open_at(f"{served_search_site}/2026/05/app.html", viewport)
    expect(story.locator(".story-meta time")).to_have_text("2026年5月6日 10:00")
    for listing in ("section/zhengwu/", "2026/05/"):
        page = open_at(f"{served_search_site}/{listing}", viewport)
        item = page.locator("main li", has=page.locator("a", has_text="政务服务APP上线"))
        expect(item.locator("time")).to_have_text("2026年5月6日")
    search = open_at(f"{served_search_site}/search.html?q={quote('APP')}", viewport)
    hit = search.locator(".search-hit", has=search.locator("a", has_text="政务服务APP上线"))
    expect(hit.locator("time")).to_have_text("2026年5月6日")
    assert hit.locator("time").get_attribute("datetime") == "2026-05-06T10:00:00+08:00"
    assert search.errors == []


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP])
def test_the_footer_names_the_demo_districts_offices_in_words_for_readers(open_at, served_demo, viewport):
    page = open_at(f"{served_demo}/2026/11/wuye-guanli.html", viewport)
    identity = page.locator(".site-footer .site-identity")
    expect(identity).to_be_visible()
    expect(identity.locator("dt")).to_have_text(["主办单位", "承办单位"])
    expect(identity.locator("dd")).to_have_text(["中共铁东区委宣传部", "铁东区融媒体中心"])
    footer = page.locator(".site-footer").inner_text()
    for wording in ("Pressroom", "静态网站", "外部资源", "演示站点", "example."):
        assert wording not in footer
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
