"""Pages written on two cores: a forked copy of the build writes half of them.

Pelican renders and writes one page after another on one core, some 2.5 ms each. While the
articles generator writes its pages, a forked copy of the build goes through the very same writes;
each page is rendered and written by one of the two, by a hash of its name, and the other only
does Pelican's bookkeeping for it (so both stop alike on a page written twice, and every plugin
listening to the writes sees them all in the build). The copy hands back what the build must
know (the digests of its pages, for the next build) and every warning it logged, which the build
logs again, so a strict build counts them; if it fails, the build fails with its error. How the
copy starts, hands over and ends: forked.py.
"""

import gc
import logging
import os
import pickle
import traceback
import zlib
from collections.abc import Callable
from pathlib import Path

from plugins.core.errors import BuildError

from .forked import Fork, pickled_records


def writer_of(name: str, processes: int = 2) -> int:
    """Which of the processes writes the page `name` (a path in the output): 0 is the build."""
    return zlib.crc32(os.path.normpath(name).encode()) % processes


class Halves:
    """Which pages a process renders and writes: the build's half (0) or its copy's (1)."""

    def __init__(self, mine: int) -> None:
        self.mine = mine

    def writes(self, name: str) -> bool:
        """True when this process renders and writes the page `name`."""
        return writer_of(name) == self.mine


BUILDS_HALF, COPYS_HALF = Halves(0), Halves(1)


def in_two_processes(work: Callable[[Halves | None], None], results: Callable[[], dict], folder: Path) -> dict | None:
    """Run work(halves) in this process and in a forked copy of it (halves.writes tells each
    its pages); return the copy's results() once it is done. The copy's warnings are logged
    here; an error in either process is raised here. When no copy can be started (no memory or
    process to spare), work(None) does it all here, and there are no results."""
    collected = Collected()
    gc.freeze()  # the copy's collector then leaves the build's objects (and their pages) alone
    try:
        copy = Fork(lambda hand_over: hand(hand_over, work, results, collected), folder, collected)
    except OSError:
        gc.unfreeze()
        work(None)
        return None
    try:
        work(BUILDS_HALF)
    except BaseException:
        copy.stop()
        raise
    finally:
        gc.unfreeze()
    return joined(copy)


def hand(hand_over, work, results: Callable[[], dict], collected: "Collected") -> None:
    """The copy's part: its half, then its results (or its error) and its warnings, to the build."""
    handed = {"results": None, "error": None}
    try:
        work(COPYS_HALF)
        handed["results"] = results()
    except BaseException as error:
        handed["error"] = portable(error)
    pickle.dump({**handed, "records": collected.records}, hand_over)


def joined(copy: Fork) -> dict:
    """In the build: wait for the copy; log its warnings; its results, or raise its error."""
    status, hand_over = copy.collect()
    with hand_over:
        handed = pickled_records(hand_over)
    if not handed:
        raise BuildError(f"第二个写页面的进程意外退出，请重新构建；若一再发生，设 INCREMENTAL_TWO_WRITERS_FROM = None "
                         f"(the second page-writing process stopped: status {status}; build again)")
    for name, level, message, limits in handed[0]["records"]:
        logging.getLogger(name).log(level, "%s", message, extra=limits)
    if handed[0]["error"] is not None:
        raise handed[0]["error"]
    return handed[0]["results"]


class Collected(logging.Handler):
    """The copy's warnings and errors, to be logged again by the build; the rest goes nowhere."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str, dict]] = []

    def emit(self, record) -> None:
        # Pelican's LimitFilter groups messages by these, so the build's filter sees the copy's
        # too; as text, since whatever the arguments are must cross to the build in a pickle.
        limits = {}
        if hasattr(record, "limit_msg"):
            limits["limit_msg"] = str(record.limit_msg)
        if hasattr(record, "limit_args"):
            given = record.limit_args
            limits["limit_args"] = tuple(map(str, given)) if isinstance(given, tuple) else str(given)
        self.records.append((record.name, record.levelno, record.getMessage(), limits))


def portable(error: BaseException) -> BaseException:
    """The copy's error as the build can raise it: itself if it pickles, with its traceback noted."""
    where = "".join(traceback.format_exception(error))
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        error = RuntimeError(f"{type(error).__name__}: {error}")
    error.add_note(f"(第二个写页面的进程 / in the second page-writing process)\n{where}")
    return error
