"""Build a content folder with the project's settings, as an editor or CI would, and read the result."""

import subprocess
import sys
import textwrap
from pathlib import Path

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))


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
