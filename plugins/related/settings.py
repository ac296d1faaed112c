"""Defaults of the related plugin and their checks, merged once into Pelican's settings."""

import os

DEFAULTS = {
    "RELATED_COUNT": 5,
    "RELATED_KEYWORDS": 20,
    "RELATED_TAG_WEIGHT": 0.5,
    "RELATED_CACHE_PATH": None,  # None: <CACHE_PATH>/related/terms.pickle
    "RELATED_WORKERS": 0,  # processes that segment a cold build; 0: one per core
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    count, top, weight = values["RELATED_COUNT"], values["RELATED_KEYWORDS"], values["RELATED_TAG_WEIGHT"]
    if not isinstance(count, int) or isinstance(count, bool) or count < 0:
        raise ValueError("RELATED_COUNT 应是非负整数 (must be a non-negative integer)")
    if not isinstance(top, int) or isinstance(top, bool) or top < 1:
        raise ValueError("RELATED_KEYWORDS 应是正整数 (must be a positive integer)")
    if not isinstance(weight, (int, float)) or isinstance(weight, bool) or not 0 <= weight < float("inf"):
        raise ValueError("RELATED_TAG_WEIGHT 应是非负数 (must be a non-negative number)")
    workers = values["RELATED_WORKERS"]
    if not isinstance(workers, int) or isinstance(workers, bool) or workers < 0:
        raise ValueError("RELATED_WORKERS 应是非负整数 (must be 0 for one per core, or a count)")
    values["RELATED_WORKERS"] = workers or os.cpu_count() or 1
    if values["RELATED_CACHE_PATH"] is None:
        values["RELATED_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "related", "terms.pickle")
    return values
