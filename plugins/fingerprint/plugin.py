"""Pelican glue: templates link the theme's static files by fingerprinted names, which the output then holds.

`{{ SITEURL }}/{{ 'css/site.css'|asset }}` gives `…/theme/css/site.3f2a9c1b0d.css`: the `asset`
filter is put into JINJA_FILTERS at start-up, before the generators build their Jinja
environments from it. Every build runs in a process of its own (tasks.py), so the table of theme
files is made once, at start-up.
"""

import logging
from pathlib import Path

from pelican import signals

from plugins.core import startup
from plugins.core.errors import BuildError, bad_setting

from .names import fingerprinted
from .settings import merged
from .theme import theme_static_files, write_fingerprinted_copies

logger = logging.getLogger(__name__)
THEME: dict = {}  # files: {name under THEME_STATIC_DIR: source}, linked: {name: what templates link}


def asset(name: str) -> str:
    """Jinja filter: where a page links the theme's static file `name` (`css/site.css`)."""
    if name not in THEME["linked"]:
        raise BuildError(
            f"模板引用的主题文件不存在 (a template links a file the theme does not have): {name!r}，"
            f"可用的有 (the theme has): {', '.join(sorted(THEME['linked']))}"
        )
    return THEME["linked"][name]


def add_asset_filter(pelican) -> None:
    """Check the setting, list the theme's static files and give the templates the `asset` filter."""
    try:
        enabled = merged(pelican.settings)["FINGERPRINT_ASSETS"]
    except ValueError as error:
        raise bad_setting(error) from None
    settings = pelican.settings
    files = theme_static_files(Path(settings["THEME"]), settings["THEME_STATIC_PATHS"], settings["IGNORE_FILES"])
    static_dir = settings["THEME_STATIC_DIR"]
    linked = {name: fingerprinted(name, source.read_bytes()) if enabled else name for name, source in files.items()}
    THEME.update(files=files if enabled else {}, linked={name: f"{static_dir}/{path}" for name, path in linked.items()})
    # A new dict: never change the one Pelican's defaults may share between runs.
    settings["JINJA_FILTERS"] = {**settings["JINJA_FILTERS"], "asset": asset}


def write_copies(pelican) -> None:
    """Write the fingerprinted copies beside the plain files Pelican copied, which stay for pages cached before.

    Every static file of the theme gets its copy, not only those a page linked: the output then
    depends on the theme alone, not on which pages this build wrote, and no state passes from the
    filter to here. pelican.output_path is where this build writes (atomic's staging folder).
    """
    folder = Path(pelican.output_path) / pelican.settings["THEME_STATIC_DIR"]
    written = write_fingerprinted_copies(THEME["files"], folder)
    if written:
        logger.info("主题文件指纹 (fingerprinted theme files): %d", len(written))


def register() -> None:
    """Connect the handlers; list this plugin before atomic, whose finalized handler moves the output."""
    startup.connect()
    signals.initialized.connect(add_asset_filter)
    signals.finalized.connect(write_copies)
