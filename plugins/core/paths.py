"""Where a content file stands, as Pelican's generators decide it."""

from collections.abc import Iterable


def is_under(relative: str, folders: Iterable[str]) -> bool:
    """Whether the content path `relative` ("pages/about.md") lies in one of `folders` (as
    PAGE_PATHS lists them); "" is the whole content folder."""
    return any(not folder.strip("/") or relative == folder.strip("/") or relative.startswith(folder.strip("/") + "/") for folder in folders)
