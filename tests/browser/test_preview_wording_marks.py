"""invoke livereload as an editor uses it: a story with wording mistakes open in chromium shows them
marked, with a notice; put right and saved, the page reloads without them, and a new mistake saved
is marked. A plain build of the same story has no mark: they are the preview's alone."""

import shutil
import subprocess
import sys
import time

import pytest
from colours import contrast, style
from sitebuild import ROOT, run_pelican

from scripts.nginx import free_port
from servers import fetch_until

STORY = "articles/fazhi-diaoyan.md"
URL_PATH = "2026/11/fazhi-diaoyan.html"
# A protected expression one character off, a wrong form from the table, and a wrong form quoted on purpose.
PLANTED = [
    ("为深入贯彻落实全面依法治国", "为深入贯彻落实全面依法制国"),
    ("委员们表示，", "委员们表示，群众对法治建设迫不急待的期盼就是努力方向，"),
    ("精准梳理了依法治区中的潜在短板。", "精准梳理了依法治区中的潜在短板。调研组注意到，一处宣传栏曾将标语写作“扫黑险恶<!-- 原文如此 -->”，现已更正。"),
]
PUT_RIGHT = [("全面依法制国", "全面依法治国"), ("迫不急待", "迫不及待")]


def replaced(path, pairs) -> None:
    text = path.read_text(encoding="utf-8")
    for old, new in pairs:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")


def settled(page, log, builds: int, seconds: float = 60) -> None:
    """Wait until the preview has said its `builds`-th full rebuild, and the page has reloaded after it:
    the page then stays as it is until the next save."""
    deadline = time.monotonic() + seconds
    while log.read_text(encoding="utf-8").count("全站已重建") < builds:
        assert time.monotonic() < deadline, log.read_text(encoding="utf-8")
        time.sleep(0.1)
    page.wait_for_timeout(500)  # the reload event reaches the page
    page.wait_for_load_state("load")


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    replaced(folder / STORY, PLANTED)
    return folder


def test_the_preview_marks_a_storys_wording_mistakes_as_it_is_written(browser, content, tmp_path):
    port = free_port()
    said = tmp_path / "preview.log"
    log = said.open("w")
    preview = subprocess.Popen(
        [sys.executable, "-m", "invoke", "livereload", "--port", str(port), "--content", str(content),
         "--output", str(tmp_path / "site"), "--cache", str(tmp_path / "cache")],
        cwd=ROOT, stdout=log, stderr=subprocess.STDOUT,
    )
    url = f"http://127.0.0.1:{port}/{URL_PATH}"
    context = browser.new_context(locale="zh-CN")
    try:
        fetch_until(url, "pressroom-wording")
        page = context.new_page()
        settled(page, said, 1)
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.goto(url, wait_until="load")
        page.wait_for_timeout(300)  # the reload event stream is open
        marks = page.locator("mark.pressroom-wording")
        assert marks.all_inner_texts() == ["全面依法制国", "迫不急待"]
        assert "规范表述“全面依法治国”" in marks.nth(0).get_attribute("title")
        assert marks.nth(0).get_attribute("data-rule") == "wording-protected"
        assert "应写作“迫不及待”" in marks.nth(1).get_attribute("title")
        assert marks.nth(1).get_attribute("data-rule") == "wording-wrong"
        assert "“扫黑险恶”，现已更正" in page.locator("main").inner_text()  # quoted on purpose: not marked
        notice = page.locator("body > .pressroom-wording-notice[role=status]")
        assert notice.inner_text().startswith("预览提示：本页有 2 处用语问题（已用底色标出；仅预览可见，读者看不到）")
        # The stylesheet is the site's own (CSP): the marks are drawn, readable in the normal and 高对比度 modes.
        for mode in ("", "high"):
            page.evaluate("mode => mode ? document.documentElement.dataset.contrast = mode : delete document.documentElement.dataset.contrast", mode)
            assert "wavy" in style(marks.first, "text-decoration-style")
            assert contrast(style(marks.first, "color"), style(marks.first, "background-color")) >= 4.5, mode

        replaced(content / STORY, PUT_RIGHT)
        page.wait_for_function(
            "() => document.body !== null && document.body.innerText.includes('全面依法治国')"
            " && document.querySelector('mark.pressroom-wording') === null", timeout=15_000,
        )
        settled(page, said, 2)
        assert page.locator(".pressroom-wording-notice").count() == 0
        assert "迫不及待" in page.locator("main").inner_text()

        # A new mistake while writing is marked at the next reload too.
        replaced(content / STORY, [("近日，铁东区政协组织", "近日，铁冬区政协组织")])
        page.wait_for_function("() => document.querySelector('mark.pressroom-wording') !== null", timeout=15_000)
        settled(page, said, 3)
        assert page.locator("mark.pressroom-wording").all_inner_texts() == ["铁冬区"]
        assert "本页有 1 处用语问题" in page.locator(".pressroom-wording-notice").inner_text()
        assert errors == []
    finally:
        context.close()
        preview.terminate()
        preview.wait(10)
        log.close()
    assert b"pressroom-wording" not in (tmp_path / "site" / URL_PATH).read_bytes()  # the preview's own output on disk


def test_a_plain_build_of_a_story_with_mistakes_has_no_marks(content, tmp_path):
    output = tmp_path / "built"
    process = run_pelican(content, output)
    assert process.returncode == 0, process.stderr[-3000:]
    assert "全面依法制国" in (output / URL_PATH).read_text(encoding="utf-8")
    assert not [page for page in output.rglob("*.html") if b"pressroom-wording" in page.read_bytes()]
