"""Defaults of the fingerprint plugin and their check, merged once into Pelican's settings."""

DEFAULTS = {
    # True: templates link css/site.3f2a9c1b0d.css (|asset), and the output holds that copy beside
    # css/site.css. False: templates link the plain names and nothing extra is written.
    "FINGERPRINT_ASSETS": True,
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    if not isinstance(values["FINGERPRINT_ASSETS"], bool):
        raise ValueError("FINGERPRINT_ASSETS 应为 True 或 False (must be True or False)")
    return values
