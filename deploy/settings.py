"""Deploy targets from the settings (DEPLOY_TARGETS), checked; secrets never come from here.

    DEPLOY_TARGETS = {
        "server": {"type": "ssh", "host": "news.example.gov.cn", "user": "deploy", "path": "/srv/news"},
        "oss": {"type": "rclone", "remote": "oss:tiedong-news", "state": "oss:tiedong-deploy"},
    }

An ssh target's private key is read from the environment variable named by `key_env`
(DEPLOY_SSH_KEY), its host key from `known_hosts_env` (DEPLOY_SSH_KNOWN_HOSTS); without them,
ssh uses the machine's own ~/.ssh. rclone reads a remote's keys from RCLONE_CONFIG_<NAME>_*.
"""

import re
from dataclasses import dataclass

DEFAULTS = {
    "DEPLOY_TARGETS": {},
    # Releases kept on a server, the live one included: `invoke rollback` can go back this far.
    "DEPLOY_KEEP_RELEASES": 5,
}
SSH_FIELDS = {"type", "host", "user", "port", "path", "keep", "rsync_path", "key_env", "known_hosts_env", "lock_wait"}
RCLONE_FIELDS = {"type", "remote", "state", "lock_wait"}
NAME = re.compile(r"^[A-Za-z0-9_-]+$")
HOST = re.compile(r"^[A-Za-z0-9.:_-]+$")
USER = re.compile(r"^[a-z_][a-z0-9_.-]*$")
REMOTE = re.compile(r"^[A-Za-z0-9_-]+:[^\s]*$")


@dataclass(frozen=True)
class ServerTarget:
    name: str
    host: str
    path: str
    user: str = ""
    port: int = 22
    keep: int = 5
    rsync_path: str = ""  # the command that runs rsync on the server (`sudo rsync`)
    key_env: str = "DEPLOY_SSH_KEY"
    known_hosts_env: str = "DEPLOY_SSH_KNOWN_HOSTS"
    lock_wait: int = 120  # seconds a deploy waits for another deploy or rollback on this target to finish

    @property
    def login(self) -> str:
        return f"{self.user}@{self.host}" if self.user else self.host


@dataclass(frozen=True)
class StorageTarget:
    name: str
    remote: str  # an rclone remote and path: oss:tiedong-news/site
    state: str = ""  # where the deploy keeps its manifest and lock: a private bucket or path, never the site's
    lock_wait: int = 120  # seconds a deploy waits for another deploy to this bucket to finish


def deploy_settings(site_settings: dict) -> dict:
    return {key: site_settings.get(key, value) for key, value in DEFAULTS.items()}


def bad(name: str, zh: str, en: str) -> str:
    return f"DEPLOY_TARGETS[{name!r}]：{zh} ({en})"


def server_target(name: str, spec: dict, keep: int) -> ServerTarget:
    problems = []
    for field, pattern, zh in (("host", HOST, "host 应是服务器的域名或 IP"), ("user", USER, "user 应是服务器上的用户名")):
        value = spec.get(field, "")
        if (field == "host" or value) and not (isinstance(value, str) and pattern.match(value)):
            problems.append(bad(name, f"{zh}，现为 {value!r}", f"bad {field}"))
    path = spec.get("path", "")
    if not (isinstance(path, str) and path.startswith("/") and path.rstrip("/") and "'" not in path):
        problems.append(bad(name, f"path 应是服务器上的绝对路径，如 /srv/news，现为 {path!r}", "path must be absolute"))
    port, keep = spec.get("port", 22), spec.get("keep", keep)
    if not (isinstance(port, int) and 0 < port < 65536):
        problems.append(bad(name, f"port 应是 1–65535 的整数，现为 {port!r}", "bad port"))
    if not (isinstance(keep, int) and keep >= 2):
        problems.append(bad(name, f"keep 至少为 2（当前版本和可回滚的上一版本），现为 {keep!r}", "keep at least 2 releases"))
    lock_wait = spec.get("lock_wait", ServerTarget.lock_wait)
    if not (isinstance(lock_wait, int) and lock_wait >= 0):
        problems.append(bad(name, f"lock_wait 应是等待的秒数（0 或更多），现为 {lock_wait!r}", "lock_wait in seconds"))
    if problems:
        raise ValueError(problems[0])
    return ServerTarget(
        name, spec["host"], path.rstrip("/"), spec.get("user", ""), port, keep, spec.get("rsync_path", ""),
        spec.get("key_env", ServerTarget.key_env), spec.get("known_hosts_env", ServerTarget.known_hosts_env), lock_wait,
    )


def storage_target(name: str, spec: dict) -> StorageTarget:
    remote = spec.get("remote", "")
    if not (isinstance(remote, str) and REMOTE.match(remote)):
        raise ValueError(bad(name, f"remote 应写作“远端名:桶/路径”，如 oss:tiedong-news，现为 {remote!r}", "remote must be NAME:bucket/path"))
    remote = remote.rstrip("/")
    state = spec.get("state", "")
    if not (isinstance(state, str) and REMOTE.match(state)):
        raise ValueError(bad(
            name, f"state 应写作“远端名:桶/路径”，是部署清单和锁存放的不公开位置，如 oss:tiedong-deploy，现为 {state!r}",
            "state: a private rclone path for the deploy's manifest and lock",
        ))
    state = state.rstrip("/")
    if state == remote or state.startswith(remote + "/"):
        raise ValueError(bad(name, f"state {state!r} 在网站的位置之内，那里的文件都会公开；请另设不公开的位置", "state inside the public remote"))
    lock_wait = spec.get("lock_wait", StorageTarget.lock_wait)
    if not (isinstance(lock_wait, int) and lock_wait >= 0):
        raise ValueError(bad(name, f"lock_wait 应是等待的秒数（0 或更多），现为 {lock_wait!r}", "lock_wait in seconds"))
    return StorageTarget(name, remote, state, lock_wait)


def parse_targets(site_settings: dict) -> dict[str, ServerTarget | StorageTarget]:
    """The targets by name, in the order given; ValueError with one line on the first thing wrong."""
    settings = deploy_settings(site_settings)
    raw = settings["DEPLOY_TARGETS"]
    if not isinstance(raw, dict):
        raise ValueError("DEPLOY_TARGETS 应是字典：{名称: {type: ..., ...}} (DEPLOY_TARGETS must be a dict of targets)")
    targets = {}
    for name, spec in raw.items():
        if not (isinstance(name, str) and NAME.match(name)) or not isinstance(spec, dict):
            raise ValueError(bad(name, "名称只用字母、数字、- 和 _，内容是字典", "a name of letters and digits, and a dict"))
        kind = spec.get("type")
        fields = {"ssh": SSH_FIELDS, "rclone": RCLONE_FIELDS}.get(kind)
        if fields is None:
            raise ValueError(bad(name, f"type 应是 \"ssh\"（自有服务器）或 \"rclone\"（对象存储），现为 {kind!r}", "unknown type"))
        unknown = sorted(set(spec) - fields)
        if unknown:
            raise ValueError(bad(name, f"不认识的设置 {', '.join(unknown)}；可用：{', '.join(sorted(fields))}", "unknown field"))
        targets[name] = server_target(name, spec, settings["DEPLOY_KEEP_RELEASES"]) if kind == "ssh" else storage_target(name, spec)
    return targets
