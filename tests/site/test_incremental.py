"""A rebuild reads only the stories whose files changed and renders only the pages whose inputs
changed, and is the same site, byte for byte, as a cold build of the same content: after adding,
editing, renaming and deleting stories, changing a tag, a section, a photo item, a photo file, and
after the live preview wrote a page of its own."""

import os
import re
import shutil

import pytest
from sitebuild import ROOT, jpeg, run_pelican
from test_reproducible import tree

ENV = dict(os.environ, SOURCE_DATE_EPOCH="1795564800", COLUMNS="400")  # 2026-11-25
COUNTS = re.compile(r"页面 \(pages\): 重新生成 (\d+)，沿用上次 (\d+)")
STORIES = re.compile(r"稿件 \(stories\): 读取 (\d+)，沿用上次 (\d+)")


def logged_build(content, output, cache, *settings: str, env=ENV):
    """Build, with settings given as NAME=value; the log."""
    process = run_pelican(content, output, "pelicanconf.py", "-e", f'CACHE_PATH="{cache}"', *settings, "-v", env=env)
    assert process.returncode == 0, process.stdout + process.stderr[-3000:]
    return process.stdout + process.stderr


def build(content, output, cache, *settings: str) -> tuple[int, int]:
    """Build; (pages rendered, pages taken from the last build)."""
    rendered, reused = COUNTS.search(logged_build(content, output, cache, *settings)).groups()
    return int(rendered), int(reused)


def stories_read(log: str) -> tuple[int, int]:
    """(stories read, stories kept from the last build) as the build logged them."""
    read, kept = STORIES.search(log).groups()
    return int(read), int(kept)


def replace(path, old, new):
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_story(content):
    (content / "articles/dongji-gongre.md").write_text(
        "Title: 今冬供热准备就绪\nDate: 2026-11-25 09:00\nCategory: 民生\nTags: 供热, 民生实事\n"
        "Byline: 本报记者 李明\n\n全区供热管网已完成注水试压，各换热站设备检修完毕。\n\n"
        "区住建局表示，将设立供热服务热线，及时处理居民反映的问题。\n",
        encoding="utf-8",
    )


def edit_story(content):
    replace(content / "articles/wenyi-yanchu.md", "四平植物园", "南湖公园")
    replace(content / "articles/wenyi-yanchu.md", "Title: 立足群众文化需求 丰富群众文化生活", "Title: 立足群众需求 丰富文化生活")


def rename_story(content):
    (content / "articles/jinqiao-bianmin.md").rename(content / "articles/jinqiao-yiliao.md")


def delete_story(content):
    (content / "articles/jinqiao-yiliao.md").unlink()  # 民生 keeps the story added first


def delete_a_section(content):
    (content / "articles/fazhi-diaoyan.md").unlink()  # the only 政务 story: the header of every page changes


def change_tag(content):
    replace(content / "articles/jiegan-fenshao.md", "Tags: ", "Tags: 生态环境, ")


def change_section(content):
    replace(content / "articles/wuye-guanli.md", "Category: 要闻", "Category: 民生")


def add_photo_item(content):
    (content / "images/qiaoliang-weixiu.jpg").write_bytes(jpeg(1600, 1067))
    (content / "photos/qiaoliang-weixiu.md").write_text(
        "Title: 北山桥完成维修加固\nDate: 2026-11-25 10:00\nCategory: 图片新闻\nPhoto: images/qiaoliang-weixiu.jpg\n"
        "Alt: 工人在北山桥桥面铺设沥青\n\n11月24日，工人在北山桥桥面铺设沥青。本报通讯员 高欣 摄\n",
        encoding="utf-8",
    )


def replace_a_photo(content):
    (content / "images/minzu-xuanjiang.jpg").write_bytes(jpeg(900, 1200))  # same name, new picture


EDITS = [add_story, edit_story, rename_story, delete_story, change_tag, change_section, add_photo_item, replace_a_photo, delete_a_section]


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content, tmp_path / "output", tmp_path / "cache"


# The rebuilds read ahead in a second process and write pages on two cores, as a large archive's
# do; the cold builds they are compared with do neither, as the demo's nine stories do not.
BOTH_CORES = ("INCREMENTAL_READ_AHEAD_FROM=2", "INCREMENTAL_TWO_WRITERS_FROM=1")


def test_each_rebuild_is_the_site_a_cold_build_makes(site, tmp_path):
    content, output, cache = site
    build(content, output, cache, *BOTH_CORES)
    for number, edit in enumerate(EDITS):
        edit(content)
        rendered, reused = build(content, output, cache, *BOTH_CORES)
        cold = tmp_path / f"cold-{number}"
        build(content, cold / "output", cold / "cache")
        assert tree(output) == tree(cold / "output"), edit.__name__
        if edit is delete_a_section:
            assert reused == 0
        else:
            assert reused > 0, edit.__name__


def test_an_unchanged_rebuild_reads_and_renders_nothing(site):
    content, output, cache = site
    first = logged_build(content, output, cache)
    assert stories_read(first) == (10, 0)
    rendered, reused = map(int, COUNTS.search(first).groups())
    assert reused == 0 and rendered > 40
    inodes = {page: page.stat().st_ino for page in output.rglob("*.html")}
    again = logged_build(content, output, cache)
    assert stories_read(again) == (0, 10)
    assert tuple(map(int, COUNTS.search(again).groups())) == (0, rendered)
    assert {page: page.stat().st_ino for page in output.rglob("*.html")} == inodes, "each page is the last build's file, linked, not a copy"


