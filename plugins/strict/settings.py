"""Defaults of the strict plugin and their check, merged once into Pelican's settings."""

DEFAULTS = {"STRICT_FAIL_ON": None}
CHOICES = (None, "warning", "error")


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if values["STRICT_FAIL_ON"] not in CHOICES:
        raise ValueError('STRICT_FAIL_ON 应为 None、"warning" 或 "error" (must be None, "warning" or "error")')
    return values
