"""Summaries counted in characters and ended at a sentence; reading time by characters and words."""

import pytest
from plugins.summaries.body import body_text
from plugins.summaries.reading import reading_minutes
from plugins.summaries.settings import merged
from plugins.summaries.summary import ELLIPSIS, is_cut_point, shorten, summarise

LAW_1 = (
    "为深入贯彻落实全面依法治国，精准把握铁东区法治政府建设，找准依法治区工作中的痛点、堵点问题，近日，"
    "铁东区政协组织部分法律界委员开展“提高依法治区水平 助推法治政府建设”专题调研。"
)
LAW_2 = (
    "调研组一行先后来到铁东区检察院“检爱扬帆”司法救助工作室、铁东区公共法律服务中心、铁东区解放派出所、"
    "城东人民法庭，详细了解基层社会治理、维护社会稳定、服务人民群众、化解矛盾纠纷、优化法治营商环境等工作的创新举措。"
)
PROPERTY = "针对全区154个无物业小区，铁东区坚持“一小区一方案”，分类推进治理。对具备规模的73个小区，各街道牵头对接物业企业，加快专业物业引进。"
QUOTE = "金桥社区相关负责人表示：“健康有保障、服务不打烊！”此次活动有效提升了居民的获得感。"
ASK = "各社区牵头细化“菜单式”服务内容，群众满意不满意？组织业主评价，形成闭环。"
# One sentence of 130 characters: its only full stop is past a budget of 120.
LONG = (
    "住建、公安、执法、消防、市场监管、卫健、司法等部门依责协同，合力整治小区违法违规行为，实现“街道吹哨、部门报到”机制，"
    "构建起“横向协同、纵向贯通”的执法协作体系，一手抓基础设施完善，一手抓精细管理，从日常巡检到快速响应，系统优化工作流程，"
    "推动物业管理常态长效。"
)


def paragraphs(*texts: str) -> str:
    return "".join(f"<p>{text}</p>\n" for text in texts)


@pytest.mark.parametrize(
    "html, max_chars, expected",
    [
        # The first paragraph ends in the last third of the budget: it is the summary.
        (paragraphs(LAW_1, LAW_2), 120, LAW_1),
        (paragraphs(PROPERTY), 40, "针对全区154个无物业小区，铁东区坚持“一小区一方案”，分类推进治理。"),
        # A sentence ending in ！ inside quotes ends with its closing quote.
        (paragraphs(QUOTE), 30, "金桥社区相关负责人表示：“健康有保障、服务不打烊！”"),
        (paragraphs(ASK), 30, "各社区牵头细化“菜单式”服务内容，群众满意不满意？"),
        # No sentence end near the budget: cut, drop the dangling comma, add the ellipsis.
        (paragraphs(PROPERTY), 30, "针对全区154个无物业小区，铁东区坚持“一小区一方案”……"),
        # "Near" is the second half of the budget: 35 characters of 70 are, of 71 are not.
        (paragraphs(PROPERTY[:35], LONG), 70, "针对全区154个无物业小区，铁东区坚持“一小区一方案”，分类推进治理。"),
        (
            paragraphs(PROPERTY[:35], LONG),
            71,
            "针对全区154个无物业小区，铁东区坚持“一小区一方案”，分类推进治理。住建、公安、执法、消防、市场监管、卫健、司法等部门依责协同，合力整治……",
        ),
        # Short enough: the whole text, as it is.
        (paragraphs("明日停水。"), 120, "明日停水。"),
        ("", 120, ""),
    ],
)
def test_summary_ends_at_a_near_sentence_end_or_with_an_ellipsis(html, max_chars, expected):
    assert summarise(html, max_chars) == expected


def test_a_long_sentence_is_cut_and_the_ellipsis_counts_toward_the_limit():
    summary = summarise(paragraphs(LONG), 120)
    assert len(summary) == 120
    assert summary.endswith("系统优化工作流程……")
    assert LONG.startswith(summary[: -len(ELLIPSIS)])


def test_sentence_end_whose_closing_quote_is_over_the_budget_is_not_used():
    text = "金桥社区相关负责人表示：“健康有保障、服务不打烊！”"
    assert shorten(text, len(text) - 1) == "金桥社区相关负责人表示：“健康有保障、服务不打……"


def test_captions_credits_subheads_tables_and_code_are_left_out():
    html = (
        '<figure class="photo"><img src="a.jpg" alt="走访"><figcaption>'
        '<span class="caption-text">社区工作人员入户走访，了解居民诉求。</span>'
        '<span class="credit">本报通讯员 东宣 摄</span></figcaption></figure>\n'
        "<p>铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效。</p>\n"
        "<h2>三级联动 拧紧责任链条</h2>\n"
        "<table><tr><td>小区</td><td>154个</td></tr></table>\n"
        "<pre><code>print('物业')</code></pre>\n"
        '<p class="credit">本报通讯员 东宣</p>\n'
        "<p>初步建立起“三级书记”抓物业的治理责任体系。</p>"
    )
    summary = summarise(html, 120)
    assert summary == "铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效。初步建立起“三级书记”抓物业的治理责任体系。"
    for left_out in ("走访", "东宣", "摄", "三级联动", "154个", "print"):
        assert left_out not in summary


