"""Photograph the editing desk (invoke desk) in Debian's chromium for the editors' guide
(docs/editors-guide.md): the story list, a story's fields, a story being written with its photo,
the photo's inputs, the gate with a wording error, and the 三审 board.

The desk switches branches and commits, so it runs on a throwaway copy of this repository (its
files as they are now, committed on a new main), never on the checkout itself.
"""

import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from PIL import Image
from playwright.sync_api import Page, sync_playwright

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from scripts.nginx import free_port
from scripts.throwaway import DECAP, photo, repository_copy

ROOT = Path(__file__).resolve().parent.parent
VIEWPORT = {"width": 1400, "height": 1000}
# The browser's clock, so dates the desk fills in are the same in every run (earlier than any run's
# real time, or the gate would call the story's date a future one).
NOW = datetime(2026, 12, 7, 9, 30, tzinfo=ZoneInfo("Asia/Shanghai"))
WAIT = 30_000  # ms: the gate runs invoke check's rules on the server, jieba's first load included
# No blinking caret and no passing notices (内容已保存), so two runs make the same picture.
STILL = "* { caret-color: transparent !important; } .Toastify { display: none !important; }"

TITLE = "铁东区召开物业管理工作推进会"
KICKER = "物业管理全覆盖"
BYLINE = "本报讯（记者 常欣月 通讯员 高欣）"
TAGS = "物业管理, 基层治理"
BODY = "12月7日，铁东区召开物业管理工作推进会，总结前一阶段工作，部署下一阶段任务。"
ALT = "推进会会场"
CAPTION = "12月7日，铁东区召开物业管理工作推进会，各街道汇报无物业小区治理进展。"
CREDIT = "本报通讯员 高欣 摄"
GATE_TITLE = "铁东区开展法治宣传进社区活动"
GATE_BODY = "活动以案释法，引导居民理解全面依法制国的要求。"
MAX_BYTES = 250_000  # a picture larger than this is reduced to a palette (the desk has few colours)








def answers(request: urllib.request.Request | str, wanted: bytes, seconds: float = 60) -> None:
    """Wait until `request` answers with `wanted` in its body; stop the script after `seconds`."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if wanted in urllib.request.urlopen(request, timeout=5).read():
                return
        except OSError:
            pass
        time.sleep(0.3)
    address = request if isinstance(request, str) else request.full_url
    raise RuntimeError(f"编辑台没有启动：{address} 没有回应 (the desk did not start)")


def start_desk(site: Path, log) -> tuple[subprocess.Popen, str]:
    """invoke desk on `site`, without the live preview, on free ports; its address once it answers."""
    port, proxy_port = free_port(), free_port()
    running = subprocess.Popen(
        [sys.executable, "-m", "invoke", "desk", "--port", str(port), "--proxy-port", str(proxy_port), "--preview-port", "0"],
        cwd=site, stdout=log, stderr=subprocess.STDOUT)
    try:
        answers(f"http://127.0.0.1:{port}/admin/config.yml", b"zh_Hans")
        answers(urllib.request.Request(f"http://127.0.0.1:{proxy_port}/api/v1", data=b'{"action":"info"}',
                                       headers={"Content-Type": "application/json"}), b"local_git")
    except RuntimeError:
        running.terminate()
        running.wait(10)
        raise
    return running, f"http://127.0.0.1:{port}/admin/"




def gate(page: Page):
    """The gate's box in the desk's preview pane."""
    return page.frame_locator("iframe").first.locator(".pressroom-gate")


def shoot(page: Page, path: Path, clip: dict | None = None) -> Path:
    """The page (or the `clip` of it) as it stands, saved to `path`."""
    page.add_style_tag(content=STILL)
    page.wait_for_function("[...document.images].every(image => image.complete)")  # the photo's thumbnail
    page.wait_for_timeout(400)  # Decap's transitions
    page.screenshot(path=path, clip=clip)
    return path


def to_top(page: Page, label: str) -> None:
    """Scroll the editor's column so the field labelled `label` is at its top."""
    page.get_by_text(label, exact=True).first.evaluate("label => label.scrollIntoView({block: 'start'})")


def photo_inputs(page: Page) -> dict:
    """Where the photo component is on screen, from its name to its credit's hint."""
    to_top(page, "正文")
    top = page.get_by_text("图片（带说明和署名）", exact=True).first.bounding_box()
    bottom = page.get_by_label("摄影署名").bounding_box()
    return {"x": 0, "y": top["y"] - 16, "width": 700, "height": bottom["y"] + bottom["height"] + 40 - (top["y"] - 16)}


def new_story(page: Page, address: str, title: str) -> None:
    page.goto(f"{address}#/collections/articles/new")
    page.get_by_label("标题", exact=True).fill(title)


