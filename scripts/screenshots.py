"""Photograph the built site in Debian's chromium for the README: home and article, phone and desktop."""

import sys
from pathlib import Path

from chromium import CHROMIUM, CHROMIUM_ARGS, serve
from playwright.sync_api import sync_playwright

SHOTS = [
    ("home-desktop", "index.html", {"width": 1280, "height": 900}),
    ("article-desktop", "2026/11/wuye-guanli.html", {"width": 1280, "height": 900}),
    ("home-phone", "index.html", {"width": 360, "height": 780}),
    ("article-phone", "2026/11/wuye-guanli.html", {"width": 360, "height": 780}),
    ("photo-phone", "2026/11/jinqiu-zhuxue.html", {"width": 360, "height": 780}),
]


def take(site: Path, folder: Path) -> list[Path]:
    """Serve `site` on loopback and save one PNG per entry of SHOTS into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for name, path, viewport in SHOTS:
            page = browser.new_page(viewport=viewport, device_scale_factor=1, locale="zh-CN")
            page.goto(f"{base}/{path}", wait_until="load")
            written.append(folder / f"{name}.png")
            page.screenshot(path=written[-1])
            page.close()
        browser.close()
    return written


if __name__ == "__main__":
    for shot in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(shot)
