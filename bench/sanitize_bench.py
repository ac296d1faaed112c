"""What the body sanitizer (plugins/editorial/active.py) costs a build, per story.

    python -m bench.sanitize_bench [--rounds 2000]

Each demo story's body, as Markdown makes it, through nh3's clean (every body, always) and the
naming of what went (a quick screen; html.parser only where it finds something), timed apart.
"""

import argparse
import time
from pathlib import Path

import markdown

from plugins.editorial.active import clean, removed_parts

ROOT = Path(__file__).resolve().parent.parent


def bodies() -> list[str]:
    return [markdown.markdown(path.read_text(encoding="utf-8").split("\n\n", 1)[1]) for path in sorted((ROOT / "content").rglob("*.md"))]


def per_story(step, html: list[str], rounds: int) -> float:
    started = time.perf_counter()
    for _ in range(rounds):
        for body in html:
            step(body)
    return (time.perf_counter() - started) / (rounds * len(html))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=2000)
    rounds = parser.parse_args().rounds
    html = bodies()
    size = sum(len(body.encode()) for body in html) / len(html)
    for name, step in (("clean (nh3)", clean), ("naming what went", removed_parts)):
        seconds = per_story(step, html, rounds)
        print(f"{name}: {seconds * 1e6:.0f} µs per story ({size:.0f} bytes of HTML on average); {seconds * 1e4:.2f} s at 10,000 stories")


if __name__ == "__main__":
    main()
