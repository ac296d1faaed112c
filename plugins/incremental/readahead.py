"""Stories read by a second process while the build reads others: reading on both cores.

Pelican reads one story after another on one core, some 5 ms each (Markdown, then every
per-story plugin). When many must be read (a cold build, a changed theme or plugin), a forked copy
of the build reads them from the last one back into a file while the build reads from the first
on; where they meet, the build takes the rest from the file (unpickling is a tenth of reading).
Each claims its next story under a lock, so neither waits for more than one story, however
their speeds differ.

The worker only reads: it writes nothing else, says nothing (it logs only to the handler that
counts warnings, and its output goes nowhere; forked.py), and a story it could not take cleanly
(an error, a warning) is left out of the file, so the build reads it itself and says what is
wrong once.
"""

import atexit
import logging
import multiprocessing
import os
import pickle
from collections.abc import Callable
from pathlib import Path

from .forked import Fork, pickled_records


def worth_reading_ahead(count: int, at_least: int | None) -> bool:
    """Whether `count` stories to read are worth a second process: `at_least` of them (None: never)."""
    return at_least is not None and count >= at_least and hasattr(os, "fork")


class ReadAhead:
    """A forked worker reading `paths` from the last one back, each with `read_one` (path →
    record, or None to leave it to the build), while the build reads them in order."""

    def __init__(self, paths: list[str], read_one: Callable[[str], object], folder: Path, log_to: logging.Handler) -> None:
        self.places = {path: place for place, path in enumerate(paths)}
        # [the next place the build reads, the last place the worker took], shared with the worker,
        # a forked copy (forked.py), whatever the default start method: its lock is inherited at the fork
        self.bounds = multiprocessing.get_context("fork").Array("i", [0, len(paths)])
        self.records: dict[str, object] | None = None  # once collected
        self.worker = Fork(lambda hand_over: work(hand_over, paths, self.bounds, read_one), folder, log_to)
        atexit.register(self.discard)  # a build that stops before it collects

    def take(self, path: str):
        """The worker's record of `path`; None when the build reads it itself (not among the
        paths, not reached by the worker, or left to the build)."""
        place = self.places.get(path)
        if place is None:
            return None
        if self.records is None:
            with self.bounds.get_lock():
                if place < self.bounds[1]:
                    self.bounds[0] = max(self.bounds[0], place + 1)
                    return None
            self.records = self.collect()
        return self.records.pop(path, None)

    def collect(self) -> dict[str, object]:
        """Wait for the worker, and read what it wrote (all of it, or what it wrote before it failed)."""
        _, hand_over = self.worker.collect()
        with hand_over:
            records = dict(pickled_records(hand_over))
        atexit.unregister(self.discard)
        return records

    def discard(self) -> None:
        """Stop a worker the build never waited for."""
        self.records = self.records or {}
        self.worker.stop()


def work(hand_over, paths: list[str], bounds, read_one: Callable[[str], object]) -> None:
    """The worker: read stories from the last back until the build's next one, and write what each gives."""
    while True:
        with bounds.get_lock():
            if bounds[1] - 1 < bounds[0]:
                return
            bounds[1] -= 1
            path = paths[bounds[1]]
        record = read_one(path)
        if record is not None:
            pickle.dump((path, record), hand_over, protocol=pickle.HIGHEST_PROTOCOL)
