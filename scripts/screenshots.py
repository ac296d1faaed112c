"""Photograph the built site in Debian's chromium for the README: home, article and search, phone and desktop,
and an article in 长辈模式."""

import json
import sys
from pathlib import Path

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import sync_playwright

DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 360, "height": 780}
SEARCH = "search.html?q=%E7%89%A9%E4%B8%9A"  # 物业
ELDER = {"elder": "on"}  # the reader's choices as theme/static/js/prefs.js reads them ("pressroom-" + name)
# (name, page, viewport, what must be on screen before the picture is taken, reading choices)
SHOTS = [
    ("home-desktop", "index.html", DESKTOP, None, {}),
    ("article-desktop", "2026/11/wuye-guanli.html", DESKTOP, None, {}),
    ("search-desktop", SEARCH, DESKTOP, "#search-results li", {}),
    ("home-phone", "index.html", PHONE, None, {}),
    ("article-phone", "2026/11/wuye-guanli.html", PHONE, None, {}),
    ("photo-phone", "2026/11/jinqiu-zhuxue.html", PHONE, None, {}),
    ("search-phone", SEARCH, PHONE, "#search-results li", {}),
    ("article-phone-elder", "2026/11/wuye-guanli.html", PHONE, None, ELDER),
]


def remembered(prefs: dict[str, str]) -> str:
    """An init script that puts reading choices in localStorage before the page's own scripts read them."""
    return "".join(f"localStorage.setItem('pressroom-{name}', {json.dumps(value)});" for name, value in prefs.items())


def take(site: Path, folder: Path) -> list[Path]:
    """Serve `site` on loopback and save one PNG per entry of SHOTS into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, viewport, shown, prefs in SHOTS:
            page = browser.new_page(viewport=viewport, device_scale_factor=1, locale="zh-CN")
            if prefs:
                page.add_init_script(remembered(prefs))
            page.goto(f"{base}/{path}", wait_until="load")
            if shown:
                page.wait_for_selector(shown)
            written.append(folder / f"{name}.png")
            page.screenshot(path=written[-1])
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    for shot in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(shot)
