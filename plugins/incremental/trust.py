"""Which plugins a rebuild can trust, told from the handlers they connect to Pelican's signals.

A story taken from the last build skips the per-story signals (it is not read again), and a page
linked from the last build's output is not written again: a plugin that does its work on those
signals would lose it on every rebuild (pelican-image-process makes its derivatives and rewrites
`og_image` there). So the kept stories are used only when every handler of a per-story signal is
one known to be safe with them, and the kept pages only when every handler of `content_written` is:
this project's own plugins, the plugins named here after being checked, and the modules a site
lists in INCREMENTAL_SAFE_PLUGINS. Otherwise the build reads, or renders, everything, and says why.
"""

import weakref
from collections.abc import Iterable

# Per-story signals: sent while a story is read; and readers_init, where a plugin adds a reader,
# which may read files besides the story's own that no stamp covers.
STORY_SIGNALS = ("content_object_init", "article_generator_preread", "article_generator_context",
                 "page_generator_preread", "page_generator_context", "readers_init")
# Sent for each page written: a handler may change the file in place, or count on seeing every page.
PAGE_SIGNALS = ("content_written",)
# Sent before each story's page is written: with two writers, both processes send it for every story.
WRITE_SIGNALS = ("article_generator_write_article", "page_generator_write_page")
# Modules checked against the rebuilds: this project's plugins (by name: a plugin added to the
# package later is not trusted until someone checks it and lists it), and pelican-sitemap, which
# only notes each written page's address.
OWN_PLUGINS = ("listings", "editorial", "slugs", "photos", "summaries", "fixedurls", "related", "frontpage", "newsmeta",
               "govsite", "share", "feeds", "search", "fingerprint", "strict", "incremental", "atomic", "topics")
KNOWN_SAFE = (*(f"plugins.{name}." for name in OWN_PLUGINS), "pelican.plugins.sitemap.")


def receivers_of(signal) -> list:
    """The handlers connected to a blinker signal, for any sender."""
    found = []
    for receiver in signal.receivers.values():
        if isinstance(receiver, weakref.ref):
            receiver = receiver()
        if receiver is not None:
            found.append(receiver)
    return found


def module_of(handler) -> str:
    """The module a handler (function, bound method, partial) was written in."""
    function = getattr(handler, "func", handler)  # functools.partial
    function = getattr(function, "__func__", function)  # a bound method
    return getattr(function, "__module__", None) or type(handler).__module__


def untrusted(signals_module, names: Iterable[str], safe: Iterable[str]) -> list[str]:
    """`signal: module` for each handler, of the signals named, from a module not known to be safe."""
    prefixes = tuple(KNOWN_SAFE) + tuple(f"{name}." if not name.endswith(".") else name for name in safe)
    return sorted({
        f"{name}: {module}"
        for name in names
        for module in map(module_of, receivers_of(getattr(signals_module, name)))
        if not f"{module}.".startswith(prefixes)
    })
