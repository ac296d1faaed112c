"""Render news photos as <figure> with <picture> and a <figcaption> whose credit stands on its own."""

import math
from collections.abc import Callable
from dataclasses import dataclass

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.dammit import EntitySubstitution
from bs4.formatter import HTMLFormatter

from .pipeline import Derivative

# HTML5 void elements (`<img>`, not `<img/>`), with every &, < and > escaped.
HTML = HTMLFormatter(entity_substitution=EntitySubstitution.substitute_xml, void_element_close_prefix=None)
MIME = {"webp": "image/webp", "jpeg": "image/jpeg"}
# The shapes a figure is named by (`photo--3x2`), so a gallery's CSS can give each photo a share of
# its row in proportion to its width over its height (site.css): from a tall phone photo to a
# panorama. CSP forbids a style attribute, so the ratio travels as one of these class names.
SHAPES = ((9, 16), (2, 3), (3, 4), (1, 1), (4, 3), (3, 2), (16, 9), (2, 1), (3, 1))


@dataclass(frozen=True)
class Photo:
    """One published photo: its fallback file, what it shows, who took it, and its derivatives."""

    src: str
    alt: str
    caption: str
    credit: str
    width: int | None = None
    height: int | None = None
    sources: tuple[Derivative, ...] = ()
    sizes: str = ""


def srcset(derivatives, fmt: str, url: Callable[[str], str]) -> str:
    """`a-480.webp 480w, a-960.webp 960w` for one format."""
    return ", ".join(f"{url(d.path)} {d.width}w" for d in derivatives if d.format == fmt)


def img_tag(soup: BeautifulSoup, photo: Photo, url: Callable[[str], str], lazy: bool) -> Tag:
    """The <img>: fallback JPEG with its srcset, alt, size, and lazy loading unless it leads."""
    img = soup.new_tag("img", attrs={"src": url(photo.src), "alt": photo.alt})
    if any(d.format == "jpeg" for d in photo.sources):
        img["srcset"], img["sizes"] = srcset(photo.sources, "jpeg", url), photo.sizes
    if photo.width and photo.height:
        img["width"], img["height"] = str(photo.width), str(photo.height)
    if lazy:
        img["loading"] = "lazy"
    img["decoding"] = "async"
    return img


def picture_tag(soup: BeautifulSoup, photo: Photo, url: Callable[[str], str], lazy: bool = True) -> Tag:
    """<picture> with a <source> per modern format and the <img>; a bare <img> without derivatives."""
    img = img_tag(soup, photo, url, lazy)
    formats = [fmt for fmt in MIME if fmt != "jpeg" and any(d.format == fmt for d in photo.sources)]
    if not formats:
        return img
    picture = soup.new_tag("picture")
    for fmt in formats:
        picture.append(soup.new_tag("source", attrs={"type": MIME[fmt], "srcset": srcset(photo.sources, fmt, url), "sizes": photo.sizes}))
    picture.append(img)
    return picture


def shape(width: int | None, height: int | None) -> str:
    """The nearest of SHAPES to a photo's width over height, as `3x2`; "" when the size is unknown."""
    if not width or not height:
        return ""
    nearest = min(SHAPES, key=lambda wh: abs(math.log(wh[0] / wh[1]) - math.log(width / height)))
    return f"{nearest[0]}x{nearest[1]}"


def figure_tag(soup: BeautifulSoup, photo: Photo, url: Callable[[str], str], lazy: bool = True) -> Tag:
    """<figure class="photo photo--3x2"> with the picture and, when there is one, the caption and credit."""
    named = shape(photo.width, photo.height)
    figure = soup.new_tag("figure", attrs={"class": f"photo photo--{named}" if named else "photo"})
    figure.append(picture_tag(soup, photo, url, lazy))
    if photo.caption or photo.credit:
        figcaption = soup.new_tag("figcaption")
        for css_class, text in (("caption-text", photo.caption), ("credit", photo.credit)):
            if text:
                span = soup.new_tag("span", attrs={"class": css_class})
                span.string = text
                figcaption.append(span)
        figure.append(figcaption)
    return figure


def figure_html(photo: Photo, url: Callable[[str], str] = str, *, lazy: bool = True) -> str:
    """Return the <figure> markup for one photo."""
    soup = BeautifulSoup("", "html.parser")
    return figure_tag(soup, photo, url, lazy).decode(formatter=HTML)


def only_images(paragraph: Tag) -> bool:
    """True for a paragraph of nothing but images (Markdown's way of block pictures, one a line)."""
    tags = paragraph.find_all(True)
    return bool(tags) and not paragraph.get_text(strip=True) and all(tag.name in ("img", "br") for tag in tags)


def group_galleries(soup: BeautifulSoup) -> None:
    """Wrap each run of two or more adjacent figures in <div class="gallery">."""
    for figure in soup.select("figure.photo"):
        if figure.parent is None or "gallery" in (figure.parent.get("class") or []):
            continue
        run = [figure]
        node = figure.next_sibling
        while node is not None and (isinstance(node, NavigableString) and not node.strip() or getattr(node, "name", None) == "figure"):
            if getattr(node, "name", None) == "figure":
                run.append(node)
            node = node.next_sibling
        if len(run) > 1:
            gallery = soup.new_tag("div", attrs={"class": "gallery"})
            figure.insert_before(gallery)
            for member in run:
                gallery.append(member.extract())


def rewrite_images(html: str, photo_for: Callable[[Tag], Photo | None], url: Callable[[str], str]) -> str:
    """Give every image `photo_for` knows its derivatives; one alone in a paragraph becomes a figure.

    `photo_for(img)` returns the Photo for an <img> (caption and credit from its title), or None
    to leave the image as it is (a remote picture, or one that could not be read). A body with
    no image (nineteen stories in twenty) is given back as it is, unparsed.
    """
    if "<img" not in html.lower():
        return html
    soup = BeautifulSoup(html, "html.parser")
    for paragraph in [p for p in soup.find_all("p") if only_images(p)]:
        photos = [(img, photo_for(img)) for img in paragraph.find_all("img")]
        if not any(photo for _, photo in photos):
            continue
        for img, photo in photos:
            paragraph.insert_before(figure_tag(soup, photo, url) if photo else img.extract())
        paragraph.decompose()
    for img in soup.find_all("img"):
        if img.find_parent(["figure", "picture"]) is None and (photo := photo_for(img)) is not None:
            img.replace_with(picture_tag(soup, photo, url))
    group_galleries(soup)
    return soup.decode(formatter=HTML)
