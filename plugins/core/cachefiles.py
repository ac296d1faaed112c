"""Cache files and folders: written whole or not at all, read as empty when they cannot be read.

A cache is only a cache: one that is missing, cut short, of another format or unreadable is as if
there were none. Each is made under a name of this process's own beside it and renamed into place,
so a build cut short leaves the old one and two builds at once each write their own.
"""

import os
import pickle
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, TypeVar

T = TypeVar("T")
UNREADABLE = (OSError, ValueError, EOFError, pickle.UnpicklingError, AttributeError, ImportError, IndexError)


def partial_beside(path: Path) -> Path:
    """Where this process makes `path` before renaming it into place."""
    return path.with_name(f"{path.name}.{os.getpid()}.partial")


def write_whole(path: Path, data: bytes | Callable[[BinaryIO], None]) -> None:
    """Write the file at `path` whole (`data`, or what `data(file)` writes: a pickle streamed, not
    held twice), through a file of this process's own beside it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = partial_beside(path)
    with partial.open("wb") as file:
        data(file) if callable(data) else file.write(data)
    os.replace(partial, path)


def read_or_none(path: Path, load: Callable[[bytes], T]) -> T | None:
    """`load` of the file's bytes; None when there is no file or it cannot be read or loaded."""
    try:
        return load(path.read_bytes())
    except UNREADABLE:
        return None


def place_folder(partial: Path, folder: Path) -> bool:
    """Rename a folder made whole into place; False, the partial removed, when another build placed
    one there first (theirs is kept) or it cannot be renamed."""
    try:
        partial.rename(folder)
        return True
    except OSError:
        shutil.rmtree(partial, ignore_errors=True)
        return False
