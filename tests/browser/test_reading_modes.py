"""The reading aids of issue 10 in Debian's chromium: 长辈模式, 字号 (标准/大/特大), 高对比度 and 朗读全文.

Each mode is switched on and off from the keyboard alone, remembered on the next page and on <html>
before that page paints; the modes enlarge, reflow and recolour the page as 《互联网网站适老化通用设计规范》
asks; 朗读全文 is tried against a stand-in for the browser's speech engine (the edge, not our code).
A picture of an article in each mode is written to test-results/modes/. axe: tests/quality/test_reading_modes_axe.py.
"""

import json

import pytest
from playwright.sync_api import expect
from colours import contrast, luminance, rgb, style
from sitebuild import ROOT

PHONE = {"width": 390, "height": 844}
SMALL_PHONE = {"width": 360, "height": 780}
DESKTOP = {"width": 1280, "height": 900}
ARTICLE = "2026/11/wuye-guanli.html"
PHOTO = "2026/11/jinqiu-zhuxue.html"
SHOTS = ROOT / "test-results" / "modes"

# (button's accessible name, data-* attribute on <html>, its value when on)
SWITCHES = [
    ("长辈模式", "data-elder", "on"),
    ("大字号", "data-text-size", "large"),
    ("特大字号", "data-text-size", "xlarge"),
    ("高对比度", "data-contrast", "high"),
]
# The choices as prefs.js reads them from localStorage ("pressroom-" + name).
MODES = {
    "standard": {},
    "elder": {"elder": "on"},
    "large": {"text-size": "large"},
    "xlarge": {"text-size": "xlarge"},
    "contrast": {"contrast": "high"},
    "combined": {"elder": "on", "text-size": "xlarge", "contrast": "high"},
}

# What <html> carries when the <body> start tag is parsed (before the first paint) and at DOMContentLoaded.
WATCH_FIRST_PAINT = """
new MutationObserver((records, observer) => {
  if (document.body) {
    window.atBody = {...document.documentElement.dataset};
    observer.disconnect();
  }
}).observe(document, {childList: true, subtree: true});
document.addEventListener("DOMContentLoaded", () => { window.atReady = {...document.documentElement.dataset}; });
"""

# A stand-in for window.speechSynthesis that records what it is asked to say. Options (JSON):
# voices [{name, lang}], late_ms (voices arrive with `voiceschanged` after this long; null: at once).
SPEECH_STUB = """
(() => {
  const options = %s;
  window.utterances = [];
  window.speechLog = [];
  const synth = new EventTarget();
  let voices = options.late_ms === null ? options.voices : [];
  synth.getVoices = () => voices;
  synth.speak = (utterance) => {
    window.utterances.push(utterance);
    window.speechLog.push({text: utterance.text, lang: utterance.lang, voice: utterance.voice ? utterance.voice.name : null});
  };
  synth.cancel = () => window.speechLog.push("cancel");
  if (options.late_ms !== null) {
    setTimeout(() => { voices = options.voices; synth.dispatchEvent(new Event("voiceschanged")); }, options.late_ms);
  }
  Object.defineProperty(window, "speechSynthesis", {configurable: true, get: () => synth});
  window.SpeechSynthesisUtterance = class { constructor(text) { this.text = text; this.lang = ""; this.voice = null; } };
})();
"""
NO_SPEECH_ENGINE = """
Object.defineProperty(window, "speechSynthesis", {configurable: true, get: () => undefined});
delete window.SpeechSynthesisUtterance;
"""
ENGLISH = {"name": "English (United States)", "lang": "en-US"}
TAIWAN = {"name": "國語（臺灣）", "lang": "zh-TW"}
MAINLAND = {"name": "普通话（中国大陆）", "lang": "zh-CN"}


@pytest.fixture
def reader(browser, served_demo):
    """Open a page of the demo site; `prefs` are put in localStorage once, before the first page loads.

    Console errors and uncaught exceptions are kept on the page as `page.errors`.
    """
    contexts = []

    def open_(path: str, viewport: dict = PHONE, prefs: dict | None = None, init: str = "", **options):
        context = browser.new_context(viewport=viewport, locale="zh-CN", **options)
        contexts.append(context)
        context.add_init_script(WATCH_FIRST_PAINT)
        if prefs:
            seed = "".join(f"localStorage.setItem('pressroom-{name}', {json.dumps(value)});" for name, value in prefs.items())
            context.add_init_script(f"if (!sessionStorage.getItem('seeded')) {{ {seed} sessionStorage.setItem('seeded', '1'); }}")
        if init:
            context.add_init_script(init)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.goto(f"{served_demo}/{path}", wait_until="load")
        return page

    yield open_
    for context in contexts:
        context.close()


