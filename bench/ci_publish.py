"""The one-edit rebuild CI's publish job runs: only what CI keeps between runs is kept (issue 26).

CI checks the repository out afresh for every run: the output folder is not there, and every
content file is new to the file system (modification time and inode of the checkout), so a
story kept by plugins/incremental, whose stamp is size, mtime and inode, is read again. What
survives is what actions/cache restores into cache/. Each scenario starts from the state a
local one-edit rebuild left (the cache and content of the build before), removes the output,
keeps what the scenario keeps of the cache, edits one more article and builds:

  ci_cache         the whole cache/ kept (pages.json, stories.sqlite, photos, related terms,
                   search, slugs), output/ gone, content freshly checked out;
  ci_photos        only cache/photos kept (what .github/workflows/publish.yml keeps today),
                   output/ gone, content freshly checked out;
  ci_cache_stamps  the whole cache/ kept, output/ gone, the content files as the last build
                   left them (their stamps unchanged): what ci_cache would be if the kept
                   stories were keyed by what a checkout keeps (a file's bytes), not its stamp.

The same settings as the bench's other builds (pelicanconf.py); CI's publish also runs the
content check and publishconf.py (feeds, strict), which none of these includes.
"""

import shutil
from collections.abc import Callable
from pathlib import Path

# name, what is kept of the cache (None: all of it), whether the content is a fresh checkout.
# The fresh checkouts come first: the last scenario puts the last build's own content back.
SCENARIOS = (
    ("ci_cache", None, True),
    ("ci_photos", ("photos",), True),
    ("ci_cache_stamps", None, False),
)
DESCRIBED = {
    "ci_cache": "CI publish, cache/ kept, output/ gone",
    "ci_photos": "CI publish, only cache/photos kept (today's CI)",
    "ci_cache_stamps": "CI publish, cache/ kept, output/ gone, content stamps kept",
}


def without_output(output: Path) -> None:
    """The output and what atomic keeps beside it (staging, retired site): none of it is in a fresh CI run."""
    for folder in [output, *output.parent.glob(f".{output.name}.*")]:
        shutil.rmtree(folder, ignore_errors=True)


def restore_cache(kept: Path, cache: Path, parts: tuple[str, ...] | None) -> None:
    """`cache` as CI would restore it from `kept`: all of it, or only the named parts, or nothing."""
    shutil.rmtree(cache, ignore_errors=True)
    if parts is None:
        shutil.copytree(kept, cache)
        return
    cache.mkdir(parents=True)
    for part in parts:
        if (kept / part).is_dir():
            shutil.copytree(kept / part, cache / part)
        elif (kept / part).exists():
            shutil.copy2(kept / part, cache / part)


def fresh_checkout(last: Path, content: Path) -> None:
    """`content` as a new checkout of `last`: the same bytes, new files (new mtime and inode)."""
    shutil.copytree(last, content, copy_function=shutil.copy)  # shutil.copy keeps the mode, not the times


def ci_publish(build: Callable[[str], dict], content: Path, output: Path, cache: Path, work: Path,
               edit_one: Callable[[Path, str], None]) -> dict:
    """Each scenario's one-edit build, `build(name)` measuring it (same command, same paths: the
    incremental plugin's salt covers the settings, paths included). Leaves content, output and
    cache as the last scenario's build left them."""
    last_content, kept_cache = work / "content-last", work / "cache-kept"
    content.rename(last_content)
    cache.rename(kept_cache)
    results = {}
    for number, (name, parts, fresh) in enumerate(SCENARIOS, 1):
        without_output(output)
        restore_cache(kept_cache, cache, parts)
        if fresh:
            shutil.rmtree(content, ignore_errors=True)
            fresh_checkout(last_content, content)
        else:
            shutil.rmtree(content, ignore_errors=True)
            last_content.rename(content)
        edit_one(content, f"持续集成修改{number}")
        results[name] = build(name)
    shutil.rmtree(kept_cache, ignore_errors=True)
    return results
