"""The salt: what every kept story and page depends on, so that a change to any of it reads and
renders everything again. It covers every installed distribution (a plugin or a library upgraded
with pip), the files of every loaded plugin, of this project's plugins package and of the theme,
and the settings."""

import hashlib
from importlib.metadata import distributions
from pathlib import Path
from types import ModuleType

from .signature import Digests


def installed() -> str:
    """Every installed distribution as `name version`, sorted, one per line."""
    return "\n".join(sorted({f"{(dist.metadata['Name'] or '').lower()} {dist.version}" for dist in distributions()}))


def folder_of(module: ModuleType) -> Path | None:
    """The folder of a loaded plugin's package, or its file for a one-file plugin."""
    paths = list(getattr(module, "__path__", []))
    if paths:
        return Path(paths[0])
    file = getattr(module, "__file__", None)
    return Path(file) if file else None


def described(value):
    """A setting as the salt counts it: a function by its name and its compiled code."""
    if callable(value):
        code = getattr(value, "__code__", None)
        return f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}", code.co_code if code else b""
    return value


def files_under(place: Path) -> list[Path]:
    """A file, or the files in a folder, sorted, leaving out compiled bytecode."""
    if place.is_file():
        return [place]
    return sorted(p for p in place.rglob("*") if p.is_file() and "__pycache__" not in p.parts)


def salt_of(settings: dict, places: list[Path], packages: str) -> str:
    """The digest of the installed `packages`, the files at `places` and the settings."""
    digest = hashlib.blake2b(packages.encode(), digest_size=20)
    for place in sorted(set(places)):
        for path in files_under(place):
            digest.update(str(path).encode() + b"\0" + path.read_bytes())
    digest.update(Digests().of({key: described(value) for key, value in settings.items()}))
    return digest.hexdigest()


def code_places(theme: str, plugin_paths: list[str], plugins: list[ModuleType], package: Path) -> list[Path]:
    """The theme's folder, the plugin paths, this project's plugins package, and each loaded plugin's files."""
    places = [Path(theme), *map(Path, plugin_paths), package, *filter(None, map(folder_of, plugins))]
    return [place.resolve() for place in places if place.exists()]
