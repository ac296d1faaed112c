"""Defaults of the search plugin and their check, merged once into Pelican's settings."""

DEFAULTS = {
    # Average size of an index shard: a query fetches one per distinct key, so smaller shards mean
    # fewer bytes per query and more files on the server.
    "SEARCH_SHARD_BYTES": 8192,
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    size = values["SEARCH_SHARD_BYTES"]
    if not isinstance(size, int) or isinstance(size, bool) or size < 256:
        raise ValueError("SEARCH_SHARD_BYTES 应是不小于 256 的整数 (must be an integer of at least 256)")
    return values
