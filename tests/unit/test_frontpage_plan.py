"""The home page plan: the lead story, the newest stories per section, and the photo strip."""

from datetime import datetime
from types import SimpleNamespace

import pytest
from plugins.frontpage.periods import count_periods
from plugins.frontpage.plan import is_lead, order_sections, plan_front_page
from plugins.frontpage.settings import merged


def item(title, category, hour, **extra):
    return SimpleNamespace(title=title, category=category, date=datetime(2026, 11, 24, hour), **extra)


LEAD = item("健全管理机制 破解治理难题", "要闻", 8, lead=True)
STRAW = item("全面压实责任 守牢安全底线", "要闻", 9)
LAW = item("提高依法治区水平 助推法治政府建设", "政务", 7)
PHOTO = item("“金秋助学”活动资助40名学生", "图片新闻", 10, photo="images/a.jpg")
ARTICLES = [PHOTO, STRAW, LEAD, LAW]  # newest first, as Pelican sorts them
SECTIONS = [("要闻", [STRAW, LEAD]), ("政务", [LAW]), ("图片新闻", [PHOTO])]


def test_marked_lead_wins_over_newer_story():
    plan = plan_front_page(ARTICLES, SECTIONS, per_section=5, photo_strip=6)
    assert plan.lead is LEAD
    assert plan.sections == [("要闻", [STRAW]), ("政务", [LAW])]
    assert plan.photos == [PHOTO]


def test_without_a_marked_lead_the_newest_story_leads():
    articles = [PHOTO, STRAW, LAW]
    plan = plan_front_page(articles, [("要闻", [STRAW]), ("政务", [LAW])], 5, 6)
    assert plan.lead is STRAW
    assert plan.sections == [("政务", [LAW])]


def test_a_photo_item_marked_lead_leads_and_leaves_the_strip():
    marked = item("“金秋助学”活动现场", "图片新闻", 11, photo="images/b.jpg", lead=True)
    plan = plan_front_page([marked, *ARTICLES], [*SECTIONS[:2], ("图片新闻", [marked, PHOTO])], 5, 6)
    assert plan.lead is marked
    assert plan.sections == [("要闻", [STRAW, LEAD]), ("政务", [LAW])]
    assert plan.photos == [PHOTO]


def test_limits_per_section_and_photo_strip():
    stories = [item(f"稿件{i}", "政务", i) for i in range(8)]
    photos = [item(f"图片{i}", "图片新闻", i, photo=f"images/{i}.jpg") for i in range(4)]
    plan = plan_front_page(photos + stories, [("政务", stories)], per_section=3, photo_strip=2)
    assert plan.sections == [("政务", stories[1:4])]
    assert plan.photos == photos[:2]


def test_empty_site_has_no_lead():
    assert plan_front_page([], [], 5, 6).lead is None


@pytest.mark.parametrize("value, expected", [(True, True), (False, False), ("true", False), (None, False)])
def test_is_lead(value, expected):
    assert is_lead(SimpleNamespace(lead=value)) is expected


@pytest.mark.parametrize(
    "names, preferred, expected",
    [
        (["文化", "要闻", "政务"], ["要闻", "政务", "民生", "文化"], ["要闻", "政务", "文化"]),
        (["体育", "要闻", "财经"], ["要闻"], ["要闻", "体育", "财经"]),
        ([], ["要闻"], []),
    ],
)
def test_order_sections(names, preferred, expected):
    assert order_sections(names, preferred) == expected


@pytest.mark.parametrize(
    "settings",
    [{"FRONTPAGE_SECTIONS": "要闻"}, {"FRONTPAGE_SECTIONS": [1]}, {"FRONTPAGE_PHOTO_STRIP": -1}, {"FRONTPAGE_ITEMS_PER_SECTION": "5"}],
)
def test_bad_settings_are_refused(settings):
    with pytest.raises(ValueError, match="FRONTPAGE_"):
        merged(settings)


@pytest.mark.parametrize("period_archives, expected", [
    ({}, {}),
    ({"year": [{"period_num": (2026,), "url": "2026/", "dates": ["甲", "乙", "丙"]}],
      "month": [{"period_num": (2026, 11), "url": "2026/11/", "dates": ["甲", "乙"]},
                {"period_num": (2026, 10), "url": "2026/10/", "dates": ["丙"]}]},
     {"year": [((2026,), "2026/", 3)], "month": [((2026, 11), "2026/11/", 2), ((2026, 10), "2026/10/", 1)]}),
    ({"month": [{"period_num": [2025, 1], "url": "2025/01/", "dates": []}]}, {"month": [((2025, 1), "2025/01/", 0)]}),
])
def test_archive_periods_keep_number_address_and_count_not_stories(period_archives, expected):
    assert count_periods(period_archives) == expected
