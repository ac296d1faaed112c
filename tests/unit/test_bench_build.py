"""bench/build_bench.py's report: a size against stock Pelican and the Pelican + Pagefind pipeline, and the scaling."""

import json

from bench import build_bench


def build(wall, cpu, peak, **more):
    return {"wall_s": wall, "cpu_s": cpu, "peak_mib": peak, **more}


def a_run():
    stock = {step: build(2.0, 2.0, 50) for step in ("cold", "unchanged", "edit_one")}
    pagefind = {step: build(1.0, 1.5, 80, pages=1200) for step in ("cold", "unchanged", "edit_one")}
    stock |= {"output_mib": 10.0, "largest_page_kib": 900, "pagefind": {**pagefind, "bundle_mib": 3.0},
              "pipeline": {step: build_bench.pipeline(stock[step], pagefind[step]) for step in pagefind}}
    project = {"cold": build(6.0, 9.0, 120), "unchanged": build(1.0, 1.0, 80), "edit_one": build(1.2, 1.3, 110),
               "output_mib": 20.0, "largest_page_kib": 300,
               "ci": {"ci_kept": build(1.4, 1.6, 105), "ci_cache": build(4.0, 5.0, 100), "ci_photos": build(5.5, 8.0, 118)}}
    return {"size": 1000, "seed": 1, "engines": {"stock": stock, "project": project}}


def test_the_pipeline_is_pelican_then_pagefind():
    assert build_bench.pipeline(build(2.0, 2.25, 50), build(1.0, 1.5, 80)) == build(3.0, 3.75, 80)


def test_a_size_is_reported_against_stock_and_against_the_pipeline():
    report = build_bench.markdown(a_run())
    assert "| cold full build, s wall | 2.0 | 6.0 | 3.00× |" in report  # the table BENCHMARKS.md has kept
    assert "### 1,000 articles against stock Pelican + Pagefind (seed 1)" in report
    assert "| cold full build, s wall | 2.0 | 1.0 | 3.0 | 6.0 | 2.00× | 2.00× (≤ 1×: not met) of the pipeline |" in report
    assert "| cold full build, MiB peak | 50 | 80 | 80 | 120 | 1.50× | 2.40× (≤ 2×: not met) of stock Pelican |" in report
    assert ("| CI publish, cache/ restored, output/ gone, s wall | | | 3.0 (one edit) | 4.0 | 1.33× | "
            "1.33× (≤ 0.5×: not met) of the pipeline's one-edit rebuild |") in report
    assert "| CI publish, cache/ and output/ restored (today's CI), s wall | | | 3.0 (one edit) | 1.4 | 0.47× | 0.47× (≤ 0.5×: met)" in report
    assert "| Pagefind's index, MiB | | 3.0 (1200 pages) |" in report


def test_scaling_reports_per_story_cost_and_its_growth_also_from_json():
    figures = lambda k: {"project": build(6.0 * k, 9.0 * k, 100 + 20 * k), "stock": build(2.0 * k, 2.0 * k, 50 + 10 * k),
                         "pagefind": build(1.0 * k, 1.0 * k, 60 + 10 * k), "pipeline": build(3.0 * k, 3.0 * k, 60 + 10 * k)}
    run = {"kind": "scaling", "seed": 1, "sizes": {1000: figures(1), 10000: figures(10)}}
    for form in (run, json.loads(json.dumps(run))):  # as measured, and as read back from the JSON (keys as text)
        report = build_bench.markdown(form)
        assert "### Scaling of cold builds, 1,000, 10,000 stories (seed 1)" in report
        assert "| 1,000 | this project | 6.0 | 9.0 | 120 | 6.00 | 9.00 | 122.9 |" in report
        assert "| 10,000 | this project | 60.0 | 90.0 | 300 | 6.00 | 9.00 | 30.7 |" in report
        assert "| this project | 1.00 | 1.00 | 0.25 | 6.00 | 9.00 | 20.5 |" in report  # time linear; memory mostly fixed


def test_the_scaling_ladder_ends_at_its_top():
    assert build_bench.scaling_sizes(50000) == [1000, 10000, 50000]
    assert build_bench.scaling_sizes(2000) == [1000, 2000]
