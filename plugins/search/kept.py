"""The index files as the last build made them, kept in the cache under a key of what they were
made from, and put into a build's output by hard links (no bytes copied). No Pelican here.

A build whose stories are those of the last build takes the files from here instead of making
them again: the index of 10,000 stories is 12,000 files, some 3 s to make and as long to write.
"""

import hashlib
import json
import os
import shutil
from collections.abc import Mapping
from importlib.metadata import version
from pathlib import Path

from plugins.core.cachefiles import partial_beside, place_folder

from .files import version_of


def code_stamp(folder: Path) -> str:
    """The code that makes the index files: every Python file in `folder` (this plugin) and
    numpy's version. Part of the key, so a change to how files are made never places old ones."""
    digest = hashlib.blake2b(f"numpy {version('numpy')}".encode(), digest_size=12)
    for path in sorted(folder.glob("*.py")):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def write_files(folder: Path, files: Mapping[str, bytes]) -> None:
    """Write `files` (path under the folder → bytes) under `folder`."""
    for path, data in files.items():
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def keep(folder: Path, files: Mapping[str, bytes], like: Path | None = None) -> None:
    """Keep `files` as `folder`, whole or not at all: written into a folder of this process's own,
    renamed into place once every file is written. A file with the same bytes in `like` (the
    index kept before: after one edit most story files and many shards are unchanged) is linked
    from there, not written again. Only a cache: should another build sharing it keep the same
    files first, or clear this one's half-written folder, nothing is kept."""
    partial = partial_beside(folder)
    try:
        for path, data in files.items():
            target = partial / path
            target.parent.mkdir(parents=True, exist_ok=True)
            if like is not None and holds(like / path, data):
                os.link(like / path, target)
            else:
                target.write_bytes(data)
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        return
    place_folder(partial, folder)


def holds(path: Path, data: bytes) -> bool:
    """True when the file at `path` has exactly these bytes."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def last_kept(root: Path, key: str) -> Path | None:
    """The index kept before the one under `key`, if any (the newest, half-written ones aside)."""
    kept = []
    for folder in root.iterdir() if root.is_dir() else ():
        try:
            if folder.name != key and "." not in folder.name:
                kept.append((folder.stat().st_mtime_ns, folder))
        except OSError:  # removed meanwhile by another build sharing the cache
            continue
    return max(kept, default=(0, None))[1]


def forget_all_but(root: Path, name: str) -> None:
    """Remove every kept index but `name` (and any a build cut short left half written)."""
    for folder in root.iterdir() if root.is_dir() else ():
        if folder.name != name:
            shutil.rmtree(folder, ignore_errors=True)


def place(kept: Path, target: Path, expected: int) -> bool:
    """Put every file of `kept` at the same path under `target`: a hard link, or a copy where the
    file system has none. False unless all `expected` files were placed (another build sharing
    the cache may have removed the folder meanwhile)."""
    count = 0
    try:
        for folder, _, names in os.walk(kept):
            into = target / Path(folder).relative_to(kept)
            into.mkdir(parents=True, exist_ok=True)
            for name in names:
                try:
                    os.link(os.path.join(folder, name), into / name)
                except FileExistsError:  # not the empty folder it should be
                    raise
                except OSError:  # no hard links here
                    shutil.copyfile(os.path.join(folder, name), into / name)
                count += 1
    except OSError:
        return False
    return expected > 0 and count == expected


def files_listed(folder: Path) -> int:
    """How many files the index in `folder` has, as its manifest counts them (the manifest, the
    shards, a file per story); 0 when there is no readable manifest."""
    try:
        manifest = json.loads((folder / "index.json").read_bytes())
        return manifest["shards"] + manifest["stories"] + 1
    except (OSError, ValueError, KeyError, TypeError):
        return 0


def version_kept(folder: Path) -> str | None:
    """The version the manifest in `folder` names (the folder under /search/ its files are placed
    in); None when there is no readable manifest."""
    try:
        return version_of((folder / "index.json").read_bytes())
    except (OSError, ValueError, KeyError, TypeError):
        return None
