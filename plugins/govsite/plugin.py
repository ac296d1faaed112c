"""Pelican glue: check the GOVSITE_* settings at start-up and give the theme the footer's lines."""

from pelican import signals

from plugins.core import startup
from plugins.core.errors import BuildError

from .identity import footer_entries, problems
from .settings import DEFAULTS


def merged(settings: dict) -> dict:
    return {key: settings.get(key, default) for key, default in DEFAULTS.items()}


def check_settings(pelican) -> None:
    """Stop at start-up, in one line, on a filing number or code in the wrong shape."""
    found = problems(merged(pelican.settings))
    if found:
        raise BuildError(f"设置有误 (bad setting): {found[0]}")


def add_footer(generator) -> None:
    """`govsite_footer` (the identity lines) and `GOVSITE_ACCESSIBILITY_URL` for every template."""
    values = merged(generator.settings)
    generator.context["govsite_footer"] = footer_entries(values)
    generator.context["GOVSITE_ACCESSIBILITY_URL"] = values["GOVSITE_ACCESSIBILITY_URL"]


def register() -> None:
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.generator_init.connect(add_footer)
