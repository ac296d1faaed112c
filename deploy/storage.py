"""An upload to object storage (Aliyun OSS, Tencent COS, any S3, or anything rclone speaks) in a safe order.

A bucket has no symlink to switch, so the order does the work: first the files named by their
content (new names nothing links to yet), then the other files, then the pages and the files
that name others; what the build no longer has is deleted only once every upload succeeded, and
a file named by its content one deploy later still. A reader may get a new page or an old one
while it runs, or an old one loaded before it, each with every file it needs.

Which files changed is known from a manifest kept in the bucket (`.deploy-manifest.json`, path →
sha256), not from sizes and times, which some remotes cannot keep. Before uploading, the manifest
marks the files about to change as unknown, so an upload that fails half way leaves them to be
sent again, and still lists what is to be deleted. Only files the manifest lists are ever deleted.
"""

import json
from dataclasses import dataclass

from .files import TIERS, tier

MANIFEST = ".deploy-manifest.json"


@dataclass
class StoragePlan:
    uploads: list[list[str]]  # one list per tier, in upload order
    deletions: list[str]
    pending: dict[str, str]  # the manifest while uploading: files about to change as "" (unknown), the rest as they are
    manifest: dict[str, str]  # the manifest once everything is up

    @property
    def changes(self) -> int:
        return sum(map(len, self.uploads)) + len(self.deletions)


def storage_plan(local: dict[str, str], manifest: dict[str, str] | None, remote_files: set[str]) -> StoragePlan:
    """What to upload, tier by tier, and what to delete after, to make the remote hold `local`.

    A file named by its content that the new build no longer has stays one deploy longer (KEPT in
    the manifest): a page of the last build, loaded a moment before, still gets it. Any other file
    the build no longer has (a page taken down) goes at once.
    """
    known = manifest or {}
    changed = sorted(path for path, digest in local.items() if bare(known.get(path, "")) != digest or path not in remote_files)
    uploads = [[path for path in changed if tier(path, local[path]) == number] for number in range(len(TIERS))]
    # Only what an earlier deploy put there: a bucket or prefix may hold files that are not ours.
    gone = (set(known) & remote_files) - set(local) - {MANIFEST}
    kept = {path for path in gone if not known[path].startswith(KEPT) and tier(path, known[path]) == 0}
    deletions = sorted(gone - kept)
    unchanged = set(local) - set(changed)
    pending = {path: known[path] for path in [*unchanged, *gone]} | {path: "" for path in changed}
    return StoragePlan(uploads, deletions, pending, dict(local) | {path: KEPT + known[path] for path in kept})


# A manifest entry's digest when the file stays for one more deploy only.
KEPT = "kept:"


def bare(digest: str) -> str:
    return digest.removeprefix(KEPT)


def read_manifest(text: str) -> dict[str, str] | None:
    """The manifest's entries, or None when it is missing or unreadable (then every file is sent)."""
    try:
        entries = json.loads(text)
    except ValueError:
        return None
    if not isinstance(entries, dict) or not all(isinstance(v, str) for v in entries.values()):
        return None
    return entries


def manifest_text(entries: dict[str, str]) -> str:
    return json.dumps(entries, ensure_ascii=False, indent=0, sort_keys=True) + "\n"


def rclone_copy(output: str, remote: str, list_file: str, header: str) -> list[str]:
    """rclone copying exactly the listed files (one tier: one Cache-Control `header`), whatever the remote holds."""
    return [
        "rclone", "copy", output, remote, "--files-from-raw", list_file, "--no-check-dest", "--no-traverse",
        "--header-upload", f"Cache-Control: {header}", "--retries", "1", "-v",
    ]


def rclone_delete(remote: str, list_file: str) -> list[str]:
    return ["rclone", "delete", remote, "--files-from-raw", list_file, "--retries", "1", "-v"]


def rclone_write_manifest(remote: str) -> list[str]:
    """rclone writing the manifest from its standard input."""
    return ["rclone", "rcat", f"{remote}/{MANIFEST}", "--header-upload", "Cache-Control: no-cache"]


def rclone_failures(log: str) -> list[str]:
    """rclone's ERROR lines, without their time stamps: each names the file that failed."""
    return [line.split("ERROR : ", 1)[1].strip() for line in log.splitlines() if "ERROR : " in line]
