"""The QR code under a published article (plugins/share), as chromium draws it: the story's own
address, readable by a camera in every colour scheme, named for assistive technology, with the
address beside it as text; on a phone not shown; in a local build not made."""

import io

import pytest
import segno
from PIL import Image
from playwright.sync_api import expect

ARTICLE = "2026/11/wuye-guanli.html"
PHOTO = "2026/11/jinqiu-zhuxue.html"
PHONE = {"width": 360, "height": 800}
DESKTOP = {"width": 1280, "height": 900}
SCALE = 4  # device pixels per CSS pixel: a module of the 6.5rem code is some 11 pixels across


@pytest.fixture
def published_page(browser, published_demo):
    """Open a page of the published demo at a viewport size; uncaught errors and CSP reports kept as `page.errors`."""
    contexts = []

    def open_(path: str, viewport: dict, **options):
        context = browser.new_context(viewport=viewport, locale="zh-CN", device_scale_factor=SCALE, **options)
        contexts.append(context)
        page = context.new_page()
        page.errors = []
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        assert page.goto(f"{published_demo}/{path}", wait_until="load").ok
        return page

    yield open_
    for context in contexts:
        context.close()


def drawn_modules(png: bytes, size: int) -> list[list[bool]]:
    """The dark and light modules of a `size`-module code (quiet zone included) in a screenshot of
    it, read at the centre of each module."""
    image = Image.open(io.BytesIO(png)).convert("L")
    step_x, step_y = image.width / size, image.height / size
    return [[image.getpixel((int((col + 0.5) * step_x), int((row + 0.5) * step_y))) < 128 for col in range(size)]
            for row in range(size)]


@pytest.mark.parametrize("path", [ARTICLE, PHOTO])
@pytest.mark.parametrize("scheme, prefs", [("light", ""), ("dark", ""), ("dark", "high")])
def test_the_code_chromium_draws_is_the_story_address_next_to_the_copy_button(published_page, published_demo, path, scheme, prefs):
    page = published_page(path, DESKTOP, color_scheme=scheme)
    if prefs:  # 高对比度: white on black everywhere else; the code stays black on white
        page.get_by_role("button", name="高对比度").click()
    address = f"{published_demo}/{path}"
    figure = page.locator(".story-footer .share-qr")
    expect(figure).to_be_visible()
    code = figure.get_by_role("img", name="本文网址的二维码")
    expect(code).to_be_visible()
    expect(figure.locator("figcaption")).to_have_text(f"扫码在手机上阅读/分享{address}")
    assert page.locator('link[rel="canonical"]').get_attribute("href") == address
    # Beside 复制链接, which copies the same address.
    button = page.get_by_role("button", name="复制链接")
    assert abs(button.bounding_box()["y"] - figure.bounding_box()["y"]) < 200
    assert page.locator(".share-url").input_value() == address
    # Read back: the modules drawn are those of the QR code of the address (segno's own matrix).
    expected = [[bool(module) for module in row] for row in segno.make_qr(address).matrix_iter(border=4)]
    size = int(code.get_attribute("viewBox").split()[2])
    assert size == len(expected)
    assert drawn_modules(code.screenshot(), size) == expected
    assert page.errors == []


def test_the_code_is_small_and_one_path(published_demo):
    import urllib.request

    html = urllib.request.urlopen(f"{published_demo}/{ARTICLE}").read().decode("utf-8")
    svg = html[html.index("<svg role=\"img\""):]
    svg = svg[:svg.index("</svg>") + len("</svg>")]
    assert svg.count("<path") == 2 and "<rect" not in svg, "a square of white and one path of dark runs"
    assert len(svg.encode()) < 2500, len(svg.encode())


def test_a_phone_is_not_shown_a_code_to_scan_and_nothing_scrolls_sideways(published_page):
    page = published_page(ARTICLE, PHONE)
    expect(page.locator(".share-qr")).to_be_hidden()
    expect(page.get_by_role("button", name="复制链接")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_printed_article_keeps_the_code(published_page):
    page = published_page(ARTICLE, PHONE)
    page.emulate_media(media="print")
    expect(page.locator(".share-qr svg")).to_be_visible()
    expect(page.get_by_role("button", name="复制链接")).to_be_hidden()


def test_a_local_build_makes_no_code(open_page):
    # Its addresses are relative: a phone could open none of them (README, 分享).
    page = open_page(ARTICLE, DESKTOP)
    expect(page.get_by_role("button", name="复制链接")).to_be_visible()
    assert page.locator(".share-qr, svg[aria-label='本文网址的二维码']").count() == 0
