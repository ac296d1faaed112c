"""The slugs worked out by the last build, kept in the cache folder as JSON.

Working a slug out needs jieba and pypinyin, which take about 2 s to import; a site's names
(sections, tags, authors, Chinese file names) rarely change, so most builds need neither.
"""

import json
from importlib.metadata import version
from pathlib import Path

from plugins.core.cachefiles import read_or_none, write_whole

# Part of the file: a new jieba or pypinyin, or a change to how slugs are made (bump the number),
# and the kept slugs are worked out again.
FORMAT = f"1 jieba {version('jieba')} pypinyin {version('pypinyin')}"


def load(path: Path) -> dict[str, str]:
    """The kept slugs by name; empty when there is no file, it cannot be read, or it is of another format."""
    kept = read_or_none(path, json.loads)
    if not isinstance(kept, dict) or kept.get("format") != FORMAT or not isinstance(kept.get("slugs"), dict):
        return {}
    return {name: slug for name, slug in kept["slugs"].items() if isinstance(name, str) and isinstance(slug, str)}


def save(path: Path, slugs: dict[str, str]) -> None:
    """Write the slugs whole (a build cut short leaves the old file)."""
    write_whole(path, json.dumps({"format": FORMAT, "slugs": dict(sorted(slugs.items()))}, ensure_ascii=False, indent=0).encode())
