"""A throwaway copy of this repository for the editing desk (invoke desk switches branches and
commits, so it never runs on the checkout itself), and a photo to upload to it: for the desk's
browser tests and its screenshots."""

import shutil
import subprocess
from pathlib import Path

from PIL import Image, ImageDraw

ROOT = Path(__file__).resolve().parent.parent
DECAP = ROOT / "desk" / "node_modules"


def git(folder: Path, *arguments: str) -> str:
    """git's answer in `folder`; a failure raises."""
    return subprocess.run(["git", "-C", str(folder), *arguments], check=True, capture_output=True, text=True).stdout.strip()


def repository_copy(target: Path, author: str) -> Path:
    """The checkout's files as they are now (committed or not), as a new repository on main."""
    listed = subprocess.run(["git", "-C", str(ROOT), "ls-files", "-co", "--exclude-standard", "-z"],
                            check=True, capture_output=True).stdout.decode().split("\0")
    for name in filter(None, listed):
        source = ROOT / name
        if source.is_file() and not source.is_symlink():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    (target / "desk" / "node_modules").symlink_to(DECAP.resolve())  # ignored by git, as in a checkout
    git(target, "init", "-q", "-b", "main")
    git(target, "add", "-A")
    git(target, "-c", f"user.name={author}", "-c", "user.email=desk@localhost", "commit", "-q", "-m", "站点")
    return target


def photo(folder: Path) -> Path:
    """A real JPEG, as a camera's would be after the office resized it."""
    image = Image.new("RGB", (1600, 1067), (214, 200, 170))
    draw = ImageDraw.Draw(image)
    for row in range(6):
        draw.rectangle((80 + row * 240, 500, 260 + row * 240, 1000), fill=(40 + row * 30, 60, 120))
    draw.rectangle((0, 0, 1600, 300), fill=(180, 30, 30))
    path = folder / "tuijinhui.jpg"
    image.save(path, "JPEG", quality=85)
    return path
