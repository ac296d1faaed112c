"""Pages written on two cores: a forked copy of the build writes half of them.

Pelican renders and writes one page after another on one core, some 2.5 ms each. While the
articles generator writes its pages, a forked copy of the build goes through the very same writes;
each page is rendered and written by one of the two, by a hash of its name, and the other only
does Pelican's bookkeeping for it (so both stop alike on a page written twice, and every plugin
listening to the writes sees them all in the build). The worker hands back what the build must
know (the digests of its pages, for the next build) and every warning it logged, which the build
logs again, so a strict build counts them; if it fails, the build fails with its error.
"""

import gc
import logging
import os
import pickle
import signal
import tempfile
import traceback
import zlib
from collections.abc import Callable
from pathlib import Path

from .forked import quieten


def writer_of(name: str, processes: int = 2) -> int:
    """Which of the processes writes the page `name` (a path in the output): 0 is the build."""
    return zlib.crc32(os.path.normpath(name).encode()) % processes


def in_two_processes(work: Callable[["Halves"], None], results: Callable[[], dict], folder: Path) -> dict:
    """Run work(halves) in this process and in a forked copy of it (halves.writes tells each
    its pages); return the copy's results(), once it is done. The copy's warnings are logged
    here; an error in either process is raised here."""
    halves = Halves(folder)
    try:
        work(halves)
    except BaseException as error:
        if halves.in_worker:
            halves.leave(error=error)
        halves.stop()
        raise
    if halves.in_worker:
        halves.leave(results=results())
    return halves.join()


class Collected(logging.Handler):
    """The worker's warnings and errors, to be logged again by the build; the rest goes nowhere."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[tuple[str, int, str]] = []

    def emit(self, record) -> None:
        self.records.append((record.name, record.levelno, record.getMessage()))


class Halves:
    """The build and its forked worker, each writing its half of the pages."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        descriptor, self.file = tempfile.mkstemp(prefix="second-writer-", dir=folder)
        os.close(descriptor)
        gc.freeze()  # the worker's collector then leaves the build's objects (and their pages) alone
        self.pid = os.fork()
        self.mine = 1 if self.pid == 0 else 0
        self.collected = Collected()
        if self.mine:
            quieten(self.collected)

    @property
    def in_worker(self) -> bool:
        return self.mine == 1

    def writes(self, name: str) -> bool:
        """True when this process renders and writes the page `name`."""
        return writer_of(name) == self.mine

    def leave(self, results: dict | None = None, error: BaseException | None = None) -> None:
        """In the worker: hand the build its results (or its error) and exit, running nothing of the build's."""
        try:
            with open(self.file, "wb") as out:
                pickle.dump({"results": results, "error": portable(error), "records": self.collected.records}, out)
        finally:
            os._exit(0)

    def join(self) -> dict:
        """In the build: wait for the worker; log its warnings; its results, or raise its error."""
        _, status = os.waitpid(self.pid, 0)
        gc.unfreeze()
        try:
            with open(self.file, "rb") as written:
                handed = pickle.load(written)
        except (OSError, EOFError, pickle.UnpicklingError) as error:
            raise RuntimeError(f"第二个写页面的进程意外退出 (the second page-writing process stopped: status {status})") from error
        finally:
            Path(self.file).unlink(missing_ok=True)
        for name, level, message in handed["records"]:
            logging.getLogger(name).log(level, "%s", message)
        if handed["error"] is not None:
            raise handed["error"]
        return handed["results"]

    def stop(self) -> None:
        """In the build, failing itself: stop the worker and forget its file."""
        try:
            os.kill(self.pid, signal.SIGKILL)
            os.waitpid(self.pid, 0)
        except (ProcessLookupError, ChildProcessError):
            pass
        gc.unfreeze()
        Path(self.file).unlink(missing_ok=True)


def portable(error: BaseException | None) -> BaseException | None:
    """The worker's error as the build can raise it: itself if it pickles, with its traceback noted."""
    if error is None:
        return None
    where = "".join(traceback.format_exception(error))
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        error = RuntimeError(f"{type(error).__name__}: {error}")
    error.add_note(f"(第二个写页面的进程 / in the second page-writing process)\n{where}")
    return error
