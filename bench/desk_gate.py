"""What the desk's gate costs on each change of the story being written, at an archive's size.

    python -m bench.desk_gate [--stories 2000]

Writes a generated archive (bench.corpus), then checks one story against it as the desk's server
does (desk/gate.py): the first check reads every story; later ones read only what changed.
"""

import argparse
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from checks.settings import site_settings
from desk.gate import Archive, findings

ROOT = Path(__file__).resolve().parent.parent
STORY = "Title: 铁东区开展法治宣传进社区活动\nDate: 2026-11-26 09:00\nCategory: 政务\n\n活动以案释法，引导居民理解全面依法制国的要求。\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    stories = parser.parse_args().stories
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder) / "content"
        write_corpus(content, stories, 1)
        settings = site_settings(ROOT / "pelicanconf.py", content)
        archive = Archive()
        times = []
        for _ in range(4):
            started = time.perf_counter()
            found = findings(settings, content, "articles/x.md", STORY, {}, archive)
            times.append(time.perf_counter() - started)
    print(f"{stories} stories: first check {times[0]:.2f} s, then {min(times[1:]):.2f} s; findings {[one.rule for one in found]}")


if __name__ == "__main__":
    main()
