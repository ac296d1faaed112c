"""nginx on loopback serving a built folder with the site configuration the README gives
(deploy/nginx-site.conf): for the deploy tests and for the search benchmark, which needs a real
server's latency rather than Python's."""

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NGINX = "/usr/sbin/nginx"
SITE_CONF = Path(__file__).resolve().parent.parent / "deploy" / "nginx-site.conf"
TEMP_KINDS = ("client_body", "proxy", "fastcgi", "uwsgi", "scgi")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, process: subprocess.Popen, log: Path) -> None:
    for _ in range(100):
        if process.poll() is not None:
            raise RuntimeError(f"server exited: {log.read_text(errors='replace') if log.exists() else ''}")
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"server did not listen on {port}")


@contextmanager
def running(command: list[str], port: int, log: Path, env: dict | None = None) -> Iterator[subprocess.Popen]:
    """A server process, once it listens on port; stopped when the block ends."""
    with log.open("ab") as out:
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, env=env)
    try:
        wait_for_port(port, process, log)
        yield process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def nginx_conf(folder: Path, root: Path, port: int, access_log: Path | None = None, extra: str = "") -> str:
    """A whole nginx.conf running from `folder`: the site's server block with its port and root,
    `extra` directives inside that block, and one access-log line per request ($uri) if asked."""
    site = SITE_CONF.read_text()
    site = site.replace("listen 80;", f"listen 127.0.0.1:{port};").replace("root /srv/news/current;", f"root {root};")
    site = site.replace("    charset utf-8;", f"    charset utf-8;\n{extra}", 1)
    temp = "".join(f"{kind}_temp_path {folder / kind};\n" for kind in TEMP_KINDS)
    log = f"log_format uris '$uri';\naccess_log {access_log} uris;\n" if access_log else "access_log off;\n"
    return (
        ("user root;\n" if os.geteuid() == 0 else "")
        + f"daemon off;\nworker_processes 1;\npid {folder / 'nginx.pid'};\nerror_log {folder / 'error.log'};\n"
        + "events {}\nhttp {\ninclude /etc/nginx/mime.types;\n" + log + temp + site + "\n}\n"
    )


@contextmanager
def nginx(folder: Path, root: Path, access_log: Path | None = None, extra: str = "") -> Iterator[str]:
    """nginx serving `root` on a free loopback port; yields its base URL."""
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    (folder / "nginx.conf").write_text(nginx_conf(folder, root, port, access_log, extra))
    with running([NGINX, "-p", str(folder), "-c", str(folder / "nginx.conf")], port, folder / "nginx.out"):
        yield f"http://127.0.0.1:{port}"
