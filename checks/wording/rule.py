"""`invoke check`'s wording rules: wording-wrong (a table's wrong form) and wording-protected
(a protected expression one character off), on every line readers see."""

from functools import cache
from pathlib import Path

from ..report import Finding, finding
from ..settings import Context
from ..source import Source
from ..text import prose_lines
from .find import MARKER, Finder, Hit, finder
from .table import load_tables, read_confusions

COMMON = Path(__file__).resolve().parent / "common.txt"
CONFUSIONS = Path(__file__).resolve().parent / "confusions.txt"
PROJECT = Path(__file__).resolve().parents[2]


def table_files(context: Context) -> list[Path]:
    """The project's table, the office's wording.txt, then WORDING_FILES (relative to the project)."""
    return [COMMON, PROJECT / "wording.txt", *(PROJECT / name for name in context.wording_files)]


@cache
def cached_finder(files: tuple[tuple[Path, float], ...]) -> Finder:
    return finder(load_tables([file for file, _ in files]), read_confusions(CONFUSIONS.read_text(encoding="utf-8")))


def wording_finder(context: Context) -> Finder:
    files = table_files(context)
    return cached_finder(tuple((file, file.stat().st_mtime if file.is_file() else 0.0) for file in files))


def said(hit: Hit, finder: Finder) -> tuple[str, str]:
    """What is wrong with a hit and how to put it right: Chinese, then English."""
    if hit.kind == "wrong":
        return (
            f"“{hit.written}”应写作“{hit.right}”（{finder.table.source.get(hit.written, '')}）；确系引用原文的，在其后加 {MARKER}",
            f"'{hit.written}' should be '{hit.right}'",
        )
    return (
        f"“{hit.written}”与规范表述“{hit.right}”差一个字，属严重表述错误，请改正；确系引用原文的，在其后加 {MARKER}",
        f"'{hit.written}' is one character off the protected expression '{hit.right}'",
    )


def wording(source: Source, context: Context) -> list[Finding]:
    """Each wrong form and each protected expression written one character off, by line."""
    found = []
    search = wording_finder(context)
    for number, column in prose_lines(source):
        for hit in search.hits(source.lines[number - 1][column:]):
            rule = "wording-wrong" if hit.kind == "wrong" else "wording-protected"
            found.append(finding(source.path, number, rule, *said(hit, search)))
    return found


def table_problems(sources: list[Source], context: Context) -> list[Finding]:
    """A line of a wording table that is neither an entry nor a comment (named by the table's file name)."""
    table = wording_finder(context).table
    return [finding(name, line, "wording-table", what, "a wording table line that is not an entry") for name, line, what in table.problems]
