"""Photograph the built site in Debian's chromium for the README: home and article, phone and desktop."""

import functools
import http.server
import sys
import threading
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SHOTS = [
    ("home-desktop", "index.html", {"width": 1280, "height": 900}),
    ("article-desktop", "2026/11/wuye-guanli.html", {"width": 1280, "height": 900}),
    ("home-phone", "index.html", {"width": 360, "height": 780}),
    ("article-phone", "2026/11/wuye-guanli.html", {"width": 360, "height": 780}),
    ("photo-phone", "2026/11/jinqiu-zhuxue.html", {"width": 360, "height": 780}),
]


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def take(site: Path, folder: Path) -> list[Path]:
    """Serve `site` on loopback and save one PNG per entry of SHOTS into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    written = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        for name, path, viewport in SHOTS:
            page = browser.new_page(viewport=viewport, device_scale_factor=1, locale="zh-CN")
            page.goto(f"{base}/{path}", wait_until="load")
            written.append(folder / f"{name}.png")
            page.screenshot(path=written[-1])
            page.close()
        browser.close()
    server.shutdown()
    return written


if __name__ == "__main__":
    for shot in take(Path(sys.argv[1]), Path(sys.argv[2])):
        print(shot)
