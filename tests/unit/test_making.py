"""Photos made by workers while the build writes pages, then by both: each photo made once; a
worker that dies is that photo's error, and only that photo's; one that cannot start leaves its
photos to the build; a build that stops waits only for the photos in hand; the build keeps no
thread for the workers, whatever the default start method."""

import importlib
import logging
import os
import sys
import threading
import time

import pytest

from plugins.photos.making import Making

KEYS = [f"jiegan-{number:02d}" for number in range(24)]


def make(folder: str, key: str, seconds: float = 0.02) -> str | None:
    """A photo's derivatives, as make_into_cache would make them: a file only one maker may create."""
    time.sleep(seconds)
    if key == "broken":
        return "OSError: cannot identify image file"
    if key == "killed":
        os._exit(1)  # a worker killed outright (out of memory)
    with open(os.path.join(folder, key), "x") as made:
        made.write(str(os.getpid()))
    return None


def test_each_photo_is_made_once_by_a_worker_or_by_the_build(tmp_path):
    making = Making(make, {key: (str(tmp_path), key) for key in KEYS}, workers=1)
    outcomes = making.finish()
    assert outcomes == dict.fromkeys(KEYS)
    makers = {key: (tmp_path / key).read_text() for key in KEYS}
    by_build = [key for key in KEYS if makers[key] == str(os.getpid())]
    assert by_build and len(by_build) < len(KEYS), "both made some"
    assert by_build == KEYS[-len(by_build):], "the build takes them from the last back"


def test_a_photo_that_cannot_be_made_is_its_error_and_a_dead_worker_too(tmp_path):
    calls = {"broken": (str(tmp_path), "broken", 0), "killed": (str(tmp_path), "killed", 0)}
    outcomes = Making(make, calls, workers=2).finish()
    assert outcomes["broken"] == "OSError: cannot identify image file"
    assert outcomes["killed"].startswith("工作进程意外退出 (the worker making it died")


def test_a_dead_worker_fails_only_the_photo_it_held(tmp_path):
    keys = ["killed", *KEYS[:6]]
    outcomes = Making(make, {key: (str(tmp_path), key, 0.05) for key in keys}, workers=2).finish()
    assert outcomes.pop("killed").startswith("工作进程意外退出")
    assert outcomes == dict.fromkeys(KEYS[:6])
    assert sorted(path.name for path in tmp_path.iterdir()) == KEYS[:6]


VANISHING_MAKER = """
import os


def make(folder, key):
    with open(os.path.join(folder, key), "x") as made:
        made.write(str(os.getpid()))
"""


def test_a_worker_that_cannot_import_its_maker_leaves_its_photos_to_the_build(tmp_path, monkeypatch, caplog):
    (tmp_path / "vanishing_maker.py").write_text(VANISHING_MAKER)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setitem(sys.modules, "vanishing_maker", importlib.import_module("vanishing_maker"))  # gone after the test
    maker = sys.modules["vanishing_maker"]
    (tmp_path / "vanishing_maker.py").unlink()  # the build has it; a worker, a fresh process, cannot import it
    photos = tmp_path / "photos"
    photos.mkdir()
    outcomes = Making(maker.make, {key: (str(photos), key) for key in KEYS[:4]}, workers=2).finish()
    assert outcomes == dict.fromkeys(KEYS[:4])
    assert {(photos / key).read_text() for key in KEYS[:4]} == {str(os.getpid())}, "all made by the build"
    assert any(r.levelno == logging.WARNING and "photo worker could not start" in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("default", ["fork", "spawn", "forkserver"])
def test_the_workers_leave_no_thread_in_the_build_whatever_the_default_start_method(tmp_path, default):
    import multiprocessing

    multiprocessing.set_start_method(default, force=True)
    try:
        before = threading.active_count()
        making = Making(make, {key: (str(tmp_path), key) for key in KEYS}, workers=2)
        assert threading.active_count() == before
        assert making.finish() == dict.fromkeys(KEYS)
    finally:
        multiprocessing.set_start_method(None, force=True)


def test_a_build_that_stops_waits_only_for_the_photos_in_hand(tmp_path):
    making = Making(make, {key: (str(tmp_path), key, 0.2) for key in KEYS}, workers=1)
    making.stop()
    assert len(list(tmp_path.iterdir())) <= 2, "only the photo being made, and perhaps the next, were made"


STOPPED_BUILD = """
import sys
from plugins.photos.making import Making
from test_making import KEYS, make
Making(make, {key: (sys.argv[1], key, 0.2) for key in KEYS}, workers=1)
sys.exit("模板有误 (a template error): the build stops before its photo step")
"""


def test_a_build_that_fails_before_its_photo_step_does_not_wait_for_every_photo(tmp_path):
    import subprocess
    import sys

    from sitebuild import ROOT

    process = subprocess.run(
        [sys.executable, "-c", STOPPED_BUILD, str(tmp_path)], capture_output=True, text=True,
        env=dict(os.environ, PYTHONPATH=str(ROOT / "tests/unit")),  # test_making's make, as the worker imports it
    )
    assert process.returncode == 1, process.stderr
    assert len(list(tmp_path.iterdir())) <= 3, "only the photos handed out were made"
