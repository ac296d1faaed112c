"""Real servers on loopback for the deploy tests: OpenSSH's sshd, nginx and rclone's WebDAV server.

Each runs from a temporary folder with a throwaway key and its own port, and is stopped after.
Missing programs fail the tests under CI=true (where .ci/run installs them) and skip them elsewhere.
"""

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest
from scripts.nginx import NGINX, free_port, running
from scripts.nginx import nginx as served_by_nginx

SSHD = "/usr/sbin/sshd"
INSTALL = "apt-get install openssh-server nginx-light rclone rsync"


def require(*programs: str) -> None:
    missing = [program for program in programs if not (shutil.which(program) or os.path.exists(program))]
    if missing:
        message = f"the deploy tests need {', '.join(missing)}: {INSTALL}"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)


class SSH:
    """An sshd on loopback that lets the current user in with a throwaway key."""

    def __init__(self, folder: Path, port: int, key: Path, known_hosts: str):
        self.folder, self.port, self.key, self.known_hosts = folder, port, key, known_hosts

    def credentials(self) -> dict[str, str]:
        """The environment a deploy reads its key and host key from, as CI's secrets would give them."""
        return {"DEPLOY_SSH_KEY": self.key.read_text(), "DEPLOY_SSH_KNOWN_HOSTS": self.known_hosts}


@contextmanager
def sshd(folder: Path):
    require(SSHD, "ssh", "ssh-keygen", "rsync")
    folder.mkdir(parents=True, exist_ok=True)
    for name in ("host_key", "client_key"):
        subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "pressroom-test", "-f", str(folder / name)], check=True)
    (folder / "authorized_keys").write_text((folder / "client_key.pub").read_text())
    port = free_port()
    (folder / "sshd_config").write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {folder / 'host_key'}\n"
        f"AuthorizedKeysFile {folder / 'authorized_keys'}\nPidFile {folder / 'sshd.pid'}\n"
        "StrictModes no\nUsePAM no\nPasswordAuthentication no\nKbdInteractiveAuthentication no\n"
        "PermitRootLogin prohibit-password\nLogLevel ERROR\n"
    )
    if os.geteuid() == 0:
        os.makedirs("/run/sshd", exist_ok=True)  # privilege separation needs it; a fresh machine may lack it
    host_key = (folder / "host_key.pub").read_text().split()
    known_hosts = f"[127.0.0.1]:{port} {host_key[0]} {host_key[1]}\n"
    with running([SSHD, "-D", "-e", "-f", str(folder / "sshd_config")], port, folder / "sshd.log"):
        yield SSH(folder, port, folder / "client_key", known_hosts)


@contextmanager
def nginx(folder: Path, root: Path):
    """nginx serving `root` with the site configuration the README gives (deploy/nginx-site.conf)."""
    require(NGINX)
    with served_by_nginx(folder, root) as base:
        yield base


@contextmanager
def webdav(folder: Path):
    """`rclone serve webdav` on loopback with a password; yields (served folder, log, client environment)."""
    require("rclone")
    served = folder / "bucket"
    served.mkdir(parents=True, exist_ok=True)
    port, log = free_port(), folder / "webdav.log"
    command = ["rclone", "serve", "webdav", str(served), "--addr", f"127.0.0.1:{port}", "--user", "deployer",
               "--pass", "s3cret", "-v", "--log-file", str(log)]
    obscured = subprocess.run(["rclone", "obscure", "s3cret"], capture_output=True, text=True, check=True).stdout.strip()
    env = {"RCLONE_CONFIG_PRESSDAV_TYPE": "webdav", "RCLONE_CONFIG_PRESSDAV_URL": f"http://127.0.0.1:{port}",
           "RCLONE_CONFIG_PRESSDAV_VENDOR": "other", "RCLONE_CONFIG_PRESSDAV_USER": "deployer",
           "RCLONE_CONFIG_PRESSDAV_PASS": obscured}
    with running(command, port, log):
        yield served, log, env


@contextmanager
def bucket_website(folder: Path, served: Path):
    """`rclone serve http` of a bucket's folder on loopback, as readers see a bucket website; yields its port."""
    require("rclone")
    port, log = free_port(), folder / "website.log"
    served.mkdir(parents=True, exist_ok=True)
    command = ["rclone", "serve", "http", str(served), "--addr", f"127.0.0.1:{port}", "--dir-cache-time", "0s", "--log-file", str(log)]
    with running(command, port, log):
        yield port
