"""What readers expect of a news site, in Debian's chromium: a header that stays and stays small,
breadcrumbs, a readable column, light and dark, paper, a 404 page that helps, the keyboard, a
复制链接 button, and a content-security policy that nothing on the site trips."""

from urllib.parse import quote

import pytest
from colours import contrast, luminance, style
from playwright.sync_api import expect

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
ARTICLE = "2026/11/wuye-guanli.html"
PHOTO = "2026/11/jinqiu-zhuxue.html"
MISSING = "2026/11/no-such-story.html"
# Collected before any script of the page runs, so nothing the page does goes unseen.
WATCH_CSP = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.cspViolations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def new_page(browser, served_demo, demo_site):
    """Open a page of the demo site in a new context (colour scheme, permissions, no JavaScript…).

    MISSING is answered as a server answers a missing address: status 404 and the site's 404.html.
    Console errors and CSP violations are kept on the page as `page.errors`.
    """
    contexts = []

    def open_(path: str, viewport: dict = DESKTOP, **options):
        context = browser.new_context(viewport=viewport, locale="zh-CN", **options)
        contexts.append(context)
        context.add_init_script(WATCH_CSP)
        context.route(f"{served_demo}/{MISSING}", lambda route: route.fulfill(status=404, path=demo_site.output / "404.html"))
        page = context.new_page()
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(f"{served_demo}/{path}", wait_until="load")
        return page

    yield open_
    for context in contexts:
        context.close()


# --- The header ---


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_header_stays_at_the_top_after_scrolling(new_page, viewport):
    page = new_page(ARTICLE, viewport)
    page.evaluate("window.scrollTo(0, 1500)")
    assert page.evaluate("window.scrollY") >= 1500
    header = page.locator(".site-header")
    assert header.evaluate("node => node.getBoundingClientRect().top") == 0
    assert page.get_by_role("navigation", name="栏目", exact=True).is_visible()
    assert page.get_by_role("searchbox", name="搜索新闻").is_visible()


@pytest.mark.parametrize("viewport", [PHONE, SMALL_PHONE], ids=["390px", "360px"])
def test_on_a_phone_the_header_is_compact_with_name_and_search_on_one_row(new_page, viewport):
    page = new_page(ARTICLE, viewport)
    assert page.locator(".site-header").bounding_box()["height"] < 120
    name = page.locator(".site-name").bounding_box()
    box = page.get_by_role("searchbox", name="搜索新闻").bounding_box()
    button = page.get_by_role("button", name="搜索").bounding_box()
    assert abs((name["y"] + name["height"] / 2) - (box["y"] + box["height"] / 2)) < 8, "one row"
    assert box["width"] >= 100 and button["width"] >= 40 and button["height"] >= 40
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_the_header_search_works_from_the_keyboard_without_javascript(new_page, served_demo):
    page = new_page(ARTICLE, PHONE, java_script_enabled=False)
    for _ in range(4):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "site-search-q":
            break
    assert page.evaluate("document.activeElement.id") == "site-search-q"
    page.keyboard.type("秸秆禁烧")
    page.keyboard.press("Enter")
    page.wait_for_url(f"{served_demo}/search.html?q={quote('秸秆禁烧')}")


# --- Where the reader is, and reading ---


def test_breadcrumbs_on_an_article_lead_back_to_its_section(new_page, served_demo):
    page = new_page(ARTICLE)
    trail = page.get_by_role("navigation", name="面包屑")
    items = trail.get_by_role("listitem")
    assert items.all_inner_texts() == ["首页", "要闻", "正文"]
    assert items.last.get_attribute("aria-current") == "page"
    assert style(items.last, "content", "::before") == '"›"'
    trail.get_by_role("link", name="要闻").click()
    page.wait_for_url(f"{served_demo}/section/yaowen/")
    assert page.get_by_role("navigation", name="面包屑").get_by_role("listitem").all_inner_texts() == ["首页", "要闻"]


