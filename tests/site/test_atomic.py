"""Output is replaced only by a whole, successful build; a failed or killed build changes nothing."""

import hashlib
import os
import signal
import subprocess
import sys
import time

from sitebuild import ROOT, run_pelican, write_files

GOOD = {
    "articles/wenyi.md": "Title: 铁东区文联举办文艺演出\nDate: 2026-11-24 07:30\nCategory: 文化\n\n近日，铁东区文联举办文艺演出。\n",
}


def tree(folder) -> dict[str, str]:
    """Every file of a folder and the hash of its bytes."""
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def leftovers(tmp_path) -> list[str]:
    """Half-built folders beside the output (the retired site, kept until the next build, aside)."""
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".output.") and p.name != ".output.previous")


def test_the_replaced_site_is_kept_aside_until_the_next_build_clears_it(tmp_path):
    content = write_files(tmp_path / "content", GOOD)
    assert run_pelican(content, tmp_path / "output").returncode == 0
    assert not (tmp_path / ".output.previous").exists()
    first = tree(tmp_path / "output")
    write_files(content, {"articles/jianxun.md": "Title: 社区简讯\nDate: 2026-11-25 09:00\nCategory: 政务\n\n简讯正文。\n"})
    assert run_pelican(content, tmp_path / "output").returncode == 0
    assert tree(tmp_path / ".output.previous") == first
    second = tree(tmp_path / "output")
    assert run_pelican(content, tmp_path / "output").returncode == 0
    assert tree(tmp_path / ".output.previous") == second, "the older one is gone, not kept beside it"
    assert sorted(p.name for p in tmp_path.iterdir()) == [".output.previous", "content", "output"], "no trash left either"


def test_a_failed_publish_build_leaves_the_last_good_site(tmp_path):
    env = dict(os.environ, SITEURL="https://news.example.gov.cn")
    content = write_files(tmp_path / "content", GOOD)
    assert run_pelican(content, tmp_path / "output", "publishconf.py", env=env).returncode == 0
    before = tree(tmp_path / "output")
    write_files(content, {"articles/cuowu.md": "Title: 有未知字段的稿件\nKiker: 引题\nDate: 2026-11-24\nCategory: 文化\n\n正文。\n"})
    failed = run_pelican(content, tmp_path / "output", "publishconf.py", env=env)
    assert failed.returncode == 1
    assert tree(tmp_path / "output") == before
    assert leftovers(tmp_path) == []


def test_a_successful_build_replaces_the_whole_output(tmp_path):
    content = write_files(tmp_path / "content", GOOD)
    (tmp_path / "output").mkdir()
    (tmp_path / "output" / "stale.html").write_text("上次构建留下的旧页面", encoding="utf-8")
    assert run_pelican(content, tmp_path / "output").returncode == 0
    assert not (tmp_path / "output" / "stale.html").exists()
    assert (tmp_path / "output" / "2026/11/wenyi.html").is_file()
    assert leftovers(tmp_path) == []


def test_a_build_killed_half_way_leaves_the_last_good_site(tmp_path):
    content = write_files(tmp_path / "content", GOOD)
    assert run_pelican(content, tmp_path / "output").returncode == 0
    before = tree(tmp_path / "output")
    many = {f"articles/jianxun-{n:03d}.md": f"Title: 简讯第{n}期\nDate: 2026-11-{n % 28 + 1:02d}\nCategory: 政务\nTags: 基层治理\n\n第{n}期简讯正文。\n" for n in range(300)}
    write_files(content, many)
    command = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(tmp_path / "output")]
    build = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    staging = tmp_path / ".output.building"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and not (staging.is_dir() and len(list(staging.rglob("*.html"))) > 20):
        time.sleep(0.05)
    assert build.poll() is None, "the build finished before it could be killed; give it more to do"
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert tree(tmp_path / "output") == before
    assert run_pelican(content, tmp_path / "output").returncode == 0, "the next build clears the half-built folder"
    assert (tmp_path / "output/2026/11/jianxun-299.html").is_file() and leftovers(tmp_path) == []
