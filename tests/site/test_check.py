"""`invoke check` as an editor runs it: the demo content is clean; each planted mistake is found, once, where it is."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT

# 2026-11-25 00:00 in Beijing, after every demo item: "now" for the date-future rule.
ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1795536000"}


def check(*args: str) -> subprocess.CompletedProcess:
    """Run `invoke check ARGS` from the repository root, as an editor would."""
    return subprocess.run([sys.executable, "-m", "invoke", "check", *args], cwd=ROOT, capture_output=True, text=True, env=ENV, check=False)


def findings(process: subprocess.CompletedProcess) -> list[str]:
    """The finding lines: everything before the closing summary line, which is always there."""
    lines = process.stdout.splitlines()
    assert lines and lines[-1].startswith("检查了 "), process.stdout + process.stderr
    assert "Traceback" not in process.stdout + process.stderr
    return lines[:-1]


@pytest.fixture
def content(tmp_path) -> Path:
    """A copy of the repository's demo content/ to plant mistakes in."""
    return Path(shutil.copytree(ROOT / "content", tmp_path / "content"))


def replace(content: Path, path: str, old: str, new: str) -> None:
    """Edit one file of the copy as an editor would, in UTF-8."""
    file = content / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{path} has no {old!r}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_the_demo_content_is_clean():
    process = check()
    assert findings(process) == []
    assert process.stdout == "检查了 10 个文件，没有发现问题 (checked 10 files: no problems)\n"
    assert process.returncode == 0


def gb18030(content: Path) -> None:
    file = content / "articles/wenyi-yanchu.md"
    file.write_bytes(file.read_text(encoding="utf-8").encode("gb18030"))


def passwd_link(content: Path) -> None:
    (content / "images/passwd.jpg").symlink_to("/etc/passwd")


