"""Fingerprinted file names: the first hex digits of the sha256 of a file's bytes, before its suffix.

`css/site.css` becomes `css/site.3f2a9c1b0d.css`; a deploy sends such a name with a year-long,
immutable Cache-Control, since new bytes always come under a new name.
"""

import hashlib
import re
from pathlib import PurePosixPath

FINGERPRINT_CHARS = 10
FINGERPRINTED = re.compile(rf"\.[0-9a-f]{{{FINGERPRINT_CHARS}}}\.[A-Za-z0-9]+$")


def fingerprint(data: bytes) -> str:
    """The first FINGERPRINT_CHARS hex digits of the sha256 of `data`."""
    return hashlib.sha256(data).hexdigest()[:FINGERPRINT_CHARS]


def fingerprinted(path: str, data: bytes) -> str:
    """`path` with the fingerprint of `data` before its last suffix (`js/share.js` → `js/share.0a1b2c3d4e.js`)."""
    name = PurePosixPath(path)
    if not name.suffix:
        return f"{name}.{fingerprint(data)}"
    return str(name.with_name(f"{name.stem}.{fingerprint(data)}{name.suffix}"))


def is_fingerprinted(path: str) -> bool:
    """Whether `path` ends in a fingerprint and a suffix, as `fingerprinted` names files."""
    return bool(FINGERPRINTED.search(path))
