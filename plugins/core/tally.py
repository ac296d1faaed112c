"""A count of what the build logs at or above a level: strict fails a build on it, incremental
reads a story again that logged a warning."""

import logging

LEVELS = {"warning": logging.WARNING, "error": logging.ERROR}


class Tally(logging.Handler):
    """A logging handler that only counts the records at or above its level (a warning, at first)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def reset(self, level_name: str) -> None:
        """Start counting again, from `warning` or `error` up."""
        self.setLevel(LEVELS[level_name])
        self.count = 0
