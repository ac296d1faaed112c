"""Render one edited story or page at once, for the live preview; the full rebuild follows it.

Pelican builds a site of just that file (and the pages, for the footer) into a folder of its
own, with every plugin that works on one story at a time; its page and photos are then copied
into the served output. What needs the whole site (related stories, neighbours, the search
index, listings, feeds) is left to the full rebuild that `invoke livereload` starts next.

Run as a worker: `python -m preview.quick SETTINGS CONTENT OUTPUT [CACHE]` reads one content path per
line on stdin and answers one JSON line per path on stdout.
"""

import contextlib
import io
import json
import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

import jinja2

from checks.source import parse_header, split_lines
from plugins.atomic.swap import output_lock
from plugins.core.paths import is_under

# Plugins that need every story, or that only the full build should run (incremental's record
# describes the full build's output).
WHOLE_SITE_PLUGINS = ("plugins.related", "neighbors", "plugins.search", "sitemap", "plugins.feeds", "plugins.strict", "plugins.incremental", "plugins.atomic")
# Listings a one-story site would get wrong, and that the full rebuild writes: not written here.
LISTINGS_NOT_WRITTEN = {
    "DIRECT_TEMPLATES": [],
    "CATEGORY_SAVE_AS": "",
    "TAG_SAVE_AS": "",
    "AUTHOR_SAVE_AS": "",
    "YEAR_ARCHIVE_SAVE_AS": "",
    "MONTH_ARCHIVE_SAVE_AS": "",
    "DAY_ARCHIVE_SAVE_AS": "",
    "STATIC_PATHS": [],
}


def header_fields(text: str) -> dict[str, str]:
    """The fields a Markdown story starts with, keys lower-cased, as invoke check reads them (the first of a repeated one)."""
    fields, _ = parse_header(split_lines(text))
    return {field.key: field.value for field in reversed(fields)}


def is_published(fields: dict[str, str]) -> bool:
    return fields.get("status", "published").lower() == "published"


def section_stand_ins(content: Path, article_paths, excluded, default_section: str) -> dict[str, str]:
    """One published story of each section, by section: the header's section links need them all."""
    found: dict[str, str] = {}
    for folder in article_paths:
        for path in sorted((content / folder).rglob("*.md")):
            relative = path.relative_to(content).as_posix()
            if is_under(relative, excluded):
                continue
            with path.open(encoding="utf-8", errors="replace") as source:
                fields = header_fields(source.read(2048))
            if is_published(fields):
                found.setdefault(fields.get("category") or default_section, relative)
    return found


def one_item_settings(settings: dict, relative: str, staging: str, stand_ins: list[str]) -> dict:
    """Pelican settings for a site of the story (or page) at `relative`, written to `staging`.

    `stand_ins` are stories of the other sections, read so that the header lists every section;
    their pages are not copied. The few pages are read either way: the footer lists them.
    """
    is_page = is_under(relative, settings["PAGE_PATHS"])
    return {
        **settings,
        **LISTINGS_NOT_WRITTEN,
        "ARTICLE_PATHS": [*stand_ins] if is_page else [relative, *stand_ins],
        "OUTPUT_PATH": staging,
        "PLUGINS": [name for name in settings["PLUGINS"] if name not in WHOLE_SITE_PLUGINS],
        # The full build's content cache is its own: a one-story build must neither read nor replace it.
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "DELETE_OUTPUT_DIRECTORY": False,
    }


