"""The wording check on real published news: what it raises there (false alarms), what it finds of
errors planted into the same sentences (recall), and what it costs, against the look-ahead pattern
it replaced.

    python -m bench.wording_bench [CORPUS]

CORPUS is a folder as bench.gate_precision reads it (SOURCES.tsv and one story a file); without
one, the demo's stories are timed and nothing else. Every line of each story is searched with the
project's tables (checks/wording/common.txt, confusions.txt) and the office's wording.txt.

Planted errors are made where an editor would make them:
- a wrong form for its right form where the right form is a word of the sentence (jieba's cut);
- each known confusion for each character of a protected expression the sentence holds;
- any character for one of the expression's (seeded): the rule lets a run that makes other words
  pass (英国共产党), so some of these are missed by design.
Each right form and expression is planted in at most PER_FORM sentences, so common words do not
outweigh the rest.
"""

import random
import re
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from checks.lines import segmenter
from checks.wording.find import Finder, Hit, confusion_variants, dictionary
from checks.wording.rule import COMMON, PROJECT, cached_finder

ROOT = Path(__file__).resolve().parent.parent
PER_FORM = 5
SEED = 28


def project_finder() -> Finder:
    files = (COMMON, PROJECT / "wording.txt")
    return cached_finder(tuple((file, file.stat().st_mtime) for file in files))


def corpus_lines(corpus: Path) -> list[tuple[str, list[str]]]:
    """Each story's name and the lines readers see: headline, deck and body."""
    from bench.gate_precision import read_corpus

    return [(story.name, [story.headline, *story.before, *story.after]) for story in read_corpus(corpus)]


def raised(corpus: Path, search: Finder | None = None) -> list[tuple[str, int, Hit]]:
    """Every hit on the corpus: (story, line number in the story's lines, hit)."""
    search = search or project_finder()
    return [(name, number, hit) for name, lines in corpus_lines(corpus)
            for number, line in enumerate(lines, start=1) for hit in search.hits(line)]


@dataclass
class Planted:
    made: int = 0
    found: int = 0
    missed: list[tuple[str, str]] = field(default_factory=list)  # (sentence as planted, right form)

    def add(self, sentence: str, start: int, written: str, right: str, hits: list[Hit]) -> None:
        self.made += 1
        # Found when a hit holds the planted run and names its right form (or a longer expression round it).
        if any(hit.start <= start and start + len(written) <= hit.end and right in hit.right for hit in hits):
            self.found += 1
        else:
            self.missed.append((sentence, right))

    def __str__(self) -> str:
        return f"{self.found}/{self.made} ({self.found / max(self.made, 1):.1%})"


def plant(corpus: Path, search: Finder | None = None) -> dict[str, Planted]:
    """Errors planted one at a time into the corpus's sentences, and how many the finder names."""
    search = search or project_finder()
    table, jieba = search.table, segmenter()
    wrong_of = defaultdict(list)
    for wrong, right in table.wrong.items():
        wrong_of[right].append(wrong)
    pool = sorted({c for line in (lines[0] for _, lines in corpus_lines(corpus)) for c in line if "\u4e00" <= c <= "\u9fff"})
    rng = random.Random(SEED)
    used: dict[str, int] = defaultdict(int)
    results = {"wrong form": Planted(), "protected, a known confusion": Planted(), "protected, any character": Planted()}
    for _, lines in corpus_lines(corpus):
        for line in lines:
            for word, start, end in jieba.tokenize(line, HMM=False):
                if word in wrong_of and used[word] < PER_FORM:
                    used[word] += 1
                    for wrong in wrong_of[word]:
                        planted = line[:start] + wrong + line[end:]
                        results["wrong form"].add(planted, start, wrong, word, search.hits(planted))
            for expression in table.protected:
                start = line.find(expression)
                if start < 0 or used[expression] >= PER_FORM:
                    continue
                used[expression] += 1
                for variant in confusion_variants(expression, search.confusions):
                    planted = line[:start] + variant + line[start + len(expression):]
                    results["protected, a known confusion"].add(planted, start, variant, expression, search.hits(planted))
                if len(expression) >= 4:
                    index = rng.randrange(len(expression))
                    other = rng.choice([c for c in pool if c != expression[index]])
                    variant = expression[:index] + other + expression[index + 1:]
                    planted = line[:start] + variant + line[start + len(expression):]
                    results["protected, any character"].add(planted, start, variant, expression, search.hits(planted))
    return results


def look_ahead_candidates(search: Finder):
    """The search issue 28 began with: one pattern of the wrong forms, one look-ahead alternation of
    each protected expression with each character in turn any other; candidates only."""
    han = "\u4e00-\u9fff"
    wrong = re.compile("|".join(map(re.escape, sorted(search.table.wrong, key=len, reverse=True))))
    variants = [
        f"{re.escape(e[:i])}(?!{re.escape(e[i])})[{han}]{re.escape(e[i + 1:])}"
        for e in search.table.protected if len(e) >= 4 for i in range(len(e))
    ]
    near = re.compile(f"(?=({'|'.join(variants)}))")
    return lambda text: [*wrong.finditer(text), *near.finditer(text)]


def per_story(stories: list[list[str]], search) -> float:
    rounds = max(1, 2000 // len(stories))
    started = time.perf_counter()
    for _ in range(rounds):
        for lines in stories:
            for line in lines:
                search(line)
    return (time.perf_counter() - started) / (rounds * len(stories))


def main() -> None:
    corpus = Path(sys.argv[1]) if len(sys.argv) > 1 else None
    started = time.perf_counter()
    search = project_finder()
    dictionary()
    segmenter().initialize()
    print(f"start-up (tables, automaton, jieba's dictionary) {time.perf_counter() - started:.2f} s; "
          f"{len(search.table.wrong)} wrong forms, {len(search.table.protected)} protected expressions")
    if corpus:
        stories = [lines for _, lines in corpus_lines(corpus)]
    else:
        stories = [path.read_text(encoding="utf-8").splitlines() for path in sorted((ROOT / "content").rglob("*.md"))]
    size = sum(len(line) for lines in stories for line in lines) / len(stories)
    for name, function in (("automaton and judgement", search.hits), ("look-ahead pattern, candidates only", look_ahead_candidates(search))):
        cost = per_story(stories, function)
        print(f"{name}: {cost * 1e3:.2f} ms per story ({size:.0f} characters on average); {cost * 1e4:.1f} s at 10,000 stories")
    if not corpus:
        return
    hits = raised(corpus, search)
    print(f"raised on {len(stories)} stories: {len(hits)} (one per {len(stories) / max(len(hits), 1):.0f} stories)")
    for name, number, hit in hits:
        print(f"  {name}:{number} {hit.kind} {hit.written} → {hit.right}")
    for kind, result in plant(corpus, search).items():
        print(f"planted, {kind}: found {result}")
        for sentence, right in result.missed[:8]:
            print(f"  missed ({right}): {sentence[:60]}")


if __name__ == "__main__":
    main()
