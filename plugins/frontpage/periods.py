"""The archive's years, months and days as its pages show them: number, address and count.

They hold no stories, so a page that shows them (the archive, a month's trail) depends on how many
stories a period has, not on what any story says. No Pelican here.
"""

from typing import Any, Mapping, NamedTuple, Sequence


class Period(NamedTuple):
    """One year (2026,), month (2026, 11) or day of the archive."""

    period_num: tuple[int, ...]
    url: str
    count: int


def count_periods(period_archives: Mapping[str, Sequence[Mapping[str, Any]]]) -> dict[str, list[Period]]:
    """Pelican's period archives (granularity → periods, each with its stories) without the stories."""
    return {
        granularity: [Period(tuple(period["period_num"]), period["url"], len(period["dates"])) for period in periods]
        for granularity, periods in period_archives.items()
    }
