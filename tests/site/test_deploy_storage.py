"""`invoke deploy` to object storage with real rclone against a real WebDAV server on loopback.

The server's own log tells the order in which files arrived and went.
"""

import hashlib
import re
import shutil
import subprocess

import pytest
from deploy_servers import webdav
from test_deploy_server import REMOVED, releases  # noqa: F401  (the two builds, shared)

from deploy.cli import main as deploy_main
from deploy.files import tier
from deploy.cli import LOCK_OBJECT
from deploy.storage import MANIFEST, read_manifest

BOOKKEEPING = {MANIFEST, LOCK_OBJECT}  # the deploy's own objects: in the private state path, never the site's


def state_of(site):
    """The private path the deploy keeps its manifest and lock in (DEPLOY_TARGETS' state)."""
    return site.parent / "deploy-state"

REQUEST = re.compile(r"INFO  : /site/(?P<path>\S+): (?P<method>PUT|DELETE) from")


def files_in(folder):
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in folder.rglob("*") if path.is_file()}


def site_of(release):
    """A build's files that go out: not its dotfiles (the publish marker)."""
    return {path: data for path, data in files_in(release).items() if not path.startswith(".")}


@pytest.fixture
def bucket(tmp_path, monkeypatch):
    with webdav(tmp_path / "dav") as (served, log, env):
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        settings = tmp_path / "deployconf.py"
        settings.write_text("DEPLOY_TARGETS = {'oss': {'type': 'rclone', 'remote': 'pressdav:site', 'state': 'pressdav:deploy-state'}}\n")
        yield served / "site", log, settings


def deploy(settings, output, *extra):
    return deploy_main(["--settings", str(settings), "--output", str(output), *extra])


def requests_since(log, start):
    return [(match["method"], match["path"]) for match in REQUEST.finditer(log.read_text()[start:])]


def tiers(paths: list[str], files: dict[str, bytes]) -> list[int]:
    return [tier(path, hashlib.sha256(files[path]).hexdigest()) for path in paths]


def test_files_go_up_assets_first_pages_last_and_deletions_after_everything(releases, bucket, capsys):  # noqa: F811
    a, b = releases
    site, log, settings = bucket
    assert deploy(settings, a) == 0
    puts = [path for method, path in requests_since(log, 0) if method == "PUT" and path not in BOOKKEEPING]
    assert sorted(puts) == sorted(site_of(a)) and tiers(puts, site_of(a)) == sorted(tiers(puts, site_of(a)))
    assert {path: data for path, data in files_in(site).items() if path not in BOOKKEEPING} == site_of(a)
    assert read_manifest((state_of(site) / MANIFEST).read_text()).keys() == site_of(a).keys()
    assert not set(files_in(site)) & BOOKKEEPING  # nothing of the deploy's under the public name

    start = len(log.read_text())
    assert deploy(settings, b) == 0
    said = requests_since(log, start)
    puts = [path for method, path in said if method == "PUT" and path not in BOOKKEEPING]
    deletes = [path for method, path in said if method == "DELETE" and path not in BOOKKEEPING]
    changed = {path for path, data in site_of(b).items() if site_of(a).get(path) != data}
    unchanged = set(site_of(b)) - changed  # the photos, for one: every page links the new stylesheet
    assert set(puts) == changed and unchanged and not unchanged & set(puts)
    assert tiers(puts, site_of(b)) == sorted(tiers(puts, site_of(b)))
    # A's files named by their content stay one deploy more, for A's pages loaded a moment before
    kept = {path for path in set(site_of(a)) - set(site_of(b)) if tiers([path], site_of(a)) == [0]}
    assert kept and REMOVED in deletes and set(deletes) == set(site_of(a)) - set(site_of(b)) - kept
    last_put = max(index for index, (method, path) in enumerate(said) if method == "PUT" and path not in BOOKKEEPING)
    assert min(index for index, (method, path) in enumerate(said) if method == "DELETE" and path not in BOOKKEEPING) > last_put
    assert {path: data for path, data in files_in(site).items() if path not in BOOKKEEPING} == site_of(b) | {path: site_of(a)[path] for path in kept}
    assert "已上传" in capsys.readouterr().out
    # and go with the next deploy
    start = len(log.read_text())
    assert deploy(settings, b) == 0
    assert {path for method, path in requests_since(log, start) if method == "DELETE" and path not in BOOKKEEPING} == kept
    assert {path: data for path, data in files_in(site).items() if path not in BOOKKEEPING} == site_of(b)


