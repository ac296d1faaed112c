"""Replace a folder by a freshly built one in as few steps as the file system allows."""

import contextlib
import fcntl
import os
import shutil
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


def replace_folder(output: Path, built: Path) -> None:
    """Put `built` where `output` is; the old output is moved aside first, then removed. Should
    the second step fail, the old output is put back."""
    retired = output.with_name(f".{output.name}.previous")
    shutil.rmtree(retired, ignore_errors=True)
    with output_lock(output):
        if output.exists():
            output.rename(retired)
        try:
            built.rename(output)
        except OSError:
            if retired.exists() and not output.exists():
                retired.rename(output)
            raise
    shutil.rmtree(retired, ignore_errors=True)
