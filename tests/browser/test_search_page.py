"""/search.html in Chromium: deep links, the header box, filters, more results, the empty state, text as text."""

from urllib.parse import quote

import pytest
from playwright.sync_api import expect


@pytest.fixture
def page(browser, served_search_site):
    context = browser.new_context(locale="zh-CN", viewport={"width": 360, "height": 800})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.base = served_search_site
    yield page
    assert page.errors == []
    context.close()


def open_search(page, query: str, **filters):
    url = f"{page.base}/search.html?q={quote(query)}" + "".join(f"&{key}={quote(str(value))}" for key, value in filters.items())
    page.goto(url)
    expect(page.locator("#search-status")).not_to_have_text("正在搜索…")


def hit_titles(page) -> list[str]:
    return page.locator(".search-hit-title").all_inner_texts()


def test_a_deep_link_shows_title_section_date_and_a_highlighted_snippet(page):
    open_search(page, "区政协")
    expect(page.locator("#search-status")).to_have_text("找到 1 篇包含“区政协”的新闻。")
    hit = page.locator(".search-hit")
    expect(hit.locator("h2 a")).to_have_text("提高依法治区水平 助推法治政府建设")
    assert hit.locator("h2 a").get_attribute("href") == f"{page.base}/2026/11/zhengxie.html"
    expect(hit.locator(".search-hit-meta")).to_have_text("政务 2026年11月20日")
    assert hit.locator("time").get_attribute("datetime") == "2026-11-20T09:00:00+08:00"
    assert hit.locator(".search-hit-snippet mark").all_inner_texts() == ["区政协"]
    expect(page.locator("#search-q")).to_have_value("区政协")
    assert page.title().startswith("区政协 - 搜索")


def test_the_header_box_on_every_page_leads_to_the_results(page):
    page.goto(f"{page.base}/2026/11/wuye.html")
    box = page.get_by_role("searchbox", name="搜索新闻")
    box.fill("秸秆焚烧")
    box.press("Enter")
    page.wait_for_url("**/search.html?q=*")
    expect(page.locator(".search-hit-title")).to_have_text(["全力做好秸秆禁烧工作"])
    assert page.locator(".search-hit-snippet mark").all_inner_texts() == ["秸秆焚烧"]


def test_filters_narrow_the_results_and_go_into_the_address(page):
    open_search(page, "秸秆")
    assert len(hit_titles(page)) == 5
    page.get_by_role("combobox", name="栏目").select_option("要闻")
    expect(page.locator(".search-hit-title")).to_have_text(["全力做好秸秆禁烧工作"])
    assert "section=%E8%A6%81%E9%97%BB" in page.url
    expect(page.locator("#search-status")).to_have_text("在“要闻”栏目中找到 1 篇包含“秸秆”的新闻。")
    page.go_back()
    expect(page.locator(".search-hit")).to_have_count(5)
    expect(page.get_by_role("combobox", name="栏目")).to_have_value("")


def test_a_year_filter_from_a_deep_link(page):
    open_search(page, "物业", year=2025)
    expect(page.locator(".search-hit-title")).to_have_text(["物业服务提质增效"])
    expect(page.get_by_role("combobox", name="年份")).to_have_value("2025")


def test_more_results_appends_the_next_ten_and_moves_focus_to_them(page):
    open_search(page, "。")  # every story has a full stop: 14 of them
    expect(page.locator(".search-hit")).to_have_count(10)
    expect(page.locator("#search-status")).to_have_text("找到 14 篇包含“。”的新闻，已显示 10 篇。")
    more = page.get_by_role("button", name="更多结果")
    more.focus()
    page.keyboard.press("Enter")
    expect(page.locator(".search-hit")).to_have_count(14)
    expect(more).to_be_hidden()
    assert page.evaluate("document.activeElement.closest('.search-hit') === document.querySelectorAll('.search-hit')[10]")


def test_nothing_found_says_so(page):
    open_search(page, "志愿者")
    expect(page.locator("#search-status")).to_have_text("没有找到包含“志愿者”的新闻。可以试试更短的词语，或去掉筛选条件。")
    expect(page.locator(".search-hit")).to_have_count(0)
    expect(page.get_by_role("button", name="更多结果")).to_be_hidden()


def test_the_page_is_usable_by_keyboard_alone(page):
    page.goto(f"{page.base}/search.html")
    expect(page.locator("#search-q")).to_be_focused()
    page.keyboard.type("物业管理")
    page.keyboard.press("Enter")
    expect(page.locator(".search-hit-title")).to_have_text(["健全管理机制 破解治理难题"])
    for _ in range(4):  # search button, section, year, then the first result
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('.search-hit') !== null")


def test_markup_in_a_title_is_shown_as_text_and_never_runs(page):
    open_search(page, "粗体")
    expect(page.locator(".search-hit-title")).to_have_text(['标题含 <b>粗体</b> 与 <img src=x onerror="window.pwned=1"> 字样'])
    assert page.locator(".search-results b, .search-results img").count() == 0
    assert page.evaluate("window.pwned") is None


@pytest.fixture(params=[360, 1280], ids=["phone", "desktop"])
def wide_or_narrow(request, browser, served_search_site):
    context = browser.new_context(locale="zh-CN", viewport={"width": request.param, "height": 800})
    page = context.new_page()
    page.errors = []
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    page.base = served_search_site
    yield page
    assert page.errors == []
    context.close()


@pytest.mark.parametrize(
    "query, snippet",
    [
        ("网式排查", "…12个巡查组，对主次干道"),  # not …2个巡查组
        ("全区共清理", "…沿街商户主动清理门前积雪"),  # not …”，沿街
        ("堆放情况", "工作人员清理楼道内杂物，检查垃圾堆放情况。"),  # the caption alone: no credit, no subhead
    ],
)
def test_a_snippet_shows_one_block_cut_where_nothing_is_split(wide_or_narrow, query, snippet):
    page = wide_or_narrow
    open_search(page, query)
    shown = page.locator(".search-hit-snippet")
    expect(shown).to_have_count(1)
    assert shown.inner_text().startswith(snippet)
    if snippet.endswith("。"):
        assert shown.inner_text() == snippet
    assert shown.locator("mark").all_inner_texts() == [query]
    box = shown.bounding_box()
    assert box["x"] >= 0 and box["x"] + box["width"] <= page.viewport_size["width"]
