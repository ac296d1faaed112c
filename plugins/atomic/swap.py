"""Replace a folder by a freshly built one in as few steps as the file system allows."""

import shutil
from pathlib import Path


def staging_folder(output: Path) -> Path:
    """Where a build of `output` is written before it replaces it: beside it, on the same disk."""
    return output.with_name(f".{output.name}.building")


def replace_folder(output: Path, built: Path) -> None:
    """Put `built` where `output` is; the old output is moved aside first, then removed."""
    retired = output.with_name(f".{output.name}.previous")
    shutil.rmtree(retired, ignore_errors=True)
    if output.exists():
        output.rename(retired)
    built.rename(output)
    shutil.rmtree(retired, ignore_errors=True)
