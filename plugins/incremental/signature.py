"""A digest of what a template is given, so a page whose inputs are unchanged need not be rendered.

The digest is over values as a template sees them: text, numbers, dates, lists, mappings, and
objects by their attributes. A story (anything with a `source_path`) counts with every attribute
and its `url`, `content` and `summary` as Pelican works them out (its links to other
stories resolved), so a change a page could show changes the digest; the stories it holds count
to one level (Digests.of): a template may show a related story's fields, not that story's own
related stories. A value whose digest would differ from build to build (an object
known only by its address) only makes the page render again.
"""

import hashlib
from datetime import date, datetime, time
from typing import Any

# Attributes that are the build's machinery, not what a page shows; and a story's raw body and
# summary, which count as Pelican resolves them (COMPUTED), with links to other stories filled in.
NOT_SHOWN = frozenset({"settings", "_context", "_cache", "readers", "_content", "_summary"})
COMPUTED = ("url", "content", "summary")
ATOMS = (int, float, bool, type(None), bytes)
SHARED_LIST = 64  # longer than any page of a listing


def is_story(value: Any) -> bool:
    return hasattr(value, "source_path") and hasattr(value, "metadata")


class Digests:
    """Digests of values for one build: each story, section, tag and author is worked out once per depth."""

    def __init__(self) -> None:
        # (id, depth) → (the object, kept so its id stays its own; its digest)
        self.known: dict[tuple[int, int], tuple[Any, bytes]] = {}
        self.open: set[tuple[int, int]] = set()

    def page(self, values: dict[str, Any]) -> str:
        """The digest of a page's named inputs. The page's own story (`article`, `page`) counts whole;
        every other story it is given, in a list or a plan, counts by its own fields, as a link in a
        listing shows it. Plugins have settled every story before the first page is written."""
        digest = hashlib.blake2b(digest_size=20)
        for name in sorted(values):
            value = values[name]
            digest.update(name.encode() + b"=" + self.of(value, 0 if is_story(value) else 1) + b";")
        return digest.hexdigest()

    def of(self, value: Any, depth: int = 0) -> bytes:
        """A page's own story (depth 0) counts whole; a story it holds (a related story, depth 1)
        counts with its own attributes; a story that one holds (depth 2) does not count. Templates
        show a related story's title, never its related stories: so an edit changes the pages
        that show the story, not every page linked to it through a chain of stories."""
        if isinstance(value, str):  # Markup too: the same text either way
            return b"'%d'" % len(value) + value.encode("utf-8", "surrogatepass")
        if isinstance(value, ATOMS):
            return repr(value).encode()
        if isinstance(value, (datetime, date, time)):
            return value.isoformat().encode() + repr(getattr(value, "tzinfo", None)).encode()
        story = is_story(value)
        if story and depth >= 2:
            return b"<story>"
        key = (id(value), depth)
        if key in self.known:
            return self.known[key][1]
        if key in self.open:  # an object met again inside itself
            return b"<again " + type(value).__name__.encode() + b">"
        self.open.add(key)
        try:
            digest = hashlib.blake2b(self.parts(value, depth + story), digest_size=20).digest()
        finally:
            self.open.discard(key)
        if story or hasattr(value, "as_dict") or (isinstance(value, (list, tuple)) and len(value) >= SHARED_LIST):
            # Stories, sections, tags and authors live the whole build, and so do the long lists
            # (a section's stories) every page of a listing is given; a page's own slice of a
            # listing and its paginator do not, and keeping them would hold them all in memory.
            self.known[key] = (value, digest)
        return digest

    def parts(self, value: Any, depth: int) -> bytes:
        """What `value` holds, each part at `depth`."""
        if isinstance(value, dict):  # in its own order, as a template looping over it shows it
            return b"{" + b",".join(self.of(k, depth) + b":" + self.of(v, depth) for k, v in value.items()) + b"}"
        if isinstance(value, (list, tuple)):
            return b"[" + b",".join(self.of(item, depth) for item in value) + b"]"
        if isinstance(value, (set, frozenset)):
            return b"{" + b",".join(sorted(self.of(item, depth) for item in value)) + b"}"
        kind = f"{type(value).__module__}.{type(value).__qualname__}".encode()
        if hasattr(value, "_fields"):  # a named tuple
            return kind + self.parts(tuple(value), depth)
        if hasattr(value, "as_dict") and hasattr(value, "_name"):
            # A section, tag or author: Pelican adds `name` and `slug` to its attributes when its
            # address is first worked out, so it counts by what it shows, not by its attributes.
            return kind + self.parts([value.name, value.slug, value.url, value.save_as], depth)
        attributes = getattr(value, "__dict__", None)
        if attributes is None:
            return kind + repr(value).encode("utf-8", "surrogatepass")
        shown = {name: item for name, item in attributes.items() if name not in NOT_SHOWN}
        if is_story(value):
            shown |= {f"={name}": getattr(value, name, None) for name in COMPUTED}
        return kind + self.parts(shown, depth)
