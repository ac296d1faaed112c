"""What the importer guesses for an editor to confirm, and how it says so when a guess fails."""

import pytest

from bulletin.cli import import_page
from bulletin.guess import common_words, guess_section, suggest_tags, title_from_caption
from bulletin.settings import DEFAULTS

SECTIONS = ["要闻", "政务", "民生", "文化", "图片新闻"]
SECTION_WORDS = DEFAULTS["IMPORT_SECTION_WORDS"]


@pytest.mark.parametrize(
    ("title", "text", "section", "sure"),
    [
        ("提高依法治区水平 助推法治政府建设", "铁东区政协组织部分法律界委员开展专题调研。", "政务", True),
        ("立足群众文化需求 丰富群众文化生活", "铁东区文联举办文艺演出，舞蹈、歌曲轮番上演。", "文化", True),
        ("医疗服务进社区 提升居民获得感", "金桥社区联合医疗企业为居民提供健康检查。", "民生", True),
        ("全面压实责任 守牢安全底线", "铁东区开展秸秆焚烧管控工作调研，确保全区不发生火情。", "要闻", True),
        ("铁东区举行首场冬季长跑", "300余人参加。", "要闻", False),
    ],
)
def test_the_section_is_the_one_whose_words_occur_most_or_the_first_when_none_do(title, text, section, sure):
    assert guess_section(f"{title}\n{text}", title, SECTION_WORDS, SECTIONS) == (section, sure)


def test_a_word_in_the_headline_outweighs_the_same_word_in_the_text():
    text = "区政协委员走进社区。"
    assert guess_section(text, "社区", SECTION_WORDS, SECTIONS)[0] == "民生"
    assert guess_section(text, "政协", SECTION_WORDS, SECTIONS)[0] == "政务"


def test_a_section_the_site_does_not_have_is_never_guessed():
    assert guess_section("文艺演出", "文艺演出", SECTION_WORDS, ["要闻", "民生"]) == ("要闻", False)


@pytest.mark.parametrize(
    ("texts", "common"),
    [
        (["铁东区物业管理", "铁东区政协调研", "铁东区文艺演出"], {"铁东区"}),
        (["铁东区物业管理", "铁东区政协调研", "四平市文艺演出"], {"铁东区"}),
        (["铁东区物业管理", "四平市政协调研", "四平市文艺演出", "吉林省秸秆禁烧"], set()),  # half is not more than half
        (["铁东区物业管理", "铁东区政协调研"], set()),  # two items are too few to tell
    ],
)
def test_a_word_in_more_than_half_of_a_pages_items_is_common(texts, common):
    assert common_words(texts, {"铁东区", "四平市", "物业管理"}) == common


@pytest.mark.parametrize(
    ("text", "known", "keywords", "common", "tags"),
    [
        ("物业管理物业管理 无物业小区", ["物业管理", "法治"], ["小区", "物业"], set(), ["物业管理", "小区"]),
        ("秸秆焚烧 秸秆 管控", [], ["秸秆", "秸秆焚烧", "管控"], set(), ["秸秆", "管控"]),
        ("铁东区 文艺演出", [], ["铁东区", "文艺演出", "的", "2025"], {"铁东区"}, ["文艺演出"]),
        ("法治 政协 调研 委员 人大", ["法治", "政协", "调研", "委员", "人大"], [], set(), ["法治", "政协", "调研", "委员"]),
        ("没有一个关键词", [], [], set(), []),
    ],
)
def test_tags_are_the_sites_own_first_then_jiebas_keywords_with_no_tag_inside_another(text, known, keywords, common, tags):
    assert suggest_tags(text, known, keywords, 4, common) == tags


@pytest.mark.parametrize(
    ("caption", "title"),
    [
        ("11月24日，铁东区关工委举办第十四届“金秋助学”活动。", "铁东区关工委举办第十四届“金秋助学”活动"),
        ("近日，平南街道执法中队开展楼道堆积物集中清理行动，清理杂物10余吨。", "平南街道执法中队开展楼道堆积物集中清理行动"),
        ("为弘扬劳模精神，区总工会举办主题活动。", "区总工会举办主题活动"),
        ("志愿者为老人义务理发", "志愿者为老人义务理发"),
        (
            "近日，铁东区关工委联合四平欧亚商贸党支部、关工委在区文化馆举办第十四届“金秋助学”暨“情暖童心”主题关爱活动。",
            "铁东区关工委举办第十四届“金秋助学”暨“情暖童心”主题关爱活动",
        ),
    ],
)
def test_a_photo_headline_from_its_caption_is_who_did_what_without_time_or_purpose(caption, title):
    assert title_from_caption(caption) == title


def test_a_headline_from_a_caption_never_passes_the_length_check_wants():
    title = title_from_caption("近日，" + "铁东区" * 20 + "开展活动。")
    assert len(title) == 40 and title.endswith("…")


# A page the guesses cannot read: no section words, a credit with no caption, a photo with no
# headline, a story with no byline. The importer still writes every item and says what to settle.
UNGUESSABLE = """
第三版

本报通讯员 高欣 摄

他们说，好。

本报通讯员 东宣 摄

来了又走了

他们说，好。
"""


def test_a_page_the_guesses_fail_on_still_imports_and_says_what_to_settle(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(UNGUESSABLE, encoding="utf-8")
    content = tmp_path / "content"
    site = {"FRONTPAGE_SECTIONS": ["要闻", "民生"]}  # no 图片新闻 section on this site
    report, status = import_page(page, content, "2026-11-24 08:00", site)
    assert status == 0
    texts = [draft.read_text(encoding="utf-8") for draft in (content / "drafts").glob("*.md")]
    assert len(texts) == 3
    assert all("Status: draft" in text and "Category: 要闻" in text for text in texts)
    assert all("- 栏目无从判断，暂放“要闻”，请选定" in text for text in texts)
    said = "\n".join(report)
    assert said.count("栏目无从判断，暂放“要闻”，请选定") == 3
    assert f"{page}:4: 待核实：署名“本报通讯员 高欣 摄”前没有图片说明" in said
    assert f"{page}:6: 待核实：标题由图片说明或正文生成，请核改" in said
    assert f"{page}:10: 待核实：没有找到署名" in said
    assert "标签 无" in said
    assert report[-1].startswith("共 3 条：1 篇文章、2 条图片新闻；写入 3 个草稿，6 处待核实")


def test_a_page_with_nothing_on_it_writes_nothing_and_says_so(tmp_path):
    page = tmp_path / "blank.txt"
    page.write_text("\n　\n", encoding="utf-8")
    report, status = import_page(page, tmp_path / "content", "2026-11-24 08:00", {})
    assert status == 1 and not (tmp_path / "content").exists()
    assert report == [f"{page}: 没有找到任何稿件：页面是空的，或没有标题和正文 (no items found)"]
