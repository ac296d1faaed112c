"""Defaults of the incremental plugin, merged once into Pelican's settings."""

import os

DEFAULTS = {
    "INCREMENTAL_CACHE_PATH": None,  # None: <CACHE_PATH>/pages.json
    "INCREMENTAL_STORIES_PATH": None,  # None: <CACHE_PATH>/stories.sqlite
    # A second process reads ahead when at least this many stories must be read (None: never);
    # for fewer, starting it and handing stories over costs more than it saves.
    "INCREMENTAL_READ_AHEAD_FROM": 64,
    # The articles' pages are written by two processes, each its half, from this many stories
    # (None: never); below it, starting the second costs more than it saves.
    "INCREMENTAL_TWO_WRITERS_FROM": 200,
    # Modules (or packages) of plugins checked to be safe with kept stories and pages (trust.py):
    # their handlers of per-story signals and of content_written do not stop the reuse.
    "INCREMENTAL_SAFE_PLUGINS": (),
    # The first pages of each template a build renders with tripwires on what the page digest does
    # not record (tripwire.py); a template that reads one is rendered for every page from then on.
    "INCREMENTAL_CHECKED_PAGES": 3,
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if values["INCREMENTAL_CACHE_PATH"] is None:
        values["INCREMENTAL_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "pages.json")
    if values["INCREMENTAL_STORIES_PATH"] is None:
        values["INCREMENTAL_STORIES_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "stories.sqlite")
    return values
