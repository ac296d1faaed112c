"""The strict plugin's pure parts: what it counts, what it says, which settings it accepts."""

import logging

import pytest

from plugins.core.tally import Tally
from plugins.strict.settings import merged
from plugins.strict.tally import verdict


@pytest.mark.parametrize(
    "fail_on, levels, counted",
    [
        ("warning", [logging.INFO, logging.WARNING, logging.ERROR], 2),
        ("error", [logging.INFO, logging.WARNING, logging.ERROR], 1),
        ("warning", [logging.DEBUG, logging.INFO], 0),
    ],
)
def test_tally_counts_from_its_level_up(fail_on, levels, counted):
    tally = Tally()
    tally.reset(fail_on)
    logger = logging.getLogger(f"strict-test-{fail_on}-{counted}")
    logger.propagate = False
    logger.addHandler(tally)
    for level in levels:
        logger.log(level, "photos/a.md: 照片缺少替代文字")
    assert tally.count == counted


def test_verdict_is_one_line_chinese_first():
    line = verdict(3, "warning")
    assert "\n" not in line and line.startswith("严格构建未通过") and "3 problems" in line


@pytest.mark.parametrize("value", [None, "warning", "error"])
def test_accepted_settings(value):
    assert merged({"STRICT_FAIL_ON": value}) == {"STRICT_FAIL_ON": value, "STRICT_PUBLISHED_MARKER": ""}


@pytest.mark.parametrize("value", [True, "warnings", "WARNING", 1])
def test_refused_settings(value):
    with pytest.raises(ValueError, match="STRICT_FAIL_ON"):
        merged({"STRICT_FAIL_ON": value})
