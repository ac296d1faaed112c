"""Pelican glue: captioned figures in every body, and photo news items built from `Photo:`."""

import dataclasses
import html
import logging
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article, Page

from .caption import split_credit
from .figure import Photo, captioned_images_to_figures, figure_html
from .images import image_size, resolve_src

logger = logging.getLogger(__name__)


def build_figures(content) -> None:
    """Rewrite the body's captioned images as figures; make a photo item's body its photo."""
    if not isinstance(content, (Article, Page)):
        return
    content_root = Path(content.settings["PATH"])
    source = Path(content.source_path)

    def size_of(src: str):
        path = resolve_src(src, source.parent, content_root)
        return image_size(path) if path else None

    if content._content:
        content._content = captioned_images_to_figures(content._content, size_of)
    if "photo" in content.metadata:
        content.photo = photo_of_item(content, content_root)
        inline = dataclasses.replace(content.photo, src="{static}/" + content.photo.src)
        content._content = figure_html(inline, lazy=False)
        content.metadata.setdefault("summary", html.escape(content.photo.caption))


def photo_of_item(content, content_root: Path) -> Photo:
    """The photo of a photo news item: its file from `Photo:`, its caption from the body."""
    where = content.relative_source_path
    path = content.metadata["photo"].strip().lstrip("/")
    size = image_size(content_root / path)
    if size is None:
        logger.error(
            "%s: 照片文件 %s 不存在或不是图片，请检查 Photo 字段 (photo not found or not an image)",
            where,
            path,
        )
    alt = content.metadata.get("alt", "").strip()
    if not alt:
        logger.warning("%s: 照片缺少替代文字，请填写 Alt 字段 (photo has no Alt text)", where)
    caption = split_credit(BeautifulSoup(content._content, "html.parser").get_text("\n"))
    if not caption.text:
        logger.warning("%s: 图片新闻缺少图片说明，正文即说明 (photo item has no caption)", where)
    width, height = size or (None, None)
    return Photo(path, alt, caption.text, caption.credit, width, height)


def register() -> None:
    """Connect the handlers."""
    signals.content_object_init.connect(build_figures)
