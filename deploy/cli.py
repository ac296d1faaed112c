"""`invoke deploy` and `invoke rollback`: run rsync, ssh and rclone for each target, and say what happened.

Every message names the target, Chinese first with English beside; a failure says which step or
file failed and that the live site is as it was, and the exit status is 1.
"""

import argparse
import getpass
import os
import socket
import subprocess
import sys
import tempfile
import time
import uuid
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from checks.settings import load_settings

from .files import TIERS, cache_control, is_immutable, site_files
from .server import FINISH, PREPARE, ROLLBACK, UNLOCK, itemized_changes, release_id, remote_script, rsync_exit, rsync_upload, ssh_command
from .settings import ServerTarget, StorageTarget, parse_targets
from .storage import MANIFEST, manifest_text, rclone_copy, rclone_delete, rclone_failures, rclone_write_manifest, read_manifest, storage_plan

ROOT = Path(__file__).resolve().parent.parent
LISTED = 20  # files named one by one in a dry run's list, per kind
LOCK_OBJECT = ".deploy-lock"  # beside the manifest, in the target's private state path
LOCK_SETTLE = 1.0  # seconds between writing the lock and reading it back


class DeployError(Exception):
    """A step that failed, in one line an editor or CI log reader can act on."""


def run(command: list[str], failed: str, stdin: str = "", allowed: tuple[int, ...] = (0,)) -> subprocess.CompletedProcess:
    """Run a command; DeployError naming the step (`failed`) and the tool's own first error line."""
    try:
        process = subprocess.run(command, input=stdin, capture_output=True, text=True, errors="replace")
    except FileNotFoundError:
        raise DeployError(f"{failed}：找不到命令 {command[0]}，请先安装 (apt-get install {command[0]}) (command not found)") from None
    if process.returncode not in allowed:
        # rclone's NOTICE lines (no rclone.conf, as in CI) say nothing about what failed.
        said = rclone_failures(process.stderr) or [line for line in process.stderr.splitlines() if line.strip() and "NOTICE:" not in line]
        silent = rsync_exit(process.returncode) if command[0] == "rsync" else f"exit {process.returncode}"
        raise DeployError(f"{failed}：{said[0] if said else silent}")
    return process


@contextmanager
def ssh_credentials(target: ServerTarget):
    """(key file, known_hosts file) written from the environment for this run only, or "" for ssh's own."""
    with tempfile.TemporaryDirectory(prefix="pressroom-ssh-") as folder:
        files = []
        for variable, name in ((target.key_env, "key"), (target.known_hosts_env, "known_hosts")):
            text = os.environ.get(variable, "")
            path = ""
            if text.strip():
                path = os.path.join(folder, name)
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
                with os.fdopen(descriptor, "w") as out:
                    out.write(text.strip() + "\n")
            files.append(path)
        yield files


def holder() -> str:
    """Who takes a target's lock, as the next deploy will read it: user@host, pid, when (UTC)."""
    who = os.environ.get("GITHUB_ACTIONS") and f"CI run {os.environ.get('GITHUB_RUN_ID', '?')}" or f"{getpass.getuser()}@{socket.gethostname()}"
    return f"{who} pid {os.getpid()} {datetime.now(timezone.utc):%Y-%m-%d %H:%M:%S} UTC"


def locked(where: str, target: ServerTarget, said: str) -> str:
    """The line for a target another deploy or rollback holds."""
    holder_line = said.split("locked ", 1)[-1].strip() or "unknown"
    return (
        f"{where}: 另一次部署或回滚正在进行（{holder_line}），等了 {target.lock_wait} 秒仍未结束，线上网站未改变；"
        f"若确认它已中断，在服务器上删除 {target.path}/.deploy.lock 后重试 (another deploy holds the lock: {holder_line})"
    )


def listed(kind: str, paths: list[str]) -> list[str]:
    shown = [f"  {kind} {path}" for path in paths[:LISTED]]
    return shown + ([f"  … 另有 {len(paths) - LISTED} 个 ({len(paths) - LISTED} more)"] if len(paths) > LISTED else [])


