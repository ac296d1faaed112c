"""The gate beside the story being written: invoke check's rules on the text as the desk would save
it, with the photos the editor has just uploaded (they are not on disk yet: the desk commits them
with the story, to the story's branch).

The story is checked in a folder of its own holding it and the pictures it names (uploaded, or
copied from the content folder), so a picture's file, size and kind are checked as the build will
find them; its links, and the rules across stories (addresses, duplicates, tags), see it among the
others on disk. A finding across stories counts when it is on the story or names it.
"""

import os
import shutil
import tempfile
from pathlib import Path

from checks.cli import FILE_RULES, SITE_RULES, guarded
from checks.duplicates import body_runs, duplicates_of, story_duplicate
from checks.media import IMAGE, links_broken
from checks.report import Finding
from checks.settings import Context, content_files, make_context
from checks.source import Source, parse_source, read_source
from plugins.newsmeta.clock import build_time
from plugins.photos.images import resolve_src


def pictures(story: Source, root: Path) -> list[str]:
    """The files a story shows (its Photo field and the pictures in its body), relative to `root`."""
    named = []
    photo = story.field("photo")
    if photo and photo.value.strip():
        named.append(root / photo.value.strip().lstrip("/"))
    for _, line in story.body():
        for image in IMAGE.finditer(line):
            path = resolve_src(image["src"].strip("<>"), story.file.parent, root)
            if path is not None:
                named.append(path)
    return [path.relative_to(root).as_posix() for path in named if path.resolve().is_relative_to(root.resolve())]


class Archive:
    """The content folder's other files as the checks read them, read again only when a file changes,
    with each story's body runs (for story-duplicate): a check on every change costs what changed."""

    def __init__(self) -> None:
        self.kept: dict[str, tuple[tuple[int, int], Source, frozenset[str]]] = {}

    def read(self, context: Context) -> list[tuple[Source, frozenset[str]]]:
        kept = {}
        for file, path, is_page in content_files(context):
            try:
                status = file.stat()
            except OSError:
                continue
            stamp = (status.st_mtime_ns, status.st_size)
            if path in self.kept and self.kept[path][0] == stamp:
                kept[path] = self.kept[path]
                continue
            source = read_source(file, path, is_page)
            if isinstance(source, Source):
                kept[path] = (stamp, source, body_runs(source))
        self.kept = kept
        return [(source, runs) for _, source, runs in kept.values()]


def findings(settings: dict, content: Path, path: str, text: str, uploaded: dict[str, bytes], archive: Archive) -> list[Finding]:
    """invoke check's findings on `text` as the file `path` of the content folder, with the
    `uploaded` pictures (by path in the content folder) beside it."""
    now = build_time(os.environ)
    is_page = path.startswith("pages/")
    with tempfile.TemporaryDirectory(prefix="pressroom-desk-") as folder:
        own = Path(folder)
        (own / path).parent.mkdir(parents=True, exist_ok=True)
        (own / path).write_text(text, encoding="utf-8")
        story = parse_source(text, path, own / path, is_page)
        for picture in pictures(story, own):
            target = own / picture
            target.parent.mkdir(parents=True, exist_ok=True)
            if picture in uploaded:
                target.write_bytes(uploaded[picture])
            elif (content / picture).is_file():
                shutil.copyfile(content / picture, target)
        alone = make_context(settings, own, now)
        found = [one for rule in FILE_RULES if rule is not links_broken for one in guarded(rule, story, alone, where=path)]
    site = make_context(settings, content, now)
    among = parse_source(text, path, content / path, is_page)
    found += guarded(links_broken, among, site, where=path)
    others = [(source, runs) for source, runs in archive.read(site) if source.path != path]
    sources = [*(source for source, _ in others), among]
    across = [one for rule in SITE_RULES if rule is not story_duplicate for one in guarded(rule, sources, site, where="")]

    def story_duplicate_of(story: Source, context: Context) -> list[Finding]:
        return duplicates_of(story, others, context)

    across += guarded(story_duplicate_of, among, site, where=path)
    return found + [one for one in across if one.path == path or path in one.zh]
