"""invoke desk as an office uses it, in chromium, on a throwaway copy of this repository: a 要闻 story
with a kicker, a byline of two people and a photo with its caption and credit is written, sent
through 三审 (草稿 → 待审 → 待发布) and published; the merged Markdown passes invoke check and the
built site shows the story with its photo, caption and credit. A story with a wording error shows
the finding beside it, and every demo file is read and written back by the desk as it was."""

import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from servers import fetch_until, free_port
from sitebuild import ROOT

from checks.source import parse_source
from scripts.throwaway import DECAP, git, photo, repository_copy

TITLE = "铁东区召开物业管理工作推进会"
CAPTION = "12月7日，铁东区召开物业管理工作推进会，各街道汇报无物业小区治理进展。"
CREDIT = "本报通讯员 高欣 摄"






@pytest.fixture
def desk(tmp_path):
    if not (DECAP / "decap-cms" / "dist" / "decap-cms.js").is_file():
        pytest.fail("desk/node_modules is missing: ./pressroom test installs it (npm ci in desk/)")
    site = repository_copy(tmp_path / "site", "测试")
    port, proxy_port = free_port(), free_port()
    log = (tmp_path / "desk.log").open("w")
    running = subprocess.Popen(
        [sys.executable, "-m", "invoke", "desk", "--port", str(port), "--proxy-port", str(proxy_port), "--preview-port", "0"],
        cwd=site, stdout=log, stderr=subprocess.STDOUT)
    try:
        fetch_until(f"http://127.0.0.1:{port}/admin/config.yml", "zh_Hans")
        wait_for_proxy(proxy_port)
        yield site, f"http://127.0.0.1:{port}/admin/", proxy_port
    finally:
        running.terminate()
        running.wait(10)
        log.close()
    with pytest.raises(OSError):  # its git proxy stopped with it
        wait_for_proxy(proxy_port, tries=1)


def proxy_info(port: int, host: str = "") -> bytes:
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=b'{"action":"info"}',
                                     headers={"Content-Type": "application/json", **({"Host": host} if host else {})})
    with urllib.request.urlopen(request, timeout=2) as answer:
        return answer.read()


def wait_for_proxy(port: int, tries: int = 100) -> None:
    for attempt in range(tries):
        try:
            if b"local_git" in proxy_info(port):
                return
        except OSError:
            if attempt == tries - 1:
                raise
        time.sleep(0.2)
    pytest.fail("the desk's git proxy (decap-server) did not start")


@pytest.fixture
def page(browser, desk):
    _, address, _ = desk
    context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport={"width": 1400, "height": 1000})
    opened = context.new_page()
    opened.errors = []
    opened.on("pageerror", lambda error: opened.errors.append(str(error)))
    opened.on("dialog", lambda dialog: dialog.accept())  # Decap asks before it publishes
    opened.goto(address)
    opened.get_by_role("button", name="登录").click()
    yield opened
    context.close()




def gate(page):
    """The gate's box in the desk's preview pane."""
    return page.frame_locator("iframe").first.locator(".pressroom-gate")


def write_story(page, address: str, picture: Path) -> None:
    page.goto(f"{address}#/collections/articles/new")
    page.get_by_label("标题", exact=True).fill(TITLE)
    page.get_by_label("引题 (可选)").fill("物业管理全覆盖")
    page.get_by_label("署名 (可选)").fill("本报讯（记者 常欣月 通讯员 高欣）")
    page.get_by_label("标签 (可选)").fill("物业管理, 基层治理")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("12月7日，铁东区召开物业管理工作推进会，总结前一阶段工作，部署下一阶段任务。")
    page.keyboard.press("Enter")
    page.get_by_title("添加组件").click()
    page.get_by_role("menuitem", name="图片（带说明和署名）").click()
    page.get_by_role("button", name="选择图片").click()
    page.locator("input[type=file]").last.set_input_files(picture)
    page.get_by_role("button", name="选用已选中项目").click()
    page.get_by_label("图片内容（替代文字）").fill("推进会会场")
    page.get_by_label("图片说明").fill(CAPTION)
    page.get_by_label("摄影署名").fill(CREDIT)


def move_to(page, status: str) -> None:
    page.get_by_role("button", name=re.compile("^状态")).click()
    page.get_by_role("menuitem", name=status, exact=True).click()
    page.get_by_role("button", name=f"状态: {status}").wait_for()


