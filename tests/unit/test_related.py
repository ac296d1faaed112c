"""Related stories: jieba keywords weighted by TF-IDF, shared tags, an inverted index, stable order."""

import math
import os
import random
from datetime import datetime, timedelta

import pytest
from plugins.related.keywords import inverse_frequencies, is_term, keywords, story_text, terms, weigh
from plugins.related.rank import LARGE_CORPUS, MAX_POSTINGS, Story, related, too_common
from plugins.related.settings import merged

STRAW = (
    "全面压实责任 守牢安全底线\n"
    "调研组强调，各乡镇、各部门要进一步提高政治站位，充分认识秸秆焚烧管控工作对保护区域生态环境、"
    "保障群众生产生活安全的重要意义。调研组要求，要持续推进秸秆焚烧管控宣传引导工作，做到精准化、常态化。"
)
PROPERTY = (
    "健全管理机制 破解治理难题\n"
    "铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效，通过“专业引进+自治服务”相结合的方式，"
    "补齐无物业小区管理短板，推动实现物业服务全覆盖。建立物业企业“红黑榜”制度，结合投诉与检查情况每月评级。"
)
PROPERTY_FEES = (
    "物业企业按月公示收支明细\n"
    "所有物业企业须按月公示收支明细与公共收益，提升服务透明度，增强业主缴费意愿。"
    "在引导业主缴费方面，由社区加强宣传，推动依法缴费；对恶意欠费行为，通过调解、诉讼等方式依法追缴。"
)
SHOW = (
    "立足群众文化需求 丰富群众文化生活\n"
    "近日，铁东区文联与区音乐家协会在四平植物园共同举办了一场精彩的文艺演出，吸引辖区内众多居民前来观看。"
    "演出在开场舞《欢乐家庭》中拉开序幕，灵动的舞姿与欢快的旋律迅速点燃现场气氛。"
)
LAW = (
    "提高依法治区水平 助推法治政府建设\n"
    "近日，铁东区政协组织部分法律界委员开展“提高依法治区水平 助推法治政府建设”专题调研，"
    "详细了解基层社会治理、化解矛盾纠纷、优化法治营商环境等工作的创新举措。"
)


def at(hour: int) -> datetime:
    return datetime(2026, 11, 24, hour)


def stories_of(texts: dict[str, tuple[str, int, set[str]]], top: int = 20) -> list[Story]:
    """Stories from {url: (text, hour, tags)}, weighted over one another like the plugin does."""
    documents = {url: terms(text) for url, (text, _, _) in texts.items()}
    idf = inverse_frequencies(documents.values())
    return [
        Story(url, at(hour), "", frozenset(tags), weigh(documents[url], idf, top))
        for url, (text, hour, tags) in texts.items()
    ]


def urls(stories: list[Story]) -> list[str]:
    return [story.url for story in stories]


def test_keywords_of_the_straw_burning_story():
    found = keywords(STRAW)
    assert {"秸秆", "秸秆焚烧"} & set(found)
    assert "管控" in found
    for dropped in ("的", "要", "进一步", "工作", "，", "各"):
        assert dropped not in found
    assert sum(weight * weight for weight in found.values()) == pytest.approx(1.0)


@pytest.mark.parametrize(
    "word, kept",
    [
        ("秸秆", True),
        ("物业管理", True),
        ("pelican", True),
        ("的", False),
        ("进一步", False),
        ("开展", False),
        ("工作", False),
        ("本报讯", False),
        ("通讯员", False),
        ("154", False),
        ("90%", False),
        ("２０２６", False),
        ("“", False),
        ("——", False),
        ("楼", False),
    ],
)
def test_what_counts_as_a_term(word, kept):
    assert is_term(word) is kept


def test_title_and_body_are_read_without_photo_credits():
    html = '<p>近日，铁东区关工委举办“金秋助学”活动。</p><figure><figcaption>学生合影。<span class="credit">本报通讯员 高欣 摄</span></figcaption></figure>'
    text = story_text("“金秋助学”活动资助40名学生", html)
    assert text.startswith("“金秋助学”活动资助40名学生\n")
    assert "学生合影" in text and "高欣" not in text


def test_tf_idf_prefers_the_words_only_this_story_has():
    documents = [terms(PROPERTY), terms(SHOW), terms(LAW)]
    idf = inverse_frequencies(documents)
    assert idf["物业"] > idf["铁东区"]
    assert list(weigh(documents[0], idf, 2)) == ["物业", "小区"]
    assert len(weigh(documents[0], idf, 5)) == 5
    assert weigh([], idf) == {}


def test_tf_idf_by_hand():
    idf = inverse_frequencies([["物业", "物业", "小区"], ["物业", "演出"]])
    assert idf == {"物业": 1.0, "小区": pytest.approx(math.log(1.5) + 1), "演出": pytest.approx(math.log(1.5) + 1)}
    rare = math.log(1.5) + 1
    norm = math.hypot(2, rare)
    assert weigh(["物业", "物业", "小区"], idf) == {"物业": pytest.approx(2 / norm), "小区": pytest.approx(rare / norm)}
    # Equal weights are kept in the order of the terms, so the top K is stable.
    assert list(weigh(["演出", "小区"], idf, 1)) == ["小区"]


