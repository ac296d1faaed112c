"""Pelican glue: a story whose files are unchanged is taken as the last build read it, and a page
whose template inputs are those of the last build is taken from that build's output.

Each generator's readers are wrapped: a story read without a warning is kept (stories.py) and
given back while its file and photos keep their stamps. Every template a generator hands the
writer is wrapped too: before rendering, the digest of what the template can show (signature.py,
over the context names it uses, templates.py) is compared with the one kept for that page
(kept.py); an unchanged page is hard-linked from the last build's output into the new one, and
the writer (LinkedPagesWriter) writes nothing for it. The salt of both covers the theme, the
plugins and the settings, so a change to any of them reads and renders everything. List this
plugin before atomic.

Many stories to read are read by the build and a forked copy of it together (readahead.py), and
the articles generator's pages are written by the two together, each page by one (halves.py);
forked.py is how such a copy starts, hands its work over and ends.
"""

import logging
import os
from datetime import datetime
from pathlib import Path

from pelican import signals
from pelican.writers import Writer

from plugins.core import startup
from plugins.core.pelican_api import PagesInPlaceWriter
from plugins.core.tally import Tally

from . import kept
from .halves import Halves, in_two_processes
from .readahead import ReadAhead, worth_reading_ahead
from .salt import code_places, installed, salt_of
from .settings import merged
from .signature import Digests
from .stories import Shelf, stamps_of, unchanged
from .templates import names_used
from .tripwire import read_past
from .trust import PAGE_SIGNALS, STORY_SIGNALS, WRITE_SIGNALS, untrusted

logger = logging.getLogger(__name__)
ABSENT = "<absent>"