class TemplatesKept(jinja2.BytecodeCache):
    """Compiled templates kept in memory from one quick build to the next (compiling is most of one).

    Jinja checks each template's source against its checksum, so an edited template is compiled anew.
    """

    def __init__(self) -> None:
        self.kept: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self.kept:
            bucket.bytecode_from_string(self.kept[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self.kept[bucket.key] = bucket.bytecode_to_string()


class Written:
    """What the one-story build writes: the edited item's page, not the stand-ins' (relative to the output)."""

    def __init__(self, relative: str) -> None:
        self.relative = relative
        self.saved_as: list[str] = []

    def note(self, generator) -> None:
        for name in ("articles", "drafts", "hidden_articles", "pages", "draft_pages", "hidden_pages"):
            for item in getattr(generator, name, ()):
                if item.relative_source_path != self.relative:
                    item.override_save_as = ""  # Pelican writes nothing for an empty address
                elif item.save_as:
                    self.saved_as.append(item.save_as)


class QuickPreview:
    """Renders single items of one content folder into the served output, as the editor saves them."""

    def __init__(self, settings_file: str, content: Path, output: Path, cache: str = "") -> None:
        self.settings_file, self.content, self.output = settings_file, content.resolve(), output
        # The full build's caches (slugs, photos, related terms) are read, as that build reads them.
        self.overrides = {"PATH": str(self.content), **({"CACHE_PATH": str(Path(cache).resolve())} if cache else {})}
        self.settings = self.read_settings()
        self.templates = TemplatesKept()
        self.rescan()

    def read_settings(self) -> dict:
        from pelican.settings import read_settings

        return read_settings(self.settings_file, override=dict(self.overrides))

    def rescan(self) -> None:
        """Find a story of each section again (after a full rebuild: stories come and go)."""
        settings = self.settings
        self.stand_ins = section_stand_ins(self.content, settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"], settings["DEFAULT_CATEGORY"])

    def others(self, relative: str) -> list[str]:
        """Stand-ins for the sections other than the edited story's own (no neighbours from them)."""
        if any(not (self.content / path).exists() for path in self.stand_ins.values()):
            self.rescan()
        own = None
        if not is_under(relative, self.settings["PAGE_PATHS"]):
            try:
                fields = header_fields((self.content / relative).read_text(encoding="utf-8", errors="replace")[:2048])
            except OSError:
                fields = {}
            own = (fields.get("category") or self.settings["DEFAULT_CATEGORY"]) if is_published(fields) else None
        return sorted(path for section, path in self.stand_ins.items() if section != own and path != relative)

    def warm_up(self) -> None:
        """One quick build into a folder thrown away: imports and compiled templates are ready for the first edit."""
        if self.stand_ins:
            with tempfile.TemporaryDirectory(prefix="pressroom-warm-") as thrown_away:
                self.render(min(self.stand_ins.values()), Path(thrown_away))

    def render(self, relative: str, output: Path | None = None) -> list[str]:
        """Build the item at `relative` alone; copy its page and new photos into the output; name them."""
        output = output or self.output
        from pelican import Pelican, signals

        with tempfile.TemporaryDirectory(prefix="pressroom-quick-") as staging:
            settings = self.read_settings()  # the file may have changed
            written = Written(relative)
            signals.article_generator_finalized.connect(written.note)
            signals.page_generator_finalized.connect(written.note)
            said = io.StringIO()
            try:
                with contextlib.redirect_stdout(said):
                    settings = one_item_settings(settings, relative, staging, self.others(relative))
                    settings["JINJA_ENVIRONMENT"] = {**settings["JINJA_ENVIRONMENT"], "bytecode_cache": self.templates}
                    Pelican(settings).run()
            finally:
                signals.article_generator_finalized.disconnect(written.note)
                signals.page_generator_finalized.disconnect(written.note)
                # Pelican's messages about the files, without its closing count of a one-story site.
                sys.stderr.write(said.getvalue().split("Done: Processed")[0])
            with output_lock(output):  # never while a full build swaps the folder
                if not output.is_dir():
                    return []  # no site yet: the first full build makes it
                photos = settings.get("PHOTOS_OUTPUT_DIR", "images")
                copied = copy_new(Path(staging) / photos, output / photos)
                for saved_as in written.saved_as:
                    target = output / saved_as
                    target.parent.mkdir(parents=True, exist_ok=True)
                    partial = target.with_name(target.name + ".quick")
                    shutil.copyfile(Path(staging) / saved_as, partial)
                    partial.replace(target)  # a reader never sees half a page
        return [*written.saved_as, *copied]


def copy_new(source: Path, target: Path) -> list[str]:
    """Copy the files under `source` that `target` does not have yet (photo derivatives are content-named)."""
    copied = []
    for path in sorted(source.rglob("*")) if source.is_dir() else ():
        destination = target / path.relative_to(source)
        if path.is_file() and not destination.exists():
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, destination)
            copied.append(str(destination.relative_to(target.parent)))
    return copied


def serve_requests(preview: QuickPreview, requests, answers) -> None:
    """Answer each content path read from `requests` with one JSON line on `answers`.

    An empty line asks for the sections' stories to be found again (after a full rebuild).
    """
    for line in requests:
        relative = line.strip()
        started = time.perf_counter()
        try:
            if not relative:
                preview.rescan()
                written = []
            else:
                written = preview.render(relative)
            answer = {"path": relative, "written": written}
        except (Exception, SystemExit) as error:  # noqa: BLE001 — the full rebuild reports it properly
            answer = {"path": relative, "error": f"{type(error).__name__}: {error}"}
        answer["seconds"] = round(time.perf_counter() - started, 3)
        print(json.dumps(answer, ensure_ascii=False), file=answers, flush=True)


def main(argv: list[str]) -> None:
    from pelican.log import init as init_logging

    settings_file, content, output, *cache = argv
    answers, sys.stdout = sys.stdout, sys.stderr  # stdout carries the answers and nothing else
    init_logging(level=logging.WARNING, name="pelican")
    preview = QuickPreview(settings_file, Path(content), Path(output), *cache)
    preview.warm_up()
    serve_requests(preview, sys.stdin, answers)


if __name__ == "__main__":
    main(sys.argv[1:])
