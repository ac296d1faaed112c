"""Where a content file stands, as Pelican's generators decide it; which are links, and which static files may not be published."""

import os
from collections.abc import Iterable
from pathlib import Path

# Files a browser runs script in when opened from the site itself (an SVG's <script>, an HTML
# page), on the site's own origin; Pages and a bucket cannot send the CSP header that would stop it.
ACTIVE_SUFFIXES = frozenset({".svg", ".svgz", ".html", ".htm", ".xhtml", ".xht", ".xml", ".xsl", ".xslt"})


def is_under(relative: str, folders: Iterable[str]) -> bool:
    """Whether the content path `relative` ("pages/about.md") lies in one of `folders` (as
    PAGE_PATHS lists them); "" is the whole content folder."""
    return any(not folder.strip("/") or relative == folder.strip("/") or relative.startswith(folder.strip("/") + "/") for folder in folders)


def active_static_files(content: Path, static_paths: Iterable[str]) -> list[str]:
    """The files under STATIC_PATHS that would run script on the site's origin if opened (content-relative)."""
    found = []
    for folder in static_paths:
        base = content / folder
        files = [base] if base.is_file() else sorted(base.rglob("*")) if base.is_dir() else []
        found += [file.relative_to(content).as_posix() for file in files if file.is_file() and file.suffix.lower() in ACTIVE_SUFFIXES]
    return sorted(set(found))


def links_in(folder: Path) -> list[tuple[str, str]]:
    """(path relative to `folder`, where it points) for every symbolic link under it, files and
    folders, without following any: a link can publish /etc/passwd or a checkout's .git/config."""
    found = []
    for root, folders, files in os.walk(folder, followlinks=False):
        for name in sorted(folders + files):
            path = Path(root, name)
            if path.is_symlink():
                found.append((path.relative_to(folder).as_posix(), os.readlink(path)))
    return sorted(found)
