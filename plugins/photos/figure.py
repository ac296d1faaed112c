"""Render news photos as <figure> with a <figcaption> whose credit is marked up on its own."""

from dataclasses import dataclass

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from .caption import split_credit

# HTML5 void elements (`<img>`, not `<img/>`), with every &, < and > escaped.
HTML = HTMLFormatter(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=None)


@dataclass(frozen=True)
class Photo:
    """One published photo: where it is, what it shows, and who took it."""

    src: str
    alt: str
    caption: str
    credit: str
    width: int | None = None
    height: int | None = None


def figure_tag(soup: BeautifulSoup, photo: Photo, *, lazy: bool = True) -> Tag:
    """Build the <figure> for `photo` inside `soup`; the lead photo of a page is not lazy."""
    figure = soup.new_tag("figure", attrs={"class": "photo"})
    img = soup.new_tag("img", attrs={"src": photo.src, "alt": photo.alt, "decoding": "async"})
    if photo.width and photo.height:
        img["width"], img["height"] = str(photo.width), str(photo.height)
    if lazy:
        img["loading"] = "lazy"
    figure.append(img)
    if photo.caption or photo.credit:
        figcaption = soup.new_tag("figcaption")
        if photo.caption:
            text = soup.new_tag("span", attrs={"class": "caption-text"})
            text.string = photo.caption
            figcaption.append(text)
        if photo.credit:
            credit = soup.new_tag("span", attrs={"class": "credit"})
            credit.string = photo.credit
            figcaption.append(credit)
        figure.append(figcaption)
    return figure


def figure_html(photo: Photo, *, lazy: bool = True) -> str:
    """Return the <figure> markup for one photo."""
    soup = BeautifulSoup("", "html.parser")
    return figure_tag(soup, photo, lazy=lazy).decode(formatter=HTML)


def captioned_images_to_figures(html: str, size_of=lambda src: None) -> str:
    """Turn each image standing alone in a paragraph, with a title, into a captioned figure.

    Markdown's `![alt](src "caption 本报通讯员 高欣 摄")` gives `<p><img title=…></p>`;
    `size_of(src)` returns the image's (width, height) when it is known.
    """
    soup = BeautifulSoup(html, "html.parser")
    for img in soup.select("p > img[title]"):
        paragraph = img.parent
        if paragraph.get_text(strip=True) or len(paragraph.find_all(True)) != 1:
            continue
        caption = split_credit(img["title"])
        width, height = size_of(img["src"]) or (None, None)
        photo = Photo(img["src"], img.get("alt", ""), caption.text, caption.credit, width, height)
        paragraph.replace_with(figure_tag(soup, photo))
    return soup.decode(formatter=HTML)
