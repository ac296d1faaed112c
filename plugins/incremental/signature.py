"""A digest of what a template is given, so a page whose inputs are unchanged need not be rendered.

The digest is over values as a template sees them: text, numbers, dates, lists, mappings, and
objects by their attributes. A story (anything with a `source_path`) counts with every attribute
and its `url`, `content` and `summary` as Pelican works them out (its links to other
stories resolved), so a change a page could show changes the digest; the stories it holds count
to one level (Digests.of): a template may show a related story's fields, not that story's own
related stories. A listing counts by what its page shows (Pelican's paginator by its numbers, a
page of it by its place and its own stories, the pages before and after by their place), so an
edit re-renders the one listing page the story is on, not every page of the listing. A value whose
digest would differ from build to build (an object known only by its address) only makes the page
render again.
"""

import datetime
import hashlib
import io
import os
import pickle
from types import BuiltinFunctionType, FunctionType, MethodType
from typing import Any

from .utf8 import utf8_of

# Attributes that are the build's machinery, not what a page shows; and a story's raw body and
# summary, which count as Pelican resolves them (COMPUTED), with links to other stories filled in.
NOT_SHOWN = frozenset({"settings", "_context", "_cache", "readers", "_content", "_summary"})
COMPUTED = ("url", "content", "summary")
CONTAINERS = (dict, list, tuple)
# Values pickle writes whole, subclasses too (Pelican's SafeDatetime is a datetime with a __dict__;
# counted by its attributes it would have none, and every date would count the same).
VALUES = (str, bytes, int, float, complex, datetime.date, datetime.time, datetime.timedelta, datetime.tzinfo)
FUNCTIONS = (FunctionType, BuiltinFunctionType, MethodType)
SHARED_LIST = 64  # longer than any page of a listing
NEIGHBOUR_PAGES = ("_previous_page", "_next_page")  # Pelican's names for the pages a listing page links to
UNWRITABLE = (pickle.PicklingError, TypeError, AttributeError, ValueError, RecursionError)


def is_story(value: Any) -> bool:
    return hasattr(value, "source_path") and hasattr(value, "metadata")


def is_named(value: Any) -> bool:
    """A section, tag or author (Pelican's URLWrapper)."""
    return hasattr(value, "as_dict") and hasattr(value, "_name")


def is_paginator(value: Any) -> bool:
    """Pelican's Paginator: a listing's stories split into pages."""
    return hasattr(value, "object_list") and hasattr(value, "per_page") and hasattr(value, "num_pages")


def is_listing_page(value: Any) -> bool:
    """One page of a Paginator."""
    return hasattr(value, "object_list") and hasattr(value, "paginator") and hasattr(value, "number")


def stands_for(*value):
    """What a Writer writes in place of a story, a name, a set, an object or a function."""
    return value


class Writer(pickle.Pickler):
    """Pickle, without its memo (so equal values write the same bytes whoever shares them), that
    writes each story, section, tag, author, set and object as its digest at this depth."""

    def __init__(self, file, digests: "Digests", depth: int) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.fast = True  # no memo; a cycle raises instead of looping
        self.digests, self.depth = digests, depth

    def persistent_id(self, obj: Any) -> bytes | None:
        return utf8_of(obj)  # text as its UTF-8, without a copy kept on the text

    def reducer_override(self, obj: Any):
        # Pickle asks about objects other than text, numbers, lists, tuples and mappings.
        if isinstance(obj, (type, *VALUES, *CONTAINERS)) or obj is stands_for:
            return NotImplemented  # a list's or a mapping's subclass (OrderedDict, Counter) too: by its contents
        if isinstance(obj, FUNCTIONS):
            return stands_for, ("function", getattr(obj, "__module__", None), getattr(obj, "__qualname__", None))
        if is_story(obj) or is_named(obj) or isinstance(obj, (set, frozenset)) or hasattr(obj, "__dict__"):
            return stands_for, (self.digests.of(obj, self.depth),)
        return NotImplemented  # text and dates of other kinds (Markup, datetime, named tuples) as pickle writes them


