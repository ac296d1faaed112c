"""How often `invoke check` cries wolf on real published news, and what `--fix` would change there.

    python -m bench.gate_precision CORPUS [--list]

CORPUS is a folder of real articles as published, one paragraph (or line of print: a deck, a
byline, a subhead, a caption, a credit, a list row) per line, with SOURCES.tsv naming each one's
newsroom, address, date and headline line (tests/fixtures/real-news/SOURCES.tsv lists the corpus
this project measures on; the articles themselves are others' copyright and are not kept here).

Each article becomes a story as an editor would paste it: the headline as Title, the date, a
configured section, and every other line as a paragraph of its own, in order, so the byline,
decks, subheads and list rows stand where print put them. Every finding on professionally edited,
published copy is a false alarm unless reviewed as a true one (REVIEWED_TRUE in the test).
"""

import argparse
import csv
import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from checks.cli import SETTINGS, check_sources, read_all
from checks.duplicates import NEAR_SAME, runs_of, similar_pairs
from checks.fixes import Change, fix_source
from checks.report import Finding, format_finding, sorted_findings
from checks.settings import make_context, site_settings

BEIJING = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Story:
    name: str  # rmrb-003
    newsroom: str
    date: str  # YYYY-MM-DD
    headline: str
    before: tuple[str, ...]  # lines above the headline (引题)
    after: tuple[str, ...]  # every line below it


def read_corpus(folder: Path) -> list[Story]:
    """The corpus's stories, in SOURCES.tsv's order."""
    stories = []
    with open(folder / "SOURCES.tsv", encoding="utf-8", newline="") as table:
        for row in csv.DictReader(table, delimiter="\t"):
            lines = [line.strip() for line in (folder / row["file"]).read_text(encoding="utf-8").splitlines()]
            at = int(row["headline_line"]) - 1
            stories.append(Story(
                Path(row["file"]).stem, row["newsroom"], row["publication_date"][:10],
                lines[at], tuple(line for line in lines[:at] if line), tuple(line for line in lines[at + 1 :] if line),
            ))
    return stories


def as_markdown(story: Story, section: str) -> str:
    """The story as an editor pastes it into a new file: fields, a blank line, one paragraph a line."""
    header = f"Title: {story.headline}\nDate: {story.date} 08:00\nCategory: {section}\n"
    return header + "\n" + "\n\n".join([*story.before, *story.after]) + "\n"


@dataclass
class Copies:
    closest_others: float  # the most two different stories share (Jaccard of their runs)
    edited: list[float]  # each story against itself re-edited
    caught: int  # of those, how many reach NEAR_SAME


def re_edited(paragraphs: tuple[str, ...]) -> tuple[str, ...]:
    """A story as an editor might file it again: its middle paragraph dropped, half its lead rewritten."""
    kept = list(paragraphs[: len(paragraphs) // 2] + paragraphs[len(paragraphs) // 2 + 1 :])
    kept[0] = kept[0][: len(kept[0]) // 2] + "（据记者了解，情况属实。）"
    return tuple(kept)


def copies(stories: list[Story]) -> Copies:
    """How near different stories come to each other, and a story to itself re-edited (story-duplicate's threshold)."""
    bodies = {story.name: runs_of("\n".join(story.after)) for story in stories}
    closest = max((score for _, _, score in similar_pairs(bodies, at_least=0.0)), default=0.0)
    edited = [
        jaccard(bodies[story.name], runs_of("\n".join(re_edited(story.after))))
        for story in stories if len(story.after) >= 5
    ]
    return Copies(closest, edited, sum(score >= NEAR_SAME for score in edited))


def jaccard(one: frozenset[str], other: frozenset[str]) -> float:
    return len(one & other) / len(one | other) if one | other else 0.0


@dataclass
class Measure:
    stories: int
    findings: list[Finding]
    changes: dict[str, list[Change]]  # path → what --fix would change


def measure(stories: list[Story], work: Path) -> Measure:
    """Write the stories as a content folder in `work`, check it and work out --fix, touching nothing."""
    content = work / "content"
    shutil.rmtree(content, ignore_errors=True)
    (content / "articles").mkdir(parents=True)
    settings = site_settings(SETTINGS, content)
    section = settings["FRONTPAGE_SECTIONS"][0]
    for story in stories:
        (content / "articles" / f"{story.name}.md").write_text(as_markdown(story, section), encoding="utf-8")
    newest = max(datetime.fromisoformat(story.date) for story in stories)
    now = (newest + timedelta(days=1)).replace(tzinfo=BEIJING)
    context = make_context(settings, content, now)
    sources, unreadable = read_all(context)
    findings = sorted_findings(unreadable + check_sources(sources, context))
    changes = {source.path: fix_source(source)[1] for source in sources}
    return Measure(len(stories), findings, {path: found for path, found in changes.items() if found})


def report(result: Measure, listing: bool) -> str:
    """Findings per rule and per hundred stories, and (with `listing`) every finding and fix."""
    by_rule = Counter(found.rule for found in result.findings)
    per_hundred = 100 * len(result.findings) / result.stories
    lines = [f"{result.stories} stories, {len(result.findings)} findings ({per_hundred:.1f} per 100 stories)"]
    lines += [f"  {rule}: {count}" for rule, count in by_rule.most_common()]
    if listing:
        lines += [format_finding(found) for found in result.findings]
        lines += [f"{path}:{change.line}: --fix {change.rule}: {change.zh}" for path, found in result.changes.items() for change in found]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("--list", action="store_true", help="print every finding and every change --fix would make")
    arguments = parser.parse_args(argv)
    stories = read_corpus(arguments.corpus)
    with tempfile.TemporaryDirectory() as work:
        print(report(measure(stories, Path(work)), arguments.list))
    near = copies(stories)
    print(f"story-duplicate at {NEAR_SAME}: different stories share at most {near.closest_others:.2f}; "
          f"{near.caught} of {len(near.edited)} re-edited copies caught (lowest {min(near.edited):.2f})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