def pixels(locator, prop: str) -> float:
    return float(style(locator, prop).removesuffix("px"))


def html_attribute(page, name: str) -> str | None:
    return page.evaluate("(name) => document.documentElement.getAttribute(name)", name)


def focused_is(locator) -> bool:
    return locator.evaluate("node => node === document.activeElement")


def tab_to(page, name: str, key: str = "Tab", limit: int = 40):
    """Press Tab (or Shift+Tab) until the button called `name` has the focus; return that button."""
    button = page.get_by_role("button", name=name, exact=True)
    for _ in range(limit):
        page.keyboard.press(key)
        if focused_is(button):
            return button
    raise AssertionError(f"{key} never reached the button {name}")


# --- The toolbar ---


def test_every_kind_of_page_offers_the_reading_tools_above_a_header_that_stays_small(reader):
    for path in ("index.html", ARTICLE, "section/yaowen/", "search.html", "archives.html", "tag/"):
        page = reader(path)
        tools = page.get_by_role("region", name="阅读辅助")
        expect(tools).to_be_visible()
        for name in ("长辈模式", "标准字号", "大字号", "特大字号", "高对比度"):
            expect(tools.get_by_role("button", name=name, exact=True)).to_be_visible()
        expect(tools.get_by_role("group", name="字号")).to_be_visible()
        assert tools.evaluate("bar => bar.nextElementSibling.classList.contains('site-header')"), path
        assert page.locator(".site-header").bounding_box()["height"] < 120, path
        assert not page.errors, page.errors


def test_on_a_small_phone_the_toolbar_is_one_slim_row_that_scrolls_away(reader):
    page = reader(ARTICLE, SMALL_PHONE)
    bar = page.locator(".reading-bar")
    assert bar.bounding_box()["height"] < 50
    page.evaluate("window.scrollTo(0, 800)")
    assert bar.evaluate("node => node.getBoundingClientRect().bottom") < 0
    assert page.locator(".site-header").evaluate("node => node.getBoundingClientRect().top") == 0


def test_without_javascript_there_are_no_reading_tools_and_no_read_aloud_button(reader):
    page = reader(ARTICLE, java_script_enabled=False)
    assert page.get_by_role("region", name="阅读辅助").count() == 0
    assert page.get_by_role("button", name="长辈模式").count() == 0
    assert page.get_by_role("button", name="朗读全文").count() == 0


def test_only_articles_have_the_read_aloud_button(reader):
    assert reader("index.html").locator("[data-listen]").count() == 0
    expect(reader(PHOTO).get_by_role("button", name="朗读全文")).to_be_visible()


# --- The keyboard ---


@pytest.mark.parametrize("name, attribute, value", SWITCHES, ids=[value for _, _, value in SWITCHES])
def test_each_mode_switches_on_and_off_from_the_keyboard_alone(reader, name, attribute, value):
    page = reader(ARTICLE)
    button = tab_to(page, name)
    assert pixels(button, "outline-width") >= 3 and style(button, "outline-style") != "none", "a visible focus ring"
    page.keyboard.press("Enter")
    expect(button).to_have_attribute("aria-pressed", "true")
    assert html_attribute(page, attribute) == value
    assert page.evaluate("(key) => localStorage.getItem(key)", f"pressroom-{attribute.removeprefix('data-')}") == value
    assert focused_is(button), "the focus stays where it was"
    if attribute == "data-text-size":  # a radio-like group: off is 标准
        button = tab_to(page, "标准字号", key="Shift+Tab")
    page.keyboard.press("Space")
    expect(page.get_by_role("button", name=name, exact=True)).to_have_attribute("aria-pressed", "false")
    assert html_attribute(page, attribute) is None
    assert page.evaluate("Object.keys(localStorage).filter(key => key.startsWith('pressroom-'))") == []
    assert not page.errors, page.errors


def test_the_text_sizes_are_a_group_with_one_pressed_at_a_time(reader):
    page = reader(ARTICLE)
    sizes = page.get_by_role("group", name="字号").get_by_role("button")
    assert sizes.all_inner_texts() == ["标准", "大", "特大"]
    assert [b.get_attribute("aria-pressed") for b in sizes.all()] == ["true", "false", "false"]
    tab_to(page, "特大字号")
    page.keyboard.press("Enter")
    assert [b.get_attribute("aria-pressed") for b in sizes.all()] == ["false", "false", "true"]
    page.keyboard.press("Enter")  # pressing the chosen size again keeps it
    assert html_attribute(page, "data-text-size") == "xlarge"


