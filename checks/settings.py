"""The values the checks read from pelicanconf.py, read by Pelican itself, with the plugins' defaults."""

import fnmatch
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pelican.readers import MarkdownReader
from pelican.settings import DEFAULT_CONFIG, get_settings_from_file, read_settings

from plugins.core.paths import is_under
from plugins.editorial.fields import KNOWN_FIELDS
from plugins.editorial.settings import merged as editorial_settings
from plugins.frontpage.settings import merged as frontpage_settings
from plugins.photos.settings import merged as photos_settings

# The suffixes Pelican's Markdown reader reads.
MARKDOWN_SUFFIXES = frozenset(f".{extension}" for extension in MarkdownReader.file_extensions)
SLUG_SETTINGS = ("SLUGIFY_SOURCE", "SLUGIFY_USE_UNICODE", "SLUGIFY_PRESERVE_CASE", "SLUG_REGEX_SUBSTITUTIONS")


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
    static_paths: tuple[str, ...] = ("images",)
    wording_files: tuple[str, ...] = ()  # WORDING_FILES: the office's more tables, beside wording.txt


def load_settings(path: Path) -> dict:
    """The UPPER_CASE values a settings file sets, as Pelican loads them, without Pelican's defaults."""
    return get_settings_from_file(str(path))


def site_settings(path: Path, content: Path | None = None) -> dict:
    """The settings as a build with `pelican CONTENT -s path` has them: Pelican's read_settings, so
    its defaults and its own corrections (DEFAULT_LANG in lower case, PATH made absolute) apply.

    Pelican also sets the process's locale (LOCALE) and wants PATH and THEME to exist (ValueError);
    `content`, when given, stands for PATH (as pelican's CONTENT argument does) and must exist.
    """
    override = {"PATH": str(Path(content).resolve())} if content is not None else None
    return read_settings(str(path), override=override)


def content_folder(settings: dict, settings_file: Path) -> Path:
    """The content folder the settings name (PATH), relative to the settings file as Pelican takes it."""
    return settings_file.parent / settings.get("PATH", DEFAULT_CONFIG["PATH"])


def make_context(settings: dict, content_root: Path, now: datetime) -> Context:
    """The checks' view of `settings` (as site_settings reads them); ValueError on a bad value, as the build would."""
    try:
        zone = ZoneInfo(settings["TIMEZONE"])
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"TIMEZONE 无法识别：{settings['TIMEZONE']!r} (unknown time zone)") from None
    extra = editorial_settings(settings)["EDITORIAL_EXTRA_FIELDS"]
    return Context(
        content_root=content_root,
        now=now.astimezone(zone),
        timezone=zone,
        sections=tuple(frontpage_settings(settings)["FRONTPAGE_SECTIONS"]),
        known_fields=frozenset(KNOWN_FIELDS | set(extra) | {key.lower() for key in settings["DEFAULT_METADATA"]}),
        page_paths=tuple(path.strip("/") for path in settings["PAGE_PATHS"]),
        ignore_files=tuple(settings["IGNORE_FILES"]),
        urls={key: settings[key] for key in ("ARTICLE_URL", "PAGE_URL", "DRAFT_URL", "DRAFT_PAGE_URL")},
        lang=settings["DEFAULT_LANG"],
        default_date=settings.get("DEFAULT_DATE"),  # not in DEFAULT_CONFIG: Pelican reads it with .get too
        slugify={key: settings[key] for key in SLUG_SETTINGS},
        max_pixels=photos_settings(settings)["PHOTOS_MAX_PIXELS"],
        static_paths=tuple(settings["STATIC_PATHS"]),
        wording_files=tuple(settings.get("WORDING_FILES", ())),
    )


def content_files(context: Context) -> list[tuple[Path, str, bool]]:
    """Each Markdown file Pelican would read: (file, path relative to the content folder, is a page)."""
    found = []
    for folder, dirs, files in os.walk(context.content_root):  # a linked folder is file-symlink's, never walked
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
    return is_under(path, context.page_paths)
