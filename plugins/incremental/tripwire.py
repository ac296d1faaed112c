"""Whether a template reads past what the page digest records (signature.py), found by rendering it
with those values in place that refuse to be read.

The digest counts a page's own story whole, a story it holds (a related story, a neighbour) with
its own fields, and a story that one holds only as "a story"; a section, tag or author by its
name, slug and address; a listing by its numbers. A theme that shows a related story's related
story, or a field a plugin put on a tag, shows what the digest does not record, and a page taken
from the last build would show it as it was. `read_past` renders a page once with every value
beyond the digest wrapped so that reading it is noted: a template that reads one has every page
rendered (plugin.py). The wrappers behave as the objects they wrap (attributes, items, order,
equality, isinstance), so a template renders with them as it does without.
"""

from typing import Any

from .signature import (
    CONTAINERS,
    NEIGHBOUR_PAGES,
    VALUES,
    is_listing_page,
    is_named,
    is_paginator,
    is_story,
)

# What the digest records of a section, tag or author, and of a listing's paginator.
NAMED_FIELDS = frozenset({"name", "slug", "url", "save_as", "page_name"})
PAGINATOR_FIELDS = frozenset({"name", "url", "count", "num_pages", "per_page", "orphans", "page_range"})


class ReadPastDigest(Exception):
    """A template read a value the page digest does not record."""


class View:
    """An object as a template sees it, its attributes wrapped as the digest counts them."""

    __slots__ = ("_target", "_depth", "_trips", "_allowed")

    def __init__(self, target: Any, depth: int, trips: list, allowed: frozenset | None = None) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_depth", depth)
        object.__setattr__(self, "_trips", trips)
        object.__setattr__(self, "_allowed", allowed)

    @property
    def __class__(self):  # isinstance(view, Article) as for the story itself
        return type(self._target)

    def __getattr__(self, name: str):
        if self._allowed is not None and name not in self._allowed and not name.startswith("__"):
            self._trips.append(f"{type(self._target).__name__}.{name}")
            raise ReadPastDigest(name)
        return wrapped(getattr(self._target, name), self._depth + is_story(self._target), self._trips)

    def __getitem__(self, key):
        return wrapped(self._target[key], self._depth, self._trips)

    def __iter__(self):
        return (wrapped(item, self._depth, self._trips) for item in self._target)

    def __len__(self) -> int:
        return len(self._target)

    def __bool__(self) -> bool:
        return bool(self._target)

    def __str__(self) -> str:
        return str(self._target)

    def __eq__(self, other) -> bool:
        return self._target == unwrapped(other)

    def __lt__(self, other) -> bool:
        return self._target < unwrapped(other)

    def __hash__(self) -> int:
        return hash(self._target)


class Tripwire:
    """A story the digest records only as "a story": reading anything of it is noted."""

    __slots__ = ("_target", "_trips")

    def __init__(self, target: Any, trips: list) -> None:
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_trips", trips)

    @property
    def __class__(self):
        return type(self._target)

    def tripped(self, what: str):
        self._trips.append(f"{type(self._target).__name__} (beyond the digest).{what}")
        raise ReadPastDigest(what)

    def __getattr__(self, name: str):
        self.tripped(name)

    def __getitem__(self, key):
        self.tripped(f"[{key!r}]")

    def __str__(self) -> str:
        self.tripped("str()")

    def __eq__(self, other) -> bool:
        self.tripped("==")

    def __lt__(self, other) -> bool:
        self.tripped("<")

    def __hash__(self) -> int:
        self.tripped("hash()")

    def __bool__(self) -> bool:
        return True  # the digest records that there is a story


def unwrapped(value: Any) -> Any:
    """The object behind a wrapper."""
    if isinstance(value, (View, Tripwire)) or type(value) in (View, Tripwire):
        return object.__getattribute__(value, "_target")
    return value


def wrapped(value: Any, depth: int, trips: list) -> Any:
    """`value` as the digest counts it at `depth`: a story beyond depth 1 behind a tripwire; stories,
    objects and containers that may hold one behind a View; text, numbers and dates as they are."""
    if value is None or isinstance(value, VALUES):
        return value
    if is_story(value):
        return Tripwire(value, trips) if depth >= 2 else View(value, depth, trips)
    if isinstance(value, (list, tuple)):
        items = [wrapped(item, depth, trips) for item in value]
        if type(value) in (list, tuple):
            return type(value)(items)
        return type(value)._make(items) if hasattr(type(value), "_make") else View(value, depth, trips)  # a named tuple keeps its fields
    if isinstance(value, dict):
        return {key: wrapped(item, depth, trips) for key, item in value.items()}
    if isinstance(value, (set, frozenset)):
        return value if not any(map(is_story, value)) else type(value)(wrapped(item, depth, trips) for item in value)
    if is_named(value):
        return View(value, depth, trips, NAMED_FIELDS)
    if is_paginator(value):
        return View(value, depth, trips, PAGINATOR_FIELDS)
    if (hasattr(value, "__dict__") or hasattr(type(value), "__slots__")) and not callable(value) and not isinstance(value, type):
        return View(value, depth, trips)
    return value


def given(name: str, value: Any, trips: list) -> Any:
    """A value a page is given, wrapped as Digests.given counts it."""
    if is_story(value):
        return wrapped(value, 0, trips)
    if name.endswith(NEIGHBOUR_PAGES) and is_listing_page(value):
        return View(value, 1, trips, frozenset({"number", "url", "save_as", "name", "base_name", "base_url", "full_name",
                                                 "paginator", "has_next", "has_previous", "has_other_pages",
                                                 "next_page_number", "previous_page_number"}))
    return wrapped(value, 1, trips) if isinstance(value, CONTAINERS) or hasattr(value, "__dict__") else value


def read_past(template, names: frozenset[str], context: dict) -> list[str]:
    """What rendering `template` with `context` read beyond the page digest (empty: nothing)."""
    trips: list[str] = []
    shadow = {key: given(key, value, trips) if key in names else value for key, value in context.items()}
    try:
        template.render(shadow)
    except ReadPastDigest:
        pass
    except Exception as error:  # it renders without the wrappers: what it reads cannot be told, so it is not trusted
        trips.append(f"{type(error).__name__}: {error}")
    return trips
