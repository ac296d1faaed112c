"""A release on a press office's own server: upload beside the live site, then switch in one step.

Layout on the server, under the target's path:

    releases/20261129T081500Z/         one folder per deploy, the site as built
    releases/20261129T081500Z.assets   the files of that build named by their content
    current -> releases/20261129T081500Z

The web server's root is `current`. A deploy uploads into `releases/<id>.partial`, hard-linking
files unchanged since the live release, so a failed upload never touches what readers see; it
then renames the folder and replaces the `current` symlink with rename(2), which is atomic: a
request is served wholly from the old release or wholly from the new one. The new release also
keeps the live release's content-named assets, so a page loaded a moment before the switch still
gets the stylesheet and pictures it names.
"""

import shlex
from datetime import datetime, timezone

from .settings import ServerTarget

RELEASE_FORMAT = "%Y%m%dT%H%M%SZ"
RELEASE_NAME = r"^[0-9]{8}T[0-9]{6}Z(-[0-9]{2})?$"  # for grep -E on the server
# What a file server should be allowed to do with the files, whatever the build folder's modes.
PERMISSIONS = "--chmod=D755,F644"

# One deploy or rollback at a time on a target: mkdir is atomic, and the folder says who holds it.
# The holder releases it (FINISH, ROLLBACK, or UNLOCK after a failure); a second one waits up to
# $wait seconds (the target's lock_wait), then says who holds it and since when (exit 5).
LOCK = """lock="$base/.deploy.lock" waited=0
while ! mkdir "$lock" 2>/dev/null; do
  if [ "$waited" -ge "$wait" ]; then
    echo "locked $(cat "$lock/holder" 2>/dev/null || echo unknown)"; exit 5
  fi
  sleep 1; waited=$((waited + 1))
done
echo "$holder" > "$lock/holder"
"""

PREPARE = f"""set -eu
base=$1 dry=${{2:-}} holder=${{3:-}} wait=${{4:-0}}
if [ -z "$dry" ]; then
  mkdir -p "$base/releases"
{LOCK}  rm -rf "$base/releases/"*.partial
fi
current=$(readlink "$base/current" 2>/dev/null || true)
echo "${{current##*/}}"
ls -1 "$base/releases" 2>/dev/null || true
"""

UNLOCK = 'rm -rf "$1/.deploy.lock"'

FINISH = f"""set -eu
base=$1 id=$2 current=$3 keep=$4
trap 'rm -rf "$base/.deploy.lock"' EXIT
cd "$base/releases"
cat > "$id.assets"
if [ -n "$current" ] && [ -f "$current.assets" ]; then
  while IFS= read -r file; do
    if [ ! -e "$id.partial/$file" ] && [ -f "$current/$file" ]; then
      mkdir -p "$id.partial/$(dirname "$file")"
      ln "$current/$file" "$id.partial/$file"
    fi
  done < "$current.assets"
fi
mv "$id.partial" "$id"
if [ -n "$current" ]; then ln -sfn "releases/$current" "$base/previous"; fi
ln -sfn "releases/$id" "$base/current.new"
mv -T "$base/current.new" "$base/current"
echo "live $id"
# The new release is live: tidying up may fail without failing the deploy. `keep` counts the new
# release and the one it replaced first, then the newest others.
others=$((keep - 1)); if [ -n "$current" ]; then others=$((keep - 2)); fi  # keep is 2 or more
ls -1 | grep -E '{RELEASE_NAME}' | grep -v -x -F -e "$id" -e "${{current:-$id}}" | sort -r | tail -n +$((others + 1)) | while IFS= read -r old; do
  rm -rf "$old" "$old.assets" && echo "removed $old"
done || true
"""

# Back to the release the live one replaced (`previous`, set by FINISH), whatever the names' order;
# once: the link is removed, so a second rollback says there is nothing to go back to.
ROLLBACK = f"""set -eu
base=$1 holder=$2 wait=$3
{LOCK}trap 'rm -rf "$base/.deploy.lock"' EXIT
current=$(readlink "$base/current" 2>/dev/null || true)
current=${{current##*/}}
if [ -z "$current" ]; then echo "no live release"; exit 3; fi
previous=$(readlink "$base/previous" 2>/dev/null || true)
previous=${{previous##*/}}
if [ -z "$previous" ] || [ "$previous" = "$current" ] || [ ! -d "$base/releases/$previous" ]; then
  echo "no release before $current"; exit 4
fi
# A page of the live release, loaded a moment before the switch, still gets the files it names.
cd "$base/releases"
if [ -f "$current.assets" ]; then
  while IFS= read -r file; do
    if [ ! -e "$previous/$file" ] && [ -f "$current/$file" ]; then
      mkdir -p "$previous/$(dirname "$file")"
      ln "$current/$file" "$previous/$file"
    fi
  done < "$current.assets"
fi
ln -sfn "releases/$previous" "$base/current.new"
mv -T "$base/current.new" "$base/current"
rm -f "$base/previous"
echo "live $previous"
echo "was $current"
"""


