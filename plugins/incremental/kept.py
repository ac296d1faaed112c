"""The pages the last build wrote: each page's input digest and the file it left, kept as JSON.

A page is taken from the last build only if its file is still the one that build wrote: the live
preview, or a person, may have written it since. A file is the one stamped when its size,
modification time and inode are, or, when those changed but not the size, its bytes hash the same:
a git checkout, or a CI cache restored, gives every file a new time and inode, not new bytes. It
is taken by a hard link into the new site where the file system allows (no bytes copied: the new
site's file is the old one), else by its text. The stories' files are told apart the same way.
"""

import hashlib
import json
import os
from pathlib import Path

from plugins.core.cachefiles import read_or_none, write_whole

FORMAT = 2


# Larger files (photos) are told apart by size, time and inode alone: hashing them every build would
# cost more than reading again the few stories they belong to.
HASHED_UP_TO = 1 << 20


def stamp_of(status: os.stat_result) -> list:
    """What tells a file apart from one written over it, at a glance."""
    return [status.st_size, status.st_mtime_ns, status.st_ino]


def bytes_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def file_stamp(path: Path, known: list | None = None) -> list | None:
    """[size, time, inode, hash of the bytes (up to HASHED_UP_TO)] of the file at `path`, None when
    there is none; the hash is `known`'s when `known` was taken of this very file."""
    try:
        status = path.stat()
        glance = stamp_of(status)
        if known and known[:3] == glance:
            return known
        return glance if status.st_size > HASHED_UP_TO else glance + [bytes_hash(path.read_bytes())]
    except OSError:
        return None


def is_stamped(status: os.stat_result, stamp: list, read) -> bool:
    """Whether the file with this status (`read()` gives its bytes) is the one `stamp` was taken of."""
    if stamp_of(status) == stamp[:3]:
        return True
    return len(stamp) == 4 and status.st_size == stamp[0] and bytes_hash(read()) == stamp[3]


def unchanged_file(path: Path, stamp: list | None) -> bool:
    """Whether the file at `path` is the one `stamp` was taken of (missing, when the stamp is None)."""
    try:
        status = path.stat()
    except OSError:
        return stamp is None
    return stamp is not None and is_stamped(status, stamp, path.read_bytes)


def load_record(path: Path, salt: str) -> tuple[dict[str, list], list[tuple[str, str]]]:
    """Page → [digest, stamp], and (template, what it read) for each template found to read past the
    digest, from the last build with the same salt (theme, plugins, settings); else empty."""
    kept = read_or_none(path, json.loads)
    if not isinstance(kept, dict) or kept.get("format") != FORMAT or kept.get("salt") != salt or not isinstance(kept.get("pages"), dict):
        return {}, []
    unsafe = [tuple(pair) for pair in kept.get("unsafe", []) if isinstance(pair, list) and len(pair) == 2 and all(isinstance(part, str) for part in pair)]
    pages = {name: page for name, page in kept["pages"].items()
             if isinstance(page, list) and len(page) == 2 and isinstance(page[0], str) and isinstance(page[1], list)}
    return pages, unsafe


def load(path: Path, salt: str) -> dict[str, list]:
    """Page → [digest, stamp] from the last build with the same salt; else empty."""
    return load_record(path, salt)[0]


def save(path: Path, salt: str, pages: dict[str, list], unsafe: list[tuple[str, str]] = ()) -> None:
    """Write the record whole (a build cut short leaves the old one)."""
    record = {"format": FORMAT, "salt": salt, "pages": pages, "unsafe": list(unsafe)}
    write_whole(path, json.dumps(record, sort_keys=True).encode())


def reusable(pages: dict[str, list], output: Path, name: str, digest: str) -> str | None:
    """The last build's text of page `name` when its inputs had this digest and its file is untouched
    (the stamp is taken of the very file read, and its bytes are read as they are)."""
    kept = pages.get(name)
    if not kept or kept[0] != digest:
        return None
    try:
        with (output / name).open("rb") as file:
            data = file.read()
            if not is_stamped(os.fstat(file.fileno()), kept[1], lambda: data):
                return None
            return data.decode("utf-8")
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
    if not unchanged_file(target, kept[1]):
        target.unlink()
        return False
    return True
