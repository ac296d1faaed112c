"""`invoke build` exits 1 on an error and leaves output/ as it was, 0 on warnings alone, and says which last;
each problem is said once, in the check's one-line form."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT

ENV = {**os.environ, "SOURCE_DATE_EPOCH": "1795536000"}


def build(content: Path, output: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "invoke", "build", "--content", str(content), "--output", str(output)]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=ENV, check=False)


@pytest.fixture
def site(tmp_path) -> tuple[Path, Path]:
    """A copy of the demo content, and an output folder holding last time's site (one file)."""
    content = Path(shutil.copytree(ROOT / "content", tmp_path / "content"))
    output = tmp_path / "output"
    output.mkdir()
    (output / "index.html").write_text("上次的网站", encoding="utf-8")
    return content, output


def edit(content: Path, path: str, old: str, new: str) -> None:
    file = content / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def last_line(process: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in process.stdout + process.stderr, process.stdout + process.stderr
    return process.stdout.splitlines()[-1]


def test_clean_content_builds_and_says_so(site):
    content, output = site
    process = build(content, output)
    assert process.returncode == 0, process.stdout + process.stderr
    assert last_line(process).startswith("构建完成，网站已更新到") and "没有发现问题" in last_line(process)
    assert "上次的网站" not in (output / "index.html").read_text(encoding="utf-8")


def test_warnings_alone_build_and_each_is_said_once(site):
    content, output = site
    edit(content, "articles/wuye-guanli.md", "Lead: true\n", "Lead: true\nAuthr: 常欣月\n")  # the check and the build both see it
    process = build(content, output)
    assert process.returncode == 0, process.stdout + process.stderr
    assert "有 1 个警告" in last_line(process)
    said = process.stdout + process.stderr
    assert said.count("未知字段“Authr”") == 1, said
    assert "WARNING" not in said
    assert "上次的网站" not in (output / "index.html").read_text(encoding="utf-8")


def test_an_error_the_check_finds_builds_nothing(site):
    content, output = site
    edit(content, "articles/wuye-guanli.md", "Category: 要闻\n", "")
    process = build(content, output)
    assert process.returncode == 1
    assert last_line(process).startswith("构建未完成：有 1 个错误")
    assert (output / "index.html").read_text(encoding="utf-8") == "上次的网站"


def test_an_error_only_the_build_finds_leaves_the_output_and_is_one_line(site):
    content, output = site
    whole = (content / "images/loudao-qingli.jpg").read_bytes()
    (content / "images/loudao-qingli.jpg").write_bytes(whole[: len(whole) // 3])  # a JPEG cut short: it opens, it cannot be made
    process = build(content, output)
    assert process.returncode == 1, process.stdout + process.stderr
    said = process.stdout + process.stderr
    (line,) = [line for line in said.splitlines() if "无法处理" in line]
    assert line.startswith("photos/loudao-qingli.md: 错误: 图片 images/loudao-qingli.jpg 无法处理"), line
    assert last_line(process).startswith("构建未完成：有 1 个错误")
    assert (output / "index.html").read_text(encoding="utf-8") == "上次的网站"


def test_a_publish_fails_on_a_warning_said_once_and_keeps_the_output(site):
    content, output = site
    edit(content, "articles/wuye-guanli.md", "Lead: true\n", "Lead: true\nAuthr: 常欣月\n")
    command = [sys.executable, "-m", "invoke", "publish", "--content", str(content), "--output", str(output)]
    process = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=ENV | {"SITEURL": "https://news.example.gov.cn"}, check=False)
    said = process.stdout + process.stderr
    assert process.returncode == 1, said
    assert said.count("未知字段“Authr”") == 1, said
    assert last_line(process).startswith("未发布：")
    assert (output / "index.html").read_text(encoding="utf-8") == "上次的网站"


def test_a_build_into_the_content_folder_is_refused_and_deletes_nothing(site):
    content, _ = site
    before = sorted(path.relative_to(content) for path in content.rglob("*"))
    for _ in range(2):  # the second run once deleted every story and photo
        process = build(content, content)
        assert process.returncode == 1 and "与内容文件夹" in process.stdout + process.stderr
    assert sorted(path.relative_to(content) for path in content.rglob("*")) == before
