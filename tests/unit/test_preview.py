"""The live preview's decisions: what a saved file shows at once, which stories stand in for the other
sections, and the order of quick pages and full builds when an editor saves during a build."""

import sys
import time

import pytest
from sitebuild import write_files

from plugins.core.paths import is_under
from preview.live import LivePreview, needs_new_worker, quick_items
from preview.quick import header_fields, one_item_settings, section_stand_ins


@pytest.mark.parametrize("text, fields", [
    ("Title: 立足群众文化需求\nDate: 2026-11-24 07:30\nCategory: 文化\n\n正文：第一段", {"title": "立足群众文化需求", "date": "2026-11-24 07:30", "category": "文化"}),
    ("Title: 时间：上午 10:00\nStatus: Draft\n", {"title": "时间：上午 10:00", "status": "Draft"}),
    ("近日，铁东区文联举办文艺演出。\nCategory: 文化\n", {}),
    ("", {}),
])
def test_header_fields(text, fields):
    assert header_fields(text) == fields


@pytest.mark.parametrize("relative, folders, under", [
    ("pages/about.md", ["pages"], True),
    ("pages/about.md", ["pages/"], True),
    ("pagesold/about.md", ["pages"], False),
    ("articles/wenyi-yanchu.md", ["pages"], False),
    ("articles/wenyi-yanchu.md", [""], True),
])
def test_is_under(relative, folders, under):
    assert is_under(relative, folders) is under


def story(section: str = "", status: str = "") -> str:
    fields = ["Title: 标题", "Date: 2026-11-24 07:30", *([f"Category: {section}"] if section else []), *([f"Status: {status}"] if status else [])]
    return "\n".join(fields) + "\n\n正文。\n"


def test_one_published_story_stands_in_for_each_section(tmp_path):
    write_files(tmp_path, {
        "articles/a-draft.md": story("政务", status="draft"),
        "articles/b-zhengwu.md": story("政务"),
        "articles/c-zhengwu.md": story("政务"),
        "articles/d-no-section.md": story(),
        "photos/e-photo.md": story("图片新闻"),
        "pages/about.md": "Title: 关于本站\n\n本站是演示站点。\n",
    })
    assert section_stand_ins(tmp_path, [""], ["pages"], "要闻") == {
        "政务": "articles/b-zhengwu.md",
        "要闻": "articles/d-no-section.md",
        "图片新闻": "photos/e-photo.md",
    }


def test_a_one_item_site_leaves_the_whole_site_work_and_the_caches_alone():
    settings = {"PLUGINS": ["plugins.editorial", "plugins.slugs", "plugins.photos", "plugins.related", "neighbors", "plugins.search",
                            "plugins.strict", "plugins.incremental", "plugins.atomic"],
                "PAGE_PATHS": ["pages"], "ARTICLE_PATHS": [""], "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    story_site = one_item_settings(settings, "articles/wenyi-yanchu.md", "/tmp/staging", ["photos/e.md"])
    assert story_site["ARTICLE_PATHS"] == ["articles/wenyi-yanchu.md", "photos/e.md"]
    assert story_site["PLUGINS"] == ["plugins.editorial", "plugins.slugs", "plugins.photos"]
    assert story_site["OUTPUT_PATH"] == "/tmp/staging"
    assert not story_site["CACHE_CONTENT"] and not story_site["LOAD_CONTENT_CACHE"]
    assert story_site["DIRECT_TEMPLATES"] == [] and story_site["TAG_SAVE_AS"] == ""
    page_site = one_item_settings(settings, "pages/about.md", "/tmp/staging", ["photos/e.md"])
    assert page_site["ARTICLE_PATHS"] == ["photos/e.md"] and page_site["PAGE_PATHS"] == ["pages"]


def test_saved_stories_and_pages_are_shown_at_once_other_files_wait(tmp_path):
    write_files(tmp_path, {"content/articles/wenyi-yanchu.md": story("文化"), "content/pages/about.md": story(),
                           "content/images/jinqiu.jpg": b"\xff\xd8", "theme/templates/base.html": "<html>"})
    changed = [tmp_path / "content/articles/wenyi-yanchu.md", tmp_path / "content/pages/about.md",
               tmp_path / "content/images/jinqiu.jpg", tmp_path / "content/articles/deleted.md",
               tmp_path / "theme/templates/base.html"]
    assert quick_items(changed, tmp_path / "content") == ["articles/wenyi-yanchu.md", "pages/about.md"]


@pytest.mark.parametrize("changed, restart", [
    (["plugins/related/rank.py"], True),
    (["theme/templates/base.html", "content/articles/a.md"], False),
])
def test_a_changed_plugin_restarts_the_quick_worker(tmp_path, changed, restart):
    assert needs_new_worker([tmp_path / path for path in changed], tmp_path / "plugins") is restart


class RecordingWorker:
    """Stands in for the worker process: records what it was asked and answers as it would."""

    def __init__(self):
        self.asked, self.restarts = [], 0

    def start(self):
        self.restarts += 1

    def stop(self):
        pass

    def ask(self, line):
        self.asked.append(line)
        return {"path": line, "written": [line.replace(".md", ".html")] if line else [], "seconds": 0.05}


@pytest.fixture
def live(tmp_path):
    write_files(tmp_path, {"content/articles/a.md": story("文化"), "content/articles/b.md": story("民生")})
    reloads, said = [], []
    preview = LivePreview([sys.executable, "-c", "pass"], RecordingWorker(), tmp_path / "content", tmp_path / "plugins",
                          reloads.append, said.append)
    preview.reloads, preview.said = reloads, said
    yield preview
    preview.stop()


def test_a_story_saved_while_idle_is_shown_then_built_whole(live):
    live.on_changed({live.content / "articles/a.md"})
    assert live.worker.asked == ["articles/a.md"]
    assert live.reloads == ["articles/a.md"]
    assert live.build is not None and not live.again
    assert "articles/a.md" in live.said[0]


def test_a_story_saved_during_a_build_is_shown_again_after_it_and_built_again(live):
    live.start_build()
    live.on_changed({live.content / "articles/a.md"})
    live.on_changed({live.content / "articles/b.md"})
    assert live.worker.asked == ["articles/a.md", "articles/b.md"] and live.again
    live.build.wait()
    live.on_built(0)
    # the finished build read both stories before they were saved: its site replaced their quick pages
    assert live.worker.asked[2:] == ["", "articles/a.md", "articles/b.md"]
    assert live.build is not None and not live.again and live.shown_early == set()
    assert live.reloads[-1] == "*"


def test_a_failed_build_keeps_the_preview_and_says_so(live):
    live.start_build()
    live.build.wait()
    live.on_built(1)
    assert live.build is None
    assert "全站重建失败" in live.said[-1]


def test_a_changed_plugin_restarts_the_worker_and_rebuilds(live):
    live.on_changed({live.content.parent / "plugins/related/rank.py"})
    assert live.worker.restarts == 1 and live.worker.asked == [] and live.build is not None


def test_a_change_between_serving_a_page_and_its_stream_connecting_reloads_it_at_once():
    from preview.serve import Reloads, since, with_script

    reloads = Reloads()
    page = with_script(b"<html><head><title>x</title></head><body></body></html>", reloads.count)
    assert page.index(b'<script src="/__preview/reload.js?since=0">') < page.index(b"</head>")
    reloads.reload()  # saved while the page was on its way
    served_at = since("/__preview/events?since=0")
    started = time.monotonic()
    assert reloads.wait(served_at) == 1 and time.monotonic() - started < 1