class Build:
    """This build's record: what the last build kept, and each story read and page rendered or reused now."""

    halves: Halves | None = None  # while the articles' pages are written on two cores

    def start(self, pelican) -> None:
        settings = pelican.settings
        options = merged(settings)
        self.record = Path(options["INCREMENTAL_CACHE_PATH"])
        self.stories_path = Path(options["INCREMENTAL_STORIES_PATH"])
        self.read_ahead_from = options["INCREMENTAL_READ_AHEAD_FROM"]
        self.halves_from = options["INCREMENTAL_TWO_WRITERS_FROM"]
        self.shelf: Shelf | None = None  # opened by the first generator that reads
        self.read = self.kept = self.taken_ahead = 0
        self.output = Path(pelican.output_path).resolve()  # the site as the last build left it
        places = code_places(settings["THEME"], settings.get("PLUGIN_PATHS", []), pelican.plugins, Path(__file__).resolve().parent.parent)
        self.salt = salt_of(settings, places, installed())
        safe = options["INCREMENTAL_SAFE_PLUGINS"]
        self.distrust_stories = untrusted(signals, STORY_SIGNALS, safe)
        self.distrust_pages = untrusted(signals, PAGE_SIGNALS, safe)
        self.distrust_writes = untrusted(signals, WRITE_SIGNALS, safe)
        if self.distrust_stories:
            logger.info("增量构建：每篇稿件都重新读取，因为这些插件在读稿时工作，不能沿用上次的结果 (every story read again: "
                        "plugins work on per-story signals, %s; list them in INCREMENTAL_SAFE_PLUGINS once checked)", "; ".join(self.distrust_stories))
        if self.distrust_pages:
            logger.info("增量构建：每个页面都重新生成，因为这些插件处理写出的页面 (every page rendered: plugins work on "
                        "written pages, %s; list them in INCREMENTAL_SAFE_PLUGINS once checked)", "; ".join(self.distrust_pages))
        self.last, unsafe = kept.load_record(self.record, self.salt)
        # Templates that read past the page digest: found by an earlier build (said again once), or now.
        self.found_unsafe: dict[str, list[str]] = {name: [trip] for name, trip in unsafe}
        self.unsafe: set[str] = set()
        self.checked: dict[str, int] = {}  # template → pages checked with tripwires in this build
        self.check_pages = options["INCREMENTAL_CHECKED_PAGES"]
        self.digests = Digests()
        self.now: dict[str, str] = {}  # page → digest of its inputs, rendered or reused
        self.reused = 0
        self.into: Path | None = None  # the folder the writer writes, when it can take linked pages
        self.linked: set[str] = set()  # full paths of the pages linked into it

    def writer(self, pelican) -> type[Writer]:
        """The writer class for this build."""
        return LinkedPagesWriter

    def link_into(self, output_path: str) -> None:
        """Pages will be linked into `output_path` (the staging folder under atomic): the writer
        that writes nothing for them is the one in use."""
        into = Path(output_path)  # as Pelican joins it to each page's name
        self.into = into if into.resolve() != self.output else None  # linking a file onto itself is no use

    def render(self, template, names, context: dict) -> str:
        name = context.get("output_file")
        if name and self.halves and not self.halves.writes(name):
            return ""  # the other process renders and writes it
        if names is None or not name or self.distrust_pages or self.reads_past(template, names, context):
            return template.render(context)
        digest = self.digests.page({key: context.get(key, ABSENT) for key in names | {"output_file", "SITEURL"}})
        self.now[name] = digest
        if self.into is not None and kept.link_into(self.last, self.output, self.into, name, digest):
            self.reused += 1
            self.linked.add(os.path.abspath(self.into / name))
            return ""  # the writer writes nothing for it: the page is in place
        text = kept.reusable(self.last, self.output, name, digest)
        if text is None:
            return template.render(context)
        self.reused += 1
        return text

    def reads_past(self, template, names, context: dict) -> bool:
        """Whether the template is known to read past the page digest: found in an earlier build (until
        the theme changes), or now, on one of the first pages it renders in this build."""
        checked = self.checked.get(template.name, 0)
        if template.name in self.unsafe or checked >= self.check_pages:
            return template.name in self.unsafe
        self.checked[template.name] = checked + 1
        trips = self.found_unsafe.get(template.name) or read_past(template, names, context)
        if trips:
            self.unsafe.add(template.name)
            self.found_unsafe[template.name] = trips
            logger.info("增量构建：模板 %s 读取了页面摘要未记录的内容（%s），它的页面每次都重新生成 (template reads past the "
                        "page digest: its pages are always rendered)", template.name, trips[0])
        return bool(trips)

    def write_in_halves(self, generate_pages, writer, stories: int) -> None:
        """generate_pages(writer), each page rendered and written by this process or a forked
        copy of it, when there are enough stories for a second process to pay for itself."""
        # Only this plugin's writer writes nothing for a page the other process writes.
        # A plugin working on written pages, or on each story's write, would be sent the other process's too.
        if self.distrust_pages or self.distrust_writes or self.halves_from is None or stories < self.halves_from or not hasattr(os, "fork") or not isinstance(writer, LinkedPagesWriter):
            return generate_pages(writer)
        reused_before = self.reused

        def write_my_half(halves: Halves | None) -> None:
            self.halves = halves
            try:
                generate_pages(writer)
            finally:
                self.halves = None

        handed = in_two_processes(write_my_half, lambda: {"now": self.now, "reused": self.reused, "linked": self.linked,
                                                          "unsafe": {name: self.found_unsafe[name] for name in self.unsafe}},
                                  self.stories_path.parent)
        if handed:
            self.now |= handed["now"]  # its pages, and the ones rendered before it was forked
            self.reused += handed["reused"] - reused_before
            self.linked |= handed["linked"]
            self.found_unsafe |= handed["unsafe"]  # templates it found reading past the digest
            self.unsafe |= handed["unsafe"].keys()

    def shelf_for(self, generator) -> Shelf | None:
        """The kept stories, opened with this build's settings and context (every generator shares them)."""
        if self.shelf is None:
            self.shelf = Shelf(self.stories_path, self.salt, {"settings": generator.settings, "context": generator.context})
        shared = self.shelf.shared
        return self.shelf if shared["settings"] is generator.settings and shared["context"] is generator.context else None

    def read_file(self, read, base_path, path, content_class, ahead: ReadAhead | None, **options):
        """The item at `path` as the last build read it, if its files are unchanged; else as the
        worker read it ahead, or read now (and keep it)."""
        key = story_key(base_path, path, content_class)
        item = self.shelf.get(key)
        if item is not None:
            self.kept += 1
            return item
        self.read += 1
        record = ahead.take(path) if ahead else None
        if record is not None and unchanged(record[0]) and (item := self.shelf.unpickled(record[1])) is not None:
            self.shelf.put_pickled(key, *record)
            self.taken_ahead += 1
            return item
        item, stamps = read_story(read, base_path, path, content_class, options)
        if stamps:
            self.shelf.put(key, stamps, item)
        return item

    def start_reading_ahead(self, read, base_path, paths: list[str], content_class, options: dict) -> ReadAhead | None:
        """A worker reading ahead the stories at `paths` that must be read, when there are enough of them."""
        keys = {story_key(base_path, path, content_class): path for path in paths}
        to_read = [keys[key] for key in self.shelf.stale(list(keys))]
        if not worth_reading_ahead(len(to_read), self.read_ahead_from):
            return None

        def read_one(path: str):  # in the worker: (stamps, pickled item), or None to leave it to the build
            try:
                item, stamps = read_story(read, base_path, path, content_class, options)
            except Exception:
                return None
            data = self.shelf.pickled(item) if stamps else None
            return (stamps, data) if data is not None else None

        try:
            return ReadAhead(to_read, read_one, self.stories_path.parent, log_to=WARNINGS)
        except OSError:  # no memory or process to spare: the build reads them all itself
            return None

    def finish(self, pelican) -> None:
        written = Path(pelican.output_path)
        pages = {name: [digest, kept.file_stamp(written / name, (self.last.get(name) or [None, None])[1])] for name, digest in self.now.items()}
        kept.save(self.record, self.salt, {name: page for name, page in pages.items() if page[1]},
                  sorted((name, self.found_unsafe[name][0]) for name in self.unsafe))
        if self.shelf:
            self.shelf.close()
        rendered = len(self.now) - self.reused
        if not self.distrust_stories:  # else every story was read, as start() said
            logger.info("稿件 (stories): 读取 %d，沿用上次 %d (%d read, %d kept)", self.read, self.kept, self.read, self.kept)
        if self.taken_ahead:
            logger.info("稿件 (stories): 其中 %d 篇由第二个进程预读 (%d read ahead by a second process)", self.taken_ahead, self.taken_ahead)
        if not self.distrust_pages:
            logger.info("页面 (pages): 重新生成 %d，沿用上次 %d (%d rendered, %d reused)", rendered, self.reused, rendered, self.reused)


