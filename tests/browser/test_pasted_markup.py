"""The review's payloads, built into a story and a page and opened in Chromium: nothing redirects,
nothing runs. Python's html.parser reads these otherwise than a browser does; the sanitizer does not."""

import pytest
from scripts.chromium import serve
from sitebuild import build_once

EVIL = "https://evil.example/"
PAYLOADS = {
    "cdata": f'<![CDATA[><meta http-equiv="refresh" content="0;url={EVIL}">]]>',
    "abrupt-comment": f'<!--> <meta http-equiv=refresh content="0;url={EVIL}"> -->',
    "tab-in-scheme": '<a id="go" href="java&#x09;script:document.title=\'pwned\'">报道</a>',
    "svg-script": "<svg><script>document.title='pwned'</script></svg>",
    "img-handler": "<img src=x onerror=\"document.title='pwned'\" alt=\"x\">",
}
FILES = {
    "articles/zhuanzai.md": "Title: 转载稿件\nDate: 2026-11-24 08:00\nCategory: 要闻\n\n铁东区召开推进会。\n\n" + "\n\n".join(PAYLOADS.values()) + "\n",
    "pages/about.md": "Title: 关于本站\nSlug: about\n\n本站由铁东区融媒体中心主办。\n\n" + "\n\n".join(PAYLOADS.values()) + "\n",
}


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    site = build_once(tmp_path_factory, "pasted", FILES)
    with serve(site.output) as base_url:
        yield base_url, site


@pytest.mark.parametrize("path", ["2026/11/zhuanzai.html", "about.html"])
def test_no_payload_redirects_or_runs_in_chromium(browser, served, path):
    base_url, site = served
    html = (site.output / path).read_text(encoding="utf-8")
    assert "refresh" not in html and "javascript" not in html.lower() and "onerror" not in html
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requests = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{base_url}/{path}", wait_until="load")
    page.wait_for_timeout(1500)  # a 0-second refresh would have gone by now
    title = page.title()
    if page.locator("#go").count():
        page.locator("#go").click()
        page.wait_for_timeout(300)
    assert page.url == f"{base_url}/{path}" and not [url for url in requests if url.startswith(EVIL)]
    assert "pwned" not in (title, page.title())
    context.close()