def test_a_pressed_button_is_marked_by_more_than_colour(reader):
    page = reader(ARTICLE, prefs={"contrast": "high"})
    on, off = page.get_by_role("button", name="高对比度"), page.get_by_role("button", name="大字号", exact=True)
    tick = on.evaluate("n => { const s = getComputedStyle(n, '::before'); return [s.content, parseFloat(s.borderRightWidth), parseFloat(s.height)]; }")
    assert tick[0] != "none" and tick[1] > 0 and tick[2] > 0, "a tick drawn before the label"
    assert style(off, "content", "::before") == "none"
    assert (style(on, "font-weight"), style(off, "font-weight")) == ("700", "400")


# --- Remembered, and there before the page paints ---


def test_modes_are_remembered_on_the_next_page_and_on_html_before_it_paints(reader, served_demo):
    page = reader(ARTICLE)
    for name in ("长辈模式", "特大字号", "高对比度"):
        tab_to(page, name)
        page.keyboard.press("Enter")
    page.goto(f"{served_demo}/section/minsheng/", wait_until="load")
    chosen = {"elder": "on", "textSize": "xlarge", "contrast": "high"}
    assert page.evaluate("window.atBody") == chosen, "set by the blocking script in <head>, before <body>"
    assert page.evaluate("window.atReady") == chosen
    for name in ("长辈模式", "特大字号", "高对比度"):
        expect(page.get_by_role("button", name=name, exact=True)).to_have_attribute("aria-pressed", "true")
    tab_to(page, "长辈模式")
    page.keyboard.press("Space")
    page.goto(f"{served_demo}/{PHOTO}", wait_until="load")
    assert page.evaluate("window.atBody") == {"textSize": "xlarge", "contrast": "high"}


def test_a_page_whose_storage_refuses_still_loads_and_switches_for_itself(reader):
    refuse = "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('refused', 'SecurityError'); }});"
    page = reader(ARTICLE, init=refuse)
    tab_to(page, "长辈模式")
    page.keyboard.press("Enter")
    assert html_attribute(page, "data-elder") == "on"
    assert not page.errors, page.errors


def test_a_stored_value_is_put_on_html_only_when_it_is_a_plain_word(reader):
    page = reader(ARTICLE, prefs={"contrast": '"><script>', "elder": "on"})
    assert page.evaluate("window.atBody") == {"elder": "on"}


# --- 长辈模式 ---


def test_elder_mode_sets_larger_text_with_wide_lines_and_paragraph_spacing(reader):
    standard = reader(ARTICLE).locator(".article-body p").first
    paragraph = reader(ARTICLE, prefs={"elder": "on"}).locator(".article-body p").first
    size, line = pixels(paragraph, "font-size"), pixels(paragraph, "line-height")
    assert size >= 1.25 * pixels(standard, "font-size") and size >= 24, "18 pt and up for the story"
    assert line >= 1.3 * size
    assert pixels(paragraph, "margin-bottom") >= 1.3 * line, "paragraph spacing 1.3 times the line height"


def test_elder_mode_puts_the_home_page_in_one_column(reader):
    standard = reader("index.html", DESKTOP)
    assert len(style(standard.locator(".section-grid"), "grid-template-columns").split()) == 2
    page = reader("index.html", DESKTOP, prefs={"elder": "on"})
    for grid in (".section-grid", ".strip-list"):
        assert len(style(page.locator(grid), "grid-template-columns").split()) == 1, grid
    lefts = {round(box["x"]) for box in (block.bounding_box() for block in page.locator(".section-block").all())}
    assert len(lefts) == 1, "the sections one under another"


def test_elder_mode_puts_side_material_below_the_story(reader):
    page = reader(ARTICLE, DESKTOP, prefs={"elder": "on"})
    assert len(style(page.locator(".neighbors"), "grid-template-columns").split()) == 1
    story = page.locator(".article-body").bounding_box()
    related = page.locator(".related").bounding_box()
    assert related["y"] >= story["y"] + story["height"]


