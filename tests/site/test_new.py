"""`invoke new`: a draft from a title, every field explained, a pinyin file name, never an overwrite."""

import subprocess
import sys

import pytest

from sitebuild import ROOT, run_pelican


def new(content, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "invoke", "new", "--content", str(content), *args]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True)


@pytest.mark.parametrize(
    "args, path, fields",
    [
        (["--title", "铁东区召开物业管理工作推进会"], "articles/tiedongqu-zhaokai-wuye-guanli-gongzuo.md", ["Kicker:", "Subtitle:", "Byline:", "Category: 要闻", "Status: draft"]),
        (["--title", "“金秋助学”活动现场", "--photo", "--section", "图片新闻"], "photos/jinqiu-zhuxue-huodong-xianchang.md", ["Photo: images/jinqiu-zhuxue-huodong-xianchang.jpg", "Alt:", "本报通讯员 姓名 摄"]),
        (["--title", "文艺演出", "--slug", "wenyi-2026"], "articles/wenyi-2026.md", ["Title: 文艺演出"]),
    ],
)
def test_new_writes_a_draft_with_every_field(tmp_path, args, path, fields):
    created = new(tmp_path, *args)
    assert created.returncode == 0, created.stderr
    text = (tmp_path / path).read_text(encoding="utf-8")
    assert all(field in text for field in fields), text
    assert "写稿说明" in text and "Date: 20" in text


def test_new_never_overwrites(tmp_path):
    assert new(tmp_path, "--title", "文艺演出").returncode == 0
    (tmp_path / "articles/wenyi-yanchu.md").write_text("Title: 编辑已经写好的稿件\n", encoding="utf-8")
    again = new(tmp_path, "--title", "文艺演出")
    assert again.returncode == 1 and "已经存在" in again.stderr and "Traceback" not in again.stderr
    assert (tmp_path / "articles/wenyi-yanchu.md").read_text(encoding="utf-8") == "Title: 编辑已经写好的稿件\n"


def test_a_new_draft_previews_with_its_banner_and_without_the_guide(tmp_path):
    assert new(tmp_path / "content", "--title", "文艺演出").returncode == 0
    process = run_pelican(tmp_path / "content", tmp_path / "out")
    assert process.returncode == 0
    page = (tmp_path / "out/drafts/wenyi-yanchu.html").read_text(encoding="utf-8")
    assert "草稿" in page and "写稿说明" not in page


def test_new_without_a_title_says_so_in_chinese(tmp_path):
    process = subprocess.run([sys.executable, "-m", "invoke", "new", "--content", str(tmp_path)], cwd=ROOT, capture_output=True, text=True)
    assert process.returncode != 0
    assert process.stderr.strip().startswith("请给出标题") and not list(tmp_path.rglob("*.md"))
