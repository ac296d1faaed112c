"""Derivatives cached by the photo's bytes and the recipe, so unchanged photos cost no image work."""

import hashlib
import json
import os
import shutil
from pathlib import Path

from .pipeline import (
    EXTENSIONS,
    PIPELINE_VERSION,
    Derivative,
    Recipe,
    derivative_widths,
    scaled_height,
)

KEY_CHARS = 12


def photo_key(source: Path, recipe: Recipe) -> str:
    """A fingerprint of the photo's bytes and everything that shapes its derivatives."""
    digest = hashlib.sha256()
    digest.update(json.dumps([PIPELINE_VERSION, recipe], separators=(",", ":")).encode())
    with source.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:KEY_CHARS]


def planned(stem: str, key: str, size: tuple[int, int], recipe: Recipe, folder: str) -> list[Derivative]:
    """The derivatives a photo of `size` will have, named `<folder>/<stem>-<key>-<width>.<ext>`."""
    width, height = size
    return [
        Derivative(f"{folder}/{stem}-{key}-{w}.{EXTENSIONS[fmt]}", w, scaled_height(width, height, w), fmt)
        for w in derivative_widths(width, recipe.widths)
        for fmt in recipe.formats
    ]


class PhotoCache:
    """A folder of `<key>/<width>.<ext>` files made by pipeline.make_derivatives."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def folder(self, key: str) -> Path:
        """Where the derivatives of the photo with this key are kept."""
        return self.root / key

    def has(self, key: str, derivatives: list[Derivative]) -> bool:
        """True when every planned derivative is already made."""
        return all(self.cached_file(key, d).is_file() for d in derivatives)

    def cached_file(self, key: str, derivative: Derivative) -> Path:
        """The cached file behind one derivative."""
        return self.folder(key) / f"{derivative.width}.{EXTENSIONS[derivative.format]}"

    def publish(self, key: str, derivatives: list[Derivative], output: Path) -> None:
        """Put the derivatives into the output folder under their published names."""
        for derivative in derivatives:
            target = output / derivative.path
            target.parent.mkdir(parents=True, exist_ok=True)
            put(self.cached_file(key, derivative), target)


def put(cached: Path, target: Path) -> None:
    """A cached file at `target`: a hard link (no bytes copied; derivatives are content-named and
    nothing writes one in place), or a copy where the two folders cannot share a file."""
    target.unlink(missing_ok=True)  # an output folder built into before
    try:
        os.link(cached, target)
    except OSError:
        shutil.copyfile(cached, target)
