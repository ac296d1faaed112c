"""invoke livereload as an editor uses it: the story open in chromium, a change saved, the page reloads
itself with the change (the site's Content-Security-Policy allows the preview's reload script)."""

import shutil
import subprocess

import pytest
from sitebuild import ROOT
from servers import fetch_until, free_port
from test_tasks import invoke

pytestmark = pytest.mark.browser


def test_the_open_page_reloads_itself_with_the_saved_change(browser, tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    port = free_port()
    log = (tmp_path / "preview.log").open("w")
    preview = invoke("livereload", "--port", str(port), "--content", str(content), "--output", str(tmp_path / "site"),
                     "--cache", str(tmp_path / "cache"), stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/2026/11/wenyi-yanchu.html"
    context = browser.new_context(locale="zh-CN")
    try:
        fetch_until(url, "四平植物园")
        page = context.new_page()
        errors = []
        page.on("console", lambda message: message.type == "error" and errors.append(message.text))
        page.goto(url, wait_until="load")
        page.wait_for_function("() => document.querySelector('script[src^=\"/__preview/reload.js\"]') !== null")
        page.wait_for_timeout(300)  # the event stream is open
        article = content / "articles/wenyi-yanchu.md"
        article.write_text(article.read_text(encoding="utf-8").replace("四平植物园", "南湖公园"), encoding="utf-8")
        page.wait_for_function("() => document.body !== null && document.body.innerText.includes('南湖公园')", timeout=15_000)  # body is null while the page reloads
        assert page.locator("h1").inner_text() == "立足群众文化需求 丰富群众文化生活"
        assert errors == []
    finally:
        context.close()
        preview.terminate()
        preview.wait(10)
        log.close()
    said = (tmp_path / "preview.log").read_text(encoding="utf-8")
    assert "预览已更新：articles/wenyi-yanchu.md" in said, said
