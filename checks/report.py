"""Findings and how they are printed: `path:line: 错误: 中文说明 (rule-id: English)`, sorted."""

from collections.abc import Iterable
from typing import NamedTuple

from .catalogue import ERROR, RULES

LEVEL_WORDS = {"error": "错误", "warning": "警告"}


class Finding(NamedTuple):
    path: str  # relative to the content folder, "/"-separated: articles/wuye-guanli.md
    line: int
    level: str
    rule: str
    zh: str
    en: str


def finding(path: str, line: int, rule: str, zh: str, en: str) -> Finding:
    """A finding of `rule`, at the rule's level."""
    return Finding(path, line, RULES[rule].level, rule, zh, en)


def format_finding(found: Finding) -> str:
    """One line for an editor: Chinese first, the rule's id and English in brackets."""
    return f"{found.path}:{found.line}: {LEVEL_WORDS[found.level]}: {found.zh} ({found.rule}: {found.en})"


def sorted_findings(findings: Iterable[Finding]) -> list[Finding]:
    """Findings by path and line, each once."""
    return sorted(set(findings), key=lambda f: (f.path, f.line, f.rule, f.zh))


def summary(findings: list[Finding], files: int) -> str:
    """The closing line: how many files were read and what was found."""
    errors = sum(f.level == ERROR for f in findings)
    warnings = len(findings) - errors
    if not findings:
        return f"检查了 {files} 个文件，没有发现问题 (checked {files} files: no problems)"
    return (
        f"检查了 {files} 个文件：{errors} 个错误，{warnings} 个警告 "
        f"(checked {files} files: {errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)})"
    )


def exit_status(findings: list[Finding]) -> int:
    """1 when anything is an error; warnings alone pass."""
    return int(any(f.level == ERROR for f in findings))