class Digests:
    """Digests of values for one build: each story, section, tag and author, and each value every
    page is given (the header's sections, a section's stories), is worked out once per depth."""

    def __init__(self) -> None:
        self.known: dict[int, bytes] = {}  # key (of an object and a depth) → digest
        self.held: list[Any] = []  # the objects in `known`, kept so each id stays its own
        self.open: set[int] = set()

    def page(self, values: dict[str, Any]) -> str:
        """The digest of a page's named inputs. The page's own story (`article`, `page`) counts whole;
        every other story it is given, in a list or a plan, counts by its own fields, as a link in a
        listing shows it. Plugins have settled every story, and every value a page is given, before
        the first page is written."""
        shown = {name: self.given(name, value) for name, value in sorted(values.items())}
        return self.written(shown, 1).hex()

    def given(self, name: str, value: Any) -> Any:
        """A value a page is given, as its digest counts it."""
        if is_story(value):
            return self.of(value, 0)
        if isinstance(value, CONTAINERS):
            return self.of(value, 1)
        if name.endswith(NEIGHBOUR_PAGES) and is_listing_page(value):
            return self.place(value, 1)  # a link to the page before or after: not its stories
        return value

    def place(self, page: Any, depth: int) -> tuple:
        """A page of a listing as a link to it shows it: its number and address (Pelican works the
        address out from them, the settings and the paginator's numbers)."""
        return "page", page.full_name, page.base_url, page.number, self.of(page.paginator, depth)

    def of(self, value: Any, depth: int = 0) -> bytes:
        """A page's own story (depth 0) counts whole; a story it holds (a related story, depth 1)
        counts with its own attributes; a story that one holds (depth 2) does not count. Templates
        show a related story's title, never its related stories: so an edit changes the pages
        that show the story, not every page linked to it through a chain of stories."""
        story = is_story(value)
        if story and depth >= 2:
            return b"<story>"
        key = id(value) << 2 | depth  # depth is 0, 1 or 2: a story held at depth 2 counts as "<story>"
        if key in self.known:
            return self.known[key]
        if key in self.open:  # an object met again inside itself
            return b"<again " + type(value).__name__.encode() + b">"
        self.open.add(key)
        try:
            digest = self.written(self.shown(value, depth + story), depth + story)
        finally:
            self.open.discard(key)
        if story or is_named(value) or isinstance(value, CONTAINERS):
            # Stories, sections, tags and authors live the whole build, and so do the values a
            # page is given (a section's stories, the header's sections) and the long lists an
            # object holds; many pages share each one.
            self.known[key] = digest
            self.held.append(value)
        return digest

    def written(self, value: Any, depth: int) -> bytes:
        """The digest of `value` as Writer writes it; a value it cannot write gets a digest of its
        own, so the page that shows it is rendered every time."""
        data = io.BytesIO()
        try:
            Writer(data, self, depth).dump(value)
        except UNWRITABLE:
            return os.urandom(20)
        return hashlib.blake2b(data.getbuffer(), digest_size=20).digest()

    def shown(self, value: Any, depth: int) -> Any:
        """What counts of `value`: a set in order; a section, tag or author by what it shows (Pelican
        adds `name` and `slug` to its attributes when its address is first worked out); any other
        object by its kind and the attributes that are not the build's machinery (a long list by
        its digest, worked out once), a story with its address, body and summary as Pelican works
        them out; text, numbers, dates and containers as they are."""
        if isinstance(value, (set, frozenset)):
            return sorted(self.written(item, depth) for item in value)
        if isinstance(value, CONTAINERS) or not hasattr(value, "__dict__"):
            return value
        kind = f"{type(value).__module__}.{type(value).__qualname__}"
        if is_named(value):
            return kind, value.name, value.slug, value.url, value.save_as
        if is_paginator(value):
            # What a listing shows of it: 共 N 篇, 第 n 页，共 m 页. Its stories count on their own pages.
            return kind, value.name, value.url, value.count, value.num_pages, value.per_page, value.orphans
        if is_listing_page(value):
            return kind, self.place(value, depth), value.object_list
        shown = {
            name: self.of(item, depth) if isinstance(item, list) and len(item) >= SHARED_LIST else item
            for name, item in vars(value).items()
            if name not in NOT_SHOWN
        }
        if is_story(value):
            shown |= {f"={name}": getattr(value, name, None) for name in COMPUTED}
        return kind, shown
