"""Pelican glue: every build writes to a staging folder that replaces the output only on success.

A build that fails, stops on a strict warning, or is killed half way leaves the last good site
untouched; the staging folder of a killed build is cleared by the next one. The site a build
replaced is kept aside until the next build, which removes it while it reads the stories.
"""

import atexit
import shutil
from pathlib import Path

from pelican import signals

from plugins.core import startup
from plugins.core.errors import BuildError

from .guard import output_refusal

from .swap import clear_in_background, replace_folder, staging_folder

STAGED: dict = {}  # output, staging (Paths), clearing (the process removing the retired site)


def stage_output(pelican) -> None:
    """Point Pelican at an empty staging folder beside the real output (after checking that the
    output is a folder a build may replace: nothing is deleted before)."""
    output = Path(pelican.output_path).resolve()
    refusal = output_refusal(output, Path(pelican.settings["PATH"]), Path.cwd())
    if refusal:
        raise BuildError(refusal)
    staging = staging_folder(output)
    shutil.rmtree(staging, ignore_errors=True)
    clearing = clear_in_background(output)
    if clearing is not None:
        atexit.register(clearing.wait)  # a build that stops early still waits for it: no orphan
    STAGED.update(output=output, staging=staging, clearing=clearing)
    pelican.output_path = pelican.settings["OUTPUT_PATH"] = str(staging)
    atexit.register(shutil.rmtree, staging, ignore_errors=True)  # nothing is left if it fails


def publish_output(pelican) -> None:
    """The build succeeded (strict has not stopped it): the staged site becomes the output."""
    if STAGED["clearing"] is not None:
        STAGED["clearing"].wait()
    replace_folder(STAGED["output"], STAGED["staging"])
    pelican.output_path = pelican.settings["OUTPUT_PATH"] = str(STAGED["output"])


def register() -> None:
    """Connect the handlers; list this plugin last, so every other check has run before the swap."""
    startup.connect()
    signals.initialized.connect(stage_output)
    signals.finalized.connect(publish_output)