def test_a_story_written_reviewed_and_published_in_the_desk_is_on_the_site(page, desk, tmp_path):
    site, address, _ = desk
    write_story(page, address, photo(tmp_path))
    gate(page).filter(has_text="没有发现问题").wait_for(timeout=20_000)  # the uploaded photo is checked too

    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(re.compile(r"/entries/"), timeout=20_000)
    name = page.url.rsplit("/", 1)[1]
    assert name == "tiedongqu-zhaokai-wuye-guanli-gongzuo"  # invoke new's pinyin of the title
    branch = f"cms/articles/{name}"
    assert git(site, "config", f"branch.{branch}.description") == "decap-cms/draft"
    assert not (site / "content" / "articles" / f"{name}.md").exists()  # a draft is not on main

    move_to(page, "待审")
    assert git(site, "config", f"branch.{branch}.description") == "decap-cms/pending_review"
    move_to(page, "待发布")
    assert git(site, "config", f"branch.{branch}.description") == "decap-cms/pending_publish"
    page.get_by_role("button", name="发布", exact=True).click()
    page.get_by_role("menuitem", name="立即发布").click()

    story = site / "content" / "articles" / f"{name}.md"
    for _ in range(100):
        if story.exists():
            break
        page.wait_for_timeout(200)
    text = story.read_text(encoding="utf-8")
    assert text.startswith(f"Title: {TITLE}\nKicker: 物业管理全覆盖\nByline: 本报讯（记者 常欣月 通讯员 高欣）\nDate: 20")
    assert f'![推进会会场]({{static}}/images/tuijinhui.jpg "{CAPTION}{CREDIT}")' in text
    assert (site / "content" / "images" / "tuijinhui.jpg").read_bytes()[:2] == b"\xff\xd8"
    assert git(site, "branch", "--list", branch) == ""  # merged and gone
    assert git(site, "status", "--porcelain", "--untracked-files=no") == ""

    checked = subprocess.run([sys.executable, "-m", "invoke", "check"], cwd=site, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    built = subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", "output"],
                           cwd=site, capture_output=True, text=True)
    assert built.returncode == 0, built.stderr
    [page_file] = (site / "output").glob(f"*/*/{name}.html")
    html = page_file.read_text(encoding="utf-8")
    assert "<h1" in html and TITLE in html and "物业管理全覆盖" in html and "常欣月" in html and "高欣" in html
    figure = re.search(r"<figure.*?</figure>", html, re.DOTALL)[0]
    assert "<img" in figure and CAPTION in figure and f'<span class="credit">{CREDIT}</span>' in figure
    assert page.errors == []


def test_a_story_saved_with_a_wording_error_shows_the_finding_beside_it(page, desk):
    _, address, _ = desk
    page.goto(f"{address}#/collections/articles/new")
    page.get_by_label("标题", exact=True).fill("铁东区开展法治宣传进社区活动")
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type("活动以案释法，引导居民理解全面依法制国的要求。")
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(re.compile(r"/entries/"), timeout=20_000)  # saved as a draft: the desk does not stop it
    finding = gate(page).locator("li[data-rule=wording-protected]")
    finding.wait_for(timeout=20_000)
    assert "“全面依法制国”与规范表述“全面依法治国”差一个字" in finding.inner_text()
    assert "错误" in gate(page).locator("h2").inner_text()
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("活动以案释法，引导居民理解全面依法治国的要求。")
    gate(page).filter(has_text="没有发现问题").wait_for(timeout=20_000)


def test_a_photo_news_item_is_saved_with_its_caption_and_credit_as_the_site_writes_them(page, desk, tmp_path):
    site, address, _ = desk
    page.goto(f"{address}#/collections/photos/new")
    page.get_by_label("标题", exact=True).fill("铁东区举办金秋助学活动")
    page.get_by_role("button", name="选择图片").click()
    page.locator("input[type=file]").last.set_input_files(photo(tmp_path))
    page.get_by_role("button", name="选用已选中项目").click()
    page.get_by_label("图片内容（替代文字）").fill("学生领取助学金")
    page.get_by_label("图片说明", exact=True).fill("11月20日，铁东区关工委为困难学生发放助学金。")
    page.get_by_label("摄影署名").fill(CREDIT)
    gate(page).filter(has_text="没有发现问题").wait_for(timeout=20_000)
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(re.compile(r"/entries/"), timeout=20_000)
    name = page.url.rsplit("/", 1)[1]
    text = git(site, "show", f"cms/photos/{name}:content/photos/{name}.md")
    assert "\nPhoto: images/tuijinhui.jpg\nAlt: 学生领取助学金\n" in text
    assert text.endswith(f"\n\n11月20日，铁东区关工委为困难学生发放助学金。\n{CREDIT}")  # git() strips the last line end
    assert "Category: 图片新闻" in text


def test_the_git_proxy_answers_only_the_loopback_names(desk):
    assert b"local_git" in proxy_info(desk[2], host=f"127.0.0.1:{desk[2]}")
    with pytest.raises(urllib.error.HTTPError) as refused:  # a page that rebinds its own name to 127.0.0.1
        proxy_info(desk[2], host="evil.example")
    assert refused.value.code == 403


