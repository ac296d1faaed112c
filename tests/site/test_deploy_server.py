"""`invoke deploy` to an own server, against real sshd and nginx on loopback: readers never see a mix.

Two releases of the demo site are built: A as it is, B with a headline changed, an article taken
away and a changed stylesheet (so its fingerprinted name changes too).
"""

import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from deploy_servers import nginx, sshd
from sitebuild import ROOT, run_pelican

from deploy.cli import main as deploy_main

ARTICLE = "2026/11/wuye-guanli.html"  # changed in B
REMOVED = "2026/11/wenyi-yanchu.html"  # gone in B


def build_release(folder: Path, change: bool) -> Path:
    content, theme, output = folder / "content", folder / "theme", folder / "output"
    shutil.copytree(ROOT / "content", content)
    shutil.copytree(ROOT / "theme", theme)
    if change:
        article = next(path for path in content.rglob("*.md") if "Slug: wuye-guanli" in path.read_text(encoding="utf-8")
                       or path.stem == "wuye-guanli")
        article.write_text(article.read_text(encoding="utf-8").replace("Title: 健全管理机制", "Title: 健全管理机制（更新）", 1), encoding="utf-8")
        removed = next(path for path in content.rglob("*.md") if path.stem == "wenyi-yanchu" or "Slug: wenyi-yanchu" in path.read_text(encoding="utf-8"))
        removed.unlink()
        with (theme / "static/css/site.css").open("a", encoding="utf-8") as css:
            css.write("\n/* release B */\n.site-identity { gap: 0.3rem 1.5rem; }\n")
    # as invoke publish builds it (strict, no drafts, the publish marker), links from the site's root
    process = run_pelican(content, output, "publishconf.py", "-t", str(theme), env=os.environ | {"SITEURL": ""})
    assert process.returncode == 0, process.stdout + process.stderr
    return output


@pytest.fixture(scope="module")
def releases(tmp_path_factory):
    a = build_release(tmp_path_factory.mktemp("release-a"), change=False)
    b = build_release(tmp_path_factory.mktemp("release-b"), change=True)
    assert (a / REMOVED).exists() and not (b / REMOVED).exists()
    assert (a / ARTICLE).read_bytes() != (b / ARTICLE).read_bytes()
    return a, b


def stylesheet(html: bytes) -> str:
    return BeautifulSoup(html, "html.parser").select_one("link[rel=stylesheet]")["href"]


