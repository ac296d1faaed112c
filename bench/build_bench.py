"""Benchmark whole builds at archive scale against stock Pelican, same corpus, same run (issue 8).

    python -m bench.build_bench --sizes 1000 [10000] [--out bench/results/build.json] [--no-preview]

For each size: write a seeded corpus (bench/corpus.py), then for stock Pelican (default theme,
no plugins) and for this project, each on its own copy of the corpus:
  cold       a full build into an empty output folder with an empty cache;
  unchanged  the same build again, nothing changed;
  edit one   the build again after one article's body gained a paragraph;
  preview    the live preview running (stock: `pelican --autoreload`; this project:
             `invoke livereload`), one article edited: seconds until its page on disk has the edit.
Each build runs in its own process: wall seconds, CPU seconds (user + system, the process and
every child it waited for) and peak resident memory (the largest of them). This project's search
index and related-stories steps are read from the lines its plugins log. Ratios are against stock
Pelican's figure in the same run. Writes JSON to --out, Markdown beside it, and prints it.
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench.corpus import write_corpus
from scripts.nginx import free_port
from bench.report import machine, version_of, work_folder, write_report

EDITED = "articles/a-000005.md"  # an article every size has
STOCK_SETTINGS = """# Stock Pelican: default theme, no plugins; article pages at the same addresses as the project's.
THEME = "notmyidea"
PLUGINS = []
TIMEZONE = "Asia/Shanghai"
DEFAULT_LANG = "zh-CN"
SLUGIFY_SOURCE = "basename"
ARTICLE_URL = ARTICLE_SAVE_AS = "{date:%Y}/{date:%m}/{slug}.html"
"""
PREVIEW_TIMEOUT = 1800
# What each preview logs once its first build is done and it watches for changes.
READY = {"stock": "Done: Processed", "project": "site rebuilt in"}
STEP_LINES = {
    "search_index_s": re.compile(r"search index\): .*?([\d.]+) s\b"),
    "related_s": re.compile(r"related stories\): .*?([\d.]+) s\b"),
    "photos_s": re.compile(r"photos: .*?([\d.]+) s\)"),
}


def measured(command: list[str], log: Path) -> dict:
    """Run a command to its end: wall and CPU seconds, peak memory in MiB; its output into `log`."""
    with log.open("w") as out:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, env=dict(os.environ, COLUMNS="400"))
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed ({process.returncode}):\n{log.read_text()[-3000:]}")
    text = log.read_text(errors="replace")
    steps = {name: float(found[1]) for name, pattern in STEP_LINES.items() if (found := pattern.search(text))}
    return {"wall_s": round(wall, 2), "cpu_s": round(usage.ru_utime + usage.ru_stime, 2), "peak_mib": round(usage.ru_maxrss / 1024), **steps}


# Pelican's "plain" log handler is no handler: neither engine prints anything, as a build run by
# CI or a script need not. With its default (rich) console, each "Writing …" line costs about 2 ms,
# some 30 s of a 10,000-story build on either engine; the price is that the plugins' step lines
# (search index, related stories, photos) are not in the log, so the step figures stay empty.
LOGGING = ["-v", "--log-handler", "plain"]


def build_command(engine: str, content: Path, output: Path, cache: Path, work: Path) -> list[str]:
    """The pelican command line of one engine."""
    settings = str(work / "stock.py") if engine == "stock" else "pelicanconf.py"
    return [sys.executable, "-m", "pelican", str(content), "-s", settings, "-o", str(output), *LOGGING,
            "-e", f"CACHE_PATH={json.dumps(str(cache))}"]


def edit(article: Path, mark: str) -> None:
    """Add a paragraph with `mark` to the article, as an editor saving a change would."""
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + f"\n\n记者补充：{mark}。\n", encoding="utf-8")


def edited_page(output: Path) -> Path:
    """The built page of the edited article (both engines save it at year/month/slug.html)."""
    found = sorted(output.glob(f"*/*/{Path(EDITED).stem}.html"))
    if not found:
        raise RuntimeError(f"no page for {EDITED} under {output}")
    return found[0]


def preview_command(engine: str, content: Path, output: Path, cache: Path, work: Path) -> list[str]:
    """The live preview an editor runs: stock Pelican's --autoreload, or this project's invoke livereload."""
    if engine == "stock":
        return [*build_command(engine, content, output, cache, work), "--autoreload"]
    return [sys.executable, "-m", "invoke", "livereload", "--content", str(content), "--output", str(output),
            "--cache", str(cache), "--port", str(free_port())]


def preview(engine: str, content: Path, output: Path, cache: Path, work: Path) -> dict:
    """Seconds from saving an edit to the edited page on disk showing it, with the preview running."""
    log = work / f"preview-{engine}.log"
    env = dict(os.environ, COLUMNS="400")
    with log.open("w") as out:
        process = subprocess.Popen(preview_command(engine, content, output, cache, work), cwd=ROOT, stdout=out,
                                   stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        wait_for(lambda: READY[engine] in log.read_text(errors="replace"), process, log)
        time.sleep(2)  # the watcher's first look at the files, which it compares later looks with
        page = edited_page(output)
        mark = f"预览测试{time.time_ns()}"
        edit(content / EDITED, mark)
        start = time.perf_counter()
        wait_for(lambda: mark in page.read_text(encoding="utf-8", errors="replace"), process, log)
        return {"preview_s": round(time.perf_counter() - start, 2)}
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)


def wait_for(ready, process: subprocess.Popen, log: Path):
    """Poll `ready` every 20 ms until it gives something true; fail if the process ends or time runs out."""
    deadline = time.monotonic() + PREVIEW_TIMEOUT
    while time.monotonic() < deadline:
        try:
            found = ready()
        except (OSError, RuntimeError):
            found = None
        if found:
            return found
        if process.poll() is not None:
            raise RuntimeError(f"preview exited ({process.returncode}):\n{log.read_text()[-3000:]}")
        time.sleep(0.02)
    raise RuntimeError(f"preview did not show the edit within {PREVIEW_TIMEOUT} s")


def run_engine(engine: str, corpus: Path, work: Path, with_preview: bool) -> dict:
    """Cold, unchanged and edit-one builds of one engine on its own copy of the corpus; then the preview."""
    content, output, cache = work / f"content-{engine}", work / f"output-{engine}", work / f"cache-{engine}"
    shutil.copytree(corpus, content)
    command = build_command(engine, content, output, cache, work)
    results = {"command": " ".join(command)}
    print(f"  {engine}: cold…", file=sys.stderr)
    results["cold"] = measured(command, work / f"{engine}-cold.log")
    results["unchanged"] = measured(command, work / f"{engine}-unchanged.log")
    edit(content / EDITED, "基准测试修改")
    results["edit_one"] = measured(command, work / f"{engine}-edit.log")
    results["output_mib"] = round(sum(p.stat().st_size for p in output.rglob("*") if p.is_file()) / 2**20, 1)
    results["largest_page_kib"] = round(max(p.stat().st_size for p in output.rglob("*.html")) / 1024)
    if with_preview:
        print(f"  {engine}: preview…", file=sys.stderr)
        results["preview"] = preview(engine, content, output, cache, work)
    return results


def run_size(size: int, seed: int, work: Path, with_preview: bool) -> dict:
    """Both engines on one corpus size."""
    corpus = work / f"corpus-{size}"
    write_corpus(corpus, size, seed)
    runs = {}
    for engine in ("stock", "project"):
        print(f"[{size}] {engine}", file=sys.stderr)
        folder = work / f"{size}-{engine}"
        folder.mkdir()
        (folder / "stock.py").write_text(STOCK_SETTINGS, encoding="utf-8")
        runs[engine] = run_engine(engine, corpus, folder, with_preview)
    return {"size": size, "seed": seed, "engines": runs}


def ratio(value: float | None, against: float | None) -> str:
    return f"{value / against:.2f}×" if value is not None and against else "–"


def markdown(run: dict) -> str:
    """One size's table: each figure for both engines and the ratio."""
    stock, project = run["engines"]["stock"], run["engines"]["project"]
    lines = [f"### {run['size']:,} articles (seed {run['seed']})", "",
             "| build | stock Pelican | this project | ratio |", "| --- | --- | --- | --- |"]
    for step, name in (("cold", "cold full build"), ("unchanged", "rebuild, nothing changed"), ("edit_one", "rebuild after editing one article")):
        for key, unit in (("wall_s", "s wall"), ("cpu_s", "s CPU"), ("peak_mib", "MiB peak")):
            a, b = stock[step][key], project[step][key]
            lines.append(f"| {name}, {unit} | {a} | {b} | {ratio(b, a)} |")
    if "preview" in project:
        a, b = stock["preview"]["preview_s"], project["preview"]["preview_s"]
        lines.append(f"| edited article visible in the preview, s | {a} | {b} | {ratio(b, a)} |")
    lines.append(f"| output, MiB | {stock['output_mib']} | {project['output_mib']} | {ratio(project['output_mib'], stock['output_mib'])} |")
    lines.append(f"| largest page, KiB | {stock['largest_page_kib']} | {project['largest_page_kib']} | |")
    cold = project["cold"]
    for key, name in (("search_index_s", "search index step"), ("related_s", "related stories step"), ("photos_s", "photos step")):
        if key in cold:
            lines.append(f"| {name} (cold build), s | – | {cold[key]} | {ratio(cold[key], stock['cold']['wall_s'])} of stock's build |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "build.json")
    parser.add_argument("--no-preview", action="store_true", help="leave out the live-preview figure")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    with work_folder("build-bench-", args.keep) as work:
        runs = [run_size(size, args.seed, work, not args.no_preview) for size in args.sizes]
    write_report(args.out, machine(pelican=version_of([sys.executable, "-m", "pelican", "--version"])), runs, markdown)


if __name__ == "__main__":
    main()
