"""`invoke build` and `publish`: the check, then Pelican; each problem said once, and a last line that says how it went.

An error (in the check, or logged by the build) leaves output/ as it was and exits non-zero;
warnings alone build the site and exit 0 (a publish fails on them too). The check speaks first; a line of Pelican's that says a
problem the check has already named (same file, same Chinese words) is left out.
"""

import re
import subprocess
from collections import Counter
from collections.abc import Iterable

from checks.cli import check
from checks.report import ERROR, Finding
from plugins.strict.tally import FAILED as STRICT_FAILED

# A problem line as the check and the build's plugins write it: 文件[:行]: 错误: 中文说明 (English)
PROBLEM_LINE = re.compile(r"^(?P<path>[^\s:]+)(?::\d+)?: (?P<level>错误|警告): (?P<zh>.+?)(?: \(.*\))?$")
LEVELS = {"错误": "error", "警告": "warning"}


def finding_key(found: Finding) -> tuple[str, str]:
    return found.path, found.zh


def line_key(line: str) -> tuple[str, str] | None:
    """(file, Chinese words) of a problem line, or None for any other line."""
    match = PROBLEM_LINE.match(line.strip())
    return (match["path"], match["zh"]) if match else None


def line_level(line: str) -> str | None:
    """'error' or 'warning' for a problem line (错误/警告 anywhere the build puts it), else None."""
    match = re.search(r"(?:^|: )(错误|警告): ", line)
    return LEVELS[match[1]] if match else None


def new_lines(lines: Iterable[str], said: set[tuple[str, str]]) -> Iterable[str]:
    """The lines that are not a problem already said, each problem once."""
    for line in lines:
        if line.startswith(STRICT_FAILED):
            continue  # the build's own last line, which `verdict` says for the whole build
        key = line_key(line)
        if key is not None and key in said:
            continue
        if key is not None:
            said.add(key)
        yield line


def verdict(errors: int, warnings: int, built: bool, output: str, publishing: bool = False) -> str:
    """The last line: whether output/ was updated, and with how many problems."""
    if not built:
        problems = "错误或警告" if publishing else "错误"
        what = f" {errors} 个{problems}" if errors else problems
        head = "未发布" if publishing else "构建未完成"
        return (f"{head}：有{what}（见上），{output}/ 保持原样；请先改正 "
                f"({'not published' if publishing else 'not built'}: {errors or 'see the'} problem{'s' * (errors != 1)} above; {output}/ unchanged)")
    head = "发布构建完成" if publishing else "构建完成"
    if warnings:
        return (f"{head}，网站已更新到 {output}/；有 {warnings} 个警告（见上），请处理 "
                f"(built into {output}/ with {warnings} warning{'s' * (warnings != 1)}; mend them)")
    return f"{head}，网站已更新到 {output}/，没有发现问题 (built into {output}/: no problems)"


def run(pelican_args: list[str], content: str, output: str, publishing: bool = False) -> int:
    """Check `content` (what is published, when `publishing`); when nothing is an error, build it with
    Pelican, failing on an error (on a warning too, when `publishing`). The exit status."""
    status, findings = check(["--content", content, *(["--published"] if publishing else [])])
    errors = sum(found.level == ERROR for found in findings)
    warnings = len(findings) - errors
    if status:
        print(verdict(errors, warnings, False, output, publishing), flush=True)
        return status
    said = {finding_key(found) for found in findings}
    command = [*pelican_args, "-e", f'STRICT_FAIL_ON="{"warning" if publishing else "error"}"']
    with subprocess.Popen(command, stderr=subprocess.PIPE, text=True, encoding="utf-8", errors="replace") as build:
        counted = Counter()
        for line in new_lines(build.stderr, said):
            print(line, end="", flush=True)  # on stdout, in order with the check's lines
            counted[line_level(line)] += 1
    if build.returncode:
        failed = counted["error"] + (warnings + counted["warning"] if publishing else 0)
        print(verdict(failed, 0, False, output, publishing), flush=True)
        return build.returncode
    print(verdict(0, warnings + counted["warning"], True, output, publishing), flush=True)
    return 0