def test_property_story_is_more_related_to_property_than_to_a_show():
    stories = stories_of({"wuye": (PROPERTY, 8, set()), "fees": (PROPERTY_FEES, 7, set()), "show": (SHOW, 9, set())})
    assert urls(related(stories, 5)[0])[0] == "fees"


def test_shared_tags_count_and_a_story_is_never_its_own_relation():
    stories = stories_of(
        {
            "wuye": (PROPERTY, 8, {"物业管理", "基层治理"}),
            "law": (LAW, 9, {"法治政府", "基层治理"}),
            "straw": (STRAW, 7, {"秸秆焚烧"}),
            "show": (SHOW, 6, {"文艺演出"}),
        }
    )
    chosen = related(stories, 5)
    assert urls(chosen[0])[0] == "law"
    for story, others in zip(stories, chosen):
        assert story not in others


def test_count_limits_the_list():
    texts = {f"wuye-{n}": (PROPERTY, n, {"物业管理"}) for n in range(8)}
    chosen = related(stories_of(texts), 3)
    assert all(len(others) == 3 for others in chosen)
    assert related(stories_of(texts), 0) == [[] for _ in texts]


def test_equally_related_stories_are_newest_first_then_by_url():
    stories = [
        Story("a.html", at(7), tags=frozenset({"物业管理"})),
        Story("old.html", at(8), tags=frozenset({"物业管理"})),
        Story("new.html", at(10), tags=frozenset({"物业管理"})),
        Story("b.html", at(9), tags=frozenset({"物业管理"})),
        Story("c.html", at(9), tags=frozenset({"物业管理"})),
    ]
    assert urls(related(stories, 5)[0]) == ["new.html", "b.html", "c.html", "old.html"]


def test_result_does_not_depend_on_input_order():
    texts = {
        "wuye": (PROPERTY, 8, {"物业管理"}),
        "fees": (PROPERTY_FEES, 8, {"物业管理"}),
        "law": (LAW, 9, {"基层治理"}),
        "straw": (STRAW, 7, set()),
        "show": (SHOW, 6, set()),
    }
    stories = stories_of(texts)
    expected = {story.url: urls(others) for story, others in zip(stories, related(stories, 5))}
    shuffled = stories[:]
    random.Random(3).shuffle(shuffled)
    assert {story.url: urls(others) for story, others in zip(shuffled, related(shuffled, 5))} == expected


def test_too_few_relations_are_topped_up_from_the_section():
    stories = [
        Story("wuye", at(8), "要闻", frozenset({"物业管理"})),
        Story("fees", at(7), "民生", frozenset({"物业管理"})),
        Story("straw", at(9), "要闻"),
        Story("old", at(6), "要闻"),
        Story("show", at(10), "文化"),
    ]
    chosen = related(stories, 3)
    assert urls(chosen[0]) == ["fees", "straw", "old"]
    assert urls(chosen[4]) == []
    assert urls(related(stories, 1)[0]) == ["fees"]


def test_too_common_terms_are_not_followed_on_a_large_site():
    assert not too_common(LARGE_CORPUS, LARGE_CORPUS - 1)
    assert not too_common(10, LARGE_CORPUS)
    assert too_common(11, LARGE_CORPUS)
    assert too_common(MAX_POSTINGS + 1, 100 * MAX_POSTINGS)


def test_a_large_site_is_not_compared_pair_by_pair():
    """3000 stories that all share one tag and one word: only the rarer pairs are related."""
    start = datetime(2026, 1, 1)
    stories = [
        Story(
            f"{n:04}.html",
            start + timedelta(hours=n),
            tags=frozenset({"铁东区"}),
            keywords={"铁东区": 0.6, f"小区{n // 2}": 0.8},
        )
        for n in range(3000)
    ]
    chosen = related(stories, 5)
    assert urls(chosen[0]) == ["0001.html"]
    assert urls(chosen[2999]) == ["2998.html"]


def test_settings_have_defaults():
    assert merged({"CACHE_PATH": "/srv/cache"}) == {
        "RELATED_COUNT": 5,
        "RELATED_KEYWORDS": 20,
        "RELATED_TAG_WEIGHT": 0.5,
        "RELATED_CACHE_PATH": "/srv/cache/related/terms.pickle",
        "RELATED_WORKERS": os.cpu_count(),
    }


@pytest.mark.parametrize(
    "settings",
    [
        {"RELATED_COUNT": -1},
        {"RELATED_COUNT": "5"},
        {"RELATED_KEYWORDS": 0},
        {"RELATED_TAG_WEIGHT": -0.5},
        {"RELATED_TAG_WEIGHT": False},
        {"RELATED_TAG_WEIGHT": float("nan")},
        {"RELATED_WORKERS": -1},
        {"RELATED_WORKERS": 1.5},
    ],
)
def test_bad_settings_are_refused_in_chinese_first(settings):
    with pytest.raises(ValueError, match=r"^RELATED_\w+ 应是"):
        merged(settings)
