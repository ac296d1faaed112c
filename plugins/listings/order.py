"""A name's or a period's stories in the archive's order, found through one index of the archive
rather than one pass over it per name. No Pelican here."""

from collections.abc import Iterable, Sequence
from typing import Any


def places_in(ordered: Sequence[Any]) -> dict[int, int]:
    """Each story's place in `ordered`, by identity (Pelican's stories are not compared by value)."""
    return {id(item): place for place, item in enumerate(ordered)}


def in_order_of(ordered: Sequence[Any], places: dict[int, int], members: Iterable[Any]) -> list[Any]:
    """The stories of `ordered` that are among `members`, once each, in the order of `ordered`:
    what `[item for item in ordered if item in members]` gives, reading only `members`."""
    return [ordered[place] for place in sorted({places[id(member)] for member in members if id(member) in places})]
