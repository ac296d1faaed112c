"""The articles' pages written by two processes: each page by one of them, by its name; the
second hands back its results, its warnings (logged again by the build) and its error."""

import logging
import os
import threading
import time
from collections import Counter

import pytest

from plugins.core.errors import BuildError
from plugins.incremental import forked
from plugins.incremental.halves import in_two_processes, writer_of


@pytest.fixture(autouse=True)
def only_the_tests_threads_count(monkeypatch):
    """The test runner's own threads (a browser test's server, Playwright's loop) run in this
    process too; the build's no-fork-beside-threads rule counts only the threads a test starts."""
    runner = set(threading.enumerate())
    monkeypatch.setattr(forked, "other_threads", lambda: [t for t in threading.enumerate() if t is not threading.current_thread() and t not in runner])

# Addresses as the articles generator writes them: stories, listings and their pages, archives.
NAMES = [
    *(f"2026/11/jiegan-jinshao-{number:04d}.html" for number in range(400)),
    *(f"category/minsheng{'' if page == 1 else page}.html" for page in range(1, 30)),
    *(f"tag/wuye-guanli{'' if page == 1 else page}.html" for page in range(1, 30)),
    "index.html", "archives.html", "2026/11/index.html", "author/gao-xin.html",
]


def test_each_page_has_one_writer_and_the_two_share_them():
    shares = Counter(writer_of(name) for name in NAMES)
    assert set(shares) == {0, 1}
    assert 0.4 < shares[0] / len(NAMES) < 0.6


@pytest.mark.parametrize("same, as_written", [("2026/11/a.html", "./2026/11/a.html"), ("tag/b.html", "tag//b.html"), ("c/index.html", "c/d/../index.html")])
def test_a_page_has_one_writer_however_its_path_is_written(same, as_written):
    assert writer_of(same) == writer_of(as_written)


def write_pages(folder):
    def work(halves):
        for name in NAMES:
            if halves is None or halves.writes(name):  # None: this process writes them all
                page = folder / name
                page.parent.mkdir(parents=True, exist_ok=True)
                page.write_text(str(os.getpid()))

    return work


def test_the_two_processes_write_every_page_once(tmp_path):
    site = tmp_path / "site"
    handed = in_two_processes(write_pages(site), lambda: {"pid": os.getpid()}, tmp_path / "work")
    worker = handed["pid"]
    assert worker != os.getpid()
    for name in NAMES:
        assert (site / name).read_text() == str(worker if writer_of(name) else os.getpid()), name
    assert list((tmp_path / "work").iterdir()) == [], "the hand-over file is removed"


def test_the_workers_warnings_are_logged_by_the_build(tmp_path, caplog):
    def work(halves):
        if halves.mine == 1:
            logging.getLogger("photos.plugin").warning("photos/qiaoliang.md: 图片 qiaoliang.jpg 缺少图片说明 (photo has no caption)")
            logging.getLogger("photos.plugin").info("Writing 2026/11/qiaoliang.html")  # not handed back

    with caplog.at_level(logging.INFO):
        in_two_processes(work, dict, tmp_path)
    assert [(r.name, r.levelno, r.getMessage()) for r in caplog.records] == [
        ("photos.plugin", logging.WARNING, "photos/qiaoliang.md: 图片 qiaoliang.jpg 缺少图片说明 (photo has no caption)")
    ]


def test_a_warning_grouped_by_pelican_keeps_its_group_whatever_its_arguments(tmp_path, caplog):
    def work(halves):
        if halves.mine == 1:
            unpicklable = lambda: None  # noqa: E731  (a logged argument need not pickle)
            logging.getLogger("pelican.contents").warning(
                "Unable to find '%s', skipping url replacement.", "wuye.md", extra={"limit_msg": "Other resources were not found", "limit_args": (unpicklable,)}
            )

    in_two_processes(work, dict, tmp_path)
    [record] = caplog.records
    assert record.getMessage() == "Unable to find 'wuye.md', skipping url replacement."
    assert record.limit_msg == "Other resources were not found" and len(record.limit_args) == 1


