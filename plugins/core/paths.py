"""Where a content file stands, as Pelican's generators decide it, and which ones are links."""

import os
from collections.abc import Iterable
from pathlib import Path


def is_under(relative: str, folders: Iterable[str]) -> bool:
    """Whether the content path `relative` ("pages/about.md") lies in one of `folders` (as
    PAGE_PATHS lists them); "" is the whole content folder."""
    return any(not folder.strip("/") or relative == folder.strip("/") or relative.startswith(folder.strip("/") + "/") for folder in folders)


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
