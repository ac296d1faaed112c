"""The pages the last build wrote: each page's input digest and the file it left, kept as JSON.

A page is taken from the last build only if its file is still the one that build wrote (same size,
modification time and inode): the live preview, or a person, may have written it since. It is
taken by a hard link into the new site where the file system allows (no bytes copied: the new
site's file is the old one), else by its text.
"""

import json
import os
from pathlib import Path

FORMAT = 2


def stamp_of(status: os.stat_result) -> list[int]:
    """What tells a file apart from one written over it."""
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def file_stamp(path: Path) -> list[int] | None:
    """The stamp of the file at `path`; None when there is none."""
    try:
        return stamp_of(path.stat())
    except OSError:
        return None


def load_record(path: Path, salt: str) -> tuple[dict[str, list], list[tuple[str, str]]]:
    """Page → [digest, stamp], and (template, what it read) for each template found to read past the
    digest, from the last build with the same salt (theme, plugins, settings); else empty."""
    try:
        kept = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}, []
    if not isinstance(kept, dict) or kept.get("format") != FORMAT or kept.get("salt") != salt or not isinstance(kept.get("pages"), dict):
        return {}, []
    unsafe = [tuple(pair) for pair in kept.get("unsafe", []) if isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)]
    return kept["pages"], unsafe


def load(path: Path, salt: str) -> dict[str, list]:
    """Page → [digest, stamp] from the last build with the same salt; else empty."""
    return load_record(path, salt)[0]


def save(path: Path, salt: str, pages: dict[str, list], unsafe: list[tuple[str, str]] = ()) -> None:
    """Write the record whole, through a temporary file of this process's own."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f"{path.name}.{os.getpid()}.partial")
    record = {"format": FORMAT, "salt": salt, "pages": pages, "unsafe": list(unsafe)}
    partial.write_text(json.dumps(record, sort_keys=True), encoding="utf-8")
    os.replace(partial, path)


def reusable(pages: dict[str, list], output: Path, name: str, digest: str) -> str | None:
    """The last build's text of page `name` when its inputs had this digest and its file is untouched
    (the stamp is taken of the very file read, and its bytes are read as they are)."""
    kept = pages.get(name)
    if not kept or kept[0] != digest:
        return None
    try:
        with (output / name).open("rb") as file:
            if kept[1] != stamp_of(os.fstat(file.fileno())):
                return None
            return file.read().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def link_into(pages: dict[str, list], output: Path, into: Path, name: str, digest: str) -> bool:
    """Link the last build's file of page `name` into the folder `into` when its inputs had this
    digest and the file is untouched; False (nothing linked) otherwise. The stamp is taken of
    the link itself, so a file replaced between the look and the link is not taken."""
    kept = pages.get(name)
    if not kept or kept[0] != digest:
        return False
    target = into / name
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        os.link(output / name, target)
    except OSError:
        return False
    if stamp_of(target.stat()) != kept[1]:
        target.unlink()
        return False
    return True
