"""The theme's static files as Pelican copies them into the output, and their fingerprinted copies."""

import os
from fnmatch import fnmatch
from pathlib import Path

from .names import fingerprinted


def theme_static_files(theme: Path, static_paths: list[str], ignores: list[str]) -> dict[str, Path]:
    """Every file Pelican copies from the theme's static paths, by its name under THEME_STATIC_DIR.

    As Pelican's own copy does: a folder's contents land at the top, a single file by its base name,
    a later path wins over an earlier one, and a file or folder whose name matches IGNORE_FILES is left out.
    """
    files: dict[str, Path] = {}
    for static_path in static_paths:
        source = theme / static_path
        if ignored(source.name, ignores):
            continue
        if source.is_file():
            files[source.name] = source
        for folder, subfolders, names in os.walk(source, followlinks=True):
            subfolders[:] = [name for name in subfolders if not ignored(name, ignores)]
            for name in names:
                if not ignored(name, ignores):
                    path = Path(folder, name)
                    files[path.relative_to(source).as_posix()] = path
    return files


def ignored(name: str, ignores: list[str]) -> bool:
    return any(fnmatch(name, pattern) for pattern in ignores)


def write_fingerprinted_copies(files: dict[str, Path], folder: Path) -> list[Path]:
    """Write each file again under its fingerprinted name in `folder`, beside its plain copy; return the new files."""
    written = []
    for name, source in sorted(files.items()):
        data = source.read_bytes()
        target = folder / fingerprinted(name, data)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written.append(target)
    return written