def test_article_text_is_set_in_a_readable_column(new_page):
    page = new_page(ARTICLE, DESKTOP)
    paragraph = page.locator(".article-body p").first
    size = float(style(paragraph, "font-size").removesuffix("px"))
    line = float(style(paragraph, "line-height").removesuffix("px"))
    characters_a_line = paragraph.evaluate("p => p.clientWidth") / size
    assert 30 <= characters_a_line <= 40
    assert 1.7 <= line / size <= 1.9
    assert size >= 17


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_colour_scheme_follows_the_reader_with_readable_text(new_page, scheme):
    page = new_page(PHOTO, PHONE, color_scheme=scheme)
    background = style(page.locator("body"), "background-color")
    assert (luminance(background) < 0.02) == (scheme == "dark")
    assert (luminance(style(page.locator("h1"), "color")) > 0.7) == (scheme == "dark")
    texts = ("h1", ".story-meta", ".story-meta a", ".breadcrumb a", ".site-nav a", ".site-name a", "figure.photo .caption-text",
             "figure.photo .credit", ".tags a", ".related-list a", ".related-list time", ".site-footer a", ".site-identity dd")
    for selector in texts:
        element = page.locator(selector).first
        surface = element.evaluate(
            """node => { for (let n = node; n; n = n.parentElement) {
                 const colour = getComputedStyle(n).backgroundColor;
                 if (colour !== "rgba(0, 0, 0, 0)") return colour; } return "rgb(255, 255, 255)"; }"""
        )
        ratio = contrast(style(element, "color"), surface)
        assert ratio >= 4.5, f"{selector} in the {scheme} scheme: {ratio:.2f}:1"


# --- Paper ---


def test_print_shows_the_story_with_captions_and_credits_and_leaves_out_navigation(new_page):
    page = new_page(PHOTO, DESKTOP, color_scheme="dark")
    page.emulate_media(media="print")
    for shown in ("h1", ".story-meta", ".article-body", "figure.photo figcaption", "figure.photo .credit", "figure.photo img"):
        assert page.locator(shown).first.is_visible(), shown
    for hidden in (".site-nav", ".site-search", ".breadcrumb", "[data-share]", ".neighbors", ".related", ".tags", ".story-more", ".site-footer"):
        assert not page.locator(hidden).first.is_visible(), hidden
    assert style(page.locator(".site-header"), "position") == "static"
    assert luminance(style(page.locator("body"), "background-color")) > 0.95, "white paper, even from a dark screen"
    assert luminance(style(page.locator("h1"), "color")) < 0.01


def test_print_writes_the_address_after_a_link_in_the_story(new_page):
    page = new_page(ARTICLE, DESKTOP)
    page.locator(".article-body p").first.evaluate(
        """p => { const a = document.createElement("a"); a.href = "https://www.gov.cn/"; a.textContent = "中国政府网"; p.append(a); }"""
    )
    link = page.locator(".article-body a[href='https://www.gov.cn/']")
    assert style(link, "content", "::after") == "none"
    page.emulate_media(media="print")
    assert "https://www.gov.cn/" in style(link, "content", "::after")


# --- A missing page ---


def test_a_missing_page_deep_in_the_site_is_styled_and_offers_search(new_page, served_demo):
    page = new_page(MISSING, PHONE)
    assert page.locator("h1").inner_text() == "没有找到这个页面"
    assert page.evaluate("[...document.styleSheets].every(sheet => sheet.cssRules.length > 100)"), "the stylesheet loaded"
    assert style(page.locator(".site-header"), "position") == "sticky"
    search = page.get_by_role("search", name="搜索新闻")
    search.get_by_role("searchbox", name="关键词").fill("物业管理")
    search.get_by_role("button", name="搜索").click()
    page.wait_for_url(f"{served_demo}/search.html?q={quote('物业管理')}")
    page.locator("#search-results li").first.wait_for()


def test_a_missing_page_links_home_and_to_every_section(new_page, served_demo):
    page = new_page(MISSING, DESKTOP)
    links = page.locator("main").get_by_role("link")
    assert links.all_inner_texts() == ["首页", "要闻", "政务", "民生", "文化", "图片新闻", "归档"]
    links.filter(has_text="民生").click()
    page.wait_for_url(f"{served_demo}/section/minsheng/")


# --- The keyboard ---


