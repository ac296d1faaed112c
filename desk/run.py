"""invoke desk: the desk's server, Decap's local git proxy on the repository, and the live preview
beside them, until Ctrl-C (or SIGTERM); the children are stopped with it."""

import json
import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from .config import site_problems
from .server import HERE, Desk, serve, site_of

PROXY = HERE / "proxy.js"
DECAP_SERVER = HERE / "node_modules" / "decap-server" / "dist" / "middlewares.js"
PROXY_START_SECONDS = 30
# Who the desk's commits are by when git has no name configured (a fresh office machine).
DESK_AUTHOR = {"GIT_AUTHOR_NAME": "编辑台", "GIT_AUTHOR_EMAIL": "desk@localhost",
               "GIT_COMMITTER_NAME": "编辑台", "GIT_COMMITTER_EMAIL": "desk@localhost"}


def git(root: Path, *arguments: str) -> str:
    """git's answer in the repository at `root` ("" when it fails)."""
    return subprocess.run(["git", "-C", str(root), *arguments], capture_output=True, text=True).stdout.strip()


def refusal(root: Path, branch: str = "main") -> str:
    """Why the desk cannot work on this repository, in one line; "" when it can."""
    if shutil.which("node") is None or not DECAP_SERVER.is_file():
        return "编辑台需要 Node.js 和 desk/node_modules：请运行 ./pressroom desk（会自动安装） (the desk needs node and desk/node_modules)"
    if git(root, "rev-parse", "--is-inside-work-tree") != "true":
        return f"{root} 不是 git 仓库：编辑台的送审、发布都是 git 的分支和合并 (not a git repository)"
    if not git(root, "rev-parse", "--verify", "--quiet", f"refs/heads/{branch}"):
        return f"仓库里没有分支 {branch}：请在 pelicanconf.py 的 DESK_BRANCH 写发布用的分支 (no branch {branch}: set DESK_BRANCH)"
    # Decap's git proxy switches branches, and commits every file git does not ignore with a story.
    changed = git(root, "-c", "core.quotePath=false", "status", "--porcelain", "--untracked-files=all")
    if changed:
        first = changed.splitlines()[0][3:]
        return (f"仓库里有尚未提交的修改或新文件（如 {first}）：编辑台送审、发布时要切换分支，并会把新文件一起提交；"
                "请先提交或删除 (uncommitted changes or new files: commit or remove them first)")
    return ""


def proxy_environment(root: Path, port: int) -> dict[str, str]:
    """decap-server's settings: git mode on this repository, on loopback, and who commits."""
    environment = {**os.environ, "PORT": str(port), "GIT_REPO_DIRECTORY": str(root), "LOG_LEVEL": "warn"}
    if not git(root, "config", "user.email"):
        environment.update(DESK_AUTHOR)
    return environment


def proxy_ready(port: int, proxy: subprocess.Popen) -> bool:
    """Wait until the proxy answers for the repository (False when it stopped, or never answered)."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1", data=json.dumps({"action": "info"}).encode(),
                                     headers={"Content-Type": "application/json"})
    deadline = time.monotonic() + PROXY_START_SECONDS
    while time.monotonic() < deadline and proxy.poll() is None:
        try:
            with urllib.request.urlopen(request, timeout=2) as answer:
                return json.loads(answer.read()).get("type") == "local_git"
        except OSError:
            time.sleep(0.2)
    return False


def stop(children: list[subprocess.Popen]) -> None:
    """Stop each child and whatever it started (each runs in a process group of its own)."""
    for child in children:
        if child.poll() is None:
            os.killpg(child.pid, signal.SIGTERM)
    for child in children:
        try:
            child.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.wait()


def run(settings_file: str, content: str, host: str, port: int, proxy_port: int, preview: list[str]) -> int:
    """Start the desk, its proxy and the preview; serve until stopped. 0, or 1 with one line saying why not."""
    root = Path(git(Path(content), "rev-parse", "--show-toplevel") or ".").resolve()
    desk = Desk(Path(settings_file), Path(content), root, f"http://127.0.0.1:{proxy_port}/api/v1")
    site = site_of(desk.settings(), desk.content, root, desk.proxy)
    # With a forge (DESK_BACKEND) the desk works through it: no local proxy, no branches switched here.
    problems = site_problems(site) or ([refusal(root, site.branch)] if not site.backend else [])
    if any(problems):
        print("\n".join(filter(None, problems)), file=sys.stderr)
        return 1
    try:
        server = serve(desk, host, port)
    except OSError as problem:
        print(f"端口 {port} 无法使用（{problem.strerror}）：编辑台可能已经开着，或请用 --port 换一个 (port {port} in use)", file=sys.stderr)
        return 1
    signal.signal(signal.SIGTERM, signal.default_int_handler)  # stopped like Ctrl-C: the children stop too
    children: list[subprocess.Popen] = []
    try:
        if not site.backend:
            children.append(subprocess.Popen(["node", str(PROXY)], cwd=HERE, env=proxy_environment(root, proxy_port), start_new_session=True))
            if not proxy_ready(proxy_port, children[-1]):
                print(f"编辑台的 git 代理没有启动（端口 {proxy_port} 可能被占用，可用 --proxy-port 换一个） (the desk's git proxy did not start)", file=sys.stderr)
                return 1
        if preview:
            children.append(subprocess.Popen(preview, start_new_session=True))
        print(f"编辑台 The desk: http://{host}:{port}/admin/ (Ctrl-C 停止)", file=sys.stderr, flush=True)
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
        stop(children)
    return 0
