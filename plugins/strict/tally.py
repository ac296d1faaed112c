"""Count the warnings and errors a build logs, so a strict build can fail once, at the end."""

import logging

LEVELS = {"warning": logging.WARNING, "error": logging.ERROR}


class Tally(logging.Handler):
    """A logging handler that only counts the records at or above its level."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1

    def reset(self, level_name: str) -> None:
        """Start counting again, from `warning` or `error` up."""
        self.setLevel(LEVELS[level_name])
        self.count = 0


def verdict(count: int, level_name: str) -> str:
    """The one line that ends a failed strict build."""
    what = "警告或错误" if level_name == "warning" else "错误"
    return (
        f"严格构建未通过：以上共 {count} 条{what}，请先改正 "
        f"(strict build failed: {count} {'problem' if count == 1 else 'problems'} above)"
    )