def test_an_error_in_the_worker_is_raised_in_the_build(tmp_path):
    def work(halves):
        if halves.mine == 1:
            raise SystemExit("模板引用的主题文件不存在 (a template links a file the theme does not have): 'css/missing.css'")

    with pytest.raises(SystemExit, match="css/missing.css") as raised:
        in_two_processes(work, dict, tmp_path)
    assert any("second page-writing process" in note for note in raised.value.__notes__)


def test_a_worker_that_dies_fails_the_build_in_plain_words(tmp_path):
    def work(halves):
        if halves.mine == 1:
            os._exit(3)

    with pytest.raises(BuildError, match="second page-writing process stopped"):
        in_two_processes(work, dict, tmp_path)


def test_an_error_in_the_build_stops_the_worker(tmp_path):
    def work(halves):
        if halves.mine == 1:
            (tmp_path / "worker").write_text(str(os.getpid()))
            time.sleep(30)
        while not (tmp_path / "worker").exists():
            time.sleep(0.01)
        raise ValueError("稿件有误")

    with pytest.raises(ValueError):
        in_two_processes(work, dict, tmp_path / "work")
    assert list((tmp_path / "work").iterdir()) == []
    with pytest.raises(ProcessLookupError):
        os.kill(int((tmp_path / "worker").read_text()), 0)  # stopped and reaped: no worker left behind


@pytest.fixture
def build(monkeypatch, tmp_path):
    """The incremental plugin's build, as started for a site of 10,000 stories."""
    from plugins.incremental import plugin

    for name, value in {
        "halves_from": 200, "stories_path": tmp_path / "cache/stories.sqlite", "output": (tmp_path / "output").resolve(),
        "now": {}, "reused": 0, "linked": set(), "distrust_pages": [], "distrust_writes": [], "unsafe": set(), "found_unsafe": {},
    }.items():
        monkeypatch.setattr(plugin.BUILD, name, value, raising=False)
    return plugin


@pytest.mark.parametrize("writer_kind, on_two_cores", [("LinkedPagesWriter", True), ("Writer", False)])
def test_only_the_writer_that_skips_the_other_half_writes_on_two_cores(build, tmp_path, writer_kind, on_two_cores):
    from pelican.writers import Writer

    writer = (build.LinkedPagesWriter if writer_kind == "LinkedPagesWriter" else Writer)(str(tmp_path / ".output.building"), settings={})
    seen = []
    build.BUILD.write_in_halves(lambda writer: seen.append(build.BUILD.halves is not None), writer, stories=10_000)
    assert seen == [on_two_cores]  # Pelican's own writer would write every page, half of them empty


def test_a_small_archive_is_written_by_one_process(build, tmp_path):
    seen = []
    writer = build.LinkedPagesWriter(str(tmp_path / ".output.building"), settings={})
    build.BUILD.write_in_halves(lambda writer: seen.append(build.BUILD.halves is not None), writer, stories=199)
    assert seen == [False]


def test_with_another_thread_running_the_pages_are_written_by_one_process(tmp_path, caplog):
    import threading

    site, stop = tmp_path / "site", threading.Event()
    other = threading.Thread(target=stop.wait, name="photo-callbacks")
    other.start()
    try:
        with caplog.at_level(logging.DEBUG, logger="plugins.incremental.forked"):
            handed = in_two_processes(write_pages(site), lambda: {"pid": os.getpid()}, tmp_path / "work")
    finally:
        stop.set()
        other.join()
    assert handed is None, "no copy was forked"
    assert {(site / name).read_text() for name in NAMES} == {str(os.getpid())}
    assert "photo-callbacks" in caplog.text and "one process" in caplog.text


def test_pelicans_progress_display_is_paused_for_the_fork_and_goes_on_after(tmp_path):
    import threading

    from rich.console import Console

    with open(os.devnull, "w") as nowhere, Console(file=nowhere).status("Generating..."):
        handed = in_two_processes(write_pages(tmp_path / "site"), lambda: {"pid": os.getpid()}, tmp_path / "work")
        redrawing = [thread for thread in threading.enumerate() if type(thread).__name__ == "_RefreshThread" and thread.is_alive()]
    assert handed["pid"] != os.getpid(), "the copy was forked"
    assert len(redrawing) == 1, "the display redraws again"