@pytest.mark.parametrize("path", [ARTICLE, "index.html", "section/yaowen/"])
def test_elder_mode_makes_every_control_and_menu_link_48_px_or_more(reader, path):
    page = reader(path, prefs={"elder": "on"})
    targets = page.locator(
        "button:visible, input:visible, .site-nav a, .breadcrumb a, .tags a, .footer-links a, .story-more a,"
        " .related-list a, .neighbor, .block-more, .item-title a, .block-item-title a"
    )
    small = [(t.evaluate("n => n.textContent.trim() || n.outerHTML.slice(0, 40)"), box["height"])
             for t in targets.all() if (box := t.bounding_box()) and box["height"] < 48]
    assert targets.count() > 10 and not small, small


def test_elder_mode_stops_all_motion(reader):
    page = reader(ARTICLE, prefs={"elder": "on"}, bypass_csp=True)
    page.add_style_tag(content=".share-copy { transition: color 2s; } .share-copy::after { animation: spin 1s infinite; }")
    assert style(page.locator(".share-copy"), "transition-duration") == "0s"
    assert style(page.locator(".share-copy"), "animation-name", "::after") == "none"
    assert style(page.locator("html"), "scroll-behavior") == "auto"


def test_a_reader_who_asks_for_less_motion_gets_none_in_any_mode(reader):
    page = reader(ARTICLE, reduced_motion="reduce", bypass_csp=True)
    page.add_style_tag(content=".share-copy { transition: color 2s; }")
    assert float(style(page.locator(".share-copy"), "transition-duration").removesuffix("s")) < 0.001


# --- 字号 ---


def test_each_text_size_step_is_larger_than_the_last(reader):
    sizes = [pixels(reader(ARTICLE, prefs=MODES[mode]).locator(".article-body p").first, "font-size")
             for mode in ("standard", "large", "xlarge")]
    assert sizes[0] < sizes[1] < sizes[2] and sizes[2] >= 1.35 * sizes[0], sizes


@pytest.mark.parametrize("mode", ["xlarge", "combined"])
@pytest.mark.parametrize("path", ["index.html", ARTICLE, PHOTO, "section/yaowen/", "archives.html", "search.html?q=%E7%89%A9%E4%B8%9A"])
def test_the_largest_text_reflows_without_sideways_scrolling_on_a_small_phone(reader, path, mode):
    page = reader(path, SMALL_PHONE, prefs=MODES[mode])
    assert page.evaluate("document.documentElement.scrollWidth") <= 360, "no horizontal scrolling"
    paragraph = page.locator("main p").first
    assert paragraph.bounding_box()["x"] + paragraph.bounding_box()["width"] <= 360


# --- 高对比度 ---


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_high_contrast_is_white_on_black_with_yellow_underlined_links_in_either_scheme(reader, scheme):
    page = reader(ARTICLE, prefs={"contrast": "high"}, color_scheme=scheme)
    background = style(page.locator("body"), "background-color")
    assert rgb(background) == (0, 0, 0)
    for text in ("h1", ".article-body p"):
        assert rgb(style(page.locator(text).first, "color")) == (255, 255, 255), text
    for text in (".story-meta", ".breadcrumb li:last-child", ".site-identity dd", ".reading-label"):
        assert contrast(style(page.locator(text).first, "color"), background) >= 15, text
    for link in (".site-nav a", ".breadcrumb a", ".story-meta a", ".related-list a", ".site-name a", ".footer-links a"):
        element = page.locator(link).first
        assert rgb(style(element, "color")) == (255, 255, 0), link
        assert "underline" in style(element, "text-decoration-line"), f"{link}: not by colour alone"
    tab_to(page, "高对比度")
    focused = page.get_by_role("button", name="高对比度")
    assert pixels(focused, "outline-width") >= 4
    assert contrast(style(focused, "outline-color"), background) >= 3


@pytest.mark.parametrize("mode", ["elder", "contrast", "combined"])
def test_every_focus_ring_stays_large_and_visible_in_the_mode(reader, mode):
    page = reader(ARTICLE, DESKTOP, prefs=MODES[mode])
    background = style(page.locator("body"), "background-color")
    seen = []
    for _ in range(120):
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
    assert len(seen) > 30 and seen[0]["text"] == "跳到正文" and seen[1]["text"] == "长辈模式"
    weak = [f for f in seen if f["style"] == "none" or f["width"] < 4 or contrast(f["colour"], background) < 3]
    assert not weak, weak


