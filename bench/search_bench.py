"""Benchmark this site's Chinese search (plugins/search) against Pagefind's extended build, same content, same run.

    python -m bench.search_bench --sizes 300 [10000] [--out bench/results/search.json]

For each size: write a seeded corpus (bench/corpus.py), build it with the project's settings,
index the same built HTML with Pagefind extended, serve the site on 127.0.0.1 and run the same
queries through both engines in Chromium, a fresh browser context for every cold query.
Reports per engine and query: recall and precision against the article pages whose visible text
contains every term, hits, bytes fetched for the first ten results (as sent and as gzip would
send them), cold and warm milliseconds; per engine: index bytes on disk and seconds to build.
Writes JSON to --out, the Markdown tables beside it (.md), and prints the tables.
"""

import argparse
import contextlib
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path
from typing import Self
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS
from bench.corpus import write_corpus
from scripts.nginx import NGINX, nginx
from bench.report import machine, version_of, work_folder, write_report

PAGEFIND_SUBDIR = "pagefind-bench"
# Index what the ground truth reads: the story's title, subtitle, byline and body; not the
# date line, tags and links under it, and not listing pages (which lack article.story).
PAGEFIND_ROOT = "article.story"
PAGEFIND_EXCLUDE = (".story-meta", ".story-footer")
NOT_TRUTH = ".story-meta, .story-footer"
HARNESS = "/__search_bench__.html"
HARNESS_PAGE = "<!doctype html><html lang='zh-CN'><meta charset='utf-8'><link rel='icon' href='data:,'><title>search bench</title></html>"  # no favicon request
CODE = re.compile(r"\.js$|^wasm\.")  # the engines' code, as against their index data
WARM_REPEATS = 5
COLD_REPEATS = 3  # fresh contexts per query; the median is reported, bytes are the same every time
FIRST = 10
# Queries that do not depend on the corpus; a name, and a word absent from it, are added per run.
ABSENT_CANDIDATES = ("志愿者", "疫苗接种", "防汛抗旱", "冰雪节")
QUERIES = (
    ("phrase", "物业管理"),
    ("word", "物业"),
    ("phrase", "秸秆焚烧"),
    ("short word", "区政协"),
    ("year", "2025年"),
    ("single character", "桥"),
    ("two terms", "社区 健康"),
    ("latin and number", "5G"),
)

PAGEFIND_COLD = """async ({module, query, first}) => {
  const start = performance.now();
  const pagefind = await import(module);
  const found = await pagefind.search(query);
  const data = await Promise.all(found.results.slice(0, first).map((r) => r.data()));
  const ms = performance.now() - start;
  window.benchEngine = pagefind;
  return {ms, total: found.results.length, ids: found.results.map((r) => r.id), first: data.map((d) => d.url)};
}"""
PAGEFIND_WARM = """async ({query, first}) => {
  const start = performance.now();
  const found = await window.benchEngine.search(query);
  await Promise.all(found.results.slice(0, first).map((r) => r.data()));
  return performance.now() - start;
}"""
PROJECT_COLD = """async ({module, query, first}) => {
  const start = performance.now();
  const engine = await import(module);
  const found = await engine.search(query, {limit: first});
  const ms = performance.now() - start;
  window.benchEngine = engine;
  return {ms, total: found.total, first: found.hits.map((h) => h.url)};
}"""
PROJECT_WARM = """async ({query, first}) => {
  const start = performance.now();
  await window.benchEngine.search(query, {limit: first});
  return performance.now() - start;
}"""
# A reader on a search page that has loaded: the engine's code is in (Pagefind's too, with its
# init(), which loads its wasm and metadata), no index file yet; from the query to the first ten.
PROJECT_READY = """async ({module, query, first}) => {
  const engine = await import(module);
  const start = performance.now();
  await engine.search(query, {limit: first});
  return performance.now() - start;
}"""
PAGEFIND_READY = """async ({module, query, first}) => {
  const pagefind = await import(module);
  await pagefind.init();
  const start = performance.now();
  const found = await pagefind.search(query);
  await Promise.all(found.results.slice(0, first).map((r) => r.data()));
  return performance.now() - start;
}"""
# The same files the project's cold query fetched, in its three dependent rounds (engine, index
# shards, story files), with no work between them: what the network and the browser alone cost.
FLOOR = """async ({rounds}) => {
  const start = performance.now();
  const [code, ...data] = rounds;
  await Promise.all(code.map((url) => import(url)));
  for (const round of data) await Promise.all(round.map((url) => fetch(url).then((r) => r.arrayBuffer())));
  return performance.now() - start;
}"""
# Every hit's URL, a page of 100 at a time as a results page would ask: one request for all of
# 2,000 hits makes Chromium refuse the fetches ("Failed to fetch", too many at once).
PROJECT_ALL = """async ({query, total, page}) => {
  const urls = [];
  for (let offset = 0; offset < total; offset += page) {
    const found = await window.benchEngine.search(query, {limit: page, offset});
    if (!found.hits.length) break;
    urls.push(...found.hits.map((h) => h.url));
  }
  return urls;
}"""


