"""Pelican glue: with STRICT_FAIL_ON set, a build that logged a warning (or error) exits non-zero.

Pelican's own `--fatal` raises inside the logging call, so the editor gets a traceback and only
the first problem; this lets the build finish, list every problem, then fail with one line.
"""

import logging
from pathlib import Path

from pelican import signals

from plugins.core import startup
from plugins.core.errors import BuildError, bad_setting
from plugins.core.tally import Tally

from .settings import merged
from .tally import verdict

TALLY = Tally()
logging.getLogger().addHandler(TALLY)


def start_counting(pelican) -> None:
    """Check the setting and count from the start of this build."""
    try:
        TALLY.reset(merged(pelican.settings)["STRICT_FAIL_ON"] or "warning")
    except ValueError as error:
        raise bad_setting(error) from None


def fail_if_anything_was_logged(pelican) -> None:
    """End a strict build with a non-zero exit status when it logged anything at the level; mark a
    clean publish build's output so that a deploy can tell it from any other."""
    settings = merged(pelican.settings)
    level_name = settings["STRICT_FAIL_ON"]
    if level_name and TALLY.count:
        raise BuildError(verdict(TALLY.count, level_name))
    if settings["STRICT_PUBLISHED_MARKER"] and is_publish_build(level_name, pelican.settings):
        Path(pelican.output_path, settings["STRICT_PUBLISHED_MARKER"]).write_text(MARKER_TEXT, encoding="utf-8")


MARKER_TEXT = "made by a strict publish build: no warnings, no drafts, nothing dated later\n"


def is_publish_build(level_name: str | None, settings: dict) -> bool:
    """Strict on warnings, writing no drafts and holding back what is dated later."""
    return level_name == "warning" and not settings["WITH_FUTURE_DATES"] and not settings["DRAFT_SAVE_AS"] and not settings["DRAFT_PAGE_SAVE_AS"]


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(start_counting)
    signals.finalized.connect(fail_if_anything_was_logged)
