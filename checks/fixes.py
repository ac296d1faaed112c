"""The safe fixes of `check --fix`: full-width marks in Chinese text, and sentences cut by a blank line joined."""

import re
from typing import NamedTuple

from .source import Source
from .text import broken_sentences, full_width, halfwidth_edits, prose_lines

LINE_AND_END = re.compile(r"(\r\n|\r|\n)")


class Change(NamedTuple):
    line: int
    rule: str
    zh: str
    en: str


def lines_with_ends(text: str) -> list[list[str]]:
    """[line, its end] for each line, so a fixed file keeps its line ends (\\n, \\r\\n or \\r)."""
    parts = LINE_AND_END.split(text)
    pairs = [[line, end] for line, end in zip(parts[0::2], [*parts[1::2], ""])]
    return pairs[:-1] if pairs and pairs[-1] == ["", ""] else pairs


def fix_source(source: Source) -> tuple[str, list[Change]]:
    """The file's text with every safe fix made, and the changes, by the line numbers of the original."""
    lines = lines_with_ends(source.text)
    changes = []
    for number, column in prose_lines(source):
        line = lines[number - 1][0]
        edits = halfwidth_edits(line[column:])
        if edits:
            lines[number - 1][0] = line[:column] + full_width(line[column:])
            marks = " ".join(dict.fromkeys(f"{edit.mark} → {edit.text}" for edit in edits))
            changes.append(Change(number, "punctuation-halfwidth", f"半角标点改为全角：{marks}", f"full-width marks: {marks}"))
    for end, start in reversed(broken_sentences(source)):
        before, after = lines[end - 1][0].rstrip(), lines[start - 1][0].lstrip()
        joined = before + after
        lines[end - 1] = [full_width(joined), lines[start - 1][1]]  # 问题突, + 出小区: the mark now stands between Han
        del lines[end:start]  # the blank line and the line that went on with the sentence
        joint = f"{before[-6:]}{after[:6]}"
        changes.append(Change(end, "sentence-broken", f"第 {end} 行与第 {start} 行合并为一段：“{joint}”", f"joined lines {end} and {start}"))
    return "".join(line + end for line, end in lines), sorted(changes)
