"""The build's worker processes start the same way whatever multiprocessing's default start method
("fork" on Linux up to Python 3.13, "forkserver" from 3.14, "spawn" on macOS): a cold build that
reads ahead, writes on two cores and makes its photos in workers exits 0 and gives the same bytes."""

import os
import shutil
import subprocess
import sys

import pytest
from sitebuild import ROOT
from test_reproducible import tree

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1795564800", COLUMNS="400")  # 2026-11-25
# Every multi-process path, on the demo's eight stories and three photo items.
MANY_PROCESSES = ["INCREMENTAL_READ_AHEAD_FROM=2", "INCREMENTAL_TWO_WRITERS_FROM=1", "PHOTOS_WORKERS=1"]
# Pelican's own command, after the default start method is set as a program embedding it would.
WITH_START_METHOD = "import multiprocessing, sys; multiprocessing.set_start_method(sys.argv.pop(1)); import pelican; pelican.main()"


def cold_build(root, start_method: str | None) -> subprocess.CompletedProcess:
    """Build the demo into root/output with a cache of its own (no photo made yet), the default start method set or not."""
    run = [sys.executable, "-m", "pelican"] if start_method is None else [sys.executable, "-c", WITH_START_METHOD, start_method]
    settings = ["-s", "pelicanconf.py", "-o", str(root / "output"), "-e", f'CACHE_PATH="{root / "cache"}"', *MANY_PROCESSES, "-v"]
    return subprocess.run([*run, str(root / "content"), *settings], cwd=ROOT, capture_output=True, text=True, env=ENV, check=False)


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, tuple[subprocess.CompletedProcess, dict[str, str]]]:
    """The demo built cold as Pelican's command builds it, and with each default start method: (process, tree)."""
    built = {}
    for start_method in (None, "spawn", "forkserver"):
        root = tmp_path_factory.mktemp(f"start-{start_method or 'as-run'}")
        shutil.copytree(ROOT / "content", root / "content")
        process = cold_build(root, start_method)
        built[start_method or "as run"] = process, tree(root / "output") if process.returncode == 0 else {}
    return built


@pytest.mark.parametrize("start_method", ["as run", "spawn", "forkserver"])
def test_the_build_succeeds_on_every_path_and_makes_every_photo(builds, start_method):
    process, pages = builds[start_method]
    log = process.stdout + process.stderr
    assert process.returncode == 0, log[-3000:]
    assert "由第二个进程预读" in log, "a second process read stories ahead"
    assert "照片：新处理 3 张" in log, "the three photos were made, none taken from a cache"
    photos = [path for path in pages if path.startswith("images/") and path.endswith((".webp", ".jpg"))]
    for name in ("jinqiu-zhuxue", "loudao-qingli", "minzu-xuanjiang"):
        assert any(os.path.basename(path).startswith(name) for path in photos), name


@pytest.mark.parametrize("start_method", ["spawn", "forkserver"])
def test_every_start_method_gives_the_same_bytes(builds, start_method):
    as_run, other = builds["as run"][1], builds[start_method][1]
    assert as_run and other
    assert sorted(as_run) == sorted(other)
    assert [path for path in as_run if as_run[path] != other[path]] == []