def release_id(now: datetime, taken: set[str] = frozenset()) -> str:
    """A new release's name from the time (UTC), so names sort by age; -02, -03… within one second."""
    name = now.astimezone(timezone.utc).strftime(RELEASE_FORMAT)
    number = 2
    while name in taken or f"{name}.partial" in taken:
        name, number = f"{name[:16]}-{number:02d}", number + 1
    return name


def ssh_command(target: ServerTarget, key_file: str = "", known_hosts_file: str = "") -> list[str]:
    """ssh with no prompt: a key and host key from the environment when given, else the machine's own."""
    command = ["ssh", "-p", str(target.port), "-o", "BatchMode=yes", "-o", "ConnectTimeout=20"]
    if key_file:
        command += ["-i", key_file, "-o", "IdentitiesOnly=yes"]
    if known_hosts_file:
        command += ["-o", f"UserKnownHostsFile={known_hosts_file}", "-o", "StrictHostKeyChecking=yes"]
    return command


def remote_script(ssh: list[str], target: ServerTarget, script: str, *args: str) -> list[str]:
    """ssh running a POSIX shell script on the server with its arguments (the remote shell parses one string)."""
    return [*ssh, target.login, "--", shlex.join(["sh", "-c", script, "sh", *args])]


def rsync_upload(ssh: list[str], target: ServerTarget, output: str, release: str, live: str, dry_run: bool = False) -> list[str]:
    """rsync the build into releases/<release>.partial, hard-linking what the live release already has.

    With `dry_run`, compare with the live release instead and list each change (--itemize-changes).
    """
    # --no-times: a rebuilt file has a new mtime, and rsync links an unchanged one only if times need not match.
    # Dotfiles (the publish marker, anything hidden) are not the site's: never sent, and --delete leaves the server's alone.
    command = ["rsync", "--archive", "--no-times", "--checksum", "--delete", "--exclude=.*", PERMISSIONS, "-e", shlex.join(ssh)]
    if target.rsync_path:
        command.append(f"--rsync-path={target.rsync_path}")
    if dry_run:
        folder = f"{target.path}/current/" if live else f"{target.path}/releases/{release}.partial/"
        return [*command, "--dry-run", "--itemize-changes", f"{output.rstrip('/')}/", f"{target.login}:{folder}"]
    if live:
        command.append(f"--link-dest=../{live}")
    return [*command, f"{output.rstrip('/')}/", f"{target.login}:{target.path}/releases/{release}.partial/"]


# rsync's exit statuses (its manual, EXIT VALUES) that can end an upload, in plain words: when the
# server's rsync is stopped before its own error line reaches us (a full disk, a quota), the status
# is all there is to go on.
RSYNC_EXITS = {
    10: "无法与服务器上的 rsync 通信 (error in socket I/O)",
    11: "服务器上写文件出错，可能磁盘已满或超出配额 (error in file I/O: disk full or over quota?)",
    12: "传输中断 (error in the rsync protocol data stream)",
    23: "部分文件未能传输 (partial transfer due to error)",
    30: "传输超时 (timeout in data send/receive)",
}


def rsync_exit(status: int) -> str:
    """An rsync exit status in words an editor can act on."""
    return f"{RSYNC_EXITS[status]}, exit {status}" if status in RSYNC_EXITS else f"exit {status}"


def itemized_changes(rsync_output: str) -> tuple[list[str], list[str]]:
    """(files rsync would send, files it would delete) from --itemize-changes lines."""
    sent, deleted = [], []
    for line in rsync_output.splitlines():
        if line.startswith("*deleting "):
            path = line.removeprefix("*deleting ").strip()
            if not path.endswith("/"):
                deleted.append(path)
        elif line[:2] in ("<f", ">f"):
            sent.append(line.split(" ", 1)[1])
    return sent, deleted
