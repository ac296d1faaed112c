"""The demo site's pages the quality gates open, and how a test plants a defect in a copy of a built page."""

import re
from pathlib import Path
from urllib.parse import quote

ARTICLE = "2026/11/wuye-guanli.html"  # the lead story: the longest page, with subheads
PHOTO = "2026/11/jinqiu-zhuxue.html"
SEARCH = f"search.html?q={quote('物业')}"  # a query with hits, so the results are on the page

# name → path from the site root, as a reader's browser asks for it
PAGES = {
    "home": "",
    "article": ARTICLE,
    "photo": PHOTO,
    "section": "section/yaowen/",
    "tag": "tag/wuye-guanli/",
    "topic": "topic/wuye-guanli-quanfugai/",
    "search": SEARCH,
    "404": "404.html",
}
# What must be on a page before it is checked, for pages that fill themselves in with JavaScript.
READY = {"search": ".search-hit"}

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}

ONE_PIXEL_GIF = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
IMAGE_WITHOUT_ALT = f'<img id="planted" src="{ONE_PIXEL_GIF}" width="1" height="1">'


def plant(page_file: Path, markup: str) -> None:
    """Put `markup` into a built page just before </main>, where a story's own markup ends."""
    html = page_file.read_text(encoding="utf-8")
    assert "</main>" in html, f"{page_file} has no </main> to plant into"
    page_file.write_text(html.replace("</main>", f"{markup}</main>", 1), encoding="utf-8")


def take_out_title(page_file: Path) -> None:
    """Take the <title> out of a built page."""
    html = page_file.read_text(encoding="utf-8")
    page_file.write_text(re.sub(r"<title>.*?</title>", "", html, count=1, flags=re.S), encoding="utf-8")
