"""Deploys and rollbacks under reader load, against the project's nginx config and a real sshd on
loopback: deploy A, deploy B, roll back, deploy B again (keep 2), with readers on kept-alive
connections loading pages and, a moment later, every file each page names, and search boxes whose
engine was loaded before the first switch reading its index through all of them. Every response is
200, every page's (and engine's) files are its own build's, and after each step the expected
release is served."""

import time
import urllib.parse

from readers import Reader, SearchReader
from test_deploy_server import ARTICLE, deploy, fetch, releases, server  # noqa: F401  (the two builds and the servers, shared)

from deploy.cli import main as deploy_main

PAGES = ["index.html", ARTICLE]
DELAYS = (0.0, 0.02, 0.05, 0.1, 0.2, 0.4)  # how long each reader's browser takes before it asks for a page's files
SEARCH_DELAYS = (0.0, 0.1)
LOADS_AFTER_EACH_STEP = 3  # every reader loads this many more pages after a switch before the next


def files_of(release) -> dict[str, bytes]:
    return {path.relative_to(release).as_posix(): path.read_bytes() for path in release.rglob("*") if path.is_file()}


def wait_for_loads(readers: list[Reader], more: int, seconds: float = 60) -> None:
    """Until every reader has loaded `more` pages since now (bounded in time)."""
    wanted = [len(reader.loads) + more for reader in readers]
    deadline = time.monotonic() + seconds
    while any(len(reader.loads) < count and reader.is_alive() for reader, count in zip(readers, wanted)):
        assert time.monotonic() < deadline, "the readers stopped getting pages"
        time.sleep(0.02)


def half_written(data: bytes, builds: dict[str, dict[str, bytes]], path: str) -> bool:
    """Whether `data` is the start of a build's file, cut short: the test bucket (rclone 1.60's
    webdav on a folder) writes a file in place while a reader reads it; a real bucket replaces an
    object whole."""
    return any(path in files and len(data) < len(files[path]) and files[path].startswith(data) for files in builds.values())


def whole_loads(readers: list[Reader], builds: dict[str, dict[str, bytes]], in_place_writes: bool = False) -> set[str]:
    """Check every page each reader loaded: 200, one build's page, each file it names 200 and that
    build's. The builds the pages came from; at least 500 requests in all. With `in_place_writes`,
    a load that read a file half written by the test bucket is left out (at most one in twenty)."""
    loads = [load for reader in readers for load in reader.loads]
    assert sum(1 + len(load.files) for load in loads) > 500
    if in_place_writes:
        cut = [load for load in loads if half_written(load.html, builds, load.page)
               or any(half_written(data, builds, path) for path, (_, data) in load.files.items())]
        assert len(cut) * 20 <= len(loads), f"{len(cut)} of {len(loads)} loads read a half-written file"
        loads = [load for load in loads if load not in cut]
    seen = set()
    for load in loads:
        assert load.status == 200, f"{load.page}: {load.status}"
        build = next((name for name, files in builds.items() if files[load.page] == load.html), None)
        assert build, f"{load.page} is neither build's"
        seen.add(build)
        for path, (status, data) in load.files.items():
            assert status == 200, f"{load.page} of build {build}: {path} gave {status}"
            assert data == builds[build][path], f"{load.page} of build {build}: {path} came from the other build"
    return seen


def test_every_reader_gets_every_file_of_its_own_build_across_deploy_rollback_deploy(releases, server):  # noqa: F811
    a, b = releases
    srv, base, settings = server
    builds = {"A": files_of(a), "B": files_of(b)}
    address = urllib.parse.urlparse(base)
    assert deploy(settings, a) == 0

    readers = [Reader(address.hostname, address.port, PAGES, delay) for delay in DELAYS]
    readers += [SearchReader(address.hostname, address.port, [], delay) for delay in SEARCH_DELAYS]  # search open across every switch
    for reader in readers:
        reader.start()
    served = []
    try:
        wait_for_loads(readers, 1)
        for step, expected in ((lambda: deploy(settings, b), "B"), (lambda: deploy_main(["--settings", str(settings)], rollback=True), "A"),
                               (lambda: deploy(settings, b), "B")):
            assert step() == 0
            served.append(next(name for name, files in builds.items() if fetch(f"{base}/index.html")[1] == files["index.html"]) == expected)
            wait_for_loads(readers, LOADS_AFTER_EACH_STEP)
    finally:
        for reader in readers:
            reader.stop()
    assert all(served), "after deploy B, rollback, deploy B: the release served is the one expected"
    assert not [reader.error for reader in readers if reader.error]

    assert whole_loads(readers, builds) == {"A", "B"}
    releases_on_disk = [path.name for path in (srv / "releases").iterdir() if path.is_dir()]
    assert len(releases_on_disk) == 2, releases_on_disk  # keep 2: the live release and the one it replaced


def test_bucket_readers_get_every_file_of_their_page_across_deploys(releases, tmp_path, monkeypatch):  # noqa: F811
    """The same with object storage (rclone serve webdav as the bucket, rclone serve http as its website):
    no switch there, so pages of both builds are served while an upload runs, each with every file it
    needs, and a deploy of the build before stands in for a rollback."""
    from deploy_servers import bucket_website, webdav

    a, b = releases
    builds = {"A": files_of(a), "B": files_of(b)}
    with webdav(tmp_path / "dav") as (served, _, env), bucket_website(tmp_path, served / "site") as port:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        settings = tmp_path / "deployconf.py"
        settings.write_text("DEPLOY_TARGETS = {'oss': {'type': 'rclone', 'remote': 'pressdav:site', 'state': 'pressdav:deploy-state'}}\n")
        assert deploy(settings, a) == 0
        readers = [Reader("127.0.0.1", port, PAGES, delay) for delay in DELAYS]
        readers += [SearchReader("127.0.0.1", port, [], delay) for delay in SEARCH_DELAYS]
        for reader in readers:
            reader.start()
        served_after = []
        try:
            wait_for_loads(readers, 1)
            for output, expected in ((b, "B"), (a, "A"), (b, "B")):
                assert deploy(settings, output) == 0
                served_after.append(fetch(f"http://127.0.0.1:{port}/index.html")[1] == builds[expected]["index.html"])
                wait_for_loads(readers, LOADS_AFTER_EACH_STEP)
        finally:
            for reader in readers:
                reader.stop()
    assert all(served_after) and not [reader.error for reader in readers if reader.error]
    assert whole_loads(readers, builds, in_place_writes=True) == {"A", "B"}