def test_a_dry_run_lists_the_changes_and_sends_nothing(releases, bucket, capsys):  # noqa: F811
    a, b = releases
    site, log, settings = bucket
    assert deploy(settings, a) == 0
    before, start = files_in(site), len(log.read_text())
    capsys.readouterr()
    assert deploy(settings, b, "--dry-run") == 0
    said = capsys.readouterr().out
    assert re.search(r"oss \(pressdav:site\): 试运行，将上传 \d+ 个文件、删除 \d+ 个", said)
    assert f"删除 {REMOVED}" in said
    assert requests_since(log, start) == [] and files_in(site) == before


def test_an_upload_that_fails_half_way_deletes_nothing_names_the_file_and_the_next_deploy_finishes(releases, bucket, capsys):  # noqa: F811
    a, b = releases
    site, log, settings = bucket
    assert deploy(settings, a) == 0
    # A folder where B's changed article must go: the server refuses that one page.
    (site / "2026/11/wuye-guanli.html").unlink()
    (site / "2026/11/wuye-guanli.html").mkdir()
    (site / "2026/11/wuye-guanli.html/keep").write_text("x")
    start = len(log.read_text())
    capsys.readouterr()
    assert deploy(settings, b) == 1
    said = capsys.readouterr().err
    assert said.startswith("错误: oss (pressdav:site): 上传失败，未删除任何文件") and "2026/11/wuye-guanli.html" in said
    assert len(said.strip().splitlines()) == 1 and "Traceback" not in said
    # Nothing that leaves the site is deleted (rclone may clear the one path it was replacing).
    assert not {path for method, path in requests_since(log, start) if method == "DELETE" and path not in BOOKKEEPING} - set(site_of(b))
    assert (site / REMOVED).exists()
    assert read_manifest((state_of(site) / MANIFEST).read_text())["2026/11/wuye-guanli.html"] == ""  # to be sent again

    shutil.rmtree(site / "2026/11/wuye-guanli.html")
    assert deploy(settings, b) == 0
    assert set(files_in(site)) - BOOKKEEPING >= set(site_of(b))


def test_a_remote_with_no_configuration_is_one_line_that_names_it(releases, tmp_path, capsys):  # noqa: F811
    settings = tmp_path / "deployconf.py"
    settings.write_text("DEPLOY_TARGETS = {'oss': {'type': 'rclone', 'remote': 'nosuchremote:tiedong-news', 'state': 'nosuchremote:tiedong-deploy'}}\n")
    assert deploy(settings, releases[0]) == 1
    said = capsys.readouterr().err
    assert said.startswith("错误: oss (nosuchremote:tiedong-news): 无法读取部署锁 (cannot read the lock)：")  # its first step
    assert "nosuchremote" in said.split("：", 2)[-1] and "NOTICE" not in said and len(said.strip().splitlines()) == 1


def test_a_second_deploy_to_a_bucket_waits_then_says_who_holds_it(releases, bucket, capsys):  # noqa: F811
    a, b = releases
    site, log, settings = bucket
    assert deploy(settings, a) == 0 and not (state_of(site) / LOCK_OBJECT).exists()  # taken, then given back
    # another deploy's lock, written as a deploy writes it (through the server: it caches its listing)
    subprocess.run(["rclone", "rcat", f"pressdav:deploy-state/{LOCK_OBJECT}"], input="ci run 77 pid 12 2026-12-07 08:00:00 UTC 5f0c\n", text=True, check=True)
    settings.write_text(settings.read_text().replace("'remote': 'pressdav:site'", "'remote': 'pressdav:site', 'lock_wait': 1"))
    start = len(log.read_text())
    capsys.readouterr()
    assert deploy(settings, b) == 1
    said = capsys.readouterr().err
    assert "另一次部署正在进行（ci run 77 pid 12 2026-12-07 08:00:00 UTC）" in said and len(said.strip().splitlines()) == 1
    assert not [path for method, path in requests_since(log, start) if path != LOCK_OBJECT]  # nothing sent, nothing deleted
    subprocess.run(["rclone", "deletefile", f"pressdav:deploy-state/{LOCK_OBJECT}"], check=True)
    assert deploy(settings, b) == 0
