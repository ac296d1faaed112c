"""Every use of Pelican's private parts, in one place, and the Pelican version they were written against.

Pelican's public face is its signals, readers, generators and settings; a few things this project
does need more (the names below say which). Each is written against Pelican 4.12: another version
stops the build at start-up with one line, rather than building a site that is subtly wrong.
"""

import logging
import os
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import ClassVar

import pelican
from markdown import Markdown
from pelican.generators import ArticlesGenerator
from pelican.log import DEFAULT_LOG_HANDLER  # the console handler Pelican logs through
from pelican.readers import MarkdownReader
from pelican.utils import pelican_open
from pelican.writers import FileOverwriteFailedError, Writer
from rich.live import Live  # Pelican's console's

from .errors import BuildError

WRITTEN_FOR = "4.12"


def check_version(version: str = pelican.__version__) -> None:
    """Stop, in one line, on a Pelican these private parts were not written against."""
    if version != WRITTEN_FOR and not version.startswith(WRITTEN_FOR + "."):
        raise BuildError(
            f"本项目的插件按 Pelican {WRITTEN_FOR} 编写，当前是 {version}；请按 requirements/build.lock 安装 "
            f"(these plugins are written for Pelican {WRITTEN_FOR}, found {version}: pip install -r requirements.txt)"
        )


class OneLineBuildErrors(logging.Filter):
    """Pelican's main logs the exception that ended a build with its traceback
    (`logger.critical(..., exc_info=True)` on the `pelican` logger), in a log line wrapped at the
    terminal's width; a BuildError is written to stderr as its one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, BuildError):
            print(error, file=sys.stderr, flush=True)
            return False
        return True


# Pelican's own lines about a mistake this project's plugins name already, in Chinese, with the
# file and line (editorial's reader: a missing Title or Date; slugs: two items at one address), or
# about nothing wrong (two stories with one slug in different months have two addresses here).
FOLDED = {
    "pelican.contents": ("Skipping %s: could not find information about '%s'",),
    "pelican.readers": ("Empty alt attribute for image %s in %s",),  # photos: 缺少替代文字
    "pelican.utils": ('There are %s items "%s" with lang %s', "There are %s original (not translated) items %s"),
}


class FoldedIntoOurs(logging.Filter):
    """Drops Pelican's record when its message is one of FOLDED (Pelican 4.12's wording)."""

    def __init__(self, templates: tuple[str, ...]) -> None:
        super().__init__()
        self.templates = templates

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.msg if isinstance(record.msg, str) else ""
        return not any(message == template or message.startswith(template + ":") for template in self.templates)


def fold_pelican_messages() -> None:
    """Say each problem once: leave out Pelican's lines that ours already say (once, however often called)."""
    for name, templates in FOLDED.items():
        pelican_logger = logging.getLogger(name)
        if not any(isinstance(f, FoldedIntoOurs) for f in pelican_logger.filters):
            pelican_logger.addFilter(FoldedIntoOurs(templates))


class OneLineProblems(logging.Filter):
    """Pelican's console (rich) prints a warning or error with a timestamp, wrapped at 80 columns
    and followed by the logging call's file name; an editor's problem is one line, as `invoke check`
    writes it (`文件:行: 错误: …`), so the console's handler prints it so, on stderr, and skips it."""

    said: ClassVar[set[str]] = set()  # this build's lines: a story read twice (a draft, a page) says its problem once

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING or record.exc_info:
            return True  # a bug's traceback is for the maintainers, as Pelican shows it
        line = one_line(record)
        if line not in self.said:
            self.said.add(line)
            print(line, file=sys.stderr, flush=True)
        return False


def one_line(record: logging.LogRecord) -> str:
    """A warning or error as one line, with 错误 or 警告 where our plugins' messages put it;
    Pelican's own lines an editor can cause said in the editor's words."""
    say = IN_EDITORS_WORDS.get(record.msg) if isinstance(record.msg, str) else None
    if say is not None and isinstance(record.args, tuple):
        return say(*record.args)
    message = " ".join(record.getMessage().split())
    if LEVEL_WORD.search(message):
        return message
    return f"{'错误' if record.levelno >= logging.ERROR else '警告'}: {message}"


KINDS = {"Tag": "标签", "Category": "栏目", "Author": "作者"}
# Pelican 4.12's lines about an editor's mistake (contents.py, urlwrappers.py), said as ours are.
IN_EDITORS_WORDS = {
    "Unknown status '%s' for file %s, skipping it. (Not in %s)": lambda status, item, _: (
        f"{item.relative_source_path}: 错误: Status “{status}” 无法识别，这篇稿件没有生成；请写 draft（草稿）、"
        f"published（发布）或 hidden（隐藏） (unknown Status '{status}': the item is left out)"
    ),
    "{filename} used for linking to static content %s in %s. Use {static} instead": lambda target, where: (
        f"{where}: 警告: {target} 是图片或附件，链接请写 {{static}}/{target} ({{filename}} used for static {target}: write {{static}})"
    ),
    "Unable to find '%s', skipping url replacement.": lambda target: (
        f"警告: 链接 {target} 指向的文件不存在，链接没有改写；请检查文件名 (link target not found: {target})"
    ),
    "Could not process %s": lambda path: (  # generators.py, after a reader stopped on the file
        f"{path}: 错误: 这个文件没有生成，原因见上一行；若上面没有说明，请把这一行发给网站维护人员 (could not process {path})"
    ),
    'Unable to generate valid slug for %s "%s".': lambda kind, name: (
        f"警告: {KINDS.get(kind, kind)}“{name}”无法生成网址，不生成它的页面；请用含汉字、字母或数字的名称 "
        f"(no valid slug for {kind} '{name}': no page)"
    ),
}
LEVEL_WORD = re.compile(r"(?:^|: )(?:错误|警告)(?: \(\w+\))?: ")


