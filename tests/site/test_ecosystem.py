"""The demo built with plugins from the pelican-plugins organisation (image-process, series,
share_post) listed as their READMEs say, beside the project's own: cold, then again with nothing
changed, then after two edited titles, each rebuild compared byte for byte with a cold build of
the same content, and every image a page names present in the site."""

import json
import posixpath
import shutil
from pathlib import Path
from urllib.parse import unquote

import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT
from test_incremental import logged_build, replace
from test_reproducible import tree

from pelicanconf import PLUGINS

ORGANISATION = ["image_process", "series", "share_post"]
# Listed before strict, incremental and atomic, which end the list in that order (plugins.core checks it).
WITH_ORGANISATION = [name for name in PLUGINS if name not in ("plugins.strict", "plugins.incremental", "plugins.atomic")]
WITH_ORGANISATION += [*ORGANISATION, "plugins.strict", "plugins.incremental", "plugins.atomic"]

SETTINGS = """\
from pelicanconf import *

PLUGINS = {plugins}
THEME = {theme!r}
# image-process: a derivative for the og_image field (README, "Converting Image Paths to URLs in
# Metadata"), and one for images in a body marked class="image-process-thumb".
IMAGE_PROCESS = {{
    "og": {{"type": "image", "ops": ["scale_in 600 315 False"]}},
    "thumb": {{"type": "image", "ops": ["scale_in 240 240 False"]}},
}}
IMAGE_PROCESS_METADATA = {{"og_image": "og"}}
# The fields these plugins read, and the one image-process adds, are not the newsroom's own.
EDITORIAL_EXTRA_FIELDS = ["og_image", "series", "series_index", "image_process_original_metadata"]
"""

# What a theme shows of them, as the plugins' READMEs write it.
META = """\
  {% if article.og_image %}
  <meta property="og:image" content="{{ SITEURL }}/{{ article.og_image }}">
  {% endif %}
"""
FOOTER = """\
    {% if article.series %}
    <nav class="series">系列“{{ article.series.name }}”第 {{ article.series.index }} 篇，共 {{ article.series.all|length }} 篇{% for story in article.series.all %}
      <a href="{{ SITEURL }}/{{ story.url }}">{{ story.title }}</a>{% endfor %}
    </nav>
    {% endif %}
    {% if article.share_post %}
    <p class="share-post"><a href="{{ article.share_post['email'] }}">邮件</a> <a href="{{ article.share_post['mastodon'] }}">Mastodon</a></p>
    {% endif %}
"""


def themed(theme: Path) -> None:
    """The project's theme with the og:image, series and share links of the plugins' READMEs."""
    shutil.copytree(ROOT / "theme", theme)
    article = theme / "templates/article.html"
    text = article.read_text(encoding="utf-8")
    text = text.replace("{% block meta %}\n", "{% block meta %}\n" + META, 1)
    text = text.replace('  <footer class="story-footer">\n', '  <footer class="story-footer">\n' + FOOTER, 1)
    assert text.count("article.og_image") == 2 and text.count("article.share_post") == 3
    article.write_text(text, encoding="utf-8")


def add_fields(content: Path) -> None:
    """og_image on a story no edit touches and on one that is edited; two stories in a series;
    a body image marked for image-process."""
    replace(content / "articles/fazhi-diaoyan.md", "Category: 政务\n", "Category: 政务\nog_image: images/minzu-xuanjiang.jpg\n")
    replace(content / "articles/wenyi-yanchu.md", "Category: 文化\n", "Category: 文化\nog_image: images/jinqiu-zhuxue.jpg\nSeries: 秋冬专题\n")
    replace(content / "articles/jiegan-fenshao.md", "Category: 要闻\n", "Category: 要闻\nSeries: 秋冬专题\n")
    story = content / "articles/jinqiao-bianmin.md"
    story.write_text(
        story.read_text(encoding="utf-8")
        + '\n<img class="image-process-thumb" src="/images/loudao-qingli.jpg" alt="楼道里的杂物已清理干净" title="楼道清理后 本报通讯员 高欣 摄">\n',
        encoding="utf-8",
    )


def edit_titles(content: Path) -> None:
    """One story's title, and the title of a story in the series (its partner's page lists it)."""
    replace(content / "articles/jinqiao-bianmin.md", "Title: 医疗服务进社区 提升居民获得感", "Title: 医疗服务进社区 居民得实惠")
    replace(content / "articles/wenyi-yanchu.md", "Title: 立足群众文化需求 丰富群众文化生活", "Title: 立足群众需求 丰富文化生活")


def images_named(output: Path) -> dict[str, set[str]]:
    """Each page's local image addresses (src, srcset, og:image) that are not a file in the site."""
    missing: dict[str, set[str]] = {}
    for page in sorted(output.rglob("*.html")):
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        urls = [tag["src"] for tag in soup.select("img[src]")]
        urls += [part.split()[0] for tag in soup.select("[srcset]") for part in tag["srcset"].split(",") if part.strip()]
        urls += [tag["content"] for tag in soup.select('meta[property="og:image"]')]
        folder = posixpath.dirname(str(page.relative_to(output)))
        for url in urls:
            if "://" in url or url.startswith(("data:", "//")):
                continue
            path = posixpath.normpath(posixpath.join(folder, unquote(url.split("#")[0].split("?")[0])))
            if not (output / path).is_file():
                missing.setdefault(str(page.relative_to(output)), set()).add(url)
    return missing


def stamps(output: Path) -> dict[str, tuple[int, int]]:
    """Each page's inode and modification time."""
    return {str(page.relative_to(output)): (page.stat().st_ino, page.stat().st_mtime_ns) for page in output.rglob("*.html")}


