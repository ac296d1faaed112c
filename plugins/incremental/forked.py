"""What a forked worker of the build does first: log to one handler, print nothing."""

import logging
import os
import sys


def quieten(log_to: logging.Handler) -> None:
    """In a forked worker: log only to `log_to`, and write nothing to the build's output, through
    nothing the build's other threads (Pelican's progress display) may have held locked when it forked."""
    for logger in [logging.root, *logging.root.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.root.handlers = [log_to]
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(os.devnull, "w")  # new file objects: no lock shared with a thread
