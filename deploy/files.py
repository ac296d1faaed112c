"""A built site's files as a deploy sees them: their fingerprints, the order to upload them, their cache headers."""

import hashlib
import re
from pathlib import Path

from plugins.fingerprint.names import FINGERPRINT_CHARS

# A name with a fingerprint (plugins/fingerprint: css/site.3f2a9c1b0d.css); it is one only when
# those are the first hex digits of the file's own sha256, not an editor's notice.2026112901.pdf.
FINGERPRINT = re.compile(rf"\.([0-9a-f]{{{FINGERPRINT_CHARS}}})\.[A-Za-z0-9]+$")
# Photo derivatives are named by their bytes too (photos/cache.py: <stem>-<12 hex>-<width>.<ext>).
PHOTO_DERIVATIVE = re.compile(r"-[0-9a-f]{12}-\d+\.(?:jpe?g|webp|avif|png)$")
# The search index's files sit in a folder named by their bytes (search/files.py: search/<12 hex>/).
SEARCH_INDEX_FILE = re.compile(r"^search/[0-9a-f]{12}/")
# Files that name others (pages, feeds, sitemaps; the search engine names its index version): they go last.
NAMES_OTHERS = re.compile(r"(?:\.html|\.xml|^robots\.txt|^search/engine\.js)$")
IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "no-cache"
TIERS = ("assets named by their content", "other files", "pages and the files that name others")


def is_immutable(path: str, digest: str) -> bool:
    """Whether a file's name (or its folder's) changes whenever its bytes (sha256 `digest`) do, so it
    may be cached for a year."""
    return is_fingerprinted(path, digest) or bool(PHOTO_DERIVATIVE.search(path) or SEARCH_INDEX_FILE.match(path))


def is_fingerprinted(path: str, digest: str) -> bool:
    """Whether the name's fingerprint is the file's own: the first hex digits of its sha256."""
    match = FINGERPRINT.search(path)
    return bool(match) and digest.startswith(match[1])


def tier(path: str, digest: str) -> int:
    """When a file is uploaded: 0 immutable assets, 1 everything else, 2 what names other files."""
    if is_immutable(path, digest):
        return 0
    return 2 if NAMES_OTHERS.search(path) else 1


def cache_control(path: str, digest: str) -> str:
    """A year for a file named by its content; every other file is revalidated on each visit."""
    return IMMUTABLE if is_immutable(path, digest) else REVALIDATE


def site_files(folder: Path) -> dict[str, str]:
    """Every file under `folder` (POSIX path relative to it) → the sha256 of its bytes; dotfiles
    (the publish marker, anything hidden) are not the site's and never go out."""
    found = {}
    for file in sorted(folder.rglob("*")):
        if file.is_file() and not any(part.startswith(".") for part in file.relative_to(folder).parts):
            found[file.relative_to(folder).as_posix()] = hashlib.sha256(file.read_bytes()).hexdigest()
    return found
