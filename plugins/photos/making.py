"""Photos made in worker processes while the build does other work, then by both at the end.

The workers are handed one photo at a time, as each finishes the last, from the first on; when
the build is ready to wait, it makes the photos no worker has been handed yet, from the last
back. A build that stops half way waits at exit only for the photos being made then, not for
every photo still to make.
"""

import threading
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor


class Making:
    """`make(*call)` for each photo key → call, on `workers` processes; `finish` gives each key's outcome."""

    def __init__(self, make: Callable[..., str | None], calls: dict[str, tuple], workers: int) -> None:
        self.make = make
        self.waiting = deque(calls.items())
        self.handed: dict[str, Future] = {}
        self.lock = threading.Lock()
        self.pool = ProcessPoolExecutor(max_workers=workers)
        for _ in range(workers):
            self.hand_next()

    def hand_next(self, _done: Future | None = None) -> None:
        """Hand a worker the next photo (called again as each one is done)."""
        with self.lock:
            if not self.waiting:
                return
            key, call = self.waiting.popleft()
            try:
                future = self.pool.submit(self.make, *call)
            except RuntimeError:  # the pool is shut down: the build has stopped
                return
            self.handed[key] = future
        future.add_done_callback(self.hand_next)

    def finish(self) -> dict[str, str | None]:
        """Make here the photos not handed out, from the last back; wait for the rest. Each
        key's error, or None when made."""
        outcomes: dict[str, str | None] = {}
        while True:
            with self.lock:
                if not self.waiting:
                    break
                key, call = self.waiting.pop()
            outcomes[key] = self.make(*call)
        for key, future in list(self.handed.items()):
            outcomes[key] = outcome(future)
        self.stop()
        return outcomes

    def stop(self) -> None:
        """Hand out nothing more, and let the workers go once their photo is made."""
        with self.lock:
            self.waiting.clear()
        self.pool.shutdown(wait=True, cancel_futures=True)


def outcome(future: Future) -> str | None:
    """A worker's result; a worker that failed outright (killed, out of memory) as the photo's error."""
    try:
        return future.result()
    except Exception as error:
        return f"{type(error).__name__}: {error}"
