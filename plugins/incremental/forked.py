"""A forked copy of the build that does part of its work: how it starts, hands over and ends.

The build forks only while no other thread of it runs: a lock another thread holds at the fork
stays held for ever in the copy. Pelican's progress display (rich's Live, redrawn by a thread) is
stopped for the fork and started again after; with any other thread running, nothing is forked
(OtherThreads, an OSError like no memory to spare: the caller does the work in one process). The
copy logs only to one handler and prints nothing; it dies with the build, so a killed build leaves
no copy writing on; it hands its work over through a file that has no name (removed at once), so
nothing is left in the cache folder whatever happens; and it never returns into the build's code,
nor runs the build's exit handlers.
"""

import ctypes
import logging
import os
import pickle
import signal
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from plugins.core.pelican_api import progress_display_paused

logger = logging.getLogger(__name__)

PR_SET_PDEATHSIG = 1  # Linux's prctl: a signal for this process when its parent dies


class Fork:
    """A forked copy running `work(hand_over)` and exiting; `hand_over` is a binary file the
    build reads once the copy is done (`collect`)."""

    def __init__(self, work: Callable[[object], None], folder: Path, log_to: logging.Handler) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, name = tempfile.mkstemp(prefix="hand-over-", dir=folder)
        os.unlink(name)
        parent = os.getpid()
        try:
            with alone():
                self.pid = os.fork()
                if self.pid == 0:
                    run_copy(work, descriptor, parent, log_to)  # never returns
        except OSError:
            os.close(descriptor)
            raise
        self.descriptor = descriptor
        self.waited = False

    def collect(self) -> tuple[int, object]:
        """Wait for the copy; its exit status and the hand-over file, read from its start."""
        _, status = os.waitpid(self.pid, 0)
        self.waited = True
        os.lseek(self.descriptor, 0, os.SEEK_SET)
        return status, os.fdopen(self.descriptor, "rb")

    def stop(self) -> None:
        """Stop a copy the build no longer waits for."""
        if self.waited:
            return
        self.waited = True
        try:
            os.kill(self.pid, signal.SIGKILL)  # not waited for yet: the pid is still the copy's
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        os.close(self.descriptor)


class OtherThreads(OSError):
    """Another thread runs in the build: it is not forked."""


@contextmanager
def alone() -> Iterator[None]:
    """The build with no thread but this one, Pelican's progress display paused; OtherThreads if another runs."""
    with progress_display_paused():
        others = other_threads()
        if others:
            names = ", ".join(sorted(thread.name for thread in others))
            logger.debug("其他线程仍在运行，不分出第二个进程 (other threads run, %s: the work is done in one process)", names)
            raise OtherThreads(f"other threads run: {names}")
        yield


def other_threads() -> list[threading.Thread]:
    """The threads running beside this one."""
    return [thread for thread in threading.enumerate() if thread is not threading.current_thread()]


def run_copy(work: Callable[[object], None], descriptor: int, parent: int, log_to: logging.Handler) -> None:
    """The forked copy: do the work into the hand-over file, then exit without returning."""
    try:
        die_with(parent)
        quieten(log_to)
        with os.fdopen(descriptor, "wb") as hand_over:
            work(hand_over)
    finally:
        os._exit(0)


def die_with(parent: int) -> None:
    """Have the kernel kill this process when the build dies (Linux); exit now if it already has."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):
        pass  # not Linux: a killed build's copy finishes its part and exits
    if os.getppid() != parent:
        os._exit(1)


def quieten(log_to: logging.Handler) -> None:
    """Log only to `log_to`; write nothing to the build's output, through nothing the build's
    other threads may have held locked when it forked."""
    for logger in [logging.root, *logging.root.manager.loggerDict.values()]:
        if isinstance(logger, logging.Logger):
            logger.handlers = []
    logging.root.handlers = [log_to]
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    sys.stdout = sys.stderr = open(os.devnull, "w")  # new file objects: no lock shared with a thread


def pickled_records(file) -> list:
    """The objects pickled one after another into `file`, up to the first incomplete one."""
    records = []
    while True:
        try:
            records.append(pickle.load(file))
        except (EOFError, pickle.UnpicklingError, ValueError, AttributeError):
            return records
