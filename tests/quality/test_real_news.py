"""invoke check on real published news: no more than one false alarm per hundred stories, and
--fix changes nothing but what is certainly wrong (bench/gate_precision.py writes the stories).

The articles are others' copyright and are not kept here: tests/fixtures/real-news/SOURCES.tsv
names each one (newsroom, address, repository and path it was read from, date), and
PRESSROOM_REAL_NEWS (or ../shared/real-news beside the checkout) names a folder holding them as
SOURCES.tsv describes. Without one the test is skipped, saying so.
"""

import os
from pathlib import Path

import pytest

from bench.gate_precision import copies, measure, read_corpus
from checks.duplicates import NEAR_SAME

# Where a corpus placed beside the checkout (the workplace's read-only shared/) is found unasked.
SHARED = Path(__file__).resolve().parents[3] / "shared" / "real-news"
CORPUS = os.environ.get("PRESSROOM_REAL_NEWS", "") or (str(SHARED) if (SHARED / "SOURCES.tsv").is_file() else "")
FALSE_ALARMS_PER_HUNDRED = 1

# Findings read by a person and found true: the published copy has the mistake.
REVIEWED_TRUE = {
    ("articles/ce-019.md", 17, "sentence-broken"): "a paragraph ends on “，” and the next goes on with 并且…: broken in print",
}


@pytest.fixture(scope="module")
def stories():
    if not CORPUS:
        pytest.skip("PRESSROOM_REAL_NEWS is not set: the real-news corpus is not on this machine")
    return read_corpus(Path(CORPUS))


@pytest.fixture(scope="module")
def measured(stories, tmp_path_factory):
    return measure(stories, tmp_path_factory.mktemp("real-news"))


def test_at_most_one_false_alarm_per_hundred_stories(measured):
    assert measured.stories >= 100
    false_alarms = [found for found in measured.findings if (found.path, found.line, found.rule) not in REVIEWED_TRUE]
    assert len(false_alarms) * 100 <= FALSE_ALARMS_PER_HUNDRED * measured.stories, false_alarms


def test_fix_changes_only_what_was_reviewed_as_wrong(measured):
    changed = {(path, change.line, change.rule) for path, changes in measured.changes.items() for change in changes}
    assert changed <= set(REVIEWED_TRUE), changed - set(REVIEWED_TRUE)


def test_the_duplicate_threshold_parts_different_stories_from_one_story_re_edited(stories):
    near = copies(stories)
    assert near.closest_others < NEAR_SAME / 2  # different stories are far below it
    assert near.caught >= 0.95 * len(near.edited)  # a story filed again, edited, is still one story


def test_the_wording_check_raises_at_most_one_false_alarm_per_two_hundred_stories(measured):
    wording = [found for found in measured.findings if found.rule.startswith("wording-") and (found.path, found.line, found.rule) not in REVIEWED_TRUE]
    assert len(wording) * 200 <= measured.stories, wording
