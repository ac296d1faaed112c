"""The search index and page in a built site: what is indexed, what is not, where it is served
from, and the box on every page."""

import json
import os
import re
from pathlib import Path

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


def index_folder(output: Path) -> Path:
    """The one folder of index files under output/search/, beside the engine."""
    [folder] = [path for path in (output / "search").iterdir() if path.name != "engine.js"]
    return folder


def engine_version(output: Path) -> str:
    """The version written into the engine as served."""
    [version] = re.findall(r'^const BUILD = \{"version": "([^"]*)"', (output / "search/engine.js").read_text(encoding="utf-8"), re.MULTILINE)
    return version


def test_the_preview_finds_what_it_shows_scheduled_items_too(tmp_path):
    content = write_files(tmp_path / "content", SITE)
    assert run_pelican(content, tmp_path / "output").returncode == 0
    titles = [json.loads(path.read_text(encoding="utf-8"))["title"] for path in sorted((index_folder(tmp_path / "output") / "stories").glob("*.json"))]
    assert titles == ["铁东区政务公开工作推进会召开", "定时发布的稿件"]


def stories(site) -> list[dict]:
    folder = index_folder(site.output)
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    return [json.loads((folder / f"stories/{n}.json").read_text(encoding="utf-8")) for n in range(manifest["stories"])]


def test_every_field_a_reader_searches_is_in_the_story_file(site):
    [story] = stories(site)
    assert story["url"] == "2026/11/gongkai.html" and story["section"] == "政务" and story["date"] == "2026-11-24T08:00:00+08:00"
    assert story["fields"] == ["政务公开", "以公开促落实 以公开优服务", "会议要求，各部门要把政务公开贯穿行政权力运行全过程。", "本报讯（记者 常欣月）", "政务公开 法治政府"]


def test_drafts_and_items_not_yet_due_are_not_searchable(site):
    assert [story["title"] for story in stories(site)] == ["铁东区政务公开工作推进会召开"]
    index_bytes = b"".join(path.read_bytes() for path in (site.output / "search").rglob("*") if path.is_file())
    for word in ("审定中", "未到时间", "尚未审定"):
        assert word.encode() not in index_bytes


def test_the_index_is_served_from_a_folder_named_by_its_version_which_the_engine_names(site):
    folder = index_folder(site.output)
    manifest = json.loads((folder / "index.json").read_text(encoding="utf-8"))
    assert re.fullmatch(r"[0-9a-f]{12}", folder.name) and folder.name == manifest["version"] == engine_version(site.output)
    served = sorted(str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file())
    assert served == ["index.json", "shards/0.bin", "stories/0.json"]
    assert sorted(path.name for path in (site.output / "search").iterdir()) == sorted(["engine.js", folder.name])


def test_the_engine_is_served_at_search_engine_js_knowing_its_shards(site):
    manifest = json.loads((index_folder(site.output) / "index.json").read_text(encoding="utf-8"))
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


def test_an_unchanged_rebuild_takes_the_index_kept_and_an_edit_makes_it_anew_in_a_new_folder(tmp_path):
    content = write_files(tmp_path / "content", SITE)
    cache = f'CACHE_PATH="{tmp_path / "cache"}"'
    output = tmp_path / "output"

    def build() -> tuple[str, dict[str, bytes]]:
        process = run_pelican(content, output, "pelicanconf.py", "-e", cache, "-v", env=dict(os.environ, COLUMNS="400"))
        assert process.returncode == 0, process.stdout + process.stderr
        log = next(line for line in (process.stdout + process.stderr).splitlines() if "search index)" in line)
        files = {str(p.relative_to(output / "search")): p.read_bytes() for p in (output / "search").rglob("*") if p.is_file()}
        return log, files

    first_log, first = build()
    version = engine_version(output)
    again_log, again = build()
    assert "新建 (made)" in first_log and "沿用上次 (kept)" in again_log
    assert again == first and engine_version(output) == version
    (content / "articles/caogao.md").write_text((content / "articles/caogao.md").read_text(encoding="utf-8").replace("审定中", "修改中"), encoding="utf-8")
    assert build()[1] == first, "a draft is not indexed: its edit leaves the index and its version"
    (content / "articles/gongkai.md").write_text((content / "articles/gongkai.md").read_text(encoding="utf-8").replace("全过程", "各环节"), encoding="utf-8")
    edited_log, edited = build()
    assert "新建 (made)" in edited_log
    assert engine_version(output) != version and index_folder(output).name == engine_version(output)  # the earlier folder is gone
    assert b"\xe5\x90\x84\xe7\x8e\xaf\xe8\x8a\x82" in edited[f"{engine_version(output)}/stories/0.json"]  # 各环节
    assert len(list((tmp_path / "cache/search").iterdir())) == 1, "only the last index is kept"


def test_an_output_built_into_again_without_atomic_keeps_only_the_new_index(tmp_path):
    from pelicanconf import PLUGINS

    content = write_files(tmp_path / "content", SITE)
    without_atomic = json.dumps([name for name in PLUGINS if name != "plugins.atomic"])
    extra = ("-e", f'CACHE_PATH="{tmp_path / "cache"}"', f"PLUGINS={without_atomic}")
    assert run_pelican(content, tmp_path / "output", "pelicanconf.py", *extra).returncode == 0
    before = index_folder(tmp_path / "output").name
    (content / "articles/gongkai.md").write_text((content / "articles/gongkai.md").read_text(encoding="utf-8").replace("全过程", "各环节"), encoding="utf-8")
    assert run_pelican(content, tmp_path / "output", "pelicanconf.py", *extra).returncode == 0
    assert index_folder(tmp_path / "output").name == engine_version(tmp_path / "output") != before
