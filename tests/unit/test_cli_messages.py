"""invoke's parse errors said in Chinese first, with invoke's English beside (invoke 3.0's wording)."""

import pytest

from editor.cli_messages import in_chinese


@pytest.mark.parametrize("message, task, says", [
    ("'import' did not receive required positional arguments: 'page'", "import",
     "invoke import 缺少必填的参数：请写上版面文件，例如 invoke import 版面.txt --date 2026-11-24"),
    ("'x' did not receive required positional arguments: 'first', 'second'", "x", "invoke x 缺少必填的参数：请写上first、second"),
    ("No idea what '--dat' is!", "import", "不认识的选项 --dat，请检查拼写（invoke --help import 列出可用的选项）"),
    ("No idea what 'biuld' is!", "", "不认识“biuld”：没有这个任务，或多写了一个参数"),
    ("Flag <Argument: date (d)> needed value and was not given one!", "import", "选项 --date 后面要写上它的值（invoke --help import 列出用法）"),
    ("Flag <Argument: dry_run (d)> doesn't take any value!", "deploy", "选项 --dry-run 不带值"),
])
def test_in_chinese(message, task, says):
    line = in_chinese(message, task)
    assert line.startswith(says) and line.endswith(f"({message})")


def test_a_message_it_does_not_know_is_left_as_it_was():
    assert in_chinese("'--flag' is ambiguous when given after an optional-value flag") == "'--flag' is ambiguous when given after an optional-value flag"
