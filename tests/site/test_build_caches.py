"""A second build of unchanged content works from what the first kept: the same site, and neither
jieba nor pypinyin imported (together about 2 s of every build)."""

import os

from sitebuild import ROOT, run_pelican
from test_reproducible import tree


def imported(log: str) -> set[str]:
    """Top-level modules a build imported, from Python's -X importtime lines."""
    return {line.split("|")[-1].strip().split(".")[0] for line in log.splitlines() if line.startswith("import time:")}


def test_an_unchanged_rebuild_needs_no_segmenter(tmp_path):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795564800", PYTHONPROFILEIMPORTTIME="1")
    cache = f'CACHE_PATH="{tmp_path / "cache"}"'
    builds = []
    for run in ("cold", "warm"):
        process = run_pelican(ROOT / "content", tmp_path / run, "pelicanconf.py", "-e", cache, env=env)
        assert process.returncode == 0, process.stdout + process.stderr[-3000:]
        builds.append((imported(process.stderr), tree(tmp_path / run)))
    (cold_modules, cold_site), (warm_modules, warm_site) = builds
    assert {"jieba", "pypinyin"} <= cold_modules
    assert not {"jieba", "pypinyin"} & warm_modules
    assert warm_site == cold_site
