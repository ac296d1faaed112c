"""Photos made in worker processes while the build does other work, then by both at the end.

The workers take one photo at a time, as each finishes the last, from the first on; when the
build is ready to wait, it makes the photos no worker has taken yet, from the last back. A build
that stops half way waits only for the photos being made then, not for every photo still to make.

The workers are started by the forkserver (spawn where there is none), whatever the default start
method: each is a fresh process, never a copy of the build, and they claim photos through shared
memory, so the build keeps no thread of its own for them (the build forks while they work;
plugins/incremental/forked.py). A worker that dies is the error of the photo it held; one that
never starts leaves its photos to the build.
"""

import atexit
import logging
import multiprocessing
from collections.abc import Callable
from multiprocessing import connection

logger = logging.getLogger(__name__)

START_METHOD = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
CONTEXT = multiprocessing.get_context(START_METHOD)
IDLE = -1  # a worker's place in hand when it holds no photo
LONGEST_ERROR = 1000  # characters: under PIPE_BUF as UTF-8, so the workers' messages never interleave


class Making:
    """`make(*call)` for each photo key → call, on `workers` processes; `finish` gives each key's outcome."""

    def __init__(self, make: Callable[..., str | None], calls: dict[str, tuple], workers: int) -> None:
        self.make = make
        self.keys, self.calls = list(calls), list(calls.values())
        # [the next place a worker takes, the place after the last one left to take], under its lock
        self.bounds = CONTEXT.Array("i", [0, len(self.calls)])
        self.holding = CONTEXT.Array("i", [IDLE] * workers, lock=False)  # each worker's place in hand
        self.started = CONTEXT.Array("b", workers, lock=False)  # each worker's 1 once it runs (it could import `make`)
        self.errors, errors_in = CONTEXT.Pipe(duplex=False)
        self.own: list[int] = []  # places handed to a worker that never ran: the build makes them
        if START_METHOD == "forkserver":
            CONTEXT.set_forkserver_preload([__name__])  # once per forkserver: the first pool's wins
        self.workers: list[multiprocessing.process.BaseProcess] = []
        for number in range(workers):
            if (place := take_first(self.bounds, self.holding, number)) is None:
                break  # handed its first photo as it starts
            worker = CONTEXT.Process(target=work, args=(make, self.calls, self.bounds, self.holding, self.started, number, errors_in), daemon=True)
            try:
                worker.start()
            except OSError as error:  # no memory or process to spare: the build makes more itself
                logger.debug("照片工作进程无法启动 (cannot start a photo worker: %s)", error)
                self.own.append(place)
                break
            self.workers.append(worker)
        errors_in.close()
        atexit.register(self.stop)  # a build that stops before its photo step

    def finish(self) -> dict[str, str | None]:
        """Make here the photos not taken, from the last back; wait for the rest. Each key's error, or None when made."""
        outcomes: dict[str, str | None] = {}
        while (place := self.take_last()) is not None:
            outcomes[self.keys[place]] = self.make(*self.calls[place])
        taken, errors = self.bounds[0], self.wait()
        outcomes |= {self.keys[place]: errors.get(place) for place in range(taken) if place not in self.own}
        outcomes |= {self.keys[place]: self.make(*self.calls[place]) for place in self.own}
        return outcomes

    def take_last(self) -> int | None:
        """The place of the last photo no worker has taken, now the build's; None when there is none."""
        with self.bounds.get_lock():
            if self.bounds[1] <= self.bounds[0]:
                return None
            self.bounds[1] -= 1
            return self.bounds[1]

    def stop(self) -> None:
        """Hand out nothing more, and let the workers go once their photo is made."""
        with self.bounds.get_lock():
            self.bounds[1] = self.bounds[0]
        self.wait()

    def wait(self) -> dict[int, str]:
        """Wait for every worker to end; the errors they sent, and that of each photo a dead worker held, by place."""
        atexit.unregister(self.stop)
        errors: dict[int, str] = {}
        running = {worker.sentinel: worker for worker in self.workers}
        while running:
            for ready in connection.wait([self.errors, *running]):
                if ready is self.errors:
                    errors |= received(self.errors)
                else:
                    running.pop(ready).join()
        errors |= received(self.errors)
        for number, worker in enumerate(self.workers):
            if worker.exitcode and not self.started[number]:
                logger.warning("照片工作进程未能运行，由构建进程处理其图片 (a photo worker could not start, exit code %s: the build makes its photos)", worker.exitcode)
                self.own.append(self.holding[number])
            elif worker.exitcode and self.holding[number] != IDLE:
                errors[self.holding[number]] = f"工作进程意外退出 (the worker making it died: exit code {worker.exitcode})"
        self.workers = []  # waited for: a second wait has nothing to do
        return errors


def received(errors: connection.Connection) -> dict[int, str]:
    """The (place, error) pairs waiting in the pipe, without blocking."""
    got: dict[int, str] = {}
    try:
        while errors.poll():
            place, error = errors.recv()
            got[place] = error
    except (EOFError, OSError):
        pass  # every worker has ended and closed its end
    return got


def take_first(bounds, holding, number: int) -> int | None:
    """The place of the first photo not taken yet, now in worker `number`'s hand; None when there is none."""
    with bounds.get_lock():  # taken and held at once: a worker that dies holding it is that photo's error
        if bounds[0] >= bounds[1]:
            return None
        holding[number] = bounds[0]
        bounds[0] += 1
        return holding[number]


def work(make: Callable[..., str | None], calls: list[tuple], bounds, holding, started, number: int, errors: connection.Connection) -> None:
    """A worker: make the photo handed over, then take the next, until none is left or the build is gone; send each error."""
    started[number] = 1
    build = multiprocessing.parent_process()
    place = holding[number]
    while place is not None:
        try:
            error = make(*calls[place])
        except Exception as failure:  # a decoder's own error: the photo's, said without a traceback
            error = f"{type(failure).__name__}: {failure}"
        if error is not None:
            errors.send((place, error[:LONGEST_ERROR]))
        holding[number] = IDLE
        place = take_first(bounds, holding, number) if build is None or build.is_alive() else None