def test_a_body_that_is_only_a_photo_is_summarised_from_its_caption():
    html = '<figure><img src="a.jpg" alt=""><figcaption>楼道堆积物集中清理现场。</figcaption></figure>'
    assert summarise(html, 120) == "楼道堆积物集中清理现场。"


@pytest.mark.parametrize(
    "html, expected",
    [
        # Markdown keeps the editor's line breaks; between Chinese characters they are no space.
        ("<p>此次活动有效提升了\n居民的获得感。</p>", "此次活动有效提升了居民的获得感。"),
        ("<p>此次活动有效提升了居民的获得感。</p>\n<p>金桥社区相关负责人表示。</p>", "此次活动有效提升了居民的获得感。金桥社区相关负责人表示。"),
        ("<p>Pressroom  is\na demo.</p><p>It builds.</p>", "Pressroom is a demo. It builds."),
        ("<p>“弘扬劳模精神 民族宣讲进校园”主题活动</p>", "“弘扬劳模精神 民族宣讲进校园”主题活动"),
        ("<ul><li><p>一小区一方案</p></li><li>红黑榜</li></ul>", "一小区一方案红黑榜"),
    ],
)
def test_whitespace_is_collapsed_and_cjk_runs_on(html, expected):
    assert body_text(html).paragraphs == expected


@pytest.mark.parametrize(
    "text, max_chars, expected",
    [
        # 𠀀 is one code point; the cut keeps it whole or leaves it out.
        ("近日𠀀" + "物" * 20, 5, "近日𠀀……"),
        # 👍🏽 is two code points (thumb and skin tone): a cut between them moves before the thumb.
        ("居民点赞👍🏽" + "好" * 20, 7, "居民点赞……"),
        ("居民点赞👍🏽" + "好" * 20, 8, "居民点赞👍🏽……"),
        # A ZWJ sequence (👩‍🔧, three code points) is never split either.
        ("维修人员👩‍🔧到场" + "好" * 20, 8, "维修人员……"),
        # A surrogate pair left in a str by UTF-16 decoding with surrogatepass.
        ("近日\ud840\udc00" + "物" * 20, 5, "近日……"),
        # A flag is two regional indicators.
        ("中国🇨🇳" + "好" * 20, 5, "中国……"),
    ],
)
def test_a_cut_never_splits_a_character(text, max_chars, expected):
    summary = shorten(text, max_chars)
    assert summary == expected
    assert len(summary) <= max_chars


def test_cut_points_inside_a_grapheme_cluster():
    text = "e\u0301👍🏽"  # é as e + combining acute, then a thumb with a skin tone
    assert [is_cut_point(text, index) for index in range(len(text) + 1)] == [True, False, True, False, True]


@pytest.mark.parametrize(
    "text, minutes",
    [
        ("", 1),
        ("。，、“”", 1),
        ("物" * 400, 1),
        ("物" * 401, 2),
        ("物业管理" * 300, 3),
        # 200 characters (half a minute) and 100 words (half a minute) make exactly one minute.
        ("物" * 200 + " Pelican" * 100, 1),
        ("物" * 200 + " Pelican" * 101, 2),
        ("铁东区出台《物业管理整治提升职责清单》，90%矛盾就地化解", 1),
        ("word " * 1000, 5),
    ],
)
def test_reading_minutes(text, minutes):
    assert reading_minutes(text) == minutes


def test_reading_speeds_are_settings():
    assert reading_minutes("物" * 400, chars_per_minute=200) == 2
    assert reading_minutes("word " * 300, words_per_minute=300) == 1


def test_settings_have_defaults():
    assert merged({}) == {
        "SUMMARIES_MAX_CHARS": 120,
        "SUMMARIES_CHARS_PER_MINUTE": 400,
        "SUMMARIES_WORDS_PER_MINUTE": 200,
    }


@pytest.mark.parametrize(
    "settings",
    [
        {"SUMMARIES_MAX_CHARS": 2},
        {"SUMMARIES_MAX_CHARS": "120"},
        {"SUMMARIES_MAX_CHARS": True},
        {"SUMMARIES_CHARS_PER_MINUTE": 0},
        {"SUMMARIES_WORDS_PER_MINUTE": 200.5},
    ],
)
def test_bad_settings_are_refused_in_chinese_first(settings):
    with pytest.raises(ValueError, match=r"^SUMMARIES_\w+ 应是"):
        merged(settings)