# Files the desk must read and write back as the build reads them (checks.source: Python-Markdown's meta).
TRICKY = {
    "a colon, a quote, a hash": "Title: “守正创新”：铁东区#1 年度报告\nDate: 2026-11-24 08:30\nCategory: 要闻\n"
                                "Summary: 会议指出: 要抓好落实。\n\n正文第一段。\n",
    "a correction over two lines": "Title: 更正\nDate: 2026-11-24 08:30\nCategory: 政务\n"
                                   "Correction: 2026-11-25 原稿将“城东”误为“城西”，已更正。\n    2026-11-26 又及。\n\n正文。\n",
    "full-width commas in tags": "Title: 标签\nDate: 2026-11-24\nCategory: 民生\nTags: 物业管理，基层治理\n\n正文。\n",
    "a body that looks like a field": "Title: 正文像字段\nDate: 2026-11-24\nCategory: 民生\n\n时间: 11月24日上午\n地点: 区政务中心\n",
    "an indented first line": "Title: 缩进\nDate: 2026-11-24\nCategory: 民生\n\n    代码块第一行\n\n正文。\n",
    "a repeated field": "Title: 第一个标题\nTitle: 第二个标题\nDate: 2026-11-24\nCategory: 民生\n\n正文。\n",
    "yaml-style delimiters": "---\nTitle: 分隔线\nDate: 2026-11-24\nCategory: 民生\n---\n\n正文。\n",
    "a photo item with a gallery": "Title: 图片\nDate: 2026-11-24\nCategory: 图片新闻\nPhoto: images/a.jpg\nAlt: 现场\n\n"
                                   "11月24日，活动现场。\n本报通讯员 高欣 摄\n\n![第二张](/images/b.jpg \"又一张。高欣 摄\")\n",
}


def first_of_each(source) -> dict[str, str]:
    """A file's fields as the build uses them: the first of a repeated one (Pelican warns of the rest)."""
    fields: dict[str, str] = {}
    for one in source.fields:
        fields.setdefault(one.key, one.value)
    return fields


def same_as_the_build_reads(page, text: str, relative: str) -> None:
    written = page.evaluate("text => window.pressroomFormat.toFile(window.pressroomFormat.fromFile(text))", text)
    before, after = parse_source(text, relative), parse_source(written, relative)
    assert first_of_each(after) == first_of_each(before), written
    assert [line for _, line in after.body() if line.strip()] == [line for _, line in before.body() if line.strip()], written


@pytest.mark.parametrize("name", TRICKY)
def test_the_desk_writes_back_what_it_reads(page, name):
    same_as_the_build_reads(page, TRICKY[name], "photos/x.md" if "Photo:" in TRICKY[name] else "articles/x.md")


def test_the_desk_writes_back_every_demo_file(page):
    for path in sorted((ROOT / "content").glob("*/*.md")):
        same_as_the_build_reads(page, path.read_text(encoding="utf-8"), path.relative_to(ROOT / "content").as_posix())


def test_a_draft_from_invoke_new_is_published_by_the_desk_without_its_status_and_guide(page):
    from editor.scaffold import scaffold

    _, text = scaffold("铁东区召开推进会", "要闻", False, __import__("datetime").datetime(2026, 11, 24, 8, 30), "tuijinhui", ["要闻"])
    data = page.evaluate("text => window.pressroomFormat.fromFile(text)", text)
    assert "写稿说明" not in data["body"]
    assert "Status" not in page.evaluate("data => window.pressroomFormat.toFile(data)", data)


@pytest.mark.parametrize("lead, shown", [("true", True), ("是", True), ("false", False), ("否", False), ("no", False)])
def test_lead_is_read_with_the_build_s_words_for_yes(page, lead, shown):
    data = page.evaluate("text => window.pressroomFormat.fromFile(text)", f"Title: 头条\nLead: {lead}\n\n正文。\n")
    assert data["Lead"] is shown


@pytest.mark.parametrize("caption", [
    "11月24日，活动现场。本报通讯员 高欣 摄",
    "居民观看演出 本报记者 王东 摄",
    "居民观看演出 高欣 摄",  # no role, no sentence end: the build finds no credit, nor may the desk
    "居民观看演出。高欣/摄",
    "演出现场（本报记者 高欣 摄）",
    "活动现场。\n本报通讯员 高欣、王东 摄",
    "没有署名的说明。",
])
def test_the_desk_splits_a_caption_as_the_build_does(page, caption):
    from plugins.photos.caption import split_credit

    split = page.evaluate("text => window.pressroomFormat.splitCaption(text)", caption)
    assert (split["caption"], split["credit"]) == tuple(split_credit(caption))


@pytest.mark.parametrize("caption, credit", [("居民观看演出", "高欣 摄"), ("活动现场。", "本报通讯员 高欣 摄"), ("居民观看演出", "")])
def test_a_caption_and_credit_are_joined_so_the_build_finds_the_credit(page, caption, credit):
    from plugins.photos.caption import split_credit

    joined = page.evaluate("([caption, credit]) => window.pressroomFormat.joinCaption(caption, credit)", [caption, credit])
    assert split_credit(joined).credit == credit
