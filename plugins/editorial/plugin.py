"""Pelican glue: people and roles from bylines, corrections, and a word for every unknown field."""

import logging
import re
from datetime import datetime
from pathlib import Path

from pelican import signals
from pelican.contents import Article, Page
from pelican.urlwrappers import Author

from plugins.core import startup
from plugins.core.settings import settings_check

from .active import disarm, search_word
from .byline import format_byline, merge_people, parse_byline, parse_person
from .corrections import parse_corrections
from .fields import FALSE_WORDS, KNOWN_FIELDS, TRUE_WORDS, field_line, unknown_fields
from .reader import NewsroomMarkdownReader
from .settings import merged

logger = logging.getLogger(__name__)
EDITOR_NOTES = re.compile(r"<!--.*?-->\s*", re.DOTALL)


check_settings = settings_check(merged)  # at start-up, not half way: a bad value stops the build in one line


def apply_editorial_fields(content) -> None:
    """Give an article its people with roles, its byline, its corrections; report odd fields."""
    if isinstance(content, (Article, Page)):
        disarm_body(content)
    if not isinstance(content, Article) or not hasattr(content, "date"):
        return  # without a Date Pelican skips the file and says so itself
    # Notes to editors (the writing guide `invoke new` puts in) are HTML comments: not for readers.
    content._content = EDITOR_NOTES.sub("", content._content or "")
    report = Reporter(content)
    settings = content.settings
    known = KNOWN_FIELDS | set(merged(settings)["EDITORIAL_EXTRA_FIELDS"]) | set(settings["DEFAULT_METADATA"])
    for key, suggestion in unknown_fields(content.metadata, known):
        if suggestion:
            report(key, f"未知字段“{{field}}”，是否想写 {suggestion}？ (unknown field '{{field}}'; did you mean {suggestion}?)")
        else:
            report(key, "未知字段“{field}”，请删除或改正 (unknown field '{field}')")
    set_people(content, report)
    set_corrections(content, report)
    lead = str(content.metadata.get("lead", "false")).strip().lower()
    if lead not in TRUE_WORDS | FALSE_WORDS:
        report("lead", "{field} 应为 true 或 false ({field} must be true or false)")
    content.lead = lead in TRUE_WORDS
    # The preview shows what the public site will not show yet; say so on the page.
    content.scheduled = content.date > datetime.now(content.date.tzinfo) and content.status != "draft"


def disarm_body(content) -> None:
    """Take out of the body what would run in a reader's browser, and say where it was."""
    content._content, removed = disarm(content._content or "")
    report = Reporter(content)
    for part in removed:
        report.in_text(
            search_word(part),
            f"正文中的 {part} 会在读者的浏览器里运行，网页上已删去；请从稿件中删除这段 HTML ({part} would run in readers' browsers: removed)",
        )


def set_people(content, report) -> None:
    """`people` (name and role) from Byline and Authors, an author page for each, and the byline."""
    byline = content.metadata.get("byline", "").strip()
    from_byline = parse_byline(byline) if byline else []
    if byline and not from_byline:
        report("byline", "{field} 中没有找到人名，例如“本报讯（记者 常欣月）” (no name found in {field})")
    from_authors = [parse_person(author.name) for author in getattr(content, "authors", [])]
    if "photo" in content.metadata:
        from_authors = [person._replace(role=person.role or "摄影") for person in from_authors]
    content.people = merge_people(from_byline, from_authors)
    if content.people:
        content.authors = [Author(person.name, content.settings) for person in content.people]
        content.author = content.authors[0]
        content.metadata["authors"] = content.authors
    content.people_pages = list(zip(content.people, content.authors if content.people else []))
    if not byline and content.people and "photo" not in content.metadata:
        content.byline = format_byline(content.people)


def set_corrections(content, report) -> None:
    """`corrections`, oldest first, dated in the site's time zone."""
    value = content.metadata.get("correction", "")
    value = "\n".join(value) if isinstance(value, list) else value
    try:
        corrections = parse_corrections(value)
    except ValueError as error:
        report("correction", f"{{field}} {error} 应以日期开头，如“2026-11-25 原稿……已更正。” (each {{field}} line starts with a date)")
        corrections = []
    zone = content.date.tzinfo
    content.corrections = sorted(c._replace(date=c.date.replace(tzinfo=zone)) for c in corrections)


class Reporter:
    """Warn about one field of one file as `path:line: 警告: …`; reads the file only when needed."""

    def __init__(self, content) -> None:
        self.path = content.relative_source_path
        self.source_path = content.source_path
        self.source = None

    def __call__(self, key: str, message: str) -> None:
        """Log `message`, its `{field}` replaced by the field's name as the editor wrote it."""
        line, written = field_line(self.text(), key)
        logger.warning("%s:%d: 警告: %s", self.path, line, message.replace("{field}", written))

    def in_text(self, word: str, message: str) -> None:
        """Log `message` at the first line that has `word` in it (any case), or line 1."""
        lines = self.text().casefold().splitlines()
        line = next((number for number, text in enumerate(lines, 1) if word.casefold() in text), 1)
        logger.warning("%s:%d: 警告: %s", self.path, line, message)

    def text(self) -> str:
        """The file as the editor wrote it, read once."""
        if self.source is None:
            self.source = Path(self.source_path).read_text(encoding="utf-8", errors="replace")
        return self.source


def collect_corrections(generator) -> None:
    """`corrections` for the corrections page: (correction, article) pairs, newest first."""
    pairs = [(c, article) for article in generator.articles for c in getattr(article, "corrections", [])]
    generator.context["corrections"] = sorted(pairs, key=lambda pair: (pair[0].date, pair[1].url), reverse=True)


def use_newsroom_reader(readers) -> None:
    """Read Markdown with NewsroomMarkdownReader, for its messages to editors."""
    for extension in NewsroomMarkdownReader.file_extensions:
        readers.reader_classes[extension] = NewsroomMarkdownReader


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.readers_init.connect(use_newsroom_reader)
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(apply_editorial_fields)
    signals.article_generator_finalized.connect(collect_corrections)
