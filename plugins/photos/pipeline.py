"""Make a photo's published derivatives with Pillow: upright, sRGB, resized, metadata stripped.

Nothing here knows Pelican; `make_derivatives` runs in worker processes.
"""

import io
import shutil
from contextlib import contextmanager
from pathlib import Path
from typing import NamedTuple

from PIL import Image, ImageCms, ImageOps

from plugins.core.cachefiles import partial_beside, place_folder

# Bump when the pixels or encoding change, so every cached derivative is made again.
PIPELINE_VERSION = 1
EXTENSIONS = {"jpeg": "jpg", "webp": "webp"}
SWAPPED_ORIENTATIONS = {5, 6, 7, 8}  # EXIF orientations that turn the picture a quarter


class Recipe(NamedTuple):
    """What to make of one photo: the widths, the formats and their qualities."""

    widths: tuple[int, ...]
    formats: tuple[str, ...]
    jpeg_quality: int
    webp_quality: int
    max_pixels: int


class Derivative(NamedTuple):
    """One published file: its path from the site root, its pixel size and format."""

    path: str
    width: int
    height: int
    format: str


@contextmanager
def pixel_limit(max_pixels: int):
    """Pillow's decompression-bomb limit for the duration (it refuses twice this on open)."""
    saved, Image.MAX_IMAGE_PIXELS = Image.MAX_IMAGE_PIXELS, max_pixels
    try:
        yield
    finally:
        Image.MAX_IMAGE_PIXELS = saved


def oriented_size(path: Path) -> tuple[int, int]:
    """(width, height) as the photo is shown, after its EXIF orientation; reads only the header."""
    with Image.open(path) as image:
        width, height = image.size
        if image.getexif().get(ImageOps.ExifTags.Base.Orientation) in SWAPPED_ORIENTATIONS:
            return height, width
        return width, height


def derivative_widths(width: int, widths: tuple[int, ...]) -> list[int]:
    """The widths to make for a photo `width` pixels wide: never wider than the photo itself."""
    smaller = sorted(w for w in set(widths) if w < width)
    return smaller + [min(width, max(widths))] if min(width, max(widths)) not in smaller else smaller


def scaled_height(width: int, height: int, new_width: int) -> int:
    """The height that keeps the aspect ratio at `new_width`."""
    return max(1, round(height * new_width / width))


def to_srgb(image: Image.Image) -> Image.Image:
    """An 8-bit RGB picture in sRGB from any mode Pillow reads: CMYK, palette, 16-bit, alpha."""
    profile = image.info.get("icc_profile")
    if profile:
        try:
            source = ImageCms.ImageCmsProfile(io.BytesIO(profile))
            srgb = ImageCms.createProfile("sRGB")
            image = ImageCms.profileToProfile(image, source, srgb, outputMode="RGB")
        except (ImageCms.PyCMSError, OSError, ValueError):
            pass  # a broken profile: fall back to Pillow's own conversion below
    if image.mode in ("I;16", "I;16B", "I;16L", "I"):
        image = image.point(lambda value: value / 256).convert("L")
    if image.mode in ("RGBA", "LA", "PA") or (image.mode == "P" and "transparency" in image.info):
        image = image.convert("RGBA")
        flat = Image.new("RGB", image.size, (255, 255, 255))
        flat.paste(image, mask=image.getchannel("A"))
        return flat
    return image.convert("RGB")


def encode(image: Image.Image, fmt: str, recipe: Recipe) -> bytes:
    """The picture as JPEG or WebP bytes with no EXIF, XMP or ICC metadata at all."""
    buffer = io.BytesIO()
    if fmt == "jpeg":
        image.save(buffer, "JPEG", quality=recipe.jpeg_quality, optimize=True, progressive=True)
    else:
        image.save(buffer, "WEBP", quality=recipe.webp_quality, method=4)
    return buffer.getvalue()


def make_derivatives(source: Path, recipe: Recipe, target: Path) -> list[Path]:
    """Write every derivative of `source` into folder `target` as `<width>.<ext>`; return them.

    Raises OSError (missing, truncated, not an image) or Image.DecompressionBombError.
    """
    with pixel_limit(recipe.max_pixels), Image.open(source) as image:
        width, height = oriented_size(source)
        widths = derivative_widths(width, recipe.widths)
        largest = (max(widths), scaled_height(width, height, max(widths)))
        if (width, height) != image.size:  # stored turned a quarter: the decoder sees it that way
            largest = largest[::-1]
        image.draft("RGB", largest)  # let the JPEG decoder scale down by 1/2, 1/4, 1/8 for free
        upright = to_srgb(ImageOps.exif_transpose(image))
    target.mkdir(parents=True, exist_ok=True)
    written = []
    current = upright
    for new_width in sorted(widths, reverse=True):  # each from the one before: far less to resample
        size = (new_width, scaled_height(*upright.size, new_width))
        if size != current.size:
            current = current.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
        for fmt in recipe.formats:
            path = target / f"{new_width}.{EXTENSIONS[fmt]}"
            path.write_bytes(encode(current, fmt, recipe))
            written.append(path)
    return written


def make_into_cache(source: Path, recipe: Recipe, folder: Path) -> str | None:
    """Make the derivatives into `folder` all at once (never half a set); return an error or None."""
    partial = partial_beside(folder)
    try:
        make_derivatives(source, recipe, partial)
        place_folder(partial, folder)  # or, if another build made the same photo meanwhile, keep theirs
        return None
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        shutil.rmtree(partial, ignore_errors=True)
        return f"{type(error).__name__}: {error}"
