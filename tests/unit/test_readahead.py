"""A forked worker reads stories from the last back while the build reads from the first: each
story is read once, by one of them; what the worker leaves, or never reaches, the build reads."""

import logging
import os
import subprocess
import sys
import threading
import time

import pytest
from sitebuild import ROOT

from plugins.incremental import forked
from plugins.incremental.readahead import ReadAhead, worth_reading_ahead


@pytest.fixture(autouse=True)
def only_the_tests_threads_count(monkeypatch):
    """The test runner's own threads (a browser test's server, Playwright's loop) run in this
    process too; the build's no-fork-beside-threads rule counts only the threads a test starts."""
    runner = set(threading.enumerate())
    monkeypatch.setattr(forked, "other_threads", lambda: [t for t in threading.enumerate() if t is not threading.current_thread() and t not in runner])


COUNT = logging.NullHandler()  # the one handler the worker logs to
PATHS = [f"articles/{year}/jiegan-{number:03d}.md" for year in (2025, 2026) for number in range(60)]


def read_slowly(path: str):
    time.sleep(0.002)  # a story takes a few milliseconds to read, in either process
    return f"read by {os.getpid()}: {path}"


def read_in_order(ahead: ReadAhead, paths: list[str], read_one=read_slowly) -> tuple[list[str], dict[str, object]]:
    """What the build does: ask for each story in order, reading it itself when told to."""
    by_build, from_worker = [], {}
    for path in paths:
        record = ahead.take(path)
        if record is None:
            read_one(path)
            by_build.append(path)
        else:
            from_worker[path] = record
    return by_build, from_worker


def test_each_story_is_read_once_by_one_of_the_two(tmp_path):
    ahead = ReadAhead(PATHS, read_slowly, tmp_path, COUNT)
    by_build, from_worker = read_in_order(ahead, PATHS)
    assert sorted(by_build + list(from_worker)) == sorted(PATHS)
    assert by_build == PATHS[: len(by_build)], "the build reads from the first story on"
    assert list(from_worker) == PATHS[len(by_build) :], "the worker took the rest"
    assert by_build and from_worker, "both read some"
    assert all(record.startswith("read by ") and not record.startswith(f"read by {os.getpid()}:") for record in from_worker.values())
    assert list(tmp_path.iterdir()) == [], "the hand-over file never has a name"


def test_a_story_the_worker_leaves_is_read_by_the_build(tmp_path):
    def read_or_leave(path: str):
        time.sleep(0.002)
        return None if path.endswith("7.md") else path  # a warning: the build must read it and say it

    ahead = ReadAhead(PATHS, read_or_leave, tmp_path, COUNT)
    by_build, from_worker = read_in_order(ahead, PATHS)
    assert sorted(by_build + list(from_worker)) == sorted(PATHS)
    assert not any(path.endswith("7.md") for path in from_worker)


def test_what_a_failing_worker_did_not_write_is_read_by_the_build(tmp_path):
    def fail_half_way(path: str):
        time.sleep(0.002)
        if path.startswith("articles/2025/"):
            raise RuntimeError("the worker stops here")
        return path

    ahead = ReadAhead(PATHS, fail_half_way, tmp_path, COUNT)
    by_build, from_worker = read_in_order(ahead, PATHS)
    assert sorted(by_build + list(from_worker)) == sorted(PATHS)
    assert all(path.startswith("articles/2026/") for path in from_worker)


def test_paths_the_worker_was_not_given_are_the_builds(tmp_path):
    ahead = ReadAhead(PATHS[:10], read_slowly, tmp_path, COUNT)
    assert ahead.take("articles/wuye-guanli.md") is None


def test_a_worker_never_collected_is_stopped_and_leaves_nothing(tmp_path):
    ahead = ReadAhead(PATHS, lambda path: time.sleep(1) or path, tmp_path, COUNT)
    assert list(tmp_path.iterdir()) == [], "the hand-over file has no name"
    ahead.discard()
    with pytest.raises(ChildProcessError):
        os.waitpid(ahead.worker.pid, os.WNOHANG)  # reaped: no worker left behind


def test_a_killed_build_takes_its_worker_with_it(tmp_path):
    build = subprocess.Popen(
        [sys.executable, "-c", KILLED_BUILD, str(tmp_path)], cwd=ROOT / "plugins", stdout=subprocess.PIPE, text=True
    )
    worker = int(build.stdout.readline())
    build.kill()
    build.wait()
    for _ in range(200):
        if not alive(worker):
            break
        time.sleep(0.01)
    assert not alive(worker), "the worker died with the build"


KILLED_BUILD = """
import logging, sys, time
from pathlib import Path
from plugins.incremental.readahead import ReadAhead
ahead = ReadAhead([f"{n}.md" for n in range(100)], lambda path: time.sleep(10), Path(sys.argv[1]), logging.NullHandler())
print(ahead.worker.pid, flush=True)
time.sleep(60)
"""


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, dead but not reaped by its orphaned state, counts as gone)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split(")")[-1].split()[0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.parametrize(
    "count, at_least, worth",
    [(10_000, 64, True), (64, 64, True), (63, 64, False), (1, None, False), (10_000, None, False), (3, 2, True)],
)
def test_a_second_process_reads_ahead_only_for_enough_stories(count, at_least, worth):
    assert worth_reading_ahead(count, at_least) is worth
