"""Publishing: absolute URLs from $SITEURL, feeds that parse, and any warning stops the build."""

import os
import subprocess
import sys

import feedparser
import pytest
from sitebuild import ROOT, run_pelican, write_files

SITEURL = "https://news.example.gov.cn"


def publish_env(**extra: str) -> dict:
    env = {key: value for key, value in os.environ.items() if key != "SITEURL"}
    return env | extra


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    output = tmp_path_factory.mktemp("published") / "output"
    process = run_pelican(ROOT / "content", output, "publishconf.py", env=publish_env(SITEURL=SITEURL))
    assert process.returncode == 0, process.stdout + process.stderr
    return output


def test_pages_use_absolute_urls(published):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((published / "2026/11/wuye-guanli.html").read_text(encoding="utf-8"), "html.parser")
    assert page.find("link", rel="canonical")["href"] == f"{SITEURL}/2026/11/wuye-guanli.html"
    assert page.find("meta", property="og:url")["content"] == f"{SITEURL}/2026/11/wuye-guanli.html"
    assert page.find("link", rel="stylesheet")["href"].startswith(SITEURL + "/")


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/yaowen.atom.xml", "feeds/tupian-xinwen.atom.xml"])
def test_feeds_parse_with_absolute_links(published, feed):
    parsed = feedparser.parse((published / feed).read_bytes())
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert parsed.entries
    for entry in parsed.entries:
        assert entry.link.startswith(SITEURL + "/2026/11/")
        assert entry.updated_parsed or entry.published_parsed


def test_whole_site_feed_has_every_item(published):
    parsed = feedparser.parse((published / "feeds/all.atom.xml").read_bytes())
    assert len(parsed.entries) == 8
    titles = {entry.title for entry in parsed.entries}
    assert "健全管理机制 破解治理难题" in titles


def test_publish_task_refuses_to_build_without_a_site_address(tmp_path):
    process = subprocess.run(
        [sys.executable, "-m", "invoke", "publish", "--output", str(tmp_path / "out")],
        cwd=ROOT, capture_output=True, text=True, env=publish_env(),
    )
    assert process.returncode != 0
    assert "SITEURL" in process.stderr and "Traceback" not in process.stderr
    assert not (tmp_path / "out").exists()


def test_a_warning_fails_the_strict_build(tmp_path):
    content = write_files(
        tmp_path / "content",
        {
            "photos/wu-alt.md": "Title: 没有替代文字的图片新闻\nDate: 2026-11-24\nPhoto: images/a.jpg\n\n说明文字。 东宣 摄\n",
            "images/a.jpg": (ROOT / "content/images/jinqiu-zhuxue.jpg").read_bytes(),
        },
    )
    process = run_pelican(content, tmp_path / "out", "publishconf.py", env=publish_env(SITEURL=SITEURL))
    log = process.stdout + process.stderr
    assert process.returncode != 0
    assert "photos/wu-alt.md" in log and "Alt" in log
    assert "严格构建未通过" in log and "Traceback" not in log


def test_a_strict_build_lists_every_problem_before_failing(tmp_path):
    photo = (ROOT / "content/images/jinqiu-zhuxue.jpg").read_bytes()
    content = write_files(
        tmp_path / "content",
        {
            "photos/yi.md": "Title: 图片一\nDate: 2026-11-24\nPhoto: images/a.jpg\n\n说明一。 东宣 摄\n",
            "photos/er.md": "Title: 图片二\nDate: 2026-11-24\nPhoto: images/a.jpg\nAlt: 现场\n\n",
            "images/a.jpg": photo,
        },
    )
    process = run_pelican(content, tmp_path / "out", "publishconf.py", env=publish_env(SITEURL=SITEURL))
    log = process.stdout + process.stderr
    assert process.returncode == 1
    assert "photos/yi.md" in log and "photos/er.md" in log
    assert "以上共 2 条" in log


def test_publish_task_runs_the_content_check_first(tmp_path):
    """A mistake only `invoke check` sees (an unknown section) stops publishing; the site stays."""
    content = write_files(tmp_path / "content", {"articles/a.md": "Title: 稿件\nDate: 2026-11-24\nCategory: 要闻\n\n正文。\n"})
    output = tmp_path / "out"
    task = [sys.executable, "-m", "invoke", "publish", "--content", str(content), "--output", str(output)]
    assert subprocess.run(task, cwd=ROOT, capture_output=True, env=publish_env(SITEURL=SITEURL)).returncode == 0
    before = sorted(p.read_bytes() for p in output.rglob("*") if p.is_file())
    write_files(content, {"articles/b.md": "Title: 栏目写错的稿件\nDate: 2026-11-24\nCategory: 文艺\n\n正文。\n"})
    failed = subprocess.run(task, cwd=ROOT, capture_output=True, text=True, env=publish_env(SITEURL=SITEURL))
    assert failed.returncode != 0
    assert "articles/b.md:3: 错误" in failed.stdout + failed.stderr and "section-unknown" in failed.stdout + failed.stderr
    assert sorted(p.read_bytes() for p in output.rglob("*") if p.is_file()) == before