BUILD = Build()


class LinkedPagesWriter(PagesInPlaceWriter):
    """Pelican's writer, which writes nothing for a page linked into place from the last build
    (its file is the last build's) or written by the other process, and never writes through such a link."""

    def __init__(self, output_path, settings=None) -> None:
        super().__init__(output_path, settings=settings)
        BUILD.link_into(output_path)  # only once this writer is the one Pelican uses

    def elsewhere(self, filename: str) -> bool:
        return bool(BUILD.halves) and not BUILD.halves.writes(os.path.relpath(filename, self.output_path))

    def linked(self, filename: str) -> bool:
        return filename in BUILD.linked


# Warnings and errors counted: a story that had any is read again next time, so they are said again.
WARNINGS = Tally()
logging.getLogger().addHandler(WARNINGS)


def story_key(base_path: str, path: str, content_class) -> str:
    """The name a story is kept under: its kind and full path."""
    return f"{content_class.__name__}:{os.path.abspath(os.path.join(base_path, path))}"


def read_story(read, base_path: str, path: str, content_class, options: dict):
    """The item read from `path`, and the stamps of the files it was read from when it can be
    kept (read without a warning, its file unchanged meanwhile, not dated in the future), else None."""
    source = os.path.abspath(os.path.join(base_path, path))
    before, warned = kept.file_stamp(Path(source)), WARNINGS.count
    item = read(base_path, path, content_class=content_class, **options)
    stamps = stamps_of([source, *getattr(item, "read_also", ())])
    keepable = type(item) is content_class and WARNINGS.count == warned and stamps[0][1] == before and not in_future(item)
    return item, stamps if keepable else None


