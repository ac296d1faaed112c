"""What the live preview marks on a page: the wording hits `invoke check` reports on the page's story.

The built page no longer holds the editor's <!-- 原文如此 --> (the body sanitizer keeps no
comments), so the page alone cannot tell a form quoted on purpose from a mistake; the story's
source can. A hit is marked when check reports its written form in the story the page is at (on a
page of many stories, such as the front page or a section, in any story). Stories are read again
only when their file changes, looked for when the preview reloads its pages; the tables' and
settings' changes show at the next page load.
"""

import os
import threading
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote

from checks.collisions import url_of
from checks.report import Finding
from checks.settings import Context, content_files, make_context, site_settings
from checks.source import read_source
from checks.text import prose_lines
from checks.wording.find import Finder, dictionary
from checks.wording.rule import wording_finder
from plugins.newsmeta.clock import build_time

from .marks import marked


@dataclass(frozen=True)
class Story:
    stamp: tuple[int, int]  # the file's mtime (ns) and size when read
    url: str | None  # as url_of has it: 2026/11/wenyi-yanchu.html
    reported: frozenset[str]  # the written forms check reports in it


def reported_forms(source, finder: Finder) -> frozenset[str]:
    """The written forms the wording check reports in a story: on the lines readers see, marker honoured."""
    return frozenset(
        hit.written for number, column in prose_lines(source) for hit in finder.hits(source.lines[number - 1][column:])
    )


def address(route: str) -> str:
    """A request's path as a page's url: /2026/11/x.html → 2026/11/x.html, /section/zhengwu/ → section/zhengwu/index.html."""
    path = unquote(route).lstrip("/")
    return path + "index.html" if path == "" or path.endswith("/") else path


class WordingMarks:
    """The stories' reported forms, kept current, and the pages marked with them."""

    def __init__(self, settings_file: Path, content: Path) -> None:
        self.settings_file, self.content = Path(settings_file), Path(content)
        self.lock = threading.Lock()
        self.settings_stamp: int | None = None
        self.context: Context | None = None
        self.finder: Finder | None = None
        self.stories: dict[str, Story] = {}
        self.by_url: dict[str, frozenset[str]] = {}
        self.everywhere: frozenset[str] = frozenset()
        self.changes = 0  # how many times the site changed (stale)
        self.scanned_at: int | None = None  # the change the stories were last looked for at

    def page(self, route: str, page: bytes) -> bytes:
        """The page served at `route` with its reported hits marked (as it was when it has none)."""
        finder, by_url, everywhere = self.current()
        forms = by_url.get(address(route), everywhere)
        return marked(page, finder, lambda hit: hit.written in forms)[0]

    def stale(self) -> None:
        """The site changed (the preview reloads its pages): look at the stories' files again at the next
        page. Between changes a page is marked without listing the content folder (BENCHMARKS.md)."""
        self.changes += 1

    def warm_up(self) -> None:
        """Read the settings, tables, stories and jieba's dictionary before the first page is asked for."""
        self.current()
        dictionary()

    def current(self) -> tuple[Finder, dict[str, frozenset[str]], frozenset[str]]:
        """The finder, each story's reported forms by url, and all stories' together."""
        with self.lock:
            context = self.current_context()
            finder = wording_finder(context)  # a new one when a table file changed
            if finder is not self.finder:
                self.finder, self.stories, self.scanned_at = finder, {}, None
            if self.scanned_at != self.changes:
                self.read_changed(context, finder)
            return finder, self.by_url, self.everywhere

    def current_context(self) -> Context:
        stamp = self.settings_file.stat().st_mtime_ns
        if self.context is None or stamp != self.settings_stamp:
            settings = site_settings(self.settings_file, self.content)
            self.context = make_context(settings, self.content, build_time(os.environ))
            self.settings_stamp, self.scanned_at = stamp, None
        return self.context

    def read_changed(self, context: Context, finder: Finder) -> None:
        """Read again each story whose file changed, forget those that went, and index them by url."""
        kept, changes = {}, self.changes
        for file, path, is_page in content_files(context):
            try:
                status = file.stat()
            except OSError:
                continue  # gone since it was listed
            stamp = (status.st_mtime_ns, status.st_size)
            story = self.stories.get(path)
            if story is None or story.stamp != stamp:
                source = read_source(file, path, is_page)
                if isinstance(source, Finding):
                    continue  # unreadable: check says so
                story = Story(stamp, url_of(source, context), reported_forms(source, finder))
            kept[path] = story
        self.stories = kept
        by_url = {story.url: story.reported for story in kept.values() if story.url}
        self.by_url = by_url | {url + "index.html": forms for url, forms in by_url.items() if url.endswith("/")}
        self.everywhere = frozenset().union(*(story.reported for story in kept.values()))
        self.scanned_at = changes  # a change while reading is looked at again next time
