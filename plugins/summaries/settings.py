"""Defaults of the summaries plugin and their checks, merged once into Pelican's settings."""

from .summary import ELLIPSIS

DEFAULTS = {
    "SUMMARIES_MAX_CHARS": 120,
    "SUMMARIES_CHARS_PER_MINUTE": 400,
    "SUMMARIES_WORDS_PER_MINUTE": 200,
}


def is_count(value: object) -> bool:
    """True for a positive int (a bool is not a count)."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if not is_count(values["SUMMARIES_MAX_CHARS"]) or values["SUMMARIES_MAX_CHARS"] <= len(ELLIPSIS):
        raise ValueError(
            f"SUMMARIES_MAX_CHARS 应是大于 {len(ELLIPSIS)} 的整数 "
            f"(must be an integer greater than {len(ELLIPSIS)})"
        )
    for key in ("SUMMARIES_CHARS_PER_MINUTE", "SUMMARIES_WORDS_PER_MINUTE"):
        if not is_count(values[key]):
            raise ValueError(f"{key} 应是正整数 (must be a positive integer)")
    return values
