"""Chinese text as the checks see it: half-width marks between Han characters, sentences cut by a blank line (checks.lines judges)."""

import re
from itertools import pairwise
from typing import NamedTuple

from markdown.extensions.meta import META_RE

from plugins.slugs.pinyin import HAN

from .lines import runs_on
from .source import Source

FULL_WIDTH = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
# , : ; ? ! typed between two Han characters, with the space an English keyboard habit may add.
MARK_BETWEEN_HAN = re.compile(rf"(?<=[{HAN}])([,:;?!])[ \t]*(?=[{HAN}])")
# Half-width brackets opened right after a Han character around text that starts with one: 区(记者 高欣).
BRACKETS_AFTER_HAN = re.compile(rf"(?<=[{HAN}])\((?=[{HAN}])[^()\n]*\)")
# What is not prose even in the body: code spans, link and image addresses, bare URLs, HTML tags.
NOT_PROSE = re.compile(r"`[^`\n]*`|\]\(\s*(?:<[^>\n]*>|[^\s)]+)|<[^>\n]*>|https?://\S+")
# Fields readers see as text (Byline is left as written: both bracket widths are print style there).
PROSE_FIELDS = ("title", "kicker", "subtitle", "summary", "note", "alt", "correction")

# A block that is not a plain paragraph: heading, list item, quote, table, HTML, image, rule.
NOT_PARAGRAPH = re.compile(r"^\s*(?:#|[-*+]\s|\d+[.)]\s|>|\||<|!\[|(?:[-*_]\s*){3,}$)")


class Edit(NamedTuple):
    start: int
    end: int
    text: str  # the full-width replacement
    mark: str  # the half-width mark it replaces


class Block(NamedTuple):
    start: int  # line number
    end: int
    lines: tuple[str, ...]


def halfwidth_edits(text: str) -> list[Edit]:
    """The half-width marks in Chinese prose in `text`, each with its full-width replacement."""
    protected = [match.span() for match in NOT_PROSE.finditer(text)]

    def is_prose(start: int, end: int) -> bool:
        return not any(begin < end and start < finish for begin, finish in protected)

    edits = [
        Edit(match.start(), match.end(), FULL_WIDTH[match[1]], match[1])
        for match in MARK_BETWEEN_HAN.finditer(text)
        if is_prose(*match.span())
    ]
    for match in BRACKETS_AFTER_HAN.finditer(text):
        if is_prose(*match.span()):
            edits += [Edit(match.start(), match.start() + 1, "（", "("), Edit(match.end() - 1, match.end(), "）", ")")]
    return sorted(edits)


def full_width(text: str) -> str:
    """`text` with its half-width marks in Chinese prose made full-width: 近日,铁东区 → 近日，铁东区."""
    for edit in reversed(halfwidth_edits(text)):
        text = text[: edit.start] + edit.text + text[edit.end :]
    return text


def prose_lines(source: Source) -> list[tuple[int, int]]:
    """(line number, column the prose starts at) for each line readers see as text."""
    found = []
    for field in source.fields:
        if field.key in PROSE_FIELDS:
            found.append((field.line, META_RE.match(source.lines[field.line - 1]).start("value")))
            found += [(field.line + more, 0) for more in range(1, field.value.count("\n") + 1)]
    return found + [(number, 0) for number, _ in source.body()]


def blocks(source: Source) -> list[Block]:
    """The body's blocks: runs of non-blank lines, fenced code left out."""
    found: list[Block] = []
    for number, line in source.body():
        if not line.strip():
            continue
        if found and found[-1].end == number - 1:
            last = found[-1]
            found[-1] = Block(last.start, number, (*last.lines, line))
        else:
            found.append(Block(number, number, (line,)))
    return found


def is_paragraph(block: Block) -> bool:
    """Whether a block is a plain paragraph of text."""
    return not NOT_PARAGRAPH.match(block.lines[0])


def broken_sentences(source: Source) -> list[tuple[int, int]]:
    """(last line of a paragraph cut off mid-sentence, first line of the one that goes on with it)."""
    found = []
    sentence = ""  # the text so far of a sentence cut more than once
    for before, after in pairwise(blocks(source)):
        sentence += before.lines[-1].strip()
        if (
            after.start == before.end + 2  # one blank line between them, as a column break leaves
            and is_paragraph(before)
            and is_paragraph(after)
            and runs_on(sentence, after.lines[0])
        ):
            found.append((before.end, after.start))
        else:
            sentence = ""
    return found
