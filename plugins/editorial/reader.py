"""Pelican's Markdown reader, saying in plain words why a file or a field cannot be read."""

import logging
import os
from pathlib import Path

from plugins.core.paths import is_under
from plugins.core.pelican_api import OneConverterMarkdownReader

from .encoding import encoding_guess
from .fields import ADDRESS_FIELDS, control_characters, unsafe_address, field_line

logger = logging.getLogger(__name__)


# Fields that hold one value; Pelican turns a repeated line of them into a list.
SINGLE_VALUED = ("title", "date", "modified", "category", "slug", "summary", "kicker", "subtitle", "byline", "photo", "alt", "lead", "status", "note", "source")


class Unreadable(ValueError):
    """A file Pelican must skip; the reason has been logged for the editor already."""


class NewsroomMarkdownReader(OneConverterMarkdownReader):
    """Markdown as Pelican reads it (with one converter for every file), with an editor's message
    for a wrong encoding or a bad field."""

    def read(self, source_path):
        self.where = os.path.relpath(source_path, self.settings["PATH"])  # as editors name it
        self.source = Path(source_path).read_bytes()
        try:
            self.source.decode("utf-8")
        except UnicodeDecodeError:
            guess = encoding_guess(self.source)
            looks = f"（看起来是 {guess}）" if guess else ""
            logger.error(
                "%s: 错误: 文件不是 UTF-8 编码%s，请用编辑器另存为 UTF-8 (file is not UTF-8%s)",
                self.where, looks, f"; it looks like {guess}" if guess else "",
            )
            raise Unreadable(str(self.where)) from None
        self.reading = True  # Pelican also has this reader process its settings' DEFAULT_METADATA
        try:
            content, metadata = super().read(source_path)
        finally:
            self.reading = False
        self.check_required(metadata)
        return content, metadata

    def check_required(self, metadata: dict) -> None:
        """Say, in the editor's words, that a Title or a Date is missing or written twice."""
        for field in SINGLE_VALUED:
            if isinstance(metadata.get(field), list):  # Pelican keeps every line of a repeated field
                line, written = field_line(self.source.decode("utf-8"), field)
                logger.error("%s:%d: 错误: %s 写了不止一次，请只保留一行 (%s given more than once)", self.where, line, written, written)
                raise Unreadable(f"{self.where}:{line}")
        missing = [field for field in ("title", "date") if field not in metadata]
        is_page = is_under(Path(self.where).as_posix(), self.settings["PAGE_PATHS"])
        if "date" in missing and (self.settings.get("DEFAULT_DATE") or is_page):
            missing.remove("date")  # fixed pages (关于本站) have no date
        for field in missing:
            example = "Title: 健全管理机制 破解治理难题" if field == "title" else "Date: 2026-11-24 08:30"
            logger.error("%s:1: 错误: 缺少 %s 字段，请在开头写上，例如“%s” (missing %s)", self.where, field.capitalize(), example, field.capitalize())

    reading = False

    def process_metadata(self, name, value):
        if self.reading:
            self.refuse_unsafe(name, value)
        try:
            return super().process_metadata(name, value)
        except ValueError:
            line, written = field_line(self.source.decode("utf-8"), name)
            hint = "，日期请写作 2026-11-24 08:30" if name in ("date", "modified") else ""
            logger.error("%s:%d: 错误: %s “%s” 无法识别%s (cannot read %s)", self.where, line, written, value, hint, written)
            raise Unreadable(f"{self.where}:{line}") from None

    def refuse_unsafe(self, name: str, value: str) -> None:
        """Stop at a field with a control character in it, or a URL or Save_as that leads out of the site."""
        value = "\n".join(value) if isinstance(value, list) else str(value)  # a field of several lines comes as a list
        controls = control_characters(value)
        unsafe = name in ADDRESS_FIELDS and unsafe_address(name, value)
        if not (controls or unsafe):
            return
        line, written = field_line(self.source.decode("utf-8"), name)  # only for the message: it reads the whole header
        if controls:
            logger.error(
                "%s:%d: 错误: %s 含有看不见的控制字符 %s（多从别处复制而来），请删去后重新输入 (control characters in %s)",
                self.where, line, written, "、".join(controls), written,
            )
            raise Unreadable(f"{self.where}:{line}")
        logger.error(
            "%s:%d: 错误: %s “%s” 不是本站的地址，只能写本站内的路径（如 2026/11/x.html）%s (unsafe %s)",
            self.where, line, written, value.strip(), "或 http(s):// 网址" if name == "url" else "", written,
        )
        raise Unreadable(f"{self.where}:{line}")
