"""Defaults of the slugs plugin and their checks, merged once into Pelican's settings."""

import os
import re

DEFAULTS = {
    "SLUGS_OVERRIDES": {},
    "SLUGS_CACHE_PATH": None,  # None: <CACHE_PATH>/slugs.json
}
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def merged(settings: dict) -> dict:
    """Return this plugin's settings with defaults filled in; raise ValueError on a bad value."""
    values = {key: settings.get(key, default) for key, default in DEFAULTS.items()}
    overrides = values["SLUGS_OVERRIDES"]
    if not isinstance(overrides, dict) or not all(isinstance(k, str) and k.strip() for k in overrides):
        raise ValueError(
            'SLUGS_OVERRIDES 应是“名称: 网址”字典 (must be a dict of name → slug, e.g. {"法制": "fazhi-zhidu"})'
        )
    for name, slug in overrides.items():
        if not isinstance(slug, str) or not SLUG.fullmatch(slug):
            raise ValueError(
                f"SLUGS_OVERRIDES 中“{name}”的网址 {slug!r} 只能用小写字母、数字和连字符"
                " (a slug is lower-case letters, digits and single hyphens, e.g. fazhi-zhidu)"
            )
    names_of: dict[str, list[str]] = {}
    for name, slug in overrides.items():
        names_of.setdefault(slug, []).append(name)
    for slug, names in names_of.items():
        if len(names) > 1:
            raise ValueError(
                f"SLUGS_OVERRIDES 中“{'”“'.join(names)}”使用了同一个网址 {slug}"
                f" (several names share the slug {slug})"
            )
    if values["SLUGS_CACHE_PATH"] is None:
        values["SLUGS_CACHE_PATH"] = os.path.join(settings.get("CACHE_PATH", "cache"), "slugs.json")
    return values
