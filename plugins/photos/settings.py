"""Defaults of the photos plugin and their checks, merged once into Pelican's settings."""

import os

from .pipeline import EXTENSIONS, Recipe

DEFAULTS = {
    "PHOTOS_WIDTHS": (480, 960, 1600),
    "PHOTOS_FORMATS": ("webp", "jpeg"),
    "PHOTOS_JPEG_QUALITY": 82,
    "PHOTOS_WEBP_QUALITY": 80,
    # The <img src> for browsers without srcset, and the size social cards and JSON-LD use.
    "PHOTOS_FALLBACK_WIDTH": 960,
    "PHOTOS_SIZES": "(min-width: 44rem) 40rem, 100vw",
    "PHOTOS_OUTPUT_DIR": "images",
    "PHOTOS_CACHE_PATH": None,  # None: <CACHE_PATH>/photos
    "PHOTOS_PUBLISH_ORIGINALS": False,
    # Pillow's decompression-bomb guard: a photo with more pixels is refused (a 12-megapixel
    # phone photo has 12,000,000; a 100-megapixel camera 100,000,000).
    "PHOTOS_MAX_PIXELS": 120_000_000,
    "PHOTOS_WORKERS": 0,  # 0: one per core but the one the build writes pages on (at least one)
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    widths = values["PHOTOS_WIDTHS"]
    if not widths or not all(isinstance(w, int) and w > 0 for w in widths):
        raise ValueError("PHOTOS_WIDTHS 应是正整数列表 (must be a list of positive widths in pixels)")
    if not values["PHOTOS_FORMATS"] or not set(values["PHOTOS_FORMATS"]) <= set(EXTENSIONS) or "jpeg" not in values["PHOTOS_FORMATS"]:
        raise ValueError('PHOTOS_FORMATS 应包含 "jpeg"，可加 "webp" (must include "jpeg", may add "webp")')
    for key in ("PHOTOS_JPEG_QUALITY", "PHOTOS_WEBP_QUALITY"):
        if not isinstance(values[key], int) or not 1 <= values[key] <= 100:
            raise ValueError(f"{key} 应在 1 到 100 之间 (must be 1 to 100)")
    for key in ("PHOTOS_FALLBACK_WIDTH", "PHOTOS_MAX_PIXELS"):
        if not isinstance(values[key], int) or values[key] <= 0:
            raise ValueError(f"{key} 应是正整数 (must be a positive integer)")
    if not isinstance(values["PHOTOS_WORKERS"], int) or values["PHOTOS_WORKERS"] < 0:
        raise ValueError("PHOTOS_WORKERS 应是非负整数 (must be 0 for one per core, or a count)")
    values["PHOTOS_WIDTHS"] = tuple(sorted(set(widths)))
    values["PHOTOS_FORMATS"] = tuple(values["PHOTOS_FORMATS"])
    if values["PHOTOS_CACHE_PATH"] is None:
        values["PHOTOS_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "photos")
    return values


def recipe(values: dict) -> Recipe:
    """The pipeline's recipe from merged settings."""
    return Recipe(
        values["PHOTOS_WIDTHS"],
        values["PHOTOS_FORMATS"],
        values["PHOTOS_JPEG_QUALITY"],
        values["PHOTOS_WEBP_QUALITY"],
        values["PHOTOS_MAX_PIXELS"],
    )