def fetch(url: str) -> tuple[int, bytes, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read(), dict(response.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def site_url(base: str, page: str, href: str) -> str:
    """A stylesheet's address as the browser resolves it from the page (the demo links relatively)."""
    return urllib.parse.urljoin(f"{base}/{page}", href)


@pytest.fixture
def server(tmp_path, monkeypatch):
    """sshd and nginx on loopback; nginx's root is the deploy's `current`; settings naming the target."""
    srv = tmp_path / "srv"
    with sshd(tmp_path / "sshd") as ssh, nginx(tmp_path / "nginx", srv / "current") as base:
        for name, value in ssh.credentials().items():
            monkeypatch.setenv(name, value)
        settings = tmp_path / "deployconf.py"
        settings.write_text(
            f"DEPLOY_TARGETS = {{'server': {{'type': 'ssh', 'host': '127.0.0.1', 'port': {ssh.port}, 'path': '{srv}', 'keep': 2}}}}\n"
        )
        yield srv, base, settings


def deploy(settings: Path, output: Path, *extra: str) -> int:
    return deploy_main(["--settings", str(settings), "--output", str(output), *extra])


def test_readers_get_one_release_or_the_other_during_a_deploy_and_rollback_goes_back(releases, server, capsys):
    a, b = releases
    srv, base, settings = server
    assert deploy(settings, a) == 0
    assert fetch(f"{base}/index.html")[1] == (a / "index.html").read_bytes()

    seen, stop = [], threading.Event()

    def read_while_deploying():
        while not stop.is_set():
            for page in ("index.html", ARTICLE):
                status, html, _ = fetch(f"{base}/{page}")
                css_status, css, _ = fetch(site_url(base, page, stylesheet(html)))
                seen.append((page, status, html, css_status, css))

    reader = threading.Thread(target=read_while_deploying)
    reader.start()
    try:
        assert deploy(settings, b) == 0
        stopping, deadline = len(seen), time.monotonic() + 30
        while len(seen) < stopping + 4 and reader.is_alive() and time.monotonic() < deadline:
            time.sleep(0.01)
    finally:
        stop.set()
        reader.join()

    versions = {release: {"index.html": (release / "index.html").read_bytes(), ARTICLE: (release / ARTICLE).read_bytes()} for release in (a, b)}
    for page, status, html, css_status, css in seen:
        release = a if html == versions[a][page] else b
        assert status == 200 and html == versions[release][page], f"{page} is neither release A's nor B's"
        assert css_status == 200, f"{page} of release {'A' if release == a else 'B'}: its stylesheet is missing"
        assert css == (release / urllib.parse.urlparse(site_url("http://x", page, stylesheet(html))).path.lstrip("/")).read_bytes()
    assert seen[-1][2] == versions[b][seen[-1][0]]

    # A page of release A, loaded a moment before the switch, still gets its stylesheet afterwards.
    old_css = site_url(base, "index.html", stylesheet(versions[a]["index.html"]))
    assert old_css != site_url(base, "index.html", stylesheet(versions[b]["index.html"]))
    status, css, headers = fetch(old_css)
    assert status == 200 and headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert fetch(f"{base}/index.html")[2]["Cache-Control"] == "no-cache"
    assert fetch(f"{base}/{REMOVED}")[0] == 404

    capsys.readouterr()
    assert deploy_main(["--settings", str(settings)], rollback=True) == 0
    assert "已回滚到版本" in capsys.readouterr().out
    assert fetch(f"{base}/index.html")[1] == versions[a]["index.html"]
    assert fetch(f"{base}/{REMOVED}")[0] == 200

    assert deploy_main(["--settings", str(settings)], rollback=True) == 1
    assert "没有比当前版本更早的版本可回滚 (no earlier release to roll back to)" in capsys.readouterr().err

    # Another deploy after the rollback: rolling back again returns to release A, which was live
    # before it (not to B, the release that was rolled back), and pruning to 2 releases kept A.
    assert deploy(settings, b) == 0
    assert deploy_main(["--settings", str(settings)], rollback=True) == 0
    assert fetch(f"{base}/index.html")[1] == versions[a]["index.html"]


def test_only_the_newest_releases_are_kept_and_a_dry_run_changes_nothing(releases, server, capsys):
    a, b = releases
    srv, base, settings = server
    for output in (a, b, a, b):
        assert deploy(settings, output) == 0
    kept = sorted(path.name for path in (srv / "releases").iterdir() if path.is_dir())
    assert len(kept) == 2 and (srv / "current").resolve().name == kept[-1]
    # A file no release changed is one file on disk, hard-linked from release to release.
    photo = next(path for path in (srv / "current/images").rglob("*.webp"))
    assert photo.stat().st_nlink == 2
    capsys.readouterr()

    assert deploy(settings, a, "--dry-run") == 0
    said = capsys.readouterr().out
    assert re.search(r"试运行，将上传 \d+ 个文件、删除 \d+ 个", said)
    assert f"上传 {ARTICLE}" in said and f"上传 {REMOVED}" in said
    assert fetch(f"{base}/index.html")[1] == (b / "index.html").read_bytes()
    assert sorted(path.name for path in (srv / "releases").iterdir() if path.is_dir()) == kept


def test_an_upload_that_fails_half_way_leaves_the_live_site_and_says_why(releases, server, capsys):
    a, b = releases
    srv, base, settings = server
    assert deploy(settings, a) == 0
    before = sorted(path.name for path in (srv / "releases").iterdir())
    # The server refuses to write any file over 8 KiB (a full disk or quota would do the same).
    text = settings.read_text().replace("'keep': 2", "'keep': 2, 'rsync_path': 'trap \"\" XFSZ; ulimit -f 16; rsync'")
    settings.write_text(text)
    capsys.readouterr()
    assert deploy(settings, b) == 1
    said = capsys.readouterr().err
    assert said.startswith("错误: server (127.0.0.1:") and "上传失败，线上网站未改变" in said
    # rsync names the file, unless the server's rsync is stopped before its error line reaches us:
    # then its exit status says what kind of failure it was.
    assert re.search(r"File too large|write failed on \"[^\"]+\"|服务器上写文件出错，可能磁盘已满或超出配额", said), said
    assert len(said.strip().splitlines()) == 1 and "Traceback" not in said
    assert sorted(path.name for path in (srv / "releases").iterdir()) == before  # the partial upload is gone
    assert fetch(f"{base}/index.html")[1] == (a / "index.html").read_bytes()


def test_a_server_that_cannot_be_reached_is_one_line(releases, tmp_path, capsys):
    settings = tmp_path / "deployconf.py"
    settings.write_text("DEPLOY_TARGETS = {'server': {'type': 'ssh', 'host': '127.0.0.1', 'port': 1, 'path': '/srv/news'}}\n")
    assert deploy(settings, releases[0]) == 1
    said = capsys.readouterr().err
    assert said.startswith("错误: server (127.0.0.1:/srv/news): 无法连接或准备服务器，线上网站未改变") and len(said.strip().splitlines()) == 1


def test_invoke_deploy_without_targets_says_where_to_set_them():
    process = subprocess.run([sys.executable, "-m", "invoke", "deploy", "--built", "--dry-run"], cwd=ROOT, capture_output=True, text=True)
    assert process.returncode == 1 and "Traceback" not in process.stderr
    assert process.stderr.strip() == "错误: 没有部署目标：请在 publishconf.py 中设置 DEPLOY_TARGETS (no deploy targets configured)"


def test_a_second_deploy_waits_for_the_first_then_says_who_holds_the_server(releases, server, capsys):
    a, b = releases
    srv, base, settings = server
    assert deploy(settings, a) == 0
    (srv / ".deploy.lock").mkdir()
    (srv / ".deploy.lock/holder").write_text("editor@newsroom pid 4242 2026-12-07 08:00:00 UTC\n")
    settings.write_text(settings.read_text().replace("'keep': 2", "'keep': 2, 'lock_wait': 1"))
    capsys.readouterr()
    assert deploy(settings, b) == 1
    said = capsys.readouterr().err
    assert "另一次部署或回滚正在进行（editor@newsroom pid 4242 2026-12-07 08:00:00 UTC）" in said and f"{srv}/.deploy.lock" in said
    assert deploy_main(["--settings", str(settings)], rollback=True) == 1
    assert "另一次部署或回滚正在进行" in capsys.readouterr().err
    assert fetch(f"{base}/index.html")[1] == (a / "index.html").read_bytes()  # nothing touched
    (srv / ".deploy.lock/holder").unlink()
    (srv / ".deploy.lock").rmdir()
    assert deploy(settings, b) == 0 and not (srv / ".deploy.lock").exists()  # taken, then given back


def test_nginx_serves_well_known_hides_dotfiles_and_caches_only_what_is_named_by_its_content(releases, server):
    a, _ = releases
    srv, base, settings = server
    assert deploy(settings, a) == 0
    live = srv / "current"
    (live / ".well-known/acme-challenge").mkdir(parents=True)
    (live / ".well-known/acme-challenge/token").write_text("proof")
    (live / ".git").mkdir()
    (live / ".git/pack.0123456789.js").write_text("secret")
    (live / "files").mkdir()
    (live / "files/notice.2026112901.pdf").write_bytes(b"%PDF-1.4 notice")
    status, body, headers = fetch(f"{base}/.well-known/acme-challenge/token")
    assert (status, body) == (200, b"proof")
    assert fetch(f"{base}/.git/pack.0123456789.js")[0] == 404
    assert fetch(f"{base}/files/notice.2026112901.pdf")[2]["Cache-Control"] == "no-cache"


def test_nginx_sends_the_pages_policy_and_the_security_headers_on_every_file(releases, server):
    a, _ = releases
    srv, base, settings = server
    assert deploy(settings, a) == 0
    meta = BeautifulSoup((ROOT / "theme/templates/base.html").read_text(encoding="utf-8"), "html.parser")
    policy = meta.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    svg = next(path.relative_to(a).as_posix() for path in a.rglob("*.svg"))
    css = next(path.relative_to(a).as_posix() for path in (a / "theme/css").glob("site.*.css"))
    for path in ("index.html", svg, css, "nowhere.html", ".deploy.lock"):
        _, _, headers = fetch(f"{base}/{path}")
        assert headers["Content-Security-Policy"] == f"{policy}; frame-ancestors 'none'", path
        assert headers["X-Content-Type-Options"] == "nosniff" and headers["Referrer-Policy"] == "strict-origin-when-cross-origin", path
        assert headers["Strict-Transport-Security"].startswith("max-age=") and headers["Server"] == "nginx", path
    assert fetch(f"{base}/{css}")[2]["Cache-Control"] == "public, max-age=31536000, immutable"
    status, body, _ = fetch(f"{base}/theme/")
    assert status in (403, 404) and b"Index of" not in body  # no folder listings


def test_only_a_publish_builds_output_is_deployed_and_its_marker_stays_home(releases, server, tmp_path, capsys):
    a, _ = releases
    srv, base, settings = server
    assert (a / ".published").is_file()  # publishconf.py's STRICT_PUBLISHED_MARKER
    local = shutil.copytree(a, tmp_path / "local")  # as if `invoke build` had made it: drafts and all
    (local / ".published").unlink()
    capsys.readouterr()
    assert deploy(settings, local) == 1
    said = capsys.readouterr().err
    assert "不是 invoke publish 的结果（可能含草稿或未到发布时间的稿件），未部署" in said and len(said.strip().splitlines()) == 1
    assert not (srv / "current").exists()
    assert deploy(settings, a) == 0
    assert not (srv / "current/.published").exists() and fetch(f"{base}/.published")[0] == 404