def test_pages_written_on_two_cores_make_the_same_site(site, tmp_path):
    content, output, cache = site
    two = logged_build(content, output, cache, "INCREMENTAL_TWO_WRITERS_FROM=1")
    one = tmp_path / "one-process"
    single = logged_build(content, one / "output", one / "cache", "INCREMENTAL_TWO_WRITERS_FROM=null")
    assert tree(output) == tree(one / "output")
    assert COUNTS.search(two).groups() == COUNTS.search(single).groups(), "the second process's pages are counted"
    rendered, reused = build(content, output, cache, "INCREMENTAL_TWO_WRITERS_FROM=1")
    assert (rendered, reused) == (0, int(COUNTS.search(two)[1])), "and recorded: none is rendered again"


def test_stories_read_ahead_by_a_second_process_make_the_same_site(site, tmp_path):
    content, output, cache = site
    log = logged_build(content, output, cache, "INCREMENTAL_READ_AHEAD_FROM=2")
    assert stories_read(log) == (10, 0)
    assert int(re.search(r"其中 (\d+) 篇由第二个进程预读", log)[1]) >= 1
    one = tmp_path / "one-process"
    assert "预读" not in logged_build(content, one / "output", one / "cache", "INCREMENTAL_READ_AHEAD_FROM=null")
    assert tree(output) == tree(one / "output")
    again = logged_build(content, output, cache, "INCREMENTAL_READ_AHEAD_FROM=2")
    assert stories_read(again) == (0, 10), "the stories read ahead are kept too"


def test_only_the_edited_story_and_the_story_whose_photo_changed_are_read_again(site):
    content, output, cache = site
    logged_build(content, output, cache)
    edit_story(content)
    replace_a_photo(content)
    assert stories_read(logged_build(content, output, cache)) == (2, 8)


def test_a_story_with_a_warning_is_read_again_so_the_warning_is_given_every_build(site):
    content, output, cache = site
    replace(content / "articles/wenyi-yanchu.md", "Title:", "Sumary: 错写的字段\nTitle:")
    for _ in range(2):
        log = logged_build(content, output, cache)
        assert "未知字段“Sumary”" in log
        assert stories_read(log) in [(10, 0), (1, 9)]
    assert stories_read(log) == (1, 9)


def test_a_scheduled_story_is_read_again_until_its_time_has_come(site):
    content, output, cache = site
    (content / "articles/xinnian-yinhui.md").write_text(
        "Title: 新年音乐会即将上演\nDate: 2099-01-01 19:30\nCategory: 文化\nByline: 本报记者 李明\n\n"
        "区文化馆将举办新年音乐会。\n",
        encoding="utf-8",
    )
    logged_build(content, output, cache)
    assert stories_read(logged_build(content, output, cache)) == (1, 10)


def test_one_edited_story_renders_its_page_and_the_pages_that_show_it(site):
    content, output, cache = site
    total, _ = build(content, output, cache)
    replace(content / "articles/wenyi-yanchu.md", "四平植物园", "南湖公园")
    rendered, reused = build(content, output, cache)
    assert rendered + reused == total
    assert 1 <= rendered < total / 2
    assert "南湖公园" in (output / "2026/11/wenyi-yanchu.html").read_text(encoding="utf-8")


def test_a_page_written_over_since_is_rendered_again(site, tmp_path):
    """The live preview writes a story's page into the served folder: the next build never takes that as its own."""
    content, output, cache = site
    build(content, output, cache)
    page = output / "2026/11/wenyi-yanchu.html"
    page.write_text(page.read_text(encoding="utf-8").replace("四平植物园", "预览中的页面"), encoding="utf-8")
    assert build(content, output, cache)[0] == 1
    assert "预览中的页面" not in page.read_text(encoding="utf-8")


def test_a_changed_template_renders_every_page(site, tmp_path):
    content, output, cache = site
    total, _ = build(content, output, cache)
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    replace(theme / "templates/base.html", "</footer>", "<!-- 新的页脚 --></footer>")
    process = run_pelican(content, output, "pelicanconf.py", "-e", f'CACHE_PATH="{cache}"', "-t", str(theme), "-v", env=ENV)
    assert process.returncode == 0, process.stderr[-3000:]
    assert COUNTS.search(process.stdout + process.stderr).groups() == (str(total), "0")


def as_a_checkout_leaves_them(folder):
    """Every file written anew with its own bytes: new times and inodes, as a git checkout or a
    restored CI cache leaves them."""
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        path.unlink()
        path.write_bytes(data)


def test_a_fresh_checkout_with_the_cache_and_the_last_site_restored_reads_and_renders_only_the_edit(site, tmp_path):
    """CI's publish: the content checked out anew, cache/ and output/ restored from the last run."""
    content, output, cache = site
    build(content, output, cache)
    as_a_checkout_leaves_them(content)
    as_a_checkout_leaves_them(output)
    edit_story(content)
    log = logged_build(content, output, cache)
    assert stories_read(log) == (1, 9)
    rendered, reused = map(int, COUNTS.search(log).groups())
    assert 0 < rendered < reused
    cold = tmp_path / "cold"
    build(content, cold / "output", cold / "cache")
    assert tree(output) == tree(cold / "output")


def test_a_page_written_over_with_other_bytes_is_rendered_again(site):
    content, output, cache = site
    build(content, output, cache)
    page = output / "2026/11/wenyi-yanchu.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", "（预览）</h1>"), encoding="utf-8")
    rendered, _ = build(content, output, cache)
    assert rendered == 1 and "（预览）" not in page.read_text(encoding="utf-8")
