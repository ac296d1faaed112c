"""One item per address: when two items would be written to one file, the first keeps it."""

from collections.abc import Hashable, Iterable
from typing import Any


def first_at_each_address(items: Iterable[tuple[str, Any, Hashable]]) -> dict[Hashable, list[Hashable]]:
    """For each address taken twice, {the item that keeps it: [the later items]}, from (address, rank, item).

    The lowest rank keeps the address; invoke check ranks by (has a written Slug, Date, path):
    the item named after its own file, then the earliest, so the same one wins in every build.
    """
    holders: dict[str, list[tuple[Any, Hashable]]] = {}
    for address, rank, item in items:
        holders.setdefault(address, []).append((rank, item))
    return {
        ranked[0][1]: [item for _, item in ranked[1:]]
        for ranked in (sorted(entries, key=lambda entry: entry[0]) for entries in holders.values())
        if len(ranked) > 1
    }
