"""The build's problem lines: one line each in the check's form, Pelican's own in the editor's words,
and `invoke build`'s reading of them."""

import logging

import pytest

from editor.build import line_key, line_level, new_lines, verdict
from plugins.core.pelican_api import one_line


class Item:  # what Pelican passes as the item in its "Unknown status" line: a Content with its path
    relative_source_path = "articles/wuye-guanli.md"


def record(level: int, message: str, *args) -> logging.LogRecord:
    return logging.LogRecord("pelican.contents", level, __file__, 1, message, args, None)


@pytest.mark.parametrize("level, message, args, line", [
    (logging.ERROR, "%s: 错误: 图片 %s 无法处理", ("photos/a.md", "images/a.jpg"), "photos/a.md: 错误: 图片 images/a.jpg 无法处理"),
    (logging.WARNING, "%s:%d: 警告: 未知字段“%s”", ("articles/a.md", 4, "Authr"), "articles/a.md:4: 警告: 未知字段“Authr”"),
    # a message without a level word gets one; a line wrapped by the writer is one line again
    (logging.WARNING, "照片工作进程未能运行，\n由构建进程处理", (), "警告: 照片工作进程未能运行， 由构建进程处理"),
    (logging.ERROR, "无法写入“%s”的页面", ("法治",), "错误: 无法写入“法治”的页面"),
    (
        logging.ERROR, "Unknown status '%s' for file %s, skipping it. (Not in %s)", ("待审", Item(), ("published",)),
        ("articles/wuye-guanli.md: 错误: Status “待审” 无法识别，这篇稿件没有生成；请写 draft（草稿）、published（发布）或 hidden（隐藏） "
         "(unknown Status '待审': the item is left out)"),
    ),
    (
        logging.WARNING, "{filename} used for linking to static content %s in %s. Use {static} instead", ("images/a.jpg", "articles/a.md"),
        "articles/a.md: 警告: images/a.jpg 是图片或附件，链接请写 {static}/images/a.jpg ({filename} used for static images/a.jpg: write {static})",
    ),
    (
        logging.ERROR, "Could not process %s", ("articles/x.md",),
        "articles/x.md: 错误: 这个文件没有生成，原因见上一行；若上面没有说明，请把这一行发给网站维护人员 (could not process articles/x.md)",
    ),
    (
        logging.WARNING, 'Unable to generate valid slug for %s "%s".', ("Tag", "！！"),
        "警告: 标签“！！”无法生成网址，不生成它的页面；请用含汉字、字母或数字的名称 (no valid slug for Tag '！！': no page)",
    ),
])
def test_one_line(level, message, args, line):
    assert one_line(record(level, message, *args)) == line


@pytest.mark.parametrize("line, key, level", [
    ("articles/a.md:4: 警告: 未知字段“Authr”，是否想写 Author？ (field-unknown: unknown field)", ("articles/a.md", "未知字段“Authr”，是否想写 Author？"), "warning"),
    ("articles/a.md: 错误: 图片 images/x.jpg：图片文件不存在 (image file not found)", ("articles/a.md", "图片 images/x.jpg：图片文件不存在"), "error"),
    ("photos/a.md、photos/b.md: 错误: 图片 images/a.jpg 无法处理 (cannot process photo: OSError (x))", ("photos/a.md、photos/b.md", "图片 images/a.jpg 无法处理"), "error"),
    ("错误: 无法写入“法治”的页面", None, "error"),
    ("Done: Processed 7 articles", None, None),
])
def test_line_key_and_level(line, key, level):
    assert line_key(line) == key
    assert line_level(line) == level


def test_new_lines_leave_out_what_was_said_and_the_strict_line():
    said = {("articles/a.md", "未知字段“Authr”")}
    lines = [
        "articles/a.md:4: 警告: 未知字段“Authr” (unknown field)\n",
        "articles/b.md: 错误: 图片 x.jpg 无法处理 (cannot)\n",
        "articles/b.md: 错误: 图片 x.jpg 无法处理 (cannot)\n",
        "严格构建未通过：以上共 1 条错误，请先改正 (strict build failed: 1 problem above)\n",
        "Done: Processed 7 articles\n",
    ]
    assert list(new_lines(lines, said)) == [lines[1], lines[4]]


@pytest.mark.parametrize("errors, warnings, built, publishing, starts", [
    (2, 1, False, False, "构建未完成：有 2 个错误（见上），output/ 保持原样"),
    (0, 0, False, False, "构建未完成：有错误（见上），output/ 保持原样"),
    (0, 3, True, False, "构建完成，网站已更新到 output/；有 3 个警告"),
    (0, 0, True, False, "构建完成，网站已更新到 output/，没有发现问题"),
    (1, 0, False, True, "未发布：有 1 个错误或警告（见上），output/ 保持原样"),
    (0, 0, True, True, "发布构建完成，网站已更新到 output/，没有发现问题"),
])
def test_verdict(errors, warnings, built, publishing, starts):
    assert verdict(errors, warnings, built, "output", publishing).startswith(starts)
