"""Lighthouse, with a phone's emulation, scores home, an article and the search page at least 0.95 in every category.

The reports (JSON and HTML) and a table of the scores are written to test-results/lighthouse/.
"""

import json
import os

import pytest
from scripts.chromium import serve
from quality_gates import LIGHTHOUSE_CATEGORIES, LIGHTHOUSE_MINIMUM, failing_audits, lighthouse_scores
from quality_gates import lighthouse_shortfalls, run_lighthouse
from quality_pages import ARTICLE, IMAGE_WITHOUT_ALT, PAGES, plant, take_out_title

LIGHTHOUSE_PAGES = ("home", "article", "search")


@pytest.fixture(scope="session")
def reports_folder(results_folder):
    """test-results/lighthouse/: each page's report as PAGE.report.json and .html, and summary.md."""
    folder = results_folder / "lighthouse"
    folder.mkdir(exist_ok=True)
    return folder


@pytest.mark.parametrize("page_name", LIGHTHOUSE_PAGES)
def test_lighthouse_scores_at_least_095(lighthouse, served_demo, reports_folder, page_name):
    report = run_lighthouse(f"{served_demo}/{PAGES[page_name]}", reports_folder / page_name)
    write_summary(reports_folder)
    shortfalls = lighthouse_shortfalls(report)
    assert not shortfalls, f"{page_name} ({report['finalDisplayedUrl']}):\n" + "\n".join(shortfalls)


def test_lighthouse_marks_down_a_planted_image_without_alt(lighthouse, site_copy, tmp_path):
    plant(site_copy / ARTICLE, IMAGE_WITHOUT_ALT)
    take_out_title(site_copy / ARTICLE)
    with serve(site_copy) as base_url:
        report = run_lighthouse(f"{base_url}/{ARTICLE}", tmp_path / "planted", categories=("accessibility",))
    shortfalls = lighthouse_shortfalls(report)
    assert any(line.startswith("accessibility") and "image-alt" in line for line in shortfalls), shortfalls


def write_summary(folder) -> None:
    """Rewrite summary.md from the reports in `folder`: each page's scores, when it ran, and what cost it points."""
    lines = [
        f"# Lighthouse scores (mobile emulation; the gate: each at least {LIGHTHOUSE_MINIMUM})",
        "",
        f"| page | {' | '.join(LIGHTHOUSE_CATEGORIES)} | run at | audits that did not score 1 |",
        "|---" * (len(LIGHTHOUSE_CATEGORIES) + 3) + "|",
    ]
    for name in LIGHTHOUSE_PAGES:
        report_file = folder / f"{name}.report.json"
        if report_file.exists():
            lines.append(summary_row(name, json.loads(report_file.read_text(encoding="utf-8"))))
    partial = folder / f"summary.md.{os.getpid()}"
    partial.write_text("\n".join(lines) + "\n", encoding="utf-8")
    partial.replace(folder / "summary.md")  # two workers may write at once: each replaces it whole


def summary_row(name: str, report: dict) -> str:
    """One page's row of the summary table."""
    scores = [str(lighthouse_scores(report).get(category)) for category in LIGHTHOUSE_CATEGORIES]
    failing = [line.split(":")[0] for category in report["categories"].values() for line in failing_audits(report, category)]
    cells = [name, *scores, report["fetchTime"], ", ".join(failing) or "none"]
    return f"| {' | '.join(cells)} |"
