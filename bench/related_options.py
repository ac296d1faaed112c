"""What the related step costs at archive scale, and what two ways of making it cheaper would change.

    python -m bench.related_options [--count 10000] [--seed 1]

On a seeded corpus (bench/corpus.py), each article's title and body as the build reads them
(Markdown with the site's extensions), through the related plugin's own functions:
  cutting   CPU seconds on one core for jieba to cut every story, with its HMM (as the build
            does) and without it;
  ranking   seconds to weigh and rank every story from terms already cut, which every rebuild
            does again while weights use the corpus's own IDF;
  lists     how many stories' related lists change when terms are weighed by jieba's own IDF
            table (unknown words at its median) instead of the corpus's, and when cut without
            the HMM: the product decisions the edit and cold bars of issue 8 hinge on.
Prints Markdown. The corpus recombines one bulletin page, so how much the lists change says how
far apart the options are, not which lists read better.
"""

import argparse
import statistics
import time
from datetime import datetime
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent

import markdown
from bench.corpus import write_corpus
from pelican.settings import read_settings
from plugins.related.keywords import inverse_frequencies, segmenter, story_text, terms
from plugins.related.plugin import stories_of
from plugins.related.rank import related
from plugins.related.segmented import SEPARATOR, split_terms
from plugins.related.settings import merged
from bench.report import work_folder


def articles_in(folder: Path, markdown_settings: dict) -> list[SimpleNamespace]:
    """The corpus's articles as the related step sees them: title, body HTML, address, date, section, tags."""
    convert = markdown.Markdown(**markdown_settings)
    articles = []
    for path in sorted((folder / "articles").glob("*.md")):
        head, _, body = path.read_text(encoding="utf-8").partition("\n\n")
        fields = dict(line.split(": ", 1) for line in head.splitlines() if ": " in line)
        articles.append(SimpleNamespace(
            title=fields["Title"],
            _content=convert.reset().convert(body),
            url=f"articles/{path.stem}.html",
            date=datetime.fromisoformat(fields["Date"]),
            category=SimpleNamespace(name=fields.get("Category", "")),
            tags=[SimpleNamespace(name=tag.strip()) for tag in fields.get("Tags", "").split(",") if tag.strip()],
        ))
    return articles


def cut_all(articles: list, hmm: bool) -> tuple[list[str], float]:
    """Every story's terms joined as the plugin keeps them, and the CPU seconds it took."""
    started = time.process_time()
    documents = [SEPARATOR.join(terms(story_text(a.title, a._content), hmm)) for a in articles]
    return documents, time.process_time() - started


def shipped_idf() -> dict[str, float]:
    """jieba's own IDF table (jieba/analyse/idf.txt), read without importing jieba.analyse."""
    table = {}
    path = Path(segmenter().__file__).parent / "analyse" / "idf.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        word, _, value = line.rpartition(" ")
        table[word] = float(value)
    return table


class WithDefault(dict):
    """An IDF table that gives unknown terms one value, as jieba's own keyword extraction does."""

    def __init__(self, table: dict[str, float], default: float) -> None:
        super().__init__(table)
        self.default = default

    def get(self, term, default=None):
        return super().get(term, self.default)


def ranked(articles: list, documents: list[str], idf, settings: dict) -> tuple[list[list[str]], float]:
    """Each story's related addresses, and the seconds weighing and ranking took."""
    started = time.perf_counter()
    stories = stories_of(articles, documents, idf, settings["RELATED_KEYWORDS"])
    chosen = related(stories, settings["RELATED_COUNT"], settings["RELATED_TAG_WEIGHT"])
    return [[other.url for other in others] for others in chosen], time.perf_counter() - started


def changed(base: list[list[str]], other: list[list[str]]) -> str:
    """How far `other`'s lists are from `base`'s: lists changed, and the stories they share on average."""
    differ = sum(a != b for a, b in zip(base, other)) / len(base)
    shared = statistics.mean(len(set(a) & set(b)) / len(a) for a, b in zip(base, other) if a)
    return f"{differ:.0%} of the lists changed, {shared:.0%} of their stories in common on average"


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=10000)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    settings = read_settings(str(ROOT / "pelicanconf.py"))
    related_settings = merged(settings)
    with work_folder("related-options-", keep=False) as work:
        write_corpus(work, args.count, args.seed)
        articles = articles_in(work, settings["MARKDOWN"])
    segmenter().lcut("预热")  # jieba's dictionary loaded before anything is timed
    with_hmm, hmm_seconds = cut_all(articles, hmm=True)
    without_hmm, plain_seconds = cut_all(articles, hmm=False)
    corpus_idf = inverse_frequencies(map(split_terms, with_hmm))
    base, ranking_seconds = ranked(articles, with_hmm, corpus_idf, related_settings)
    table = shipped_idf()
    shipped, _ = ranked(articles, with_hmm, WithDefault(table, statistics.median(table.values())), related_settings)
    no_hmm, _ = ranked(articles, without_hmm, inverse_frequencies(map(split_terms, without_hmm)), related_settings)
    print(f"### Related stories, {len(articles):,} articles (seed {args.seed})\n")
    print("| what | figure |\n| --- | --- |")
    print(f"| cutting every story, jieba with its HMM (as built), one core | {hmm_seconds:.1f} s CPU |")
    print(f"| cutting every story, jieba without its HMM | {plain_seconds:.1f} s CPU |")
    print(f"| weighing and ranking every story from cut terms | {ranking_seconds:.2f} s |")
    print(f"| lists with jieba's own IDF table instead of the corpus's | {changed(base, shipped)} |")
    print(f"| lists cut without the HMM | {changed(base, no_hmm)} |")


if __name__ == "__main__":
    main()
