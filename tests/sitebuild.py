"""Build a content folder with the project's settings, as an editor or CI would, and read the result."""

import io
import subprocess
import sys
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup
from PIL import Image

ROOT = Path(__file__).resolve().parent.parent


class Site:
    """A built site: its folder and the parsed pages in it."""

    def __init__(self, output: Path, log: str):
        self.output = output
        self.log = log

    def html(self, path: str) -> BeautifulSoup:
        """Parse one built page, given its path inside the output folder."""
        return BeautifulSoup((self.output / path).read_text(encoding="utf-8"), "html.parser")

    def pages(self, pattern: str = "**/*.html") -> list[Path]:
        """All built pages matching `pattern`, sorted."""
        return sorted(self.output.glob(pattern))


def run_pelican(content: Path, output: Path, settings: str = "pelicanconf.py", *extra: str, env=None):
    """Run `pelican CONTENT -s SETTINGS -o OUTPUT` from the repository root; return the process."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", settings, "-o", str(output), *extra]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=env)


def write_files(root: Path, files: dict[str, str | bytes]) -> Path:
    """Write a content folder from a {relative path: text or bytes} table."""
    for relative, data in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data).lstrip(), encoding="utf-8")
    return root


def build(root: Path, files: dict[str, str | bytes], *extra: str) -> Site:
    """Write `files` into root/content and build it into root/output; fail with Pelican's log if it fails."""
    content = write_files(root / "content", files)
    process = run_pelican(content, root / "output", "pelicanconf.py", *extra)
    assert process.returncode == 0, process.stdout + process.stderr
    return Site(root / "output", process.stdout + process.stderr)


def build_once(tmp_path_factory, name: str, files: dict[str, str | bytes]) -> Site:
    """Build `files` in a new temporary folder named after `name`: for a module- or session-scoped fixture."""
    return build(tmp_path_factory.mktemp(name), files)


def jpeg(width: int = 1200, height: int = 800) -> bytes:
    """A real JPEG file of the given size."""
    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (190, 60, 40)).save(buffer, "JPEG", quality=80)
    return buffer.getvalue()


def text(tag) -> str:
    """A tag's text as a reader sees it: pieces joined by one space, trimmed."""
    return tag.get_text(" ", strip=True)
