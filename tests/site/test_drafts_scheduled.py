"""Drafts and items dated in the future: shown, marked, in the preview; nowhere on the public site."""

import os

import pytest

from sitebuild import run_pelican, text, write_files

SITEURL = "https://news.example.gov.cn"
CONTENT = {
    "articles/yifabu.md": "Title: 已经发布的稿件\nDate: 2026-11-24 08:00\nCategory: 政务\n\n正文。\n",
    "articles/caogao.md": "Title: 尚未定稿的稿件\nDate: 2026-11-24 09:00\nCategory: 政务\nStatus: draft\n\n草稿正文。\n",
    "articles/dingshi.md": "Title: 明年元旦的定时稿件\nDate: 2099-01-01 00:00\nCategory: 政务\nScheduled: true\n\n定时正文。\n",
}


@pytest.fixture(scope="module")
def builds(tmp_path_factory):
    root = tmp_path_factory.mktemp("drafts")
    content = write_files(root / "content", CONTENT)
    env = dict(os.environ, SITEURL=SITEURL)
    for name, settings in (("preview", "pelicanconf.py"), ("public", "publishconf.py")):
        process = run_pelican(content, root / name, settings, env=env)
        assert process.returncode == 0, process.stdout + process.stderr
    return root


def every_text(folder) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file() and p.suffix in (".html", ".xml", ".txt"))


def test_preview_shows_a_draft_marked_as_draft(builds):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((builds / "preview/drafts/caogao.html").read_text(encoding="utf-8"), "html.parser")
    assert text(page.select_one(".preview-banner")).startswith("草稿")


def test_preview_shows_a_scheduled_item_marked_as_scheduled(builds):
    from bs4 import BeautifulSoup

    page = BeautifulSoup((builds / "preview/2099/01/dingshi.html").read_text(encoding="utf-8"), "html.parser")
    assert text(page.select_one(".preview-banner")).startswith("定时发布")


def test_public_site_has_neither(builds):
    public = every_text(builds / "public")
    assert "已经发布的稿件" in public
    assert "尚未定稿的稿件" not in public and "caogao" not in public
    assert "明年元旦的定时稿件" not in public and "dingshi" not in public
    assert not (builds / "public/drafts").exists()


def test_a_draft_has_no_news_metadata_for_search_engines_and_a_published_story_has(builds):
    from bs4 import BeautifulSoup

    def json_ld(path):
        page = BeautifulSoup((builds / path).read_text(encoding="utf-8"), "html.parser")
        return page.select('script[type="application/ld+json"]')

    assert json_ld("preview/drafts/caogao.html") == []
    [published] = json_ld("preview/2026/11/yifabu.html")
    assert '"headline":"已经发布的稿件"' in published.string
