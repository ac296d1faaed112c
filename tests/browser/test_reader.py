"""What a reader sees on a phone and on a desktop, in Debian's chromium with real CJK fonts."""

import re

import pytest

PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}

SIZES = pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])


def rendered_fonts(page, selector: str) -> list[str]:
    """The platform fonts chromium actually drew the element's text with (not the CSS wish list)."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    fonts = cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]
    return [font["familyName"] for font in fonts if font["glyphCount"] > 0]


def assert_fits_the_screen(page):
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0, f"page scrolls sideways by {overflow}px"


def assert_stays_on_site(page, base: str):
    assert page.requests and all(url.startswith(base) for url in page.requests), page.requests
    assert not page.errors, page.errors


@SIZES
def test_home_page(open_page, served_demo, viewport):
    page = open_page("index.html", viewport)
    assert_fits_the_screen(page)
    assert page.get_by_role("navigation", name="栏目").is_visible()
    lead = page.get_by_role("link", name="健全管理机制 破解治理难题").first
    assert lead.is_visible()
    strip = page.locator("main figure", has_text="本报通讯员 高欣 摄").first
    strip.scroll_into_view_if_needed()
    assert strip.is_visible()
    image = strip.locator("img")
    image.evaluate("img => img.decode()")
    assert image.evaluate("img => img.naturalWidth") > 0
    assert_stays_on_site(page, served_demo)


@SIZES
def test_article_page(open_page, served_demo, viewport):
    page = open_page("2026/11/wuye-guanli.html", viewport)
    assert_fits_the_screen(page)
    heading = page.locator("h1")
    assert heading.count() == 1 and heading.inner_text() == "健全管理机制 破解治理难题"
    assert heading.is_visible()
    box = heading.bounding_box()
    assert box["y"] < viewport["height"], "the headline is on the first screen"
    assert page.locator(".subtitle").inner_text() == "——铁东区多措并举做好物业管理工作记事"
    assert page.get_by_role("heading", name="三级联动 拧紧责任链条").is_visible()
    assert_stays_on_site(page, served_demo)


@SIZES
def test_photo_news_page(open_page, served_demo, viewport):
    page = open_page("2026/11/jinqiu-zhuxue.html", viewport)
    assert_fits_the_screen(page)
    figure = page.locator("main figure")
    image = figure.locator("img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    chosen = image.evaluate("img => img.currentSrc")
    assert re.search(r"/images/jinqiu-zhuxue-[0-9a-f]{12}-(480|960|1600)\.webp$", chosen), "a WebP derivative"
    assert image.bounding_box()["width"] <= viewport["width"]
    credit = figure.locator("figcaption .credit")
    credit.scroll_into_view_if_needed()
    assert credit.is_visible() and credit.inner_text() == "本报通讯员 高欣 摄"
    assert_stays_on_site(page, served_demo)


@pytest.mark.parametrize("selector", ["h1", "main p"])
def test_chinese_text_is_drawn_with_a_cjk_font(open_page, selector):
    page = open_page("2026/11/wuye-guanli.html", DESKTOP)
    fonts = rendered_fonts(page, selector)
    assert fonts and all(any(mark in name for mark in ("CJK", "WenQuanYi", "Hei", "Song")) for name in fonts), fonts
