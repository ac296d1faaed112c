"""Find the file an image link in a content file points to, and check it is a photo we can publish."""

import warnings
from pathlib import Path

from PIL import Image, UnidentifiedImageError

from .pipeline import oriented_size, pixel_limit

LINK_PREFIXES = ("{static}", "{attach}", "{filename}")
IMAGE_SUFFIXES = {".jpg", ".jpeg", ".png", ".webp", ".gif", ".tif", ".tiff", ".bmp", ".heic"}


class PhotoProblem(Exception):
    """Why a linked photo cannot be published, in the editor's words (Chinese, then English)."""


def resolve_src(src: str, source_dir: Path, content_root: Path) -> Path | None:
    """Return the file an image `src` in a content file points to, or None if it is remote."""
    if "://" in src or src.startswith(("data:", "//")):
        return None
    for prefix in LINK_PREFIXES:
        if src.startswith(prefix):
            src = src[len(prefix) :]
            break
    if src.startswith("/"):
        return content_root / src.lstrip("/")
    return source_dir / src


def static_spelling(src: str, source_dir: Path, content_root: Path) -> str | None:
    """`{static}/src` when `src`, written relative to the story, names no file beside it but one
    under content/: the editor left out `{static}/` (images/x.jpg for {static}/images/x.jpg)."""
    if "://" in src or src.startswith(("data:", "//", "/", "{", "|")) or (source_dir / src).exists():
        return None
    return "{static}/" + src if (content_root / src).is_file() else None


def missing_hint(src: str, source_dir: Path, content_root: Path) -> str:
    """What to write instead when a picture is missing only for want of `{static}/` ("" otherwise)."""
    spelling = static_spelling(src, source_dir, content_root)
    return f"；文件在 content/{src}，请写作 {spelling} (write {spelling})" if spelling else ""


def checked_size(path: Path, content_root: Path, max_pixels: int) -> tuple[int, int]:
    """The photo's shown (width, height); raise PhotoProblem when it cannot be published."""
    if not path.resolve().is_relative_to(content_root.resolve()):
        raise PhotoProblem("图片不在 content/ 文件夹内，请把它放进 content/images/ (image is outside content/)")
    if not path.is_file():
        raise PhotoProblem("图片文件不存在，请检查文件名和路径 (image file not found)")
    try:
        with warnings.catch_warnings(), pixel_limit(max_pixels):
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # judged below, in words
            width, height = oriented_size(path)
    except Image.DecompressionBombError:
        raise too_many_pixels(max_pixels) from None
    except (UnidentifiedImageError, OSError):
        raise PhotoProblem("文件不是可以读取的图片，请换成 JPEG 或 PNG (not an image Pillow can read)") from None
    if width * height > max_pixels:
        raise too_many_pixels(max_pixels, width, height)
    return width, height


def too_many_pixels(max_pixels: int, width: int = 0, height: int = 0) -> PhotoProblem:
    """The decompression-bomb refusal."""
    size = f"{width}×{height} 像素，" if width else ""
    return PhotoProblem(
        f"图片{size}超过上限 {max_pixels} 像素，请缩小后再用 (too many pixels for PHOTOS_MAX_PIXELS: decompression-bomb guard)"
    )
