"""The live preview's quick worker: a saved story is rendered alone into the served site, as the full
build renders it (all but what needs the whole site: related stories, neighbours), touching nothing else."""

import os
import shutil
import sys

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, jpeg, run_pelican
from test_reproducible import tree

from preview.live import QuickWorker

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1795564800")
WHOLE_SITE_PARTS = ["aside.related", "nav.neighbors"]


class Preview:
    """The demo content copied, built whole once, and a quick worker on it."""

    def __init__(self, root):
        self.content, self.output, self.cache = root / "content", root / "output", root / "cache"
        shutil.copytree(ROOT / "content", self.content)
        self.build(self.output)
        self.said = root / "worker.log"
        command = [sys.executable, "-m", "preview.quick", "pelicanconf.py", str(self.content), str(self.output), str(self.cache)]
        self.worker = QuickWorker(command, stderr=self.said.open("w"))

    def build(self, output):
        process = run_pelican(self.content, output, "pelicanconf.py", "-e", f'CACHE_PATH="{self.cache}"', env=ENV)
        assert process.returncode == 0, process.stdout + process.stderr[-3000:]

    def edit(self, relative, old, new):
        path = self.content / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")

    def page(self, folder, relative) -> BeautifulSoup:
        soup = BeautifulSoup((folder / relative).read_text(encoding="utf-8"), "html.parser")
        for part in soup.select(", ".join(WHOLE_SITE_PARTS)):
            part.decompose()
        return soup


@pytest.fixture
def preview(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("COLUMNS", "400")  # the worker's messages one line each, as an editor's terminal shows them
    previewing = Preview(tmp_path)
    yield previewing
    previewing.worker.stop()


def changed_files(before: dict, after: dict) -> list[str]:
    return sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))


@pytest.mark.parametrize("relative, old, new, page", [
    ("articles/wenyi-yanchu.md", "四平植物园", "南湖公园", "2026/11/wenyi-yanchu.html"),
    ("articles/wuye-guanli.md", "Title: 健全管理机制 破解治理难题", "Title: 健全物业管理机制 破解小区治理难题", "2026/11/wuye-guanli.html"),
    ("photos/jinqiu-zhuxue.md", "本报通讯员", "本报记者", "2026/11/jinqiu-zhuxue.html"),
    ("pages/about.md", "演示站点", "示范站点", "about.html"),
])
def test_a_saved_item_is_rendered_alone_as_the_full_build_renders_it(preview, tmp_path, relative, old, new, page):
    before = tree(preview.output)
    preview.edit(relative, old, new)
    answer = preview.worker.ask(relative)
    assert answer["written"] == [page], answer
    assert changed_files(before, tree(preview.output)) == [page]  # no listing, no other story touched
    preview.build(tmp_path / "full")
    quick, full = preview.page(preview.output, page), preview.page(tmp_path / "full", page)
    assert new.split(": ")[-1] in quick.get_text()
    assert " ".join(str(quick).split()) == " ".join(str(full).split())


def test_the_header_lists_every_section_though_one_story_is_built(preview):
    preview.edit("articles/wenyi-yanchu.md", "四平植物园", "南湖公园")
    before = preview.page(preview.output, "index.html").select(".site-nav a")
    preview.worker.ask("articles/wenyi-yanchu.md")
    after = preview.page(preview.output, "2026/11/wenyi-yanchu.html").select(".site-nav a")
    assert [a.get_text(strip=True) for a in after] == [a.get_text(strip=True) for a in before]
    assert len(after) >= 6


def test_a_new_photo_item_brings_its_photos(preview):
    (preview.content / "images/qiaoliang-weixiu.jpg").write_bytes(jpeg(2400, 1600))
    (preview.content / "photos/qiaoliang-weixiu.md").write_text(
        "Title: 北山桥完成维修加固\nDate: 2026-11-26 10:00\nCategory: 图片新闻\nPhoto: images/qiaoliang-weixiu.jpg\n"
        "Alt: 工人在北山桥桥面铺设沥青\n\n11月25日，工人在北山桥桥面铺设沥青。本报通讯员 高欣 摄\n",
        encoding="utf-8",
    )
    answer = preview.worker.ask("photos/qiaoliang-weixiu.md")
    assert answer["written"][0] == "2026/11/qiaoliang-weixiu.html", answer
    page = preview.page(preview.output, "2026/11/qiaoliang-weixiu.html")
    sources = [page.select_one("figure img")["src"], *(s["srcset"].split()[0] for s in page.select("figure source"))]
    for source in sources:
        assert (preview.output / "2026/11" / source).resolve().is_file(), source
    assert "高欣" in page.select_one("figcaption").get_text()


def test_a_draft_is_shown_where_the_preview_shows_drafts(preview):
    (preview.content / "articles/dongji-gongre.md").write_text(
        "Title: 今冬供热准备就绪\nDate: 2026-11-26 09:00\nCategory: 民生\nStatus: draft\n\n全区供热管网已完成注水试压。\n",
        encoding="utf-8",
    )
    answer = preview.worker.ask("articles/dongji-gongre.md")
    assert answer["written"] == ["drafts/dongji-gongre.html"], answer
    assert "草稿" in preview.page(preview.output, "drafts/dongji-gongre.html").select_one(".preview-banner").get_text()


def test_a_mistake_is_named_and_the_page_shown_before_stays(preview):
    before = tree(preview.output)
    preview.edit("articles/wenyi-yanchu.md", "Date: 2026-11-24 07:30", "Date: 2026年11月24日")
    answer = preview.worker.ask("articles/wenyi-yanchu.md")
    assert answer["written"] == [] and "error" not in answer
    assert tree(preview.output) == before
    assert "articles/wenyi-yanchu.md:4: 错误: Date “2026年11月24日” 无法识别" in preview.said.read_text(encoding="utf-8")
