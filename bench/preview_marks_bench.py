"""What the live preview's wording marks cost a page load: on the demo's largest page, and the first
load after a change (the stories' files looked at again) at the demo's size and at STORIES copies.

    python -m bench.preview_marks_bench [STORIES]

The demo is built into a temporary folder; the copies are the demo's stories under new slugs.
"""

import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from preview.wording import WordingMarks

ROOT = Path(__file__).resolve().parent.parent


def milliseconds(action, rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        action()
    return (time.perf_counter() - started) / rounds * 1e3


def copies(content: Path, count: int) -> None:
    """`count` more stories in `content`, the demo's own under new slugs."""
    stories = [path.read_text(encoding="utf-8") for path in sorted((content / "articles").glob("*.md"))]
    for number in range(count):
        text = stories[number % len(stories)]
        (content / "articles" / f"copy-{number:05d}.md").write_text(f"Slug: copy-{number:05d}\n{text}", encoding="utf-8")


def measured(content: Path, route: str, page: bytes) -> str:
    """Start-up, a page load, and the first load after a change, in words."""
    marks = WordingMarks(ROOT / "pelicanconf.py", content)
    started = time.perf_counter()
    marks.warm_up()
    warm_up = time.perf_counter() - started
    load = milliseconds(lambda: marks.page(route, page), 200)

    def after_a_change() -> None:
        marks.stale()
        marks.page(route, page)

    changed = milliseconds(after_a_change, 5)
    return (f"start-up {warm_up:.2f} s; {route} ({len(page) / 1024:.0f} KB) marked in {load:.2f} ms a load, "
            f"{changed:.1f} ms the first load after a change")


def main() -> None:
    more = int(sys.argv[1]) if len(sys.argv) > 1 else 5000
    with tempfile.TemporaryDirectory() as folder:
        output, content = Path(folder) / "output", Path(folder) / "content"
        subprocess.run([sys.executable, "-m", "pelican", "content", "-s", "pelicanconf.py", "-o", str(output)],
                       cwd=ROOT, check=True, capture_output=True)
        largest = max(output.rglob("*.html"), key=lambda path: path.stat().st_size)
        route, page = "/" + largest.relative_to(output).as_posix(), largest.read_bytes()
        shutil.copytree(ROOT / "content", content)
        for label, extra in (("the demo", 0), (f"{more} more stories", more)):
            copies(content, extra)
            print(f"{label}: {measured(content, route, page)}")

if __name__ == "__main__":
    main()