def test_paper_leaves_out_the_reading_tools_and_stays_black_on_white(reader):
    page = reader(ARTICLE, DESKTOP, prefs=MODES["combined"])
    page.emulate_media(media="print")
    assert not page.locator(".reading-bar").is_visible()
    assert not page.locator("[data-listen]").is_visible()
    assert luminance(style(page.locator("body"), "background-color")) > 0.95
    assert luminance(style(page.locator("h1"), "color")) < 0.01


# --- Pictures for a person to look at ---


@pytest.mark.parametrize("mode", MODES)
def test_a_picture_of_an_article_in_each_mode_at_phone_size(reader, mode):
    page = reader(ARTICLE, PHONE, prefs=MODES[mode])
    SHOTS.mkdir(parents=True, exist_ok=True)
    shot = SHOTS / f"article-phone-{mode}.png"
    page.screenshot(path=shot)
    assert shot.read_bytes().startswith(b"\x89PNG")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


# --- 朗读全文 ---


def stub(voices: list[dict], late_ms: int | None = None) -> str:
    return SPEECH_STUB % json.dumps({"voices": voices, "late_ms": late_ms})


def spoken(page) -> list:
    return page.evaluate("window.speechLog")


def story_texts(page) -> list[str]:
    return page.evaluate(
        """() => [...document.querySelectorAll('.article-body p, .article-body h2')]
                 .map(n => n.textContent.replace(/\\s+/g, ' ').trim()).filter(Boolean)"""
    )


def test_read_aloud_reads_the_headline_then_the_story_in_a_mainland_chinese_voice(reader):
    page = reader(ARTICLE, init=stub([ENGLISH, TAIWAN, MAINLAND]))
    button = page.get_by_role("button", name="朗读全文")
    button.press("Enter")
    stop = page.get_by_role("button", name="停止朗读")
    expect(stop).to_have_attribute("aria-pressed", "true")
    said = [entry for entry in spoken(page) if entry != "cancel"]
    assert said[0]["text"] == page.locator("h1").inner_text()
    assert all(entry["lang"] == "zh-CN" and entry["voice"] == MAINLAND["name"] for entry in said)
    heard = "".join(entry["text"] for entry in said)
    positions = [heard.find(text) for text in story_texts(page)]
    assert -1 not in positions and positions == sorted(positions), "every paragraph, in order"
    assert len(said) > len(story_texts(page)) // 2 and max(len(entry["text"]) for entry in said) < 400, "paragraph by paragraph"
    stop.press("Space")
    expect(page.get_by_role("button", name="朗读全文")).to_have_attribute("aria-pressed", "false")
    assert spoken(page)[-1] == "cancel", "stopping silences the engine"
    assert not page.errors, page.errors


def test_read_aloud_takes_a_voice_that_arrives_late_and_resets_at_the_end(reader):
    page = reader(ARTICLE, init=stub([TAIWAN], late_ms=300))
    page.get_by_role("button", name="朗读全文").press("Enter")
    expect(page.get_by_role("button", name="停止朗读")).to_be_visible()
    assert spoken(page)[1]["voice"] == TAIWAN["name"]
    page.evaluate("window.utterances.at(-1).onend({})")
    expect(page.get_by_role("button", name="朗读全文")).to_have_attribute("aria-pressed", "false")


@pytest.mark.parametrize("late_ms", [None, 200], ids=["at-once", "late"])
def test_read_aloud_says_so_when_there_is_no_chinese_voice(reader, late_ms):
    page = reader(ARTICLE, init=stub([ENGLISH], late_ms))
    page.get_by_role("button", name="朗读全文").press("Enter")
    expect(page.get_by_role("status").filter(has_text="中文语音")).to_contain_text("没有中文语音")
    assert spoken(page) == []
    expect(page.get_by_role("button", name="朗读全文")).to_have_attribute("aria-pressed", "false")


def test_read_aloud_waits_about_a_second_for_voices_that_never_come(reader):
    page = reader(ARTICLE, init=stub([], late_ms=None))
    page.get_by_role("button", name="朗读全文").press("Enter")
    expect(page.get_by_role("status").filter(has_text="中文语音")).to_be_visible(timeout=3000)


def test_read_aloud_says_so_when_the_browser_has_no_speech_engine(reader):
    page = reader(ARTICLE, init=NO_SPEECH_ENGINE)
    page.get_by_role("button", name="朗读全文").press("Enter")
    expect(page.get_by_role("status").filter(has_text="语音")).to_contain_text("没有语音朗读功能")
    expect(page.get_by_role("button", name="朗读全文")).to_have_attribute("aria-pressed", "false")
    assert not page.errors, page.errors
