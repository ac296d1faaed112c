"""Every use of Pelican's private parts, in one place, and the Pelican version they were written against.

Pelican's public face is its signals, readers, generators and settings; a few things this project
does need more (the names below say which). Each is written against Pelican 4.12: another version
stops the build at start-up with one line, rather than building a site that is subtly wrong.
"""

import logging
import sys

import pelican

from .errors import BuildError

WRITTEN_FOR = "4.12"


def check_version(version: str = pelican.__version__) -> None:
    """Stop, in one line, on a Pelican these private parts were not written against."""
    if version != WRITTEN_FOR and not version.startswith(WRITTEN_FOR + "."):
        raise BuildError(
            f"本项目的插件按 Pelican {WRITTEN_FOR} 编写，当前是 {version}；请按 requirements/build.lock 安装 "
            f"(these plugins are written for Pelican {WRITTEN_FOR}, found {version}: pip install -r requirements.txt)"
        )


class OneLineBuildErrors(logging.Filter):
    """Pelican's main logs the exception that ended a build with its traceback
    (`logger.critical(..., exc_info=True)` on the `pelican` logger), in a log line wrapped at the
    terminal's width; a BuildError is written to stderr as its one line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.exc_info[1] if record.exc_info else None
        if isinstance(error, BuildError):
            print(error, file=sys.stderr, flush=True)
            return False
        return True


def quiet_build_errors() -> None:
    """Have Pelican log a BuildError as one line (once, however often called)."""
    main_logger = logging.getLogger("pelican")
    if not any(isinstance(f, OneLineBuildErrors) for f in main_logger.filters):
        main_logger.addFilter(OneLineBuildErrors())