def in_future(item) -> bool:
    """A story dated later than now reads differently once its time comes (scheduled, or a draft)."""
    date = getattr(item, "date", None)
    return date is not None and date > datetime.now(date.tzinfo)


class KeptReaders:
    """A generator's readers, whose read_file first looks for the story the last build read, and
    which have a worker read ahead when the generator lists many stories to read."""

    def __init__(self, readers) -> None:
        self.readers = readers
        self.listed: list[str] = []  # the files the generator listed, not yet handed to a worker
        self.ahead: ReadAhead | None = None

    def listing(self, get_files):
        """The generator's get_files, noting the files it lists (Pelican reads them next, in that order)."""

        def listed_files(*args, **kwargs):
            files = get_files(*args, **kwargs)
            self.listed = list(files)
            return files

        return listed_files

    def read_file(self, base_path, path, content_class, **options):
        if self.listed:
            self.ahead = BUILD.start_reading_ahead(self.readers.read_file, base_path, self.listed, content_class, options)
            self.listed = []
        return BUILD.read_file(self.readers.read_file, base_path, path, content_class, self.ahead, **options)

    def __getattr__(self, name: str):
        return getattr(self.readers, name)


class Remembered:
    """A template whose render looks for the same page from the last build first."""

    def __init__(self, template, names) -> None:
        self.template, self.names = template, names

    def render(self, context: dict) -> str:
        return BUILD.render(self.template, self.names, context)

    def __getattr__(self, name: str):
        return getattr(self.template, name)


def keep_stories(generator) -> None:
    """Hand an article or page generator readers that first look for the story the last build read."""
    if BUILD.distrust_stories:
        return
    if hasattr(generator, "readers") and hasattr(generator, "get_cached_data") and BUILD.shelf_for(generator):
        generator.readers = KeptReaders(generator.readers)
        generator.get_files = generator.readers.listing(generator.get_files)


def write_on_two_cores(generator) -> None:
    """The articles generator's pages (every story, listing and archive) written on two cores."""
    if not hasattr(generator, "generate_pages") or not hasattr(generator, "articles"):
        return
    generate_pages = generator.generate_pages

    def write_pages(writer) -> None:
        BUILD.write_in_halves(generate_pages, writer, len(generator.articles))
        # The digests of every story and list, which those pages shared, are let go before the
        # search index is made (17 MiB at 10,000 stories); the few pages after work theirs out again.
        BUILD.digests = Digests()

    generator.generate_pages = write_pages


def remember_templates(generator) -> None:
    """Hand the generator's writes templates that first look for the page from the last build."""
    if not hasattr(generator, "get_template") or not hasattr(generator, "env"):
        return
    load = generator.get_template
    wrapped: dict[str, Remembered] = {}

    def get_template(name: str):
        if name not in wrapped:
            template = load(name)
            wrapped[name] = Remembered(template, names_used(generator.env, template.name))
        return wrapped[name]

    generator.get_template = get_template


def register() -> None:
    """Connect the handlers; list this plugin after strict (a failed build keeps the old record) and before atomic."""
    startup.connect()
    signals.initialized.connect(BUILD.start)
    signals.get_writer.connect(BUILD.writer)
    signals.generator_init.connect(keep_stories)
    signals.generator_init.connect(remember_templates)
    signals.generator_init.connect(write_on_two_cores)
    signals.finalized.connect(BUILD.finish)
