"""The desk's own server on loopback: its configuration, a new story's file name as invoke new gives
it, the gate's findings on a story being written (with a photo uploaded but not saved yet), the
refusal to answer other hosts' names, and when invoke desk will not start on a repository."""

import io
import json
import subprocess
import threading
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from PIL import Image
from servers import free_port
from sitebuild import ROOT

from desk.config import Site, site_problems
from desk.run import refusal
from desk.server import Desk, serve

PICTURE_ID = "a" * 64


@pytest.fixture(scope="module")
def desk():
    port = free_port()
    server = serve(Desk(ROOT / "pelicanconf.py", ROOT / "content", ROOT, "http://127.0.0.1:8081/api/v1"), "127.0.0.1", port)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{port}"
    server.shutdown()


def get(url: str, host: str | None = None):
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    with urllib.request.urlopen(request, timeout=30) as answer:
        return answer.read().decode("utf-8")


def post(url: str, body: bytes) -> dict:
    with urllib.request.urlopen(urllib.request.Request(url, data=body, method="POST"), timeout=60) as answer:
        return json.loads(answer.read())


def check(desk: str, text: str, media=()) -> dict:
    asked = {"collection": "articles", "name": "fazhi-xuanchuan", "text": text, "media": list(media)}
    return post(f"{desk}/admin/api/check", json.dumps(asked).encode())


STORY = "Title: 铁东区开展法治宣传进社区活动\nDate: 2026-11-26 09:00\nCategory: 政务\n\n{body}\n"


def test_the_configuration_and_the_page_are_served(desk):
    assert json.loads(get(f"{desk}/admin/config.yml"))["locale"] == "zh_Hans"
    assert '<script src="/admin/vendor/decap-cms.js">' in get(f"{desk}/admin/")
    assert json.loads(get(f"{desk}/admin/pressroom.json"))["labels"]["Kicker"] == "引题"


@pytest.mark.parametrize("title, name", [
    ("铁东区召开物业管理工作推进会", "tiedongqu-zhaokai-wuye-guanli-gongzuo"),  # as invoke new names it
    ("健全管理机制", "jianquan-guanli-jizhi"),
])
def test_a_new_story_is_named_by_the_pinyin_of_its_title(desk, title, name):
    assert json.loads(get(f"{desk}/admin/api/filename?collection=articles&title={urllib.request.quote(title)}"))["name"] == name


def test_a_name_already_taken_gets_a_number(desk):
    assert (ROOT / "content" / "articles" / "wuye-guanli.md").is_file()
    assert json.loads(get(f"{desk}/admin/api/filename?collection=articles&title={urllib.request.quote('物业管理')}"))["name"] == "wuye-guanli-2"


def test_the_gate_names_a_wording_error_in_the_story_being_written(desk):
    answer = check(desk, STORY.format(body="活动以案释法，引导居民理解全面依法制国的要求。"))
    assert [(one["rule"], one["level"]) for one in answer["findings"]] == [("wording-protected", "error")]
    assert "全面依法治国" in answer["findings"][0]["zh"]
    assert check(desk, STORY.format(body="活动以案释法，引导居民理解全面依法治国的要求。"))["findings"] == []


def test_links_to_other_stories_and_pictures_on_disk_are_not_broken(desk):
    text = STORY.format(body="详见[前一篇报道]({filename}/articles/wuye-guanli.md)。")
    assert check(desk, text)["findings"] == []
    broken = check(desk, STORY.format(body="详见[前一篇报道]({filename}/articles/bu-cunzai.md)。"))["findings"]
    assert [one["rule"] for one in broken] == ["link-broken"]


def test_a_story_written_twice_is_named_whichever_file_the_finding_is_on(desk):
    demo = (ROOT / "content" / "articles" / "wuye-guanli.md").read_text(encoding="utf-8")
    copy = demo.replace("Date: 2026-11-24 08:30", "Date: 2026-11-20 08:30")  # earlier: the demo's file is the later one
    answer = post(f"{desk}/admin/api/check", json.dumps({"collection": "articles", "name": "wuye-guanli-fuben", "text": copy}).encode())
    assert [one["rule"] for one in answer["findings"]] == ["story-duplicate"]
    assert "articles/wuye-guanli-fuben.md" in answer["findings"][0]["zh"]


def test_a_photo_uploaded_but_not_saved_is_checked_with_the_story(desk):
    text = STORY.format(body='![宣传现场]({static}/images/xuanchuan.jpg "11月26日，法治宣传进社区活动现场。本报通讯员 高欣 摄")')
    media = [{"path": "content/images/xuanchuan.jpg", "id": PICTURE_ID}]
    first = check(desk, text, media)
    assert first["missing"] == [PICTURE_ID]  # the desk's page sends it, then asks again
    assert [one["rule"] for one in first["findings"]] == ["image-missing"]
    picture = io.BytesIO()
    Image.new("RGB", (1200, 800), (120, 90, 60)).save(picture, "JPEG")
    post(f"{desk}/admin/api/media?id={PICTURE_ID}", picture.getvalue())
    second = check(desk, text, media)
    assert second == {"missing": [], "findings": []}
    assert not (ROOT / "content" / "images" / "xuanchuan.jpg").exists()  # never written into the content folder


def test_a_page_under_another_name_is_refused(desk):
    with pytest.raises(urllib.error.HTTPError) as refused:
        get(f"{desk}/admin/config.yml", host="evil.example:8080")
    assert refused.value.code == 403


def committed(folder: Path) -> Path:
    subprocess.run(["git", "init", "-q", "-b", "main", str(folder)], check=True)
    (folder / "pelicanconf.py").write_text("# 站点设置\n", encoding="utf-8")
    subprocess.run(["git", "-C", str(folder), "add", "-A"], check=True)
    subprocess.run(["git", "-C", str(folder), "-c", "user.name=测试", "-c", "user.email=t@localhost", "commit", "-qm", "站点"], check=True)
    return folder


@pytest.fixture
def node_modules():
    if not (ROOT / "desk" / "node_modules" / "decap-server").is_dir():
        pytest.fail("desk/node_modules is missing: ./pressroom test installs it (npm ci in desk/)")


def test_the_desk_will_not_start_outside_a_repository_or_on_uncommitted_changes(tmp_path, node_modules):
    assert "不是 git 仓库" in refusal(tmp_path)
    committed(tmp_path)
    assert refusal(tmp_path) == ""
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "草稿.md").write_text("Title: 草稿\n", encoding="utf-8")
    said = refusal(tmp_path)
    assert "尚未提交的修改或新文件" in said and "content/草稿.md" in said


def test_the_desk_will_not_start_without_its_branch(tmp_path, node_modules):
    assert "DESK_BRANCH" in refusal(committed(tmp_path), "release")


@pytest.mark.parametrize("site, said", [
    (Site(sections=["要闻", "图片新闻"], content="content", photo_section="图片"), "DESK_PHOTO_SECTION“图片”不是"),
    (Site(sections=["要闻"], content="content", backend={"name": "gitea", "repo": "xinwen/site"}), "不支持三审工作流"),
    (Site(sections=["要闻"], content="content", backend={"name": "gitlab"}), "DESK_BACKEND 缺少 repo"),
])
def test_settings_the_desk_cannot_work_with_are_named(site, said):
    assert any(said in problem for problem in site_problems(site))


def test_the_demo_settings_are_fine():
    assert site_problems(Site(sections=["要闻", "图片新闻"], content="content", photo_section="图片新闻")) == []
