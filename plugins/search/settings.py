"""Defaults of the search plugin and their check, merged once into Pelican's settings."""

import os

DEFAULTS = {
    # Average size of an index shard: a query fetches one per distinct key, so smaller shards mean
    # fewer bytes per query and more files on the server.
    "SEARCH_SHARD_BYTES": 8192,
    "SEARCH_CACHE_PATH": None,  # None: <CACHE_PATH>/search, the last index made, by its key
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    size = values["SEARCH_SHARD_BYTES"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 256:
        raise ValueError("SEARCH_SHARD_BYTES 应是不小于 256 的整数 (must be an integer of at least 256)")
    if values["SEARCH_CACHE_PATH"] is None:
        values["SEARCH_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "search")
    return values
