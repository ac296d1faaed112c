"""Find a linked image on disk and read its size without decoding its pixels."""

from pathlib import Path

from PIL import Image, UnidentifiedImageError

LINK_PREFIXES = ("{static}", "{attach}", "{filename}")


def resolve_src(src: str, source_dir: Path, content_root: Path) -> Path | None:
    """Return the file an image `src` in a content file points to, or None if it is remote."""
    if "://" in src or src.startswith("data:"):
        return None
    for prefix in LINK_PREFIXES:
        if src.startswith(prefix):
            src = src[len(prefix) :]
            break
    if src.startswith("/"):
        return content_root / src.lstrip("/")
    return source_dir / src


def image_size(path: Path) -> tuple[int, int] | None:
    """Return (width, height) of the image at `path`, or None if it is missing or not an image."""
    try:
        with Image.open(path) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None