def write_story(page: Page, address: str, picture: Path) -> None:
    """A 要闻 story with a kicker, a byline of two people and a photo with its caption and credit."""
    new_story(page, address, TITLE)
    page.get_by_label("引题 (可选)").fill(KICKER)
    page.get_by_label("署名 (可选)").fill(BYLINE)
    page.get_by_label("标签 (可选)").fill(TAGS)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type(BODY)
    page.keyboard.press("Enter")
    page.get_by_title("添加组件").click()
    page.get_by_role("menuitem", name="图片（带说明和署名）").click()
    page.get_by_role("button", name="选择图片").click()
    page.locator("input[type=file]").last.set_input_files(picture)
    page.get_by_role("button", name="选用已选中项目").click()
    page.get_by_label("图片内容（替代文字）").fill(ALT)
    page.get_by_label("图片说明").fill(CAPTION)
    page.get_by_label("摄影署名").fill(CREDIT)


def move_to(page: Page, status: str) -> None:
    """The saved story's 状态 button: 草稿 → 待审 → 待发布."""
    page.get_by_role("button", name=re.compile("^状态")).click()
    page.get_by_role("menuitem", name=status, exact=True).click()
    page.get_by_role("button", name=f"状态: {status}").wait_for()


def save(page: Page) -> None:
    """保存, and wait until the story has its file name (its address ends in /entries/<name>)."""
    page.get_by_role("button", name="保存", exact=True).click()
    page.wait_for_url(re.compile(r"/entries/"), timeout=WAIT)


def take(folder: Path, work: Path) -> list[Path]:
    """Start the desk on a copy of the repository in `work` and save the desk's pictures into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    site = repository_copy(work / "site", "编辑台截图")
    picture = photo(work)
    with (work / "desk.log").open("w") as log:
        running, address = None, ""
        try:
            running, address = start_desk(site, log)
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                context = browser.new_context(locale="zh-CN", timezone_id="Asia/Shanghai", viewport=VIEWPORT, device_scale_factor=1)
                page = context.new_page()
                page.clock.set_system_time(NOW)
                page.on("dialog", lambda dialog: dialog.accept())  # Decap asks before leaving a story unsaved
                written = shots(page, address, picture, folder)
                browser.close()
        except Exception:
            print((work / "desk.log").read_text(encoding="utf-8"), file=sys.stderr)  # what invoke desk said
            raise
        finally:
            if running is not None:
                running.terminate()
                running.wait(10)
    return [optimised(path) for path in written]


def shots(page: Page, address: str, picture: Path, folder: Path) -> list[Path]:
    """Log in, write a story with a photo and one with a wording error, send the first for review; a picture of each step."""
    written = []
    page.goto(address)
    page.get_by_role("button", name="登录").click()
    page.get_by_text("健全管理机制 破解治理难题").wait_for(timeout=WAIT)
    written.append(shoot(page, folder / "desk-list.png"))

    write_story(page, address, picture)
    gate(page).filter(has_text="没有发现问题").wait_for(timeout=WAIT)
    to_top(page, "标题")
    written.append(shoot(page, folder / "desk-fields.png"))
    to_top(page, "正文")
    written.append(shoot(page, folder / "desk-editor.png"))
    written.append(shoot(page, folder / "desk-photo.png", photo_inputs(page)))

    save(page)
    move_to(page, "待审")

    new_story(page, address, GATE_TITLE)
    page.locator("[data-slate-editor]").first.click()
    page.keyboard.type(GATE_BODY)
    gate(page).locator("li[data-rule=wording-protected]").wait_for(timeout=WAIT)
    to_top(page, "正文")
    written.append(shoot(page, folder / "desk-gate.png"))
    save(page)

    page.goto(f"{address}#/workflow")
    page.get_by_text(TITLE).first.wait_for(timeout=WAIT)
    written.append(shoot(page, folder / "desk-workflow.png"))
    return written


def optimised(path: Path) -> Path:
    """The PNG saved again by Pillow with its best compression; as a palette image if still large."""
    image = Image.open(path)
    image.load()
    image.save(path, optimize=True)
    if path.stat().st_size > MAX_BYTES:
        image.convert("RGB").quantize(256, dither=Image.Dither.NONE).save(path, optimize=True)
    return path


if __name__ == "__main__":
    if not (DECAP / "decap-cms" / "dist" / "decap-cms.js").is_file():
        sys.exit("缺少 desk/node_modules：请先运行 ./pressroom desk 安装编辑台 (desk/node_modules is missing)")
    with tempfile.TemporaryDirectory(prefix="pressroom-desk-shots-") as work:
        for shot in take(Path(sys.argv[1]), Path(work)):
            print(f"{shot} ({shot.stat().st_size // 1000} KB)")
