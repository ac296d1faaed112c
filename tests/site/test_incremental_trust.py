"""A rebuild is the site a cold build makes, or it falls back and says why: with a plugin that works
on the per-story signals or on written pages, and with a theme that reads past the page digest.
Each case also runs with the safeguard turned off, to show the rebuild it prevents."""

import json
import shutil
import textwrap

import pytest
from sitebuild import ROOT
from test_incremental import edit_story, logged_build, stories_read
from test_reproducible import tree

from pelicanconf import PLUGINS

# Writes a file for every story as it is read, as pelican-image-process makes its derivatives.
PER_STORY_PLUGIN = '''
import os
from pelican import signals

def note_story(content):
    if not hasattr(content, "title"):
        return  # a static file
    folder = os.path.join(content.settings["OUTPUT_PATH"], "noted")
    os.makedirs(folder, exist_ok=True)
    name = os.path.basename(content.source_path) + ".txt"
    with open(os.path.join(folder, name), "w", encoding="utf-8") as file:
        file.write(content.title)

def register():
    signals.content_object_init.connect(note_story)
'''
# Changes each page after it is written, as pelican-image-process rewrites <img> in place.
WRITTEN_PAGE_PLUGIN = '''
from pelican import signals

def stamp_page(path, context):
    if path.endswith(".html"):
        with open(path, "a", encoding="utf-8") as file:
            file.write("<!-- 已校对 -->\\n")

def register():
    signals.content_written.connect(stamp_page)
'''


def with_plugin(tmp_path, name: str, source: str) -> list[str]:
    """Settings that load the plugin `name` (written from `source`) before strict, incremental and atomic."""
    folder = tmp_path / "extra-plugins"
    folder.mkdir(exist_ok=True)
    (folder / f"{name}.py").write_text(textwrap.dedent(source), encoding="utf-8")
    plugins = [*PLUGINS[:-3], name, *PLUGINS[-3:]]
    return [f"PLUGINS={json.dumps(plugins)}", f"PLUGIN_PATHS={json.dumps([str(folder)])}"]


@pytest.fixture
def site(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    return content, tmp_path / "output", tmp_path / "cache"


def rebuilt_and_cold(site, tmp_path, settings: list[str], edit=None) -> tuple[str, dict, dict]:
    """Build, (edit,) build again into the same output with the same cache, and build cold: (the
    rebuild's log, the rebuild's files' digests, the cold build's)."""
    content, output, cache = site
    logged_build(content, output, cache, *settings)
    if edit:
        edit(content)
    log = logged_build(content, output, cache, *settings)
    cold = tmp_path / "cold"
    logged_build(content, cold / "output", cold / "cache", *settings)
    return log, tree(output), tree(cold / "output")


def test_a_plugin_working_on_each_story_as_it_is_read_has_every_story_read_again(site, tmp_path):
    settings = with_plugin(tmp_path, "noted", PER_STORY_PLUGIN)
    log, rebuilt, cold = rebuilt_and_cold(site, tmp_path, settings)
    assert "每篇稿件都重新读取" in log and "content_object_init: noted" in log
    assert "noted/wenyi-yanchu.md.txt" in rebuilt
    assert rebuilt == cold


def test_trusting_such_a_plugin_would_lose_its_work_on_the_rebuild(site, tmp_path):
    settings = [*with_plugin(tmp_path, "noted", PER_STORY_PLUGIN), 'INCREMENTAL_SAFE_PLUGINS=["noted"]']
    log, rebuilt, cold = rebuilt_and_cold(site, tmp_path, settings)
    assert stories_read(log) == (0, 10)
    assert "noted/wenyi-yanchu.md.txt" in cold and "noted/wenyi-yanchu.md.txt" not in rebuilt


def test_a_plugin_that_changes_written_pages_has_every_page_rendered_again(site, tmp_path):
    settings = with_plugin(tmp_path, "stamped", WRITTEN_PAGE_PLUGIN)
    log, rebuilt, cold = rebuilt_and_cold(site, tmp_path, settings)
    assert "每个页面都重新生成" in log and "content_written: stamped" in log
    assert (site[1] / "index.html").read_text(encoding="utf-8").count("已校对") == 1
    assert rebuilt == cold


def test_trusting_it_would_change_a_reused_page_twice(site, tmp_path):
    settings = [*with_plugin(tmp_path, "stamped", WRITTEN_PAGE_PLUGIN), 'INCREMENTAL_SAFE_PLUGINS=["stamped"]']
    rebuilt_and_cold(site, tmp_path, settings)
    rebuilt, cold = site[1] / "index.html", tmp_path / "cold/output/index.html"
    assert rebuilt.read_text(encoding="utf-8").count("已校对") == 2 and cold.read_text(encoding="utf-8").count("已校对") == 1


def theme_showing_related_of_related(tmp_path) -> str:
    """The project's theme, its related list also naming each related story's own related stories."""
    theme = tmp_path / "theme"
    shutil.copytree(ROOT / "theme", theme)
    related = theme / "templates/_related.html"
    text = related.read_text(encoding="utf-8")
    shown = "{{ other.title }}</a>"
    assert shown in text
    related.write_text(text.replace(shown, shown + "{% for far in other.related %}<small>{{ far.title }}</small>{% endfor %}"), encoding="utf-8")
    return f'THEME="{theme}"'


def test_a_theme_reading_past_the_page_digest_has_those_pages_rendered_again(site, tmp_path):
    log, rebuilt, cold = rebuilt_and_cold(site, tmp_path, [theme_showing_related_of_related(tmp_path)], edit_story)
    assert "article.html 读取了页面摘要未记录的内容" in log
    assert rebuilt == cold


def test_with_two_writers_the_template_is_recorded_and_its_pages_are_not(site, tmp_path):
    content, output, cache = site
    settings = [theme_showing_related_of_related(tmp_path), "INCREMENTAL_TWO_WRITERS_FROM=1"]
    assert "article.html 读取了页面摘要未记录的内容" in logged_build(content, output, cache, *settings)
    record = json.loads((cache / "pages.json").read_text(encoding="utf-8"))
    assert [name for name, _ in record["unsafe"]] == ["article.html"]
    assert not any(page.startswith("2026/") and page.endswith(".html") and "/index" not in page for page in record["pages"])


def test_without_the_check_such_a_theme_would_show_an_old_title(site, tmp_path):
    settings = [theme_showing_related_of_related(tmp_path), "INCREMENTAL_CHECKED_PAGES=0"]
    _, rebuilt, cold = rebuilt_and_cold(site, tmp_path, settings, edit_story)
    stale = [page for page in cold if rebuilt.get(page) != cold[page]]
    assert stale and all("立足群众文化需求" in (site[1] / page).read_text(encoding="utf-8") for page in stale)


def test_the_project_theme_reads_nothing_past_the_digest_on_any_page(site, tmp_path):
    content, output, cache = site
    log = logged_build(content, output, cache, "INCREMENTAL_CHECKED_PAGES=100000")  # every page checked
    assert "读取了页面摘要未记录的内容" not in log
    plain = tmp_path / "unchecked"
    logged_build(content, plain / "output", plain / "cache", "INCREMENTAL_CHECKED_PAGES=0")
    assert tree(output) == tree(plain / "output")
