"""What the wording check costs: per story after start-up, and at 10,000 stories.

    python -m bench.wording_bench [CORPUS]

Every line readers see in each story (the demo's, or a real-news corpus as bench.gate_precision
reads it), through the wording finder: one compiled pattern of wrong forms, one of the protected
expressions one character off. Start-up (the tables, and jieba's dictionary when a near run needs
it) is timed apart.
"""

import sys
import time
from pathlib import Path

from checks.wording.find import dictionary, finder
from checks.wording.rule import COMMON, PROJECT
from checks.wording.table import load_tables

ROOT = Path(__file__).resolve().parent.parent


def texts(corpus: Path | None) -> list[str]:
    if corpus:
        from bench.gate_precision import read_corpus

        return ["\n".join([story.headline, *story.before, *story.after]) for story in read_corpus(corpus)]
    return [path.read_text(encoding="utf-8") for path in sorted((ROOT / "content").rglob("*.md"))]


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    started = time.perf_counter()
    search = finder(load_tables([COMMON, PROJECT / "wording.txt"]))
    dictionary()
    startup = time.perf_counter() - started
    stories = texts(corpus)
    rounds = max(1, 2000 // len(stories))
    started = time.perf_counter()
    for _ in range(rounds):
        for text in stories:
            for line in text.splitlines():
                search.hits(line)
    per_story = (time.perf_counter() - started) / (rounds * len(stories))
    size = sum(len(text) for text in stories) / len(stories)
    print(f"start-up {startup:.2f} s; {per_story * 1e3:.2f} ms per story ({size:.0f} characters on average); "
          f"{per_story * 1e4:.1f} s at 10,000 stories")


if __name__ == "__main__":
    main()