def deploy_server(target: ServerTarget, output: Path, dry_run: bool) -> list[str]:
    """Upload a new release beside the live one and switch to it; or, dry, list what would change."""
    with ssh_credentials(target) as (key, known_hosts):
        ssh = ssh_command(target, key, known_hosts)
        where = f"{target.name} ({target.login}:{target.path})"
        prepared = run(remote_script(ssh, target, PREPARE, target.path, "dry" if dry_run else "", holder(), str(target.lock_wait)),
                       f"{where}: 无法连接或准备服务器，线上网站未改变 (cannot prepare the server)", allowed=(0, 5))
        if prepared.returncode == 5:
            raise DeployError(locked(where, target, prepared.stdout))
        live, *existing = prepared.stdout.split("\n")
        release = release_id(datetime.now(timezone.utc), set(existing))
        if dry_run:
            changes = run(rsync_upload(ssh, target, str(output), release, live, dry_run=True), f"{where}: rsync 比较失败 (rsync dry run failed)").stdout
            sent, deleted = itemized_changes(changes)
            return [
                f"{where}: 试运行，将上传 {len(sent)} 个文件、删除 {len(deleted)} 个，线上版本 {live or '无'} (dry run: {len(sent)} to upload, {len(deleted)} to delete)",
                *listed("上传", sent), *listed("删除", deleted),
            ]
        try:
            run(rsync_upload(ssh, target, str(output), release, live), f"{where}: 上传失败，线上网站未改变 (upload failed; the live site is unchanged)")
        except DeployError:
            subprocess.run(remote_script(ssh, target, f"rm -rf \"$1/releases/$2.partial\"; {UNLOCK}", target.path, release), capture_output=True)
            raise
        assets = "".join(f"{path}\n" for path, digest in site_files(output).items() if is_immutable(path, digest))
        said = run(
            remote_script(ssh, target, FINISH, target.path, release, live, str(target.keep)),
            f"{where}: 切换版本失败，线上仍是 {live or '原来的网站'} (switching failed)", stdin=assets,
        ).stdout.split("\n")
        removed = [line.removeprefix("removed ") for line in said if line.startswith("removed ")]
        return [
            f"{where}: 已上线版本 {release}，上一版本 {live or '无'}"
            f"{f'，清理旧版本 {len(removed)} 个' if removed else ''} (live: {release}; previous: {live or 'none'})"
        ]


def rollback_server(target: ServerTarget) -> list[str]:
    with ssh_credentials(target) as (key, known_hosts):
        ssh = ssh_command(target, key, known_hosts)
        where = f"{target.name} ({target.login}:{target.path})"
        process = run(remote_script(ssh, target, ROLLBACK, target.path, holder(), str(target.lock_wait)),
                      f"{where}: 回滚失败 (rollback failed)", allowed=(0, 3, 4, 5))
        if process.returncode == 5:
            raise DeployError(locked(where, target, process.stdout))
        lines = dict(line.split(" ", 1) for line in process.stdout.splitlines() if " " in line)
        if process.returncode == 3:
            raise DeployError(f"{where}: 服务器上还没有上线的版本，无法回滚 (nothing deployed yet)")
        if process.returncode == 4:
            raise DeployError(f"{where}: 没有比当前版本更早的版本可回滚 (no earlier release to roll back to)")
        return [f"{where}: 已回滚到版本 {lines['live']}（原为 {lines['was']}）(rolled back to {lines['live']})"]


def remote_listing(target: StorageTarget, where: str) -> set[str]:
    """Every file under the remote path; empty when the path does not exist yet (rclone's exit status 3)."""
    process = run(["rclone", "lsf", "-R", "--files-only", target.remote], f"{where}: 无法读取远端文件列表 (cannot list the remote)", allowed=(0, 3))
    return set(process.stdout.splitlines()) if process.returncode == 0 else set()


