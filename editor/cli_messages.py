"""invoke's own answers to a wrong command line (a missing page, a misspelt option), Chinese first.

invoke parses the task's arguments after it has read tasks.py and before any task runs, and a
mistake there ends in a ParseError whose English text it prints (invoke 3.0's wording). This is
the one place the project touches invoke's internals: `install` has ParseError say its message
through `in_chinese`, which leaves any message it does not know as it was.
"""

import re

from invoke.exceptions import ParseError

# What each task's positional argument is, for the line that says it is missing.
EXAMPLES = {"import": "版面文件，例如 invoke import 版面.txt --date 2026-11-24"}

MISSING = re.compile(r"^'(?P<task>[^']+)' did not receive required positional arguments: (?P<names>.+)$")
UNKNOWN = re.compile(r"^No idea what '(?P<token>.+)' is!$")
NO_VALUE = re.compile(r"^Flag <Argument: (?P<name>[\w-]+)[^>]*> needed value and was not given one!$")
TAKES_NO_VALUE = re.compile(r"^Flag <Argument: (?P<name>[\w-]+)[^>]*> doesn't take any value!$")


def in_chinese(message: str, task: str = "") -> str:
    """invoke's parse error (in `task`, when known) as one line for an editor: what is wrong and what
    to do, then invoke's English."""
    usage = f"invoke --help {task}" if task else "invoke --help 任务名"
    if match := MISSING.match(message):
        task = match["task"]
        what = EXAMPLES.get(task, "、".join(name.strip("'") for name in match["names"].split(", ")))
        return f"invoke {task} 缺少必填的参数：请写上{what}（invoke --help {task} 列出用法） ({message})"
    if match := UNKNOWN.match(message):
        token = match["token"]
        if token.startswith("-"):
            return f"不认识的选项 {token}，请检查拼写（{usage} 列出可用的选项） ({message})"
        return f"不认识“{token}”：没有这个任务，或多写了一个参数（invoke --list 列出所有任务） ({message})"
    if match := NO_VALUE.match(message):
        flag = "--" + match["name"].replace("_", "-")
        return f"选项 {flag} 后面要写上它的值（{usage} 列出用法） ({message})"
    if match := TAKES_NO_VALUE.match(message):
        return f"选项 --{match['name'].replace('_', '-')} 不带值，请只写选项本身 ({message})"
    return message


def install() -> None:
    """Have every ParseError invoke prints say itself through in_chinese (once, however often called)."""
    if getattr(ParseError, "in_chinese", False):
        return
    ParseError.__str__ = lambda error: in_chinese(Exception.__str__(error), getattr(error.context, "name", "") or "")
    ParseError.in_chinese = True