def svg_with_script(content: Path) -> None:
    (content / "images/logo.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>')


def dangling_link(content: Path) -> None:
    (content / "articles/old-story.md").symlink_to(content / "articles/removed.md")


def photo_outside(content: Path) -> None:
    shutil.copy(content / "images/minzu-xuanjiang.jpg", content.parent / "minzu-xuanjiang.jpg")
    replace(content, "photos/minzu-xuanjiang.md", "Photo: images/", "Photo: ../")


def empty_photo(content: Path) -> None:
    (content / "images/jinqiu-zhuxue.jpg").write_bytes(b"")


def fields_only(content: Path) -> None:
    """Keep the six header lines and the blank line after them; the story is gone."""
    file = content / "articles/wenyi-yanchu.md"
    file.write_text("".join(file.read_text(encoding="utf-8").splitlines(keepends=True)[:7]), encoding="utf-8")


def edit(path: str, old: str, new: str):
    return lambda content: replace(content, path, old, new)


def copied_story(content):
    """The cultural performance filed a second time, three hours later, under another name."""
    text = (content / "articles/wenyi-yanchu.md").read_text(encoding="utf-8")
    (content / "articles/wenyi-yanchu-2.md").write_text(text.replace("Date: 2026-11-24 07:30", "Date: 2026-11-24 10:30"), encoding="utf-8")


# One planted mistake per rule: what is done to the copy, and the one line `check` must print.
PLANTED = [
    ("encoding", gb18030, "articles/wenyi-yanchu.md:1: 错误:"),
    ("file-unreadable", dangling_link, "articles/old-story.md:1: 错误:"),
    ("file-symlink", passwd_link, "images/passwd.jpg:1: 错误:"),
    ("file-active", svg_with_script, "images/logo.svg:1: 错误:"),
    ("title-missing", edit("pages/about.md", "Title: 关于本站\n", ""), "pages/about.md:1: 错误:"),
    (
        "title-too-long",
        edit("articles/fazhi-diaoyan.md", "Title: 提高依法治区水平 助推法治政府建设", "Title: 为深入贯彻落实全面依法治国，精准把握铁东区法治政府建设，找准依法治区工作中的痛点、堵点问题，近日，铁东区政协组织部分法律界委员开展“提高依法治区水平 助推法治政府建设”专题调研"),
        "articles/fazhi-diaoyan.md:1: 警告:",
    ),
    ("date-missing", edit("articles/wenyi-yanchu.md", "Date: 2026-11-24 07:30\n", ""), "articles/wenyi-yanchu.md:1: 错误:"),
    ("date-invalid", edit("articles/jinqiao-bianmin.md", "Date: 2026-11-24 07:00", "Date: 2026-11-31 07:00"), "articles/jinqiao-bianmin.md:4: 错误:"),
    (
        "modified-before-date",
        edit("articles/wenyi-yanchu.md", "Date: 2026-11-24 07:30\n", "Date: 2026-11-24 07:30\nModified: 2026-11-23 18:00\n"),
        "articles/wenyi-yanchu.md:5: 错误:",
    ),
    ("date-future", edit("articles/wenyi-yanchu.md", "Date: 2026-11-24 07:30", "Date: 2027-11-24 07:30"), "articles/wenyi-yanchu.md:4: 错误:"),
    ("section-unknown", edit("articles/jiegan-fenshao.md", "Category: 要闻", "Category: 要问"), "articles/jiegan-fenshao.md:4: 错误:"),
    ("status-unknown", edit("articles/wuye-guanli.md", "Lead: true\n", "Lead: true\nStatus: 待发布\n"), "articles/wuye-guanli.md:8: 错误:"),
    ("field-control", edit("articles/wuye-guanli.md", "Lead: true\n", "Lead: true\nNote: 本文\x07已更新\n"), "articles/wuye-guanli.md:8: 错误:"),
    ("address-unsafe", edit("articles/wuye-guanli.md", "Lead: true\n", "Lead: true\nURL: javascript:alert(1)\n"), "articles/wuye-guanli.md:8: 错误:"),
    ("field-unknown", edit("articles/wuye-guanli.md", "Lead: true\n", "Lead: true\nKiker: 物业管理全覆盖\n"), "articles/wuye-guanli.md:8: 警告:"),
    ("lead-invalid", edit("articles/wuye-guanli.md", "Lead: true", "Lead: 头条"), "articles/wuye-guanli.md:7: 警告:"),
    ("byline-no-name", edit("articles/jinqiao-bianmin.md", "Byline: 本报讯（通讯员 刘子涵）", "Byline: 本报讯"), "articles/jinqiao-bianmin.md:3: 警告:"),
    (
        "correction-undated",
        edit("articles/fazhi-diaoyan.md", "Tags: 法治政府, 政协, 依法治区\n", "Tags: 法治政府, 政协, 依法治区\nCorrection: 原稿将“城东人民法庭”误为“城西人民法庭”，已更正。\n"),
        "articles/fazhi-diaoyan.md:7: 警告:",
    ),
    (
        "url-duplicate",
        edit("articles/jiegan-fenshao.md", "Date: 2026-11-24 07:45\n", "Date: 2026-11-24 07:45\nSlug: wuye-guanli\n"),
        "articles/jiegan-fenshao.md:4: 错误: 网址 2026/11/wuye-guanli.html 与 articles/wuye-guanli.md 相同",
    ),
    ("story-duplicate", copied_story, "articles/wenyi-yanchu-2.md:1: 错误: 与 articles/wenyi-yanchu.md 标题相同"),
    (
        "tag-near-duplicate",
        edit("articles/jinqiao-bianmin.md", "Tags: 便民服务, 医疗卫生, 社区服务", "Tags: 便民服务, 医疗卫生, 社区 服务"),
        "articles/jinqiao-bianmin.md:6: 警告: 标签“社区 服务”与 articles/wuye-guanli.md 的“社区服务”",
    ),
    ("image-missing", edit("photos/loudao-qingli.md", "loudao-qingli.jpg", "loudao-qingli.jpeg"), "photos/loudao-qingli.md:6: 错误:"),
    ("image-outside", photo_outside, "photos/minzu-xuanjiang.md:6: 错误:"),
    ("image-not-image", empty_photo, "photos/jinqiu-zhuxue.md:6: 错误:"),
    ("field-missing", edit("photos/minzu-xuanjiang.md", "Alt: 示意图：报告厅讲台上的宣讲人与台下听讲的学生\n", ""), "photos/minzu-xuanjiang.md:6: 错误:"),
    ("image-no-alt", edit("articles/wenyi-yanchu.md", "共享艺术之美。\n", "共享艺术之美。\n\n![]({static}/images/jinqiu-zhuxue.jpg \"文艺演出现场。本报通讯员 王斌 摄\")\n"),
     "articles/wenyi-yanchu.md:10: 警告:"),
    ("placeholder-left", edit("photos/loudao-qingli.md", "本报通讯员 王东 摄", "本报通讯员 姓名 摄"), "photos/loudao-qingli.md:11: 错误:"),
    (
        "image-no-caption",
        edit("articles/wenyi-yanchu.md", "共享艺术之美。\n", "共享艺术之美。\n\n![文艺演出现场]({static}/images/jinqiu-zhuxue.jpg)\n"),
        "articles/wenyi-yanchu.md:10: 警告:",
    ),
    (
        "link-broken",
        edit("articles/fazhi-diaoyan.md", "持续助推依法治区提质增效。", "持续助推依法治区提质增效。详见[相关报道]({filename}/articles/fazhi-diaocha.md)。"),
        "articles/fazhi-diaoyan.md:12: 错误:",
    ),
    ("body-empty", fields_only, "articles/wenyi-yanchu.md:6: 错误:"),
    (
        "html-active",
        edit("articles/wenyi-yanchu.md", "共享艺术之美。\n", "共享艺术之美。\n\n<iframe src=\"https://v.example.com/yanchu\"></iframe>\n"),
        "articles/wenyi-yanchu.md:10: 错误:",
    ),
    ("wording-wrong", edit("articles/fazhi-diaoyan.md", "近日，铁东区政协", "近日，铁东区政协再接再励，"), "articles/fazhi-diaoyan.md:8: 错误:"),
    ("wording-protected", edit("articles/fazhi-diaoyan.md", "为深入贯彻落实全面依法治国", "为深入贯彻落实全面依法制国"), "articles/fazhi-diaoyan.md:8: 错误:"),
    ("punctuation-halfwidth", edit("articles/fazhi-diaoyan.md", "近日，铁东区政协", "近日,铁东区政协"), "articles/fazhi-diaoyan.md:8: 警告:"),
    ("sentence-broken", edit("articles/wuye-guanli.md", "问题突出小区", "问题突\n\n出小区"), "articles/wuye-guanli.md:16: 警告:"),
]


def test_every_rule_is_planted():
    from checks.catalogue import RULES

    # wording-table is about a project file (wording.txt), not content: the unit catalogue plants it
    assert {rule for rule, _, _ in PLANTED} == set(RULES) - {"check-failed", "wording-table"}


@pytest.mark.parametrize("rule, plant, line", PLANTED, ids=[rule for rule, _, _ in PLANTED])
def test_a_planted_mistake_is_reported_exactly(content, rule, plant, line):
    plant(content)
    process = check("--content", str(content))
    (found,) = findings(process)
    assert found.startswith(line) and f"({rule}: " in found, found
    assert process.returncode == (1 if ": 错误:" in line else 0)


def test_fix_mends_punctuation_and_a_broken_sentence(content):
    article, feature = content / "articles/fazhi-diaoyan.md", content / "articles/wuye-guanli.md"
    feature.write_bytes(feature.read_bytes().replace(b"\n", b"\r\n"))  # saved on Windows: CRLF stays CRLF
    clean = {article: article.read_bytes(), feature: feature.read_bytes()}
    replace(content, "articles/fazhi-diaoyan.md", "近日，铁东区政协", "近日,铁东区政协")
    feature.write_bytes(feature.read_bytes().replace("问题突出小区".encode(), "问题突\r\n\r\n出小区".encode()))

    fixed = check("--fix", "--content", str(content))
    assert fixed.returncode == 0
    assert [line.split(" (")[0] for line in findings(fixed)] == [
        "articles/fazhi-diaoyan.md:8: 已改正: 半角标点改为全角：, → ，",
        "articles/wuye-guanli.md:16: 已改正: 第 16 行与第 18 行合并为一段：“头调研问题突出小区，每季”",
    ]
    assert {file: file.read_bytes() for file in clean} == clean

    again = check("--content", str(content))
    assert (findings(again), again.returncode) == ([], 0)


def test_a_missing_content_folder_is_one_line(tmp_path):
    process = check("--content", str(tmp_path / "nowhere"))
    assert process.returncode == 2
    assert process.stderr.strip().splitlines() == [f"错误: 找不到内容文件夹 {tmp_path / 'nowhere'} (content folder not found)"]


def test_every_rule_is_listed_in_the_help_and_the_readme():
    from checks.catalogue import RULES

    shown = subprocess.run([sys.executable, "-m", "invoke", "--help", "check"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for rule in RULES:
        assert f"  {rule} " in shown, rule
        assert f"`{rule}`" in readme, rule