@contextmanager
def bucket_lock(target: StorageTarget, where: str):
    """Hold the bucket's lock object while deploying: a second deploy waits, then says who holds it.

    A bucket has no atomic create-if-absent that every remote offers, so a deploy writes its own
    token and reads it back: of two that wrote at once, only the one whose token stayed goes on.
    """
    lock = f"{target.state}/{LOCK_OBJECT}"
    token = f"{holder()} {uuid.uuid4().hex}"
    wait = target.lock_wait
    deadline = time.monotonic() + wait
    while True:
        held = run(["rclone", "cat", lock], f"{where}: 无法读取部署锁 (cannot read the lock)", allowed=(0, 3, 4)).stdout.strip()
        if not held:
            run(["rclone", "rcat", lock], f"{where}: 无法写入部署锁，尚未上传任何文件 (cannot write the lock)", stdin=token + "\n")
            time.sleep(LOCK_SETTLE)
            held = run(["rclone", "cat", lock], f"{where}: 无法读取部署锁 (cannot read the lock)", allowed=(0, 3, 4)).stdout.strip()
            if held == token:
                break
        if time.monotonic() >= deadline:
            who = held.rsplit(" ", 1)[0] if held else "unknown"
            raise DeployError(
                f"{where}: 另一次部署正在进行（{who}），等了 {wait} 秒仍未结束，未上传任何文件；"
                f"若确认它已中断，删除 {lock} 后重试 (another deploy holds the lock: {who})"
            )
        time.sleep(1)
    try:
        yield
    finally:
        run(["rclone", "deletefile", lock], f"{where}: 部署已完成，但无法删除部署锁 {lock} (cannot remove the lock)", allowed=(0, 1, 3, 4))


def deploy_storage(target: StorageTarget, output: Path, dry_run: bool) -> list[str]:
    """Upload what changed, tier by tier, then delete what went; or, dry, list it."""
    where = f"{target.name} ({target.remote})"
    if dry_run:
        return storage_changes(target, output, where, dry_run)
    with bucket_lock(target, where):
        return storage_changes(target, output, where, dry_run)


def storage_changes(target: StorageTarget, output: Path, where: str, dry_run: bool) -> list[str]:
    remote = remote_listing(target, where)
    # The manifest lives in the target's private state path: none there yet is a first deploy.
    manifest = read_manifest(run(["rclone", "cat", f"{target.state}/{MANIFEST}"], f"{where}: 无法读取 {MANIFEST} (cannot read the manifest)", allowed=(0, 3, 4)).stdout)
    local = site_files(output)
    plan = storage_plan(local, manifest, remote)
    uploads = [path for paths in plan.uploads for path in paths]
    summary = f"将上传 {len(uploads)} 个文件、删除 {len(plan.deletions)} 个"
    if dry_run:
        return [f"{where}: 试运行，{summary} (dry run: {len(uploads)} to upload, {len(plan.deletions)} to delete)",
                *listed("上传", uploads), *listed("删除", plan.deletions)]
    if not plan.changes:
        return [f"{where}: 没有变化，无需上传 (nothing changed)"]
    write_manifest = rclone_write_manifest(target.state)
    run(write_manifest, f"{where}: 无法写入 {MANIFEST}，尚未上传任何文件 (cannot write the manifest; nothing uploaded)", stdin=manifest_text(plan.pending))
    with tempfile.TemporaryDirectory(prefix="pressroom-rclone-") as folder:
        for number, paths in enumerate(plan.uploads):
            if not paths:
                continue
            list_file = Path(folder, f"tier-{number}.txt")
            list_file.write_text("".join(f"{path}\n" for path in paths), encoding="utf-8")
            failed = f"{where}: 上传失败，未删除任何文件，重新部署会补传 (upload failed at “{TIERS[number]}”; nothing deleted)"
            header = cache_control(paths[0], local[paths[0]])  # one tier, one Cache-Control
            run(rclone_copy(str(output), target.remote, str(list_file), header), failed)
        if plan.deletions:
            list_file = Path(folder, "deletions.txt")
            list_file.write_text("".join(f"{path}\n" for path in plan.deletions), encoding="utf-8")
            run(rclone_delete(target.remote, str(list_file)), f"{where}: 新网站已全部上传，但删除旧文件失败 (all uploaded; deleting old files failed)")
    run(write_manifest, f"{where}: 已全部上传，但无法写入 {MANIFEST}，下次会全部重传 (uploaded; manifest not written)", stdin=manifest_text(plan.manifest))
    return [f"{where}: 已上传 {len(uploads)} 个文件，删除 {len(plan.deletions)} 个 ({len(uploads)} uploaded, {len(plan.deletions)} deleted)"]