def new_build_log() -> None:
    """A new build (Pelican's autoreload builds again in one process) says its problems again."""
    OneLineProblems.said.clear()


def quiet_build_errors() -> None:
    """Have Pelican log a BuildError, and each warning or error, as one line (once, however often called)."""
    main_logger = logging.getLogger("pelican")
    if not any(isinstance(f, OneLineBuildErrors) for f in main_logger.filters):
        main_logger.addFilter(OneLineBuildErrors())
    if not any(isinstance(f, OneLineProblems) for f in DEFAULT_LOG_HANDLER.filters):
        DEFAULT_LOG_HANDLER.addFilter(OneLineProblems())


# --- readers and generators ---

# Where Python-Markdown's meta extension registers its preprocessor; Pelican's `_parse_metadata`
# takes it out to convert a formatted field (Summary), and a converter used again must have it back.
META_PRIORITY = 27


class OneConverterMarkdownReader(MarkdownReader):
    """Pelican's Markdown reader with one converter for every file, reset between them, as
    Python-Markdown advises for many documents: Pelican builds one per file (`_md`), about 0.5 ms each."""

    converter: Markdown | None = None

    def read(self, source_path):
        """Pelican 4.12's MarkdownReader.read (which sets `_source_path` and `_md` for its
        `_parse_metadata`), with the reader's one converter."""
        self._source_path = source_path
        self._md = self.reset_converter()
        with pelican_open(source_path) as text:
            content = self._md.convert(text)
        metadata = self._parse_metadata(self._md.Meta) if hasattr(self._md, "Meta") else {}
        return content, metadata

    def reset_converter(self) -> Markdown:
        """The reader's converter, as new: no state from the last file, the meta preprocessor in place."""
        if self.converter is None:
            self.converter = Markdown(**self.settings["MARKDOWN"])
            self.meta_preprocessor = self.converter.preprocessors["meta"]
        self.converter.reset()
        if "meta" not in self.converter.preprocessors:
            self.converter.preprocessors.register(self.meta_preprocessor, "meta", META_PRIORITY)
        return self.converter


class PeriodListsArticlesGenerator(ArticlesGenerator):
    """Pelican's articles generator, with each year's, month's and day's list of stories found by
    `period_articles`, which a subclass may find faster than Pelican's pass over every story per period."""

    def period_articles(self, articles: list, periods: list[list]) -> list[list]:
        """For each period's stories by date (`periods`), the same stories in the order of `articles`."""
        return [[article for article in articles if article in dates] for dates in periods]

    def _build_period_archives(self, sorted_articles, articles, settings):
        # Pelican 4.12 uses `articles` only to fill each period's "articles" list, one pass over all
        # of them per period; given none, it leaves those lists empty for period_articles to fill.
        archives = super()._build_period_archives(sorted_articles, [], settings)
        periods = [period for granularity in archives.values() for period in granularity]
        found = self.period_articles(articles, [period["dates"] for period in periods])
        for period, period_articles in zip(periods, found, strict=True):
            period["articles"] = period_articles
        return archives


def replace_generator_class(generator, stock: type, replacement: type) -> None:
    """Make a generator Pelican built of class `stock` one of `replacement`, a subclass that adds
    methods and no state: Pelican has no way to choose its own generators' classes. A generator of
    another class (a subclass someone else made) is left as it is."""
    if not issubclass(replacement, stock):
        raise TypeError(f"{replacement.__name__} is not a subclass of {stock.__name__}")
    if type(generator) is stock:
        generator.__class__ = replacement


# --- the writer and the progress display ---


class PagesInPlaceWriter(Writer):
    """Pelican's writer, which writes nothing for a page another process writes (`elsewhere`) or
    one linked into place from the last build (`linked`), doing for it only Pelican 4.12's
    bookkeeping of a write (`_open_w`'s), so both stop alike on a page written twice; and which
    never writes through such a link when a page is written again."""

    def elsewhere(self, filename: str) -> bool:
        return False

    def linked(self, filename: str) -> bool:
        return False

    def _open_w(self, filename, encoding, override=False):
        if self.elsewhere(filename) or (self.linked(filename) and filename not in self._written_files):
            self.note_written(filename, override)
            return open(os.devnull, "w", encoding=encoding)
        if self.linked(filename) and override and filename not in self._overridden_files:
            os.unlink(filename)  # Pelican will write it again: a file of its own, not the last build's
        return super()._open_w(filename, encoding, override)

    def note_written(self, filename: str, override: bool) -> None:
        """Pelican's bookkeeping of a write, for a page this process does not write."""
        if filename in self._overridden_files:
            if override:
                raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" a second time (was previously overwritten)')
        elif filename in self._written_files and not override:
            raise FileOverwriteFailedError(f'Failed to overwrite "{filename}" as Pelican has already written to it previously (set `override=True` if intended)')
        if override:
            self._overridden_files.add(filename)
        self._written_files.add(filename)


@contextmanager
def progress_display_paused() -> Iterator[None]:
    """Pelican's "Generating..." status stopped, the thread that redraws it (a rich Live's) ended,
    and started again after."""
    displays = [thread for thread in threading.enumerate() if isinstance(getattr(thread, "live", None), Live)]
    for thread in displays:
        thread.live.stop()  # tells its thread to end, and waits for no one
        thread.join()
    try:
        yield
    finally:
        for thread in displays:
            thread.live.start()
