"""Defaults of the editorial plugin and their checks, merged once into Pelican's settings."""

DEFAULTS = {
    # Fields a site adds beyond the newsroom's own (lower case), so they are not reported as unknown.
    "EDITORIAL_EXTRA_FIELDS": [],
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    extra = values["EDITORIAL_EXTRA_FIELDS"]
    if not isinstance(extra, (list, tuple)) or not all(isinstance(name, str) for name in extra):
        raise ValueError("EDITORIAL_EXTRA_FIELDS 应是字段名列表 (must be a list of field names)")
    values["EDITORIAL_EXTRA_FIELDS"] = [name.lower() for name in extra]
    return values
