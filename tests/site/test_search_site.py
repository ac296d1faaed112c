"""The search index and page in a built site: what is indexed, what is not, and the box on every page."""

import json
import os
import re

import pytest
from sitebuild import ROOT, Site, run_pelican, write_files

SITE = {
    "articles/gongkai.md": """
        Title: 铁东区政务公开工作推进会召开
        Kicker: 政务公开
        Subtitle: 以公开促落实 以公开优服务
        Byline: 本报讯（记者 常欣月）
        Date: 2026-11-24 08:00
        Category: 政务
        Tags: 政务公开, 法治政府

        会议要求，各部门要把政务公开贯穿行政权力运行全过程。
        """,
    "articles/caogao.md": """
        Title: 尚未审定的稿件
        Date: 2026-11-24 09:00
        Category: 要闻
        Status: draft

        草稿里的独有词语：审定中。
        """,
    "articles/dingshi.md": """
        Title: 定时发布的稿件
        Date: 2099-01-01 08:00
        Category: 要闻
        Scheduled: true

        定时发布的独有词语：未到时间。
        """,
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """SITE as it is published: drafts out, future items held back."""
    root = tmp_path_factory.mktemp("search-site")
    content = write_files(root / "content", SITE)
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"} | {"SITEURL": "https://news.example.gov.cn"}
    process = run_pelican(content, root / "output", "publishconf.py", env=env)
    assert process.returncode == 0, process.stdout + process.stderr
    return Site(root / "output", process.stdout)


def test_the_preview_finds_what_it_shows_scheduled_items_too(tmp_path):
    content = write_files(tmp_path / "content", SITE)
    assert run_pelican(content, tmp_path / "output").returncode == 0
    titles = [json.loads(path.read_text(encoding="utf-8"))["title"] for path in sorted((tmp_path / "output/search/stories").glob("*.json"))]
    assert titles == ["铁东区政务公开工作推进会召开", "定时发布的稿件"]


def stories(site) -> list[dict]:
    manifest = json.loads((site.output / "search/index.json").read_text(encoding="utf-8"))
    return [json.loads((site.output / f"search/stories/{n}.json").read_text(encoding="utf-8")) for n in range(manifest["stories"])]


def test_every_field_a_reader_searches_is_in_the_story_file(site):
    [story] = stories(site)
    assert story["url"] == "2026/11/gongkai.html" and story["section"] == "政务" and story["date"] == "2026-11-24T08:00:00+08:00"
    assert story["fields"] == ["政务公开", "以公开促落实 以公开优服务", "会议要求，各部门要把政务公开贯穿行政权力运行全过程。", "本报讯（记者 常欣月）", "政务公开 法治政府"]


def test_drafts_and_items_not_yet_due_are_not_searchable(site):
    assert [story["title"] for story in stories(site)] == ["铁东区政务公开工作推进会召开"]
    index_bytes = b"".join(path.read_bytes() for path in (site.output / "search").rglob("*") if path.is_file())
    for word in ("审定中", "未到时间", "尚未审定"):
        assert word.encode() not in index_bytes


def test_the_engine_is_served_at_search_engine_js_knowing_its_shards(site):
    manifest = json.loads((site.output / "search/index.json").read_text(encoding="utf-8"))
    build = {"version": manifest["version"], "shards": manifest["shards"], "titleSpan": manifest["titleSpan"]}
    source = (ROOT / "plugins/search/engine.js").read_text(encoding="utf-8")
    served = (site.output / "search/engine.js").read_text(encoding="utf-8")
    code = [line for line in source.replace("const BUILD = /* build */ null;", f"const BUILD = {json.dumps(build)};").splitlines()]
    assert served.splitlines() == [line for line in code if not line.strip().startswith(("//", "/*", "*"))]
    assert f"const BUILD = {json.dumps(build)};" in served and "/**" not in served


def test_the_search_page_has_one_h1_a_labelled_box_and_its_filters(site):
    page = site.html("search.html")
    assert [h1.get_text() for h1 in page.find_all("h1")] == ["搜索"]
    form = page.select_one("main form[role=search]")
    assert form["action"].endswith("search.html") and form["method"] == "get"
    for field in form.select("input, select"):
        assert page.select_one(f"label[for={field['id']}]").get_text(strip=True)
    assert form.select_one("#search-section option").get_text() == "全部栏目"
    assert [o["value"] for o in form.select("#search-year option")] == ["", "2026"]
    assert page.select_one("head link[rel=modulepreload]")["href"].endswith("/search/engine.js")
    modules = [script["src"] for script in page.select("script[type=module]")]
    assert any(re.search(r"/theme/js/search-page(\.[0-9a-f]{10})?\.js$", src) for src in modules), modules


def test_every_other_page_has_the_search_box_in_its_header(site):
    pages = [path for path in site.pages() if path.name != "search.html"]
    assert len(pages) > 5
    for path in pages:
        form = site.html(str(path.relative_to(site.output))).select_one("header form[role=search]")
        assert form is not None and form["action"].endswith("search.html"), path
        assert form.select_one("label[for=site-search-q]").get_text() == "搜索新闻"


def test_an_unchanged_rebuild_takes_the_index_kept_and_an_edit_makes_it_anew(tmp_path):
    content = write_files(tmp_path / "content", SITE)
    cache = f'CACHE_PATH="{tmp_path / "cache"}"'

    def build() -> tuple[str, dict[str, bytes]]:
        process = run_pelican(content, tmp_path / "output", "pelicanconf.py", "-e", cache, "-v", env=dict(os.environ, COLUMNS="400"))
        assert process.returncode == 0, process.stdout + process.stderr
        log = next(line for line in (process.stdout + process.stderr).splitlines() if "search index)" in line)
        files = {str(p.relative_to(tmp_path / "output/search")): p.read_bytes() for p in (tmp_path / "output/search").rglob("*") if p.is_file()}
        return log, files

    first_log, first = build()
    again_log, again = build()
    assert "新建 (made)" in first_log and "沿用上次 (kept)" in again_log
    assert again == first
    (content / "articles/gongkai.md").write_text((content / "articles/gongkai.md").read_text(encoding="utf-8").replace("全过程", "各环节"), encoding="utf-8")
    edited_log, edited = build()
    assert "新建 (made)" in edited_log
    assert b"\xe5\x90\x84\xe7\x8e\xaf\xe8\x8a\x82" in edited["stories/0.json"]  # 各环节
    assert len(list((tmp_path / "cache/search").iterdir())) == 1, "only the last index is kept"
