"""Two builds of the same content are byte for byte the same: pages, feeds, sitemaps, photos."""

import hashlib
import json
import os

import pytest

from sitebuild import ROOT, run_pelican


def tree(folder) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_two_publish_builds_are_identical(tmp_path):
    env = dict(os.environ, SITEURL="https://news.example.gov.cn", SOURCE_DATE_EPOCH="1795564800")  # 2026-11-25
    outputs = []
    for run in ("first", "second"):
        output = tmp_path / run
        # Separate photo caches, so the second build encodes every photo again rather than copying.
        process = run_pelican(ROOT / "content", output, "publishconf.py", "-e", f'CACHE_PATH="{tmp_path / run}-cache"', env=env)
        assert process.returncode == 0, process.stdout + process.stderr
        outputs.append(tree(output))
    first, second = outputs
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
    assert any(path.startswith("feeds/") for path in first) and "news-sitemap.xml" in first


@pytest.mark.parametrize("plugin", ["plugins.fixedurls", "plugins.listings"])
def test_a_plugin_that_only_saves_time_changes_no_byte(tmp_path, plugin):
    """plugins/fixedurls (addresses worked out once) and plugins/listings (each name's stories
    found through an index) only save time: the demo built without either is the same site."""
    from pelicanconf import PLUGINS

    env = dict(os.environ, SOURCE_DATE_EPOCH="1795564800")
    cache = f'CACHE_PATH="{tmp_path / "cache"}"'
    without = json.dumps([name for name in PLUGINS if name != plugin])
    outputs = []
    for run, extra in (("with", []), ("without", ["-e", f"PLUGINS={without}"])):
        process = run_pelican(ROOT / "content", tmp_path / run, "pelicanconf.py", "-e", cache, *extra, env=env)
        assert process.returncode == 0, process.stdout + process.stderr
        outputs.append(tree(tmp_path / run))
    assert plugin in PLUGINS
    assert outputs[0] == outputs[1]
