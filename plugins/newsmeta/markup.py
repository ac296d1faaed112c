"""What JSON-LD takes from an article's HTML: its text, and its first picture with its credit."""

import re
from typing import NamedTuple

from bs4 import BeautifulSoup, Tag

SPACE = re.compile(r"\s+")


class BodyImage(NamedTuple):
    src: str
    width: int | None
    height: int | None
    credit: str = ""


def plain_text(html: str) -> str:
    """The text of an HTML fragment on one line; no space is added between inline elements."""
    html = html or ""
    if "<" not in html and "&" not in html:  # a summary is most often text already: nothing to parse
        return SPACE.sub(" ", html).strip()
    text = BeautifulSoup(html, "html.parser").get_text("")
    return SPACE.sub(" ", text).strip()


def dimension(value: object) -> int | None:
    """An <img> width or height as a number of pixels, or None for "100%", "auto", nothing."""
    text = str(value or "").strip()
    return int(text) if text.isdigit() and int(text) > 0 else None


def figure_credit(img: Tag) -> str:
    """The credit in the caption of the <figure> an <img> is in (本报通讯员 东宣 摄), or ""."""
    figure = img.find_parent("figure")
    credit = figure.select_one("figcaption .credit") if figure else None
    return SPACE.sub(" ", credit.get_text()).strip() if credit else ""


def first_image(html: str) -> BodyImage | None:
    """The first <img> in the body with a real address (not a data: URI) and its figure's credit, or None."""
    if "<img" not in (html or "").lower():
        return None  # most stories: no parse
    for img in BeautifulSoup(html or "", "html.parser").find_all("img", src=True):
        src = img["src"].strip()
        if src and not src.startswith("data:"):
            return BodyImage(src, dimension(img.get("width")), dimension(img.get("height")), figure_credit(img))
    return None
