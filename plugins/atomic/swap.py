"""Replace a folder by a freshly built one in as few steps as the file system allows."""

import contextlib
import fcntl
import os
import shutil
import subprocess
import time
from pathlib import Path


def staging_folder(output: Path) -> Path:
    """Where a build of `output` is written before it replaces it: beside it, on the same disk."""
    return output.with_name(f".{output.name}.building")


@contextlib.contextmanager
def output_lock(output: Path):
    """Held while the folder is replaced, and by anything else that writes into it (the live
    preview's quick pages), so neither finds the folder half way through the other's work. The
    lock is on the folder that holds the output: no lock file is left beside it."""
    output.parent.mkdir(parents=True, exist_ok=True)
    folder = os.open(output.parent, os.O_RDONLY)
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        yield
    finally:
        os.close(folder)  # and with it the lock


def retired_folder(output: Path) -> Path:
    """Where the site a build replaced stays until the next build clears it."""
    return output.with_name(f".{output.name}.previous")


def clear_in_background(output: Path) -> subprocess.Popen | None:
    """Remove the retired site in a process of its own (`rm -r`, started now, waited for before
    the swap): removing tens of thousands of files is the kernel's work, done beside the build's
    reading, not after its last step. A process, not a thread: a thread's Python loop would hold
    the GIL the build needs. The folder is first renamed, under the lock, to a name of this
    build's own, so the process never meets a folder another build has put at the retired name
    since; trash a killed build left goes too. None when there is nothing to remove."""
    with output_lock(output):
        retired = retired_folder(output)
        if retired.exists():
            retired.rename(output.with_name(f".{output.name}.trash.{os.getpid()}.{time.time_ns()}"))
    trash = sorted(str(folder) for folder in output.parent.glob(f".{output.name}.trash.*"))
    if not trash:
        return None
    return subprocess.Popen(["rm", "-rf", "--", *trash], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def replace_folder(output: Path, built: Path) -> None:
    """Put `built` where `output` is; the old output is moved aside (retired_folder), where it
    stays until the next build clears it. Should the second step fail, the old output is put back."""
    retired = retired_folder(output)
    shutil.rmtree(retired, ignore_errors=True)  # cleared already, unless this build did not clear it
    with output_lock(output):
        if output.exists():
            output.rename(retired)
        try:
            built.rename(output)
        except OSError:
            if retired.exists() and not output.exists():
                retired.rename(output)
            raise
