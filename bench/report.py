"""What each benchmark in bench/ does around its measurements: a work folder, the machine, the report."""

import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path


@contextmanager
def work_folder(prefix: str, keep: bool) -> Iterator[Path]:
    """A fresh folder under /tmp for corpora and builds; removed afterwards unless `keep`."""
    work = Path(tempfile.mkdtemp(prefix=prefix))
    try:
        yield work
    finally:
        if keep:
            print(f"work folder kept: {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def version_of(command: list[str]) -> str:
    """What `command` prints, as a tool's version line."""
    return subprocess.run(command, capture_output=True, text=True, check=False).stdout.strip()


def machine(**versions: str) -> dict:
    """Cores, memory, Python, and the given tools' versions, that the figures were measured with."""
    memory = subprocess.run(["free", "-m"], capture_output=True, text=True, check=False).stdout
    return {"cores": os.cpu_count(), "memory_mib": int(re.search(r"Mem:\s+(\d+)", memory)[1]),
            "python": platform.python_version(), **versions}


def write_report(out: Path, machine: dict, runs: list[dict], markdown: Callable[[dict], str]) -> None:
    """The runs as JSON at `out`, their tables as Markdown beside it (.md), and the tables printed."""
    tables = "\n".join(markdown(run) for run in runs)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"machine": machine, "runs": runs}, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    out.with_suffix(".md").write_text(tables, encoding="utf-8")
    print(tables)
