"""Parse the `Correction` field: one dated note per line, `2026-11-25 原稿……，已更正。`."""

import re
from datetime import datetime
from typing import NamedTuple

DATED = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})(?:[ T](\d{1,2}:\d{2}))?\s+(\S.*)$")


class Correction(NamedTuple):
    date: datetime  # naive; the plugin attaches the site's time zone
    text: str


def parse_corrections(value: str) -> list[Correction]:
    """Each non-empty line as a Correction; raise ValueError naming the line that has no date."""
    corrections = []
    for line in filter(None, (line.strip() for line in value.splitlines())):
        match = DATED.match(line)
        try:
            date = datetime.strptime(f"{match[1]} {match[2] or '00:00'}", "%Y-%m-%d %H:%M") if match else None
        except ValueError:
            date = None
        if date is None:
            raise ValueError(f"“{line}”")
        corrections.append(Correction(date, match[3].strip()))
    return corrections