def settled(output: Path) -> dict:
    """What a build left: the site's files by digest, and the images its pages name that are not there."""
    return {"tree": tree(output), "missing": images_named(output)}


@pytest.fixture(scope="module")
def builds(tmp_path_factory) -> dict[str, dict]:
    """A cold build, a rebuild with nothing changed and one after the edits (same output, same
    cache), and a cold build (new output, new cache) of the same content beside each rebuild."""
    root = tmp_path_factory.mktemp("ecosystem")
    themed(root / "theme")
    settings = root / "ecosystemconf.py"
    settings.write_text(SETTINGS.format(plugins=json.dumps(WITH_ORGANISATION), theme=str(root / "theme")), encoding="utf-8")
    content = root / "content"
    shutil.copytree(ROOT / "content", content)
    add_fields(content)
    output, cache = root / "output", root / "cache"
    conf = ("-s", str(settings))  # after pelicanconf.py: Pelican takes the last -s

    def build(out: Path, cache_path: Path) -> dict:
        log = logged_build(content, out, cache_path, *conf)
        return settled(out) | {"log": log, "output": out}

    result = {"cold": build(output, cache)}
    result["cold"]["stamps"] = stamps(output)
    result["unchanged"] = build(output, cache)
    result["unchanged"]["stamps"] = stamps(output)
    result["cold again"] = build(root / "cold-1", root / "cache-1")
    edit_titles(content)
    result["edited"] = build(output, cache)
    result["cold edited"] = build(root / "cold-2", root / "cache-2")
    result["settings"] = settings
    return result


def differing(first: dict, second: dict) -> list[str]:
    return sorted(path for path in first["tree"].keys() | second["tree"].keys() if first["tree"].get(path) != second["tree"].get(path))


def test_the_plugins_are_listed_before_strict_incremental_and_atomic():
    assert WITH_ORGANISATION[-3:] == ["plugins.strict", "plugins.incremental", "plugins.atomic"]
    assert [name for name in WITH_ORGANISATION if name not in ORGANISATION] == PLUGINS


def test_a_cold_build_has_each_plugin_at_work(builds):
    cold = builds["cold again"]  # its own folder: the first cold build's is rebuilt over
    output = cold["output"]
    assert "WARNING" not in cold["log"] and "ERROR" not in cold["log"], cold["log"][-3000:]
    # image-process: the og_image field names its derivative, which is in the site.
    story = BeautifulSoup((output / "2026/11/fazhi-diaoyan.html").read_text(encoding="utf-8"), "html.parser")
    og_image = story.select_one('meta[property="og:image"]')["content"]
    assert og_image.endswith("images/derivatives/og/minzu-xuanjiang.jpg")
    assert (output / "images/derivatives/og/minzu-xuanjiang.jpg").is_file()
    # series: each of its two stories lists both; share_post: the links on every story.
    for name in ("wenyi-yanchu", "jiegan-fenshao"):
        page = BeautifulSoup((output / f"2026/11/{name}.html").read_text(encoding="utf-8"), "html.parser")
        assert len(page.select("nav.series a")) == 2, name
        assert page.select_one(".share-post a[href^='mailto:']"), name
    assert cold["missing"] == {}


def test_a_body_image_marked_for_image_process_is_a_photo_of_the_photos_plugin(builds):
    """Conflict: plugins.photos rewrites every local body image into its own <figure>/<picture>
    as the story is read, so image-process never sees the class and makes no derivative."""
    output = builds["cold again"]["output"]
    page = BeautifulSoup((output / "2026/11/jinqiao-bianmin.html").read_text(encoding="utf-8"), "html.parser")
    assert page.select_one(".article-body figure picture img[srcset]")
    assert not page.select("[class*='image-process']")
    assert not (output / "images/derivatives/thumb").exists()


def test_two_cold_builds_are_the_same_site(builds):
    assert differing(builds["cold"], builds["cold again"]) == []


def test_a_rebuild_with_nothing_changed_is_a_cold_build(builds):
    assert builds["unchanged"]["missing"] == {}
    assert differing(builds["unchanged"], builds["cold again"]) == []


def test_a_rebuild_after_an_edit_is_a_cold_build(builds):
    assert builds["edited"]["missing"] == {}
    assert differing(builds["edited"], builds["cold edited"]) == []


def test_the_edit_shows_in_the_series(builds):
    """The series partner of the edited story lists the new title, in the rebuild as in a cold build."""
    for name in ("edited", "cold edited"):
        page = BeautifulSoup((builds[name]["output"] / "2026/11/jiegan-fenshao.html").read_text(encoding="utf-8"), "html.parser")
        assert "立足群众需求 丰富文化生活" in [a.get_text() for a in page.select("nav.series a")], name


def test_a_rebuild_with_nothing_changed_writes_nothing_into_the_last_site(builds):
    """A page linked from the last build is that build's file, the live site's until the swap: nothing writes it."""
    before, after = builds["cold"]["stamps"], builds["unchanged"]["stamps"]
    written_through = [page for page, (inode, mtime) in after.items() if page in before and before[page][0] == inode and before[page][1] != mtime]
    assert written_through == []


def test_a_build_writing_pages_on_two_cores_is_a_cold_build(builds, tmp_path):
    content = builds["cold"]["output"].parent / "content"  # as edited
    logged_build(content, tmp_path / "output", tmp_path / "cache", "-s", str(builds["settings"]), "-e", "INCREMENTAL_TWO_WRITERS_FROM=1")
    assert differing(settled(tmp_path / "output"), builds["cold edited"]) == []
