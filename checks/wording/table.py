"""Wording tables: the project's (checks/wording/common.txt), the office's (wording.txt at the
project root) and any named by WORDING_FILES, in one format an office can keep by hand.

    # 注释                     a comment, to the end of the line
    错误写法 => 正确写法       a wrong form and the form to write
    规范表述                   an expression that must never be written otherwise
"""

from dataclasses import dataclass, field
from pathlib import Path

ARROW = "=>"


@dataclass
class Table:
    wrong: dict[str, str] = field(default_factory=dict)  # wrong form → right form
    protected: list[str] = field(default_factory=list)
    source: dict[str, str] = field(default_factory=dict)  # entry → "file:line"
    problems: list[tuple[str, int, str]] = field(default_factory=list)  # (file, line, what is wrong)


def read_table(text: str, name: str, table: Table | None = None) -> Table:
    """Add the entries of one table file's text to `table` (a new one if none)."""
    table = table or Table()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        if ARROW in line:
            wrong, _, right = (part.strip() for part in line.partition(ARROW))
            if not wrong or not right or wrong == right or ARROW in right:
                table.problems.append((name, number, f"“{line}”应写作“错误写法 => 正确写法”，两边不同"))
                continue
            table.wrong[wrong] = right
            table.source[wrong] = f"{name}:{number}"
        elif " " in line or "\t" in line:
            table.problems.append((name, number, f"“{line}”：一行只写一个规范表述，或写作“错误写法 => 正确写法”"))
        else:
            table.protected.append(line)
            table.source[line] = f"{name}:{number}"
    return table


def load_tables(files: list[Path]) -> Table:
    """Every table file that exists, in order: a later entry for the same wrong form wins."""
    table = Table()
    for file in files:
        if file.is_file():
            read_table(file.read_text(encoding="utf-8-sig"), file.name, table)
    table.protected = list(dict.fromkeys(table.protected))
    return table


Confusions = dict[str, frozenset[str]]  # a character → the characters it is mistaken for


def read_confusions(text: str) -> Confusions:
    """A confusion table: one group of characters a line, each mistaken for the others ("#" comments)."""
    together: dict[str, set[str]] = {}
    for raw in text.splitlines():
        group = "".join(raw.split("#", 1)[0].split())
        for character in group:
            together.setdefault(character, set()).update(other for other in group if other != character)
    return {character: frozenset(others) for character, others in together.items()}
