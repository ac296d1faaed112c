"""The one-edit rebuild CI's publish job runs: only what CI keeps between runs is kept (issue 26).

CI checks the repository out afresh for every run: every content file is new to the file system
(modification time and inode of the checkout; plugins/incremental then tells it by its bytes).
What survives is what actions/cache restores. Each scenario starts from the state a local
one-edit rebuild left (the cache, output and content of the build before), keeps what the
scenario keeps, checks the content out anew, edits one more article and builds:

  ci_kept    cache/ and output/ restored (.github/workflows/publish.yml keeps both), as
             copies: new inodes, the files' times kept as a cache archive keeps them;
  ci_cache   the whole cache/ restored, output/ gone;
  ci_photos  only cache/photos restored (what CI kept before this issue), output/ gone.

The same settings as the bench's other builds (pelicanconf.py); CI's publish also runs the
content check and publishconf.py (feeds, strict), which none of these includes.
"""

import shutil
from collections.abc import Callable
from pathlib import Path

# name, what is kept of the cache (None: all of it), whether the content is a fresh checkout.
# The fresh checkouts come first: the last scenario puts the last build's own content back.
# name, what is kept of the cache (None: all of it), whether the last output is restored.
SCENARIOS = (
    ("ci_kept", None, True),
    ("ci_cache", None, False),
    ("ci_photos", ("photos",), False),
)
DESCRIBED = {
    "ci_kept": "CI publish, cache/ and output/ restored (today's CI)",
    "ci_cache": "CI publish, cache/ restored, output/ gone",
    "ci_photos": "CI publish, only cache/photos restored, output/ gone",
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
    last_content, kept_cache, kept_output = work / "content-last", work / "cache-kept", work / "output-kept"
    content.rename(last_content)
    cache.rename(kept_cache)
    output.rename(kept_output)
    results = {}
    for number, (name, parts, with_output) in enumerate(SCENARIOS, 1):
        without_output(output)
        if with_output:
            shutil.copytree(kept_output, output)  # new inodes, times kept
        restore_cache(kept_cache, cache, parts)
        shutil.rmtree(content, ignore_errors=True)
        fresh_checkout(last_content, content)
        edit_one(content, f"持续集成修改{number}")
        results[name] = build(name)
    for folder in (kept_cache, kept_output, last_content):
        shutil.rmtree(folder, ignore_errors=True)
    return results
