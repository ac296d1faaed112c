"""Defaults of the frontpage plugin and their checks, merged once into Pelican's settings."""

DEFAULTS = {
    "FRONTPAGE_SECTIONS": [],
    "FRONTPAGE_ITEMS_PER_SECTION": 5,
    "FRONTPAGE_PHOTO_STRIP": 6,
}


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    sections = values["FRONTPAGE_SECTIONS"]
    if not isinstance(sections, (list, tuple)) or not all(isinstance(n, str) for n in sections):
        raise ValueError("FRONTPAGE_SECTIONS 应是栏目名称列表 (must be a list of section names)")
    for key in ("FRONTPAGE_ITEMS_PER_SECTION", "FRONTPAGE_PHOTO_STRIP"):
        if not isinstance(values[key], int) or values[key] < 0:
            raise ValueError(f"{key} 应是非负整数 (must be a non-negative integer)")
    return values