def check_published(output: Path, settings: dict) -> None:
    """Only a strict publish build's output goes out: never one with drafts or stories dated later."""
    if not (output / "index.html").is_file():
        raise DeployError(f"{output} 中没有构建好的网站，请先 invoke publish (no built site)")
    marker = settings.get("STRICT_PUBLISHED_MARKER") or ".published"  # publishconf.py's, whatever the settings file
    if not (output / marker).is_file():
        raise DeployError(
            f"{output} 不是 invoke publish 的结果（可能含草稿或未到发布时间的稿件），未部署；请先 invoke publish，"
            f"或不加 --built (not made by a strict publish build: nothing deployed)"
        )


def chosen_targets(targets: dict, names: str) -> list:
    """The targets named (space or comma separated), or every target when none is."""
    wanted = [name for name in names.replace(",", " ").split() if name]
    unknown = [name for name in wanted if name not in targets]
    if unknown:
        raise DeployError(f"没有名为 {', '.join(unknown)} 的部署目标；DEPLOY_TARGETS 中有：{', '.join(targets) or '无'} (unknown target)")
    chosen = [targets[name] for name in wanted] if wanted else list(targets.values())
    if not chosen:
        raise DeployError("没有部署目标：请在 publishconf.py 中设置 DEPLOY_TARGETS (no deploy targets configured)")
    return chosen


def parse_arguments(argv: list[str] | None, rollback: bool) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="invoke rollback" if rollback else "invoke deploy", description=__doc__)
    parser.add_argument("--target", default="", help="部署目标名称，空格或逗号分隔；默认全部 (targets; default: all)")
    parser.add_argument("--settings", default=str(ROOT / "publishconf.py"), help="设置文件 (settings file)")
    if not rollback:
        parser.add_argument("--output", default=str(ROOT / "output"), help="已构建的网站 (the built site)")
        parser.add_argument("--dry-run", action="store_true", help="只列出将要上传和删除的文件 (list what would change)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, rollback: bool = False) -> int:
    arguments = parse_arguments(argv, rollback)
    try:
        settings = load_settings(Path(arguments.settings))
        targets = parse_targets(settings)
        if rollback and not arguments.target:  # object storage keeps no releases to go back to
            targets = {name: target for name, target in targets.items() if isinstance(target, ServerTarget)}
        targets = chosen_targets(targets, arguments.target)
        if not rollback:
            check_published(Path(arguments.output), settings)
        for target in targets:
            if rollback and isinstance(target, StorageTarget):
                raise DeployError(f"{target.name}: 对象存储没有可切换的版本；请检出上一版本重新部署 (object storage keeps no releases: deploy the previous commit)")
            if rollback:
                lines = rollback_server(target)
            elif isinstance(target, ServerTarget):
                lines = deploy_server(target, Path(arguments.output), arguments.dry_run)
            else:
                lines = deploy_storage(target, Path(arguments.output), arguments.dry_run)
            print("\n".join(lines), flush=True)
    except (DeployError, ValueError) as problem:
        print(f"错误: {problem}", file=sys.stderr)
        return 1
    return 0
