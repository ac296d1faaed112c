"""bench/related_options.py runs on a small corpus and reports every figure it promises."""

import re

from bench import related_options


def test_a_small_run_reports_the_cutting_ranking_and_both_options(capsys):
    related_options.main(["--count", "60"])
    report = capsys.readouterr().out
    assert "### Related stories, 57 articles (seed 1)" in report  # one item in twenty is photo news
    assert re.search(r"with its HMM \(as built\), one core \| \d+\.\d s CPU \|", report)
    assert re.search(r"without its HMM \| \d+\.\d s CPU \|", report)
    assert re.search(r"from cut terms \| \d+\.\d\d s \|", report)
    assert re.search(r"corpus's \| \d+% of the lists changed, \d+% of their stories in common", report)
    assert re.search(r"without the HMM \| \d+% of the lists changed", report)
