"""Defaults of the strict plugin and their check, merged once into Pelican's settings."""

DEFAULTS = {"STRICT_FAIL_ON": None, "STRICT_PUBLISHED_MARKER": ""}
CHOICES = (None, "warning", "error")


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if values["STRICT_FAIL_ON"] not in CHOICES:
        raise ValueError('STRICT_FAIL_ON 应为 None、"warning" 或 "error" (must be None, "warning" or "error")')
    marker = values["STRICT_PUBLISHED_MARKER"]
    if not isinstance(marker, str) or "/" in marker or (marker and not marker.startswith(".")):
        raise ValueError("STRICT_PUBLISHED_MARKER 应是以 . 开头的文件名，如 .published (a dotfile name)")
    return values
