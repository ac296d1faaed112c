"""The salt: what every kept story and page depends on, so that a change to any of it reads and
renders everything again. It covers every installed distribution (a plugin or a library upgraded
with pip), the files of every loaded plugin, of this project's plugins package and of the theme,
and the settings."""

import hashlib
import marshal
import sys
from importlib.metadata import distributions
from pathlib import Path
from types import ModuleType

from .signature import Digests


def installed() -> str:
    """The Python that runs the build (html.parser, pickle and json change with it), then every
    installed distribution as `name version`, sorted, one per line."""
    packages = sorted({f"{(dist.metadata['Name'] or '').lower()} {dist.version}" for dist in distributions()})
    return "\n".join([f"{sys.implementation.name} {sys.version}", *packages])


def folder_of(module: ModuleType) -> Path | None:
    """The folder of a loaded plugin's package, or its file for a one-file plugin."""
    paths = list(getattr(module, "__path__", []))
    if paths:
        return Path(paths[0])
    file = getattr(module, "__file__", None)
    return Path(file) if file else None


def described(value):
    """A setting as the salt counts it: a function by its name, its whole compiled code (constants,
    names and the functions in it too), its defaults and what its closure holds; in a mapping or a
    list too (JINJA_FILTERS)."""
    if isinstance(value, dict):
        return {key: described(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [described(item) for item in value]
    if callable(value) and not isinstance(value, type):
        name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__name__)}"
        code = getattr(value, "__code__", None)
        if code is None:
            return name
        cells = [cell.cell_contents for cell in value.__closure__ or () if cell_holds(cell)]
        return name, marshal.dumps(code), [described(item) for item in (*(value.__defaults__ or ()), *cells)]
    return value


def cell_holds(cell) -> bool:
    """Whether a closure cell has been given its value."""
    try:
        cell.cell_contents
    except ValueError:
        return False
    return True


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
