"""Read one content file as an editor wrote it: its text, header fields and body, with line numbers."""

import codecs
import re
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from markdown import Markdown
from markdown.extensions.meta import META_RE

from plugins.editorial.encoding import encoding_guess

from .report import Finding, finding

LINE_BREAK = re.compile(r"\r\n|\r|\n")  # what Markdown counts as a line end, no more
LINE_MARK = "\x00"  # header lines go through the meta extension as "line\x00number"
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


@cache
def header_reader() -> Markdown:
    """Python-Markdown with the meta extension, as Pelican's Markdown reader reads a header."""
    return Markdown(extensions=["markdown.extensions.meta"])


def parse_header(lines: list[str]) -> tuple[tuple[Field, ...], int]:
    """The header's fields and the body's first line number, read by the meta extension itself.

    Its own preprocessors run (tabs expanded, then the meta extension), so the checks see the
    fields the build sees; each non-blank line carries its number through as a mark at its end
    (which changes neither what is blank nor what is a key), for the checks to say where a field is.
    """
    markdown = header_reader()
    # The header ends by the first line that is blank once Markdown drops STX and ETX: no need to
    # normalise the body (that more than doubles the time per file).
    last = next((i for i, line in enumerate(lines) if not line.replace("\x02", "").replace("\x03", "").strip()), len(lines))
    normalised = markdown.preprocessors["normalize_whitespace"].run(list(lines[: last + 1]))
    marked = [f"{line}{LINE_MARK}{number}" if line.strip() else line for number, line in enumerate(normalised, 1)]
    body = markdown.preprocessors["meta"].run(marked)
    values = sorted(
        (int(number), key, value.strip())
        for key, key_values in markdown.Meta.items()
        for value, number in (marked_value.rsplit(LINE_MARK, 1) for marked_value in key_values)
    )
    fields: list[Field] = []
    for number, key, value in values:
        written = META_RE.match(normalised[number - 1])
        if written:
            fields.append(Field(key, written["key"], value, number))
        else:  # an indented line goes on the field above
            fields[-1] = replace(fields[-1], value=f"{fields[-1].value}\n{value}")
    return tuple(fields), min(len(normalised) - len(body), len(lines)) + 1


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
