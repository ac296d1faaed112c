"""The theme's CSS, JS and icons are linked by names that carry their hash, and the output holds those files."""

import hashlib
import shutil
from pathlib import Path

import pytest
from plugins.fingerprint.names import FINGERPRINTED, is_fingerprinted
from sitebuild import ROOT, Site, run_pelican, write_files

STORY = {"articles/xianxue.md": "Title: 铁东区举行无偿献血活动\nDate: 2026-11-20 09:00\nCategory: 民生\n\n两百余名市民参加。\n"}
THEME_FILES = ["css/site.css", "favicon.svg", "apple-touch-icon.png", "js/prefs.js", "js/reading.js", "js/share.js", "js/speech.js", "js/search-page.js"]


def build_with_theme(root: Path, *extra: str, edit_css: str = "", edit_template: tuple[str, str] = ("", "")):
    """Build STORY with a copy of the theme in `root`, changed as asked; return Pelican's process and the output."""
    theme = root / "theme"
    shutil.copytree(ROOT / "theme", theme)
    if edit_css:
        with (theme / "static/css/site.css").open("a", encoding="utf-8") as css:
            css.write(edit_css)
    old, new = edit_template
    if old:
        base = theme / "templates/base.html"
        base.write_text(base.read_text(encoding="utf-8").replace(old, new), encoding="utf-8")
    content = write_files(root / "content", STORY)
    return run_pelican(content, root / "output", "pelicanconf.py", "-t", str(theme), *extra), root / "output"


def built(root: Path, *extra: str, **edits) -> Site:
    process, output = build_with_theme(root, *extra, **edits)
    assert process.returncode == 0, process.stdout + process.stderr
    return Site(output, process.stdout + process.stderr)


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return built(tmp_path_factory.mktemp("fingerprint"))


def theme_links(site: Site) -> dict[str, list[Path]]:
    """Every stylesheet, script and icon each page links, as the file in the output it resolves to."""
    links = {}
    for path in site.pages():
        page = site.html(str(path.relative_to(site.output)))
        tags = page.select("link[rel=stylesheet], link[rel=icon], link[rel=apple-touch-icon], script[src]")
        hrefs = [tag.get("href") or tag["src"] for tag in tags]
        # Pages link relatively ("../theme/…"), the 404 page from the root ("/theme/…").
        links[str(path.relative_to(site.output))] = [
            site.output / href[1:] if href.startswith("/") else (path.parent / href).resolve() for href in hrefs
        ]
    return links


def carries_its_hash(file: Path) -> bool:
    digits = FINGERPRINTED.search(file.name).group(0).split(".")[1]
    return hashlib.sha256(file.read_bytes()).hexdigest().startswith(digits)


def test_every_page_links_theme_files_that_exist_under_names_carrying_their_hash(site):
    links = theme_links(site)
    assert {"index.html", "2026/11/xianxue.html", "search.html", "404.html"} <= links.keys()
    for page, files in links.items():
        assert len(files) >= 5, page  # icon, touch icon, prefs.js, site.css, reading.js
        for file in files:
            assert file.is_file() and is_fingerprinted(file.name) and carries_its_hash(file), (page, file)
    linked = {file.relative_to(site.output.resolve()).as_posix() for files in links.values() for file in files}
    assert {FINGERPRINTED.sub("", name) for name in linked} == {f"theme/{name.rsplit('.', 1)[0]}" for name in THEME_FILES}


def test_the_plain_originals_stay_for_pages_cached_before_a_deploy(site):
    for name in THEME_FILES:
        plain = site.output / "theme" / name
        assert plain.read_bytes() == (ROOT / "theme/static" / name).read_bytes(), name
        copies = [path for path in plain.parent.glob(f"{plain.stem}.*{plain.suffix}") if is_fingerprinted(path.name)]
        assert len(copies) == 1 and copies[0].read_bytes() == plain.read_bytes(), name


def test_an_edited_stylesheet_gets_a_new_name(site, tmp_path):
    edited = built(tmp_path, edit_css="\n.site-identity { gap: 0.3rem 1.5rem; }\n")
    before = site.html("index.html").select_one("link[rel=stylesheet]")["href"]
    after = edited.html("index.html").select_one("link[rel=stylesheet]")["href"]
    assert before != after and is_fingerprinted(after)
    assert (edited.output / after).read_bytes().endswith(b".site-identity { gap: 0.3rem 1.5rem; }\n")
    # The scripts did not change, so neither did their names.
    assert site.html("index.html").select_one("script[src]")["src"] == edited.html("index.html").select_one("script[src]")["src"]


def test_a_theme_file_that_does_not_exist_stops_the_build_in_one_line(tmp_path):
    process, output = build_with_theme(tmp_path, edit_template=("'css/site.css'|asset", "'css/style.css'|asset"))
    assert process.returncode != 0
    assert "Traceback" not in process.stderr + process.stdout
    lines = [line for line in process.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("模板引用的主题文件不存在") and "'css/style.css'" in lines[0], process.stderr
    assert not output.exists()  # atomic: no half-built site


def test_without_fingerprints_pages_link_the_plain_names_and_nothing_extra_is_written(tmp_path):
    plain = built(tmp_path, "-e", "FINGERPRINT_ASSETS=false")
    page = plain.html("2026/11/xianxue.html")
    assert page.select_one("link[rel=stylesheet]")["href"] == "../../theme/css/site.css"
    assert [tag["src"] for tag in page.select("script[src]")] == [
        "../../theme/js/prefs.js", "../../theme/js/reading.js", "../../theme/js/share.js", "../../theme/js/speech.js"
    ]
    assert not [path for path in (plain.output / "theme").rglob("*") if is_fingerprinted(path.name)]
