"""Read one content file as an editor wrote it: its text, header fields and body, with line numbers."""

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from plugins.editorial.encoding import encoding_guess

from .report import Finding, finding

# Python-Markdown's meta extension, which Pelican's Markdown reader uses, finds the header with
# these four patterns; the checks read it the same way, so they see the fields the build sees.
META = re.compile(r"^[ ]{0,3}(?P<key>[A-Za-z0-9_-]+):\s*(?P<value>.*)")
META_MORE = re.compile(r"^[ ]{4,}(?P<value>.*)")
META_BEGIN = re.compile(r"^-{3}(\s.*)?")
META_END = re.compile(r"^(-{3}|\.{3})(\s.*)?")
LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what Markdown counts as a line end, no more
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
COMMENT = re.compile(r"^ {0,3}<!--")  # an HTML comment block, such as invoke new's writing guide
# Encodings an editor's file is likely in when it is not UTF-8. Every Big5 byte pair is also a
# GB18030 one, so trying GB18030 first would never name Big5; but in Big5 about two characters in
# five have a second byte below 0x80, which GBK text written with GB2312's characters never has.


@dataclass(frozen=True)
class Field:
    key: str  # lower case, as Pelican names it: title
    name: str  # as written: Title
    value: str  # continuation lines joined by "\n"
    line: int


@dataclass(frozen=True)
class Source:
    path: str  # relative to the content folder, "/"-separated: articles/wuye-guanli.md
    file: Path
    text: str  # without a UTF-8 byte-order mark
    bom: bool
    lines: tuple[str, ...]  # without line ends; lines[0] is line 1
    fields: tuple[Field, ...]
    body_start: int  # the line number of the body's first line
    is_page: bool

    def field(self, key: str) -> Field | None:
        """The first field named `key` (lower case), or None."""
        return next((f for f in self.fields if f.key == key), None)

    def value(self, key: str) -> str:
        """The field's value, stripped, or ""."""
        found = self.field(key)
        return found.value.strip() if found else ""

    @property
    def is_draft(self) -> bool:
        """Status: draft: shown in the preview, never published."""
        return self.value("status").lower() == "draft"

    def body(self) -> list[tuple[int, str]]:
        """The body's lines with their numbers; fenced code and HTML comments (no reader sees them) left out."""
        lines, fence, in_comment = [], "", False
        for number in range(self.body_start, len(self.lines) + 1):
            line = self.lines[number - 1]
            opening = FENCE.match(line)
            if in_comment:
                in_comment = "-->" not in line
            elif fence:
                if opening and opening[1][0] == fence[0] and len(opening[1]) >= len(fence):
                    fence = ""
            elif opening:
                fence = opening[1]
            elif COMMENT.match(line):
                in_comment = "-->" not in line[line.index("<!--") :]
            else:
                lines.append((number, line))
        return lines


def split_lines(text: str) -> list[str]:
    """The text's lines without their ends; a final line end does not start another line."""
    lines = LINE_BREAK.split(text)
    return lines[:-1] if lines and lines[-1] == "" else lines


def parse_header(lines: list[str]) -> tuple[tuple[Field, ...], int]:
    """The header's fields and the body's first line number, as the meta extension reads them."""
    fields: list[Field] = []
    index = 1 if lines and META_BEGIN.match(lines[0]) else 0
    while index < len(lines):
        line = lines[index]
        if not line.strip() or META_END.match(line):
            index += 1  # the blank line (or ---) ends the header and belongs to neither
            break
        match = META.match(line)
        more = META_MORE.match(line)
        if match:
            fields.append(Field(match["key"].lower(), match["key"], match["value"].strip(), index + 1))
        elif more and fields:
            last = fields[-1]
            fields[-1] = Field(last.key, last.name, f"{last.value}\n{more['value'].strip()}", last.line)
        else:
            break
        index += 1
    return tuple(fields), index + 1


def parse_source(text: str, path: str, file: Path | None = None, is_page: bool = False, bom: bool = False) -> Source:
    """A Source from the text of a file, already decoded."""
    lines = split_lines(text)
    fields, body_start = parse_header(lines)
    return Source(path, file or Path(path), text, bom, tuple(lines), fields, body_start, is_page)


def decode(raw: bytes, path: str) -> tuple[str, bool] | Finding:
    """The file's text and whether it had a byte-order mark, or an encoding finding."""
    bom = raw.startswith(codecs.BOM_UTF8)
    try:
        return raw[len(codecs.BOM_UTF8) if bom else 0 :].decode("utf-8"), bom
    except UnicodeDecodeError as problem:
        line = raw.count(b"\n", 0, problem.start) + 1  # where the first byte UTF-8 cannot read is
        guess = encoding_guess(raw)
        return finding(
            path, line, "encoding",
            f"文件不是 UTF-8 编码{f'（看起来是 {guess}）' if guess else ''}，请用编辑器另存为 UTF-8",
            f"file is not UTF-8{f'; it looks like {guess}' if guess else ''}",
        )


def read_source(file: Path, path: str, is_page: bool) -> Source | Finding:
    """Read a content file: a Source, or the finding that says why it cannot be read."""
    try:
        raw = file.read_bytes()
    except OSError as problem:
        reason = problem.strerror or type(problem).__name__
        return finding(path, 1, "file-unreadable", f"文件无法读取：{reason}", f"cannot read the file: {reason}")
    decoded = decode(raw, path)
    if isinstance(decoded, Finding):
        return decoded
    text, bom = decoded
    return parse_source(text, path, file, is_page, bom)
