"""Benchmark whole builds at archive scale against stock Pelican, same corpus, same run (issues 8, 26).

    python -m bench.build_bench --sizes 1000 [10000] [--out bench/results/build.json] [--no-preview]
    python -m bench.build_bench --scaling 50000 [--out bench/results/scaling.json]

For each size: write a seeded corpus (bench/corpus.py), then for stock Pelican (default theme,
no plugins) and for this project, each on its own copy of the corpus:
  cold       a full build into an empty output folder with an empty cache;
  unchanged  the same build again, nothing changed;
  edit one   the build again after one article's body gained a paragraph;
  preview    the live preview running (stock: `pelican --autoreload`; this project:
             `invoke livereload`), one article edited: seconds until its page on disk has the edit.
Stock Pelican runs with its defaults: no content cache (CACHE_CONTENT and LOAD_CONTENT_CACHE are
off), so each of its builds reads and writes everything. After each of its builds, Pagefind
extended (`python -m pagefind_bin_extended --site OUTPUT`, its defaults: every page, into
OUTPUT/pagefind) indexes what it wrote, as a Pelican user adds search: the *pipeline* is the two
in sequence (wall and CPU added, peak memory the larger). Pagefind has no incremental mode: it
indexes the whole site every time. For this project, after the edit-one build, the one-edit
rebuild CI's publish job would run with only what CI keeps (bench/ci_publish.py).
Each build runs in its own process: wall seconds, CPU seconds (user + system, the process and
every child it waited for) and peak resident memory (the largest of them). This project's search
index and related-stories steps are read from the lines its plugins log. Ratios are against stock
Pelican's figure in the same run, and against the pipeline's.

--scaling MAX: cold builds only (this project, stock Pelican, Pagefind over stock's output) at
1,000, 10,000 and 50,000 stories up to MAX, and MAX: seconds and peak memory per story, and the
ratio of the per-story cost at the largest size to the smallest (1.0: grows linearly). A size
also in --sizes takes its cold figures from that run. Writes JSON to --out, Markdown beside it,
and prints it.
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
from itertools import pairwise
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

from bench.ci_publish import DESCRIBED as CI_DESCRIBED
from bench.ci_publish import ci_publish
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
PAGEFIND_SUBDIR = "pagefind"  # Pagefind's default bundle folder inside the site
SCALING_LADDER = (1000, 10000, 50000)
STEPS = (("cold", "cold full build"), ("unchanged", "rebuild, nothing changed"), ("edit_one", "rebuild after editing one article"))
PREVIEW_TIMEOUT = 1800
# What each preview logs once its first build is done and it watches for changes.
READY = {"stock": "Done: Processed", "project": "site rebuilt in"}
STEP_LINES = {
    "search_index_s": re.compile(r"search index\): .*?([\d.]+) s\b"),
    "related_s": re.compile(r"related stories\): .*?([\d.]+) s\b"),
    "photos_s": re.compile(r"photos: .*?([\d.]+) s\)"),
    "pages": re.compile(r"Indexed (\d+) pages"),  # Pagefind's summary
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
    steps = {name: (int if name == "pages" else float)(found[1]) for name, pattern in STEP_LINES.items() if (found := pattern.search(text))}
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


def pagefind_command(output: Path) -> list[str]:
    """Pagefind extended over a built site with its defaults, as a Pelican user adds it for search."""
    return [sys.executable, "-m", "pagefind_bin_extended", "--site", str(output)]


def pipeline(pelican: dict, pagefind: dict) -> dict:
    """Stock Pelican then Pagefind, timed as one: wall and CPU added, peak memory the larger."""
    return {"wall_s": round(pelican["wall_s"] + pagefind["wall_s"], 2), "cpu_s": round(pelican["cpu_s"] + pagefind["cpu_s"], 2),
            "peak_mib": max(pelican["peak_mib"], pagefind["peak_mib"])}


def mib_of(folder: Path, leave_out: str | None = None) -> float:
    """Bytes of the files under `folder` in MiB, without its subfolder `leave_out`."""
    left_out = folder / leave_out if leave_out else None
    files = (p for p in folder.rglob("*") if p.is_file() and not (left_out and p.is_relative_to(left_out)))
    return round(sum(p.stat().st_size for p in files) / 2**20, 1)


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


def run_engine(engine: str, corpus: Path, work: Path, with_preview: bool, cold_only: bool = False) -> dict:
    """Cold, unchanged and edit-one builds of one engine on its own copy of the corpus (stock: each
    followed by Pagefind over its output); this project: the CI publish scenarios; then the preview.
    `cold_only`: the cold build alone."""
    content, output, cache = work / f"content-{engine}", work / f"output-{engine}", work / f"cache-{engine}"
    shutil.copytree(corpus, content)
    command = build_command(engine, content, output, cache, work)
    results = {"command": " ".join(command)}
    if engine == "stock":
        results["pagefind"] = {"command": " ".join(pagefind_command(output))}
    for step, _ in STEPS[:1] if cold_only else STEPS:
        print(f"  {engine}: {step}…", file=sys.stderr)
        if step == "edit_one":
            edit(content / EDITED, "基准测试修改")
        results[step] = measured(command, work / f"{engine}-{step}.log")
        if engine == "stock":
            results["pagefind"][step] = measured(pagefind_command(output), work / f"pagefind-{step}.log")
            results.setdefault("pipeline", {})[step] = pipeline(results[step], results["pagefind"][step])
    results["output_mib"] = mib_of(output, PAGEFIND_SUBDIR if engine == "stock" else None)
    results["largest_page_kib"] = round(max(p.stat().st_size for p in output.rglob("*.html")) / 1024)
    if engine == "stock":
        results["pagefind"]["bundle_mib"] = mib_of(output / PAGEFIND_SUBDIR)
    if cold_only:
        return results
    if engine == "project":
        print(f"  {engine}: CI publish…", file=sys.stderr)
        results["ci"] = ci_publish(lambda name: measured(command, work / f"{engine}-{name}.log"), content, output, cache, work,
                                   lambda folder, mark: edit(folder / EDITED, mark))
    if with_preview:
        print(f"  {engine}: preview…", file=sys.stderr)
        results["preview"] = preview(engine, content, output, cache, work)
    return results


def run_size(size: int, seed: int, work: Path, with_preview: bool, cold_only: bool = False) -> dict:
    """Both engines on one corpus size (and Pagefind over stock's output)."""
    corpus = work / f"corpus-{size}"
    if not corpus.exists():
        write_corpus(corpus, size, seed)
    runs = {}
    for engine in ("stock", "project"):
        print(f"[{size}] {engine}{' (cold only)' * cold_only}", file=sys.stderr)
        folder = work / f"{size}-{engine}{'-cold' * cold_only}"
        folder.mkdir()
        (folder / "stock.py").write_text(STOCK_SETTINGS, encoding="utf-8")
        runs[engine] = run_engine(engine, corpus, folder, with_preview, cold_only)
    return {"size": size, "seed": seed, "engines": runs}


def scaling_sizes(top: int) -> list[int]:
    """The ladder's sizes under `top`, and `top`."""
    return [size for size in SCALING_LADDER if size < top] + [top]


def cold_figures(run: dict) -> dict:
    """One size's cold builds: this project, stock Pelican, Pagefind, the pipeline."""
    stock, project = run["engines"]["stock"], run["engines"]["project"]
    return {"project": project["cold"], "stock": stock["cold"], "pagefind": stock["pagefind"]["cold"], "pipeline": stock["pipeline"]["cold"]}


def run_scaling(top: int, seed: int, work: Path, done: list[dict]) -> dict:
    """Cold builds at each size of the ladder up to `top`; sizes in `done` are taken from it."""
    by_size = {run["size"]: run for run in done}
    sizes = {}
    for size in scaling_sizes(top):
        run = by_size.get(size) or run_size(size, seed, work, with_preview=False, cold_only=True)
        sizes[size] = cold_figures(run)
    return {"kind": "scaling", "seed": seed, "sizes": sizes}


def ratio(value: float | None, against: float | None) -> str:
    return f"{value / against:.2f}×" if value is not None and against else "–"


def markdown(run: dict) -> str:
    """A run's tables: a size against stock Pelican and against the pipeline, or the scaling."""
    if run.get("kind") == "scaling":
        return scaling_markdown(run)
    return stock_markdown(run) + ("\n" + pipeline_markdown(run) if "pipeline" in run["engines"]["stock"] else "")


def stock_markdown(run: dict) -> str:
    """One size's table: each figure for both engines and the ratio."""
    stock, project = run["engines"]["stock"], run["engines"]["project"]
    lines = [f"### {run['size']:,} articles (seed {run['seed']})", "",
             "| build | stock Pelican | this project | ratio |", "| --- | --- | --- | --- |"]
    for step, name in STEPS:
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


def goal(value: float, against: float, most: float) -> str:
    """value/against with whether it is within `most` (the issue's bar)."""
    if not against:
        return "–"
    return f"{value / against:.2f}× (≤ {most:g}×: {'met' if value / against <= most else 'not met'})"


def pipeline_markdown(run: dict) -> str:
    """One size against stock Pelican + Pagefind, the issue's goals beside each figure they bind."""
    stock, project = run["engines"]["stock"], run["engines"]["project"]
    pagefind, piped = stock["pagefind"], stock["pipeline"]
    lines = [f"### {run['size']:,} articles against stock Pelican + Pagefind (seed {run['seed']})", "",
             "| build | stock Pelican | Pagefind | pipeline | this project | ratio to the pipeline | goal |",
             "| --- | --- | --- | --- | --- | --- | --- |"]
    for step, name in STEPS:
        for key, unit in (("wall_s", "s wall"), ("cpu_s", "s CPU"), ("peak_mib", "MiB peak")):
            ours, theirs = project[step][key], piped[step][key]
            bar = ""
            if step == "cold" and key == "wall_s":
                bar = goal(ours, theirs, 1.0) + " of the pipeline"
            elif key == "peak_mib":
                bar = goal(ours, stock[step][key], 2.0) + " of stock Pelican"
            lines.append(f"| {name}, {unit} | {stock[step][key]} | {pagefind[step][key]} | {theirs} | {ours} | {ratio(ours, theirs)} | {bar} |")
    for name, figures in project.get("ci", {}).items():
        against = piped["edit_one"]
        for key, unit in (("wall_s", "s wall"), ("cpu_s", "s CPU"), ("peak_mib", "MiB peak")):
            if key == "wall_s":
                bar = goal(figures[key], against[key], 0.5) + " of the pipeline's one-edit rebuild"
            elif key == "peak_mib":
                bar = goal(figures[key], stock["edit_one"][key], 2.0) + " of stock Pelican"
            else:
                bar = ""
            lines.append(f"| {CI_DESCRIBED[name]}, {unit} | | | {against[key]} (one edit) | {figures[key]} | {ratio(figures[key], against[key])} | {bar} |")
    pages = pagefind["cold"].get("pages")
    lines.append(f"| Pagefind's index, MiB | | {pagefind['bundle_mib']} ({pages if pages is not None else '?'} pages) | | | | |")
    return "\n".join(lines) + "\n"


SCALED = ("project", "stock", "pagefind", "pipeline")
SCALED_NAMES = {"project": "this project", "stock": "stock Pelican", "pagefind": "Pagefind over stock's output", "pipeline": "stock Pelican + Pagefind"}


def per_story(figures: dict, size: int) -> dict:
    """Wall and CPU milliseconds and peak KiB per story."""
    return {"wall": 1000 * figures["wall_s"] / size, "cpu": 1000 * figures["cpu_s"] / size, "peak": 1024 * figures["peak_mib"] / size}


def scaling_markdown(run: dict) -> str:
    """Cold builds at each size: totals and per story; per-story cost at the largest size over the
    smallest, and the marginal cost of each step up (what the stories added between two sizes cost)."""
    sizes = sorted(int(size) for size in run["sizes"])  # JSON keys come back as text
    at = {size: run["sizes"].get(size) or run["sizes"][str(size)] for size in sizes}
    lines = [f"### Scaling of cold builds, {', '.join(f'{size:,}' for size in sizes)} stories (seed {run['seed']})", "",
             "| stories | build | wall s | CPU s | peak MiB | wall ms / story | CPU ms / story | peak KiB / story |",
             "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for size in sizes:
        for engine in SCALED:
            figures = at[size][engine]
            each = per_story(figures, size)
            lines.append(f"| {size:,} | {SCALED_NAMES[engine]} | {figures['wall_s']} | {figures['cpu_s']} | {figures['peak_mib']} | "
                         f"{each['wall']:.2f} | {each['cpu']:.2f} | {each['peak']:.1f} |")
    if len(sizes) > 1:
        small, large = sizes[0], sizes[-1]
        lines += ["", f"| build | per story, {large:,} / {small:,}: wall | CPU | peak memory | each step up, marginal wall ms / story | CPU ms / story | peak KiB / story |",
                  "| --- | --- | --- | --- | --- | --- | --- |"]
        for engine in SCALED:
            first, last = per_story(at[small][engine], small), per_story(at[large][engine], large)
            steps_up = list(pairwise(sizes))
            marginal = {key: ", ".join(f"{scale * (at[b][engine][key] - at[a][engine][key]) / (b - a):.{digits}f}" for a, b in steps_up)
                        for key, scale, digits in (("wall_s", 1000, 2), ("cpu_s", 1000, 2), ("peak_mib", 1024, 1))}
            lines.append(f"| {SCALED_NAMES[engine]} | {last['wall'] / first['wall']:.2f} | {last['cpu'] / first['cpu']:.2f} | "
                         f"{last['peak'] / first['peak']:.2f} | {marginal['wall_s']} | {marginal['cpu_s']} | {marginal['peak_mib']} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", help="sizes of the full comparison (default 1000, unless --scaling alone)")
    parser.add_argument("--scaling", type=int, metavar="MAX", help=f"cold builds at {', '.join(map(str, SCALING_LADDER))} up to MAX, and MAX")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "build.json")
    parser.add_argument("--no-preview", action="store_true", help="leave out the live-preview figure")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    with work_folder("build-bench-", args.keep) as work:
        sizes = args.sizes if args.sizes is not None else [] if args.scaling else [1000]
        runs = [run_size(size, args.seed, work, not args.no_preview) for size in sizes]
        if args.scaling:
            runs.append(run_scaling(args.scaling, args.seed, work, runs))
    # The code measured: the plugins' files are in the incremental build's salt, so a tree edited
    # during a run changes what rebuilds keep; run from a clean checkout (git archive) to be sure.
    code = version_of(["git", "-C", str(ROOT), "describe", "--always", "--dirty"]) or "not a git checkout"
    write_report(args.out, machine(pelican=version_of([sys.executable, "-m", "pelican", "--version"]), code=code), runs, markdown)


if __name__ == "__main__":
    main()
