"""The folders a build may replace: never the content, the project, or a folder of other files."""

import pytest

from plugins.atomic.guard import output_refusal


@pytest.fixture
def project(tmp_path):
    (tmp_path / "content/articles").mkdir(parents=True)
    (tmp_path / "content/articles/a.md").write_text("Title: 甲\n")
    (tmp_path / "output").mkdir()
    (tmp_path / "output/index.html").write_text("<html>")
    (tmp_path / "notes").mkdir()
    (tmp_path / "notes/plan.txt").write_text("计划")
    return tmp_path


@pytest.mark.parametrize("output, says", [
    ("output", None),  # last time's site
    ("new-site", None),  # not there yet
    ("content", "与内容文件夹"),
    ("content/articles", "与内容文件夹"),
    (".", "与内容文件夹"),  # holds the content (and the project)
    ("notes", "不是构建生成的网站"),
])
def test_output_refusal(project, output, says):
    refusal = output_refusal(project / output, project / "content", project)
    assert (refusal is None) if says is None else (says in refusal)


def test_a_folder_holding_the_project_is_refused(tmp_path):
    project = tmp_path / "work/pressroom"
    (project / "content").mkdir(parents=True)
    refusal = output_refusal(tmp_path / "work", tmp_path / "elsewhere/content", project)
    assert "包含整个项目" in refusal
