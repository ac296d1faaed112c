"""The values the checks read from pelicanconf.py, with Pelican's and the plugins' defaults, in one place."""

import fnmatch
import importlib.util
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from plugins.editorial.fields import KNOWN_FIELDS
from plugins.editorial.settings import merged as editorial_settings
from plugins.frontpage.settings import merged as frontpage_settings
from plugins.photos.settings import merged as photos_settings

# Pelican's own defaults (pelican/settings.py) for what pelicanconf.py may leave out.
PELICAN_DEFAULTS = {
    "PATH": "content",
    "PAGE_PATHS": ["pages"],
    "IGNORE_FILES": ["**/.*"],
    "TIMEZONE": "UTC",
    "DEFAULT_LANG": "en",
    "DEFAULT_DATE": None,
    "DEFAULT_METADATA": {},
    "ARTICLE_URL": "{slug}.html",
    "PAGE_URL": "pages/{slug}.html",
    "DRAFT_URL": "drafts/{slug}.html",
    "DRAFT_PAGE_URL": "drafts/pages/{slug}.html",
    "SLUGIFY_SOURCE": "title",
    "SLUGIFY_USE_UNICODE": False,
    "SLUGIFY_PRESERVE_CASE": False,
    "SLUG_REGEX_SUBSTITUTIONS": [
        (r"[^\w\s-]", ""),
        (r"(?u)\A\s*", ""),
        (r"(?u)\s*\Z", ""),
        (r"[-\s]+", "-"),
    ],
}
# Pelican's Markdown reader reads these (MarkdownReader.file_extensions).
MARKDOWN_SUFFIXES = {".md", ".markdown", ".mkd", ".mdown"}


@dataclass(frozen=True)
class Context:
    """What every rule may need to know about the site, and the time it stands at."""

    content_root: Path
    now: datetime
    timezone: ZoneInfo
    sections: tuple[str, ...]
    known_fields: frozenset[str]
    page_paths: tuple[str, ...]
    ignore_files: tuple[str, ...]
    urls: dict  # ARTICLE_URL, PAGE_URL, DRAFT_URL, DRAFT_PAGE_URL
    lang: str
    default_date: object
    slugify: dict  # SLUGIFY_SOURCE, SLUGIFY_USE_UNICODE, SLUGIFY_PRESERVE_CASE, SLUG_REGEX_SUBSTITUTIONS
    max_pixels: int


def load_settings(path: Path) -> dict:
    """The UPPER_CASE values of a Pelican settings file, as Pelican reads them (by running it)."""
    spec = importlib.util.spec_from_file_location("_checked_pelicanconf", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {name: getattr(module, name) for name in dir(module) if name.isupper()}


def content_folder(settings: dict, settings_file: Path) -> Path:
    """The content folder the settings name (PATH), relative to the settings file as Pelican takes it."""
    return settings_file.parent / {**PELICAN_DEFAULTS, **settings}["PATH"]


def make_context(settings: dict, content_root: Path, now: datetime) -> Context:
    """The checks' view of `settings`; raise ValueError on a bad value, as the build would."""
    values = {**PELICAN_DEFAULTS, **settings}
    try:
        zone = ZoneInfo(values["TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"TIMEZONE 无法识别：{values['TIMEZONE']!r} (unknown time zone)") from None
    extra = editorial_settings(values)["EDITORIAL_EXTRA_FIELDS"]
    return Context(
        content_root=content_root,
        now=now.astimezone(zone),
        timezone=zone,
        sections=tuple(frontpage_settings(values)["FRONTPAGE_SECTIONS"]),
        known_fields=frozenset(KNOWN_FIELDS | set(extra) | {key.lower() for key in values["DEFAULT_METADATA"]}),
        page_paths=tuple(path.strip("/") for path in values["PAGE_PATHS"]),
        ignore_files=tuple(values["IGNORE_FILES"]),
        urls={key: values[key] for key in ("ARTICLE_URL", "PAGE_URL", "DRAFT_URL", "DRAFT_PAGE_URL")},
        lang=values["DEFAULT_LANG"],
        default_date=values["DEFAULT_DATE"],
        slugify={key: values[key] for key in PELICAN_DEFAULTS if key.startswith("SLUG")},
        max_pixels=photos_settings(values)["PHOTOS_MAX_PIXELS"],
    )


def content_files(context: Context) -> list[tuple[Path, str, bool]]:
    """Each Markdown file Pelican would read: (file, path relative to the content folder, is a page)."""
    found = []
    for folder, dirs, files in os.walk(context.content_root, followlinks=True):
        dirs[:] = sorted(d for d in dirs if not ignored(d, context))
        for name in sorted(files):
            file = Path(folder) / name
            if file.suffix in MARKDOWN_SUFFIXES and not ignored(name, context):
                path = file.relative_to(context.content_root).as_posix()
                found.append((file, path, is_page(path, context)))
    return found


def ignored(name: str, context: Context) -> bool:
    """Whether Pelican skips a file or folder of this name (IGNORE_FILES, matched as Pelican does)."""
    return any(fnmatch.fnmatch(name, pattern) for pattern in context.ignore_files)


def is_page(path: str, context: Context) -> bool:
    """Whether the file is under PAGE_PATHS (a fixed page such as 关于本站), not an article."""
    return any(not folder or path.startswith(folder + "/") for folder in context.page_paths)