# --- Ground truth ---------------------------------------------------------------------------


def normalised(text: str) -> str:
    """Text as both engines compare it: NFKC, lower case."""
    return unicodedata.normalize("NFKC", text).lower()


def visible_story_text(html: str) -> str | None:
    """Title, subtitle, byline and body of an article page, normalised; None for other pages."""
    soup = BeautifulSoup(html, "html.parser")
    story = soup.select_one("article.story")
    if story is None:
        return None
    for chrome in story.select(NOT_TRUTH):
        chrome.decompose()
    return normalised(story.get_text(" "))


def story_texts(site: Path) -> dict[str, str]:
    """Every article page's URL path → its visible story text."""
    texts = {}
    for page in sorted(site.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.html")):
        text = visible_story_text(page.read_text(encoding="utf-8"))
        if text is not None:
            texts["/" + page.relative_to(site).as_posix()] = text
    return texts


def matching(texts: dict[str, str], query: str) -> set[str]:
    """The pages whose text contains every space-separated term of the query."""
    terms = normalised(query).split()
    return {url for url, text in texts.items() if all(term in text for term in terms)}


def corpus_queries(texts: dict[str, str], byline_name: str) -> list[tuple[str, str]]:
    """The fixed queries, a name from the corpus, and a word verified to be in no story."""
    absent = next(word for word in ABSENT_CANDIDATES if not matching(texts, word))
    return [*QUERIES[:4], ("absent word", absent), QUERIES[4], ("person's name", byline_name), *QUERIES[5:]]


def first_byline_name(content: Path) -> str:
    """The first reporter or correspondent named in the corpus's bylines."""
    for path in sorted((content / "articles").glob("*.md")):
        found = re.search(r"^Byline: .*?(?:记者|通讯员) (\S+?)[）\s]", path.read_text(encoding="utf-8") + "\n", re.MULTILINE)
        if found:
            return found[1]
    raise ValueError("no byline with a name in the corpus")


# --- Building both indexes ------------------------------------------------------------------


def folder_bytes(folder: Path, skip: re.Pattern | None = None) -> int:
    """Bytes of every file under folder, leaving out names that match skip."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not (skip and skip.search(p.name)))


def build_site(content: Path, output: Path, cache: Path) -> dict:
    """Build with the project's settings; wall seconds, and the search plugin's own line and seconds."""
    command = [sys.executable, "-m", "pelican", str(content), "-s", "pelicanconf.py", "-o", str(output), "-v",
               "-e", f"CACHE_PATH={json.dumps(str(cache))}"]
    start = time.perf_counter()
    run = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, COLUMNS="400"), check=False)
    wall = time.perf_counter() - start
    log = run.stdout + run.stderr
    if run.returncode:
        raise RuntimeError(f"pelican failed ({run.returncode}):\n{log[-3000:]}")
    line = next((line for line in log.splitlines() if "search index" in line), None)
    seconds = re.search(r"([\d.]+) s\b", line) if line else None
    return {
        "command": " ".join(command),
        "wall_seconds": round(wall, 2),
        "search_index_seconds": float(seconds[1]) if seconds else None,
        "search_log": re.sub(r"\s+", " ", line.split("INFO", 1)[-1]).strip() if line else None,
        "warnings": len(re.findall(r"\bWARNING\b", log)),
    }


def pagefind_command(site: Path, language: str | None) -> list[str]:
    """Pagefind extended over the built site, indexing the same part of each story as the ground truth."""
    command = [sys.executable, "-m", "pagefind_bin_extended", "--site", str(site), "--output-subdir", PAGEFIND_SUBDIR,
               "--root-selector", PAGEFIND_ROOT]
    for selector in PAGEFIND_EXCLUDE:
        command += ["--exclude-selectors", selector]
    return command + (["--force-language", language] if language else [])


def build_pagefind(site: Path, language: str | None) -> dict:
    """Run Pagefind; wall seconds, its own seconds and page count."""
    command = pagefind_command(site, language)
    start = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    if run.returncode:
        raise RuntimeError(f"pagefind failed ({run.returncode}):\n{run.stdout[-3000:]}{run.stderr[-3000:]}")
    own = re.search(r"Finished in ([\d.]+) seconds", run.stdout)
    pages = re.search(r"Indexed (\d+) pages", run.stdout)
    words = re.search(r"Indexed (\d+) words", run.stdout)
    return {
        "command": " ".join(command),
        "wall_seconds": round(wall, 2),
        "own_seconds": float(own[1]) if own else None,
        "pages": int(pages[1]) if pages else None,
        "words": int(words[1]) if words else None,
    }


def pagefind_urls(bundle: Path) -> dict[str, str]:
    """Pagefind result id → page URL, read from the fragments on disk (gzip, `pagefind_dcd` + JSON)."""
    urls = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        urls[fragment.stem] = json.loads(data)["url"]
    return urls


# --- Serving and accounting -----------------------------------------------------------------


class Served:
    """The site served by nginx on 127.0.0.1 with the production configuration
    (deploy/nginx-site.conf), logging the path of every file it sends."""

    def __init__(self, site: Path):
        self.site = site
        self.folder = Path(tempfile.mkdtemp(prefix="search-bench-nginx-"))
        self.log = self.folder / "access.log"
        self.read_to = 0
        self.gzip_sizes: dict[str, int] = {}
        self.stack = contextlib.ExitStack()
        self.base = ""

    def __enter__(self) -> Self:
        if not os.path.exists(NGINX):
            raise SystemExit(f"the search benchmark serves the site with nginx: apt-get install nginx-light ({NGINX} is missing)")
        harness = self.folder / "harness.html"
        harness.write_text(HARNESS_PAGE, encoding="utf-8")
        self.log.touch()
        extra = f"    location = {HARNESS} {{ alias {harness}; }}\n"
        self.base = self.stack.enter_context(nginx(self.folder / "nginx", self.site, self.log, extra))
        return self

    def __exit__(self, *exc) -> None:
        self.stack.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def take(self) -> list[str]:
        """The paths of the site's files sent since the last take (nginx logs a request once it is sent)."""
        with self.log.open("rb") as log:
            log.seek(self.read_to)
            lines = log.read().decode("utf-8", "replace").splitlines()
            self.read_to = log.tell()
        return [path for path in lines if path != HARNESS and (self.site / unquote(path).lstrip("/")).is_file()]

    def transfer(self, paths: list[str]) -> dict:
        """Requests, body bytes and gzip-compressed bytes of the files at these paths."""
        files = [self.site / unquote(path).lstrip("/") for path in paths]
        raw = sum(file.stat().st_size for file in files)
        for file in files:
            if str(file) not in self.gzip_sizes:
                self.gzip_sizes[str(file)] = len(gzip.compress(file.read_bytes(), 9))
        return {"requests": len(files), "bytes": raw, "gzip_bytes": sum(self.gzip_sizes[str(f)] for f in files)}


# --- Querying in Chromium -------------------------------------------------------------------


def url_path(url: str, base: str) -> str:
    """A result URL (absolute, root-relative or relative to the site) as its path."""
    return unquote(urlsplit(urljoin(base + "/", url)).path)


def scores(found: list[str], first: list[str], truth: set[str]) -> dict:
    """Recall and precision of all results, precision of the first ten; None where undefined."""
    found_set = set(found)
    right = len(found_set & truth)
    return {
        "recall": round(right / len(truth), 4) if truth else None,
        "precision": round(right / len(found_set), 4) if found_set else None,
        "precision_at_10": round(len(set(first) & truth) / len(first), 4) if first else None,
    }


def run_query(browser, served: Served, engine: str, query: str, pagefind_ids: dict[str, str]) -> dict:
    """One cold query in a fresh context, then the warm repeats in the same page."""
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(300_000)
    try:
        page.goto(served.base + HARNESS)
        served.take()
        args = {"query": query, "first": FIRST}
        if engine == "pagefind":
            cold = page.evaluate(PAGEFIND_COLD, {**args, "module": f"/{PAGEFIND_SUBDIR}/pagefind.js"})
            transfer_paths = served.take()
            found = [pagefind_ids[id_] for id_ in cold["ids"]]
            warm = [page.evaluate(PAGEFIND_WARM, args) for _ in range(WARM_REPEATS)]
        else:
            cold = page.evaluate(PROJECT_COLD, {**args, "module": "/search/engine.js"})
            transfer_paths = served.take()
            warm = [page.evaluate(PROJECT_WARM, args) for _ in range(WARM_REPEATS)]
            found = page.evaluate(PROJECT_ALL, {"query": query, "total": cold["total"], "page": 100})
    finally:
        context.close()
    return {
        "total": cold["total"],
        "returned": len(found),
        "first": [url_path(url, served.base) for url in cold["first"]],
        "found": [url_path(url, served.base) for url in found],
        "cold_ms": round(cold["ms"], 1),
        "warm_ms": round(statistics.median(warm), 2),
        "paths": transfer_paths,
        **served.transfer(transfer_paths),
    }


def in_fresh_page(browser, served: Served, script: str, args: dict) -> float:
    """Milliseconds a script reports, run in a page of a fresh context (the harness page loaded first)."""
    context = browser.new_context()
    try:
        page = context.new_page()
        page.set_default_timeout(300_000)
        page.goto(served.base + HARNESS)
        return page.evaluate(script, args)
    finally:
        context.close()
        served.take()


def rounds_of(paths: list[str]) -> list[list[str]]:
    """The project's files in the order a query must wait for them: code, then shards, then stories
    (the index's files are under /search/<version>/)."""
    kinds = (r"/search/engine\.js$", r"/search/[0-9a-f]{12}/shards/", r"/search/[0-9a-f]{12}/stories/")
    return [[path for path in paths if re.match(kind, path)] for kind in kinds]


def warm_up(browser, served: Served) -> None:
    """Open and close one context first, so the browser's own start-up is in no engine's first figure."""
    context = browser.new_context()
    context.new_page().goto(served.base + HARNESS)
    context.close()
    served.take()


def measured_query(browser, served: Served, engine: str, query: str, pagefind_ids: dict[str, str]) -> dict:
    """COLD_REPEATS cold runs of one query: the first run's results, the median of the timings."""
    runs = [run_query(browser, served, engine, query, pagefind_ids) for _ in range(COLD_REPEATS)]
    module = "/search/engine.js" if engine == "project" else f"/{PAGEFIND_SUBDIR}/pagefind.js"
    ready_script = PROJECT_READY if engine == "project" else PAGEFIND_READY
    ready = [in_fresh_page(browser, served, ready_script, {"module": module, "query": query, "first": FIRST}) for _ in range(COLD_REPEATS)]
    floor = None
    if engine == "project":
        rounds = rounds_of(runs[0].pop("paths"))
        floor = round(statistics.median(in_fresh_page(browser, served, FLOOR, {"rounds": rounds}) for _ in range(COLD_REPEATS)), 1)
    else:
        runs[0].pop("paths")
    return runs[0] | {
        "cold_ms": round(statistics.median(run["cold_ms"] for run in runs), 1),
        "cold_ms_runs": [run["cold_ms"] for run in runs],
        "ready_ms": round(statistics.median(ready), 1),
        "ready_ms_runs": [round(ms, 1) for ms in ready],
        "floor_ms": floor,
        "warm_ms": round(statistics.median(run["warm_ms"] for run in runs), 2),
    }


def query_engines(site: Path, engines: list[str], queries: list[tuple[str, str]], truth: dict[str, set[str]]) -> dict:
    """Every query through every available engine, engines taking turns; per engine, per-query results."""
    from playwright.sync_api import Error as BrowserError
    from playwright.sync_api import sync_playwright

    pagefind_ids = pagefind_urls(site / PAGEFIND_SUBDIR) if "pagefind" in engines else {}
    results: dict[str, list[dict]] = {engine: [] for engine in engines}
    with Served(site) as served, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        warm_up(browser, served)
        for kind, query in queries:
            for engine in engines:
                row = {"kind": kind, "query": query, "truth": len(truth[query])}
                try:
                    measured = measured_query(browser, served, engine, query, pagefind_ids)
                except (BrowserError, KeyError) as error:  # an engine failing one query still gets the others measured
                    row["error"] = str(error).splitlines()[0][:300]
                else:
                    found, first = measured.pop("found"), measured["first"]
                    row |= measured | scores(found, first, truth[query])
                    row["missed"] = sorted(truth[query] - set(found))[:5]
                    row["wrong"] = sorted(set(found) - truth[query])[:5]
                results[engine].append(row)
        browser.close()
    return results


# --- One size, and the report ---------------------------------------------------------------


def run_size(size: int, seed: int, work: Path, language: str | None) -> dict:
    """Corpus, both builds, ground truth and queries for one corpus size."""
    content, site = work / f"content-{size}", work / f"site-{size}"
    start = time.perf_counter()
    write_corpus(content, size, seed)
    corpus_seconds = round(time.perf_counter() - start, 2)
    print(f"[{size}] corpus written in {corpus_seconds} s; building with pelican…", file=sys.stderr)
    build = build_site(content, site, work / f"cache-{size}")
    print(f"[{size}] pelican {build['wall_seconds']} s; pagefind…", file=sys.stderr)
    pagefind = build_pagefind(site, language)
    texts = story_texts(site)
    queries = corpus_queries(texts, first_byline_name(content))
    truth = {query: matching(texts, query) for _, query in queries}
    project_present = (site / "search" / "engine.js").is_file()
    engines = ["project"] * project_present + ["pagefind"]
    print(f"[{size}] querying {', '.join(engines)} in chromium…", file=sys.stderr)
    measured = query_engines(site, engines, queries, truth)
    return {
        "size": size,
        "seed": seed,
        "article_pages": len(texts),
        "corpus_seconds": corpus_seconds,
        "pelican": build,
        "engines": {
            "project": {
                "status": "ok" if project_present else "missing",
                "build_seconds": build["search_index_seconds"],
                "index_bytes": folder_bytes(site / "search") if project_present else None,
                "data_bytes": folder_bytes(site / "search", CODE) if project_present else None,
                "queries": measured.get("project", []),
            },
            "pagefind": {
                "status": "ok",
                "build_seconds": pagefind["wall_seconds"],
                "index_bytes": folder_bytes(site / PAGEFIND_SUBDIR, re.compile(r"ui\.|highlight")),
                "data_bytes": folder_bytes(site / PAGEFIND_SUBDIR, re.compile(rf"ui\.|highlight|{CODE.pattern}")),
                "bundle_bytes": folder_bytes(site / PAGEFIND_SUBDIR),
                "indexing": pagefind,
                "queries": measured["pagefind"],
            },
        },
    }


def figure(value, digits: int = 2) -> str:
    """A table cell: a number, or – when there is none."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.{digits}f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def markdown(run: dict) -> str:
    """The summary table and the per-query table of one size."""
    lines = [
        f"### {run['size']:,} items ({run['article_pages']:,} article pages), seed {run['seed']}",
        "",
        f"Whole Pelican build: {run['pelican']['wall_seconds']} s ({run['pelican']['search_log'] or 'no search index line'}).",
        "",
        "| engine | status | index build s | index bytes on disk (with code) | index data bytes (no code) |",
        "| --- | --- | --- | --- | --- |",
    ]
    for name, engine in run["engines"].items():
        cells = [engine["status"], engine["build_seconds"], engine["index_bytes"], engine["data_bytes"]]
        lines.append(f"| {name} | " + " | ".join(figure(cell) for cell in cells) + " |")
    lines += [
        "",
        "| query | kind | engine | truth | hits | recall | precision | P@10 | cold ms | ready ms | floor ms | warm ms | requests | bytes | gzip bytes |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    names = [name for name, engine in run["engines"].items() if engine["queries"]]
    for number, (kind, query) in enumerate((row["kind"], row["query"]) for row in run["engines"][names[0]]["queries"]):
        for name in names:
            row = run["engines"][name]["queries"][number]
            if "error" in row:
                lines.append(f"| {query} | {kind} | {name} | {row['truth']} | error: {row['error']} |||||||||||")
                continue
            cells = [row["truth"], row["total"], row["recall"], row["precision"], row["precision_at_10"],
                     row["cold_ms"], row["ready_ms"], row["floor_ms"], row["warm_ms"], row["requests"], row["bytes"], row["gzip_bytes"]]
            lines.append(f"| {query} | {kind} | {name} | " + " | ".join(figure(cell, 1 if 5 <= i <= 8 else 2) for i, cell in enumerate(cells)) + " |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    """Run every size and write the JSON and Markdown results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[300])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "search.json")
    parser.add_argument("--pagefind-language", default=None, help="Pagefind --force-language (default: the pages' lang, zh-cn)")
    parser.add_argument("--keep", action="store_true", help="keep the work folder (corpus and built sites)")
    args = parser.parse_args(argv)

    with work_folder("search-bench-", args.keep) as work:
        runs = [run_size(size, args.seed, work, args.pagefind_language) for size in args.sizes]
    versions = {"pagefind": version_of([sys.executable, "-m", "pagefind_bin_extended", "--version"]),
                "chromium": version_of([CHROMIUM, "--version"])}
    write_report(args.out, machine(**versions), runs, markdown)


if __name__ == "__main__":
    main()