def test_skip_link_shows_on_focus_and_moves_focus_to_the_story(new_page):
    page = new_page(ARTICLE, PHONE)
    skip = page.get_by_role("link", name="跳到正文")
    assert skip.bounding_box()["y"] + skip.bounding_box()["height"] <= 0, "out of sight until wanted"
    page.keyboard.press("Tab")
    assert skip.evaluate("node => node === document.activeElement")
    box = skip.bounding_box()
    assert box["y"] >= 0 and box["height"] > 20
    assert page.evaluate("document.elementFromPoint(%d, %d).className" % (box["x"] + 5, box["y"] + 5)) == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.closest('main') !== null"), "the next stop is in the story"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_interactive_element_shows_a_clear_focus_ring(new_page, scheme):
    page = new_page(ARTICLE, DESKTOP, color_scheme=scheme)
    background = style(page.locator("body"), "background-color")
    seen = []
    for _ in range(100):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => { const n = document.activeElement, s = getComputedStyle(n);
                 window.focusedBefore ??= new Set();
                 const again = window.focusedBefore.has(n);
                 window.focusedBefore.add(n);
                 return {again, tag: n.tagName, text: (n.textContent || n.id).trim().slice(0, 12),
                         style: s.outlineStyle, width: parseFloat(s.outlineWidth), colour: s.outlineColor}; }"""
        )
        if focused.pop("again") or focused["tag"] == "BODY":
            break
        seen.append(focused)
    assert len(seen) > 30, "Tab reached the whole page"
    weak = [f for f in seen if f["style"] == "none" or f["width"] < 2 or contrast(f["colour"], background) < 3]
    assert not weak, weak


# --- Sharing ---


def test_copy_link_copies_the_address_and_says_so(new_page, served_demo):
    page = new_page(ARTICLE, PHONE, permissions=["clipboard-read", "clipboard-write"])
    page.get_by_role("button", name="复制链接").click()
    expect(page.get_by_role("status")).to_have_text("链接已复制")
    assert page.evaluate("navigator.clipboard.readText()") == f"{served_demo}/{ARTICLE}"


def test_copy_link_without_the_clipboard_api_selects_the_address(new_page, served_demo):
    page = new_page(ARTICLE, PHONE)
    page.add_init_script("Object.defineProperty(Navigator.prototype, 'clipboard', {get: () => undefined})")
    page.reload(wait_until="load")
    page.get_by_role("button", name="复制链接").click()
    field = page.get_by_role("textbox", name="本文链接")
    assert field.is_visible() and field.input_value() == f"{served_demo}/{ARTICLE}"
    assert field.evaluate("f => f === document.activeElement && f.selectionStart === 0 && f.selectionEnd === f.value.length")
    expect(page.locator(".share-status")).to_contain_text("复制")


def test_without_javascript_there_is_no_copy_link_button(new_page):
    page = new_page(ARTICLE, PHONE, java_script_enabled=False)
    assert page.get_by_role("button", name="复制链接").count() == 0


# --- The content-security policy ---


@pytest.mark.parametrize(
    "path, ready",
    [
        ("index.html", None),
        (ARTICLE, "[data-share]:not([hidden])"),
        (PHOTO, "[data-share]:not([hidden])"),
        (f"search.html?q={quote('物业')}", "#search-results li"),
        (MISSING, None),
    ],
    ids=["home", "article", "photo", "search", "404"],
)
def test_nothing_on_the_site_breaks_the_content_security_policy(new_page, path, ready):
    page = new_page(path, PHONE)
    if ready:
        page.wait_for_selector(ready)
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")  # lazy images load too
    page.wait_for_load_state("networkidle")
    assert page.evaluate("window.cspViolations") == []
    assert not [error for error in page.errors if "Content Security Policy" in error], page.errors


def test_the_policy_is_in_force(new_page):
    """So that the test above cannot pass for want of a policy: an inline style is refused."""
    page = new_page(ARTICLE, PHONE)
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<p id=planted style=\"color: rgb(1, 2, 3)\">x</p>')")
    # wait_for_function would poll by eval, which this very policy forbids.
    page.evaluate("() => new Promise((done) => (function check() { window.cspViolations.length ? done() : setTimeout(check, 10); })())")
    assert style(page.locator("#planted"), "color") != "rgb(1, 2, 3)"
    assert "style-src" in page.evaluate("window.cspViolations[0]")


def test_json_ld_is_read_as_data_under_the_policy(new_page):
    page = new_page(ARTICLE, PHONE)
    graph = page.evaluate("JSON.parse(document.querySelector('script[type=\"application/ld+json\"]').textContent)['@graph']")
    assert [node["@type"] for node in graph] == ["NewsArticle", "BreadcrumbList"]
    assert page.evaluate("window.cspViolations") == []
