"""How a page's paragraphs become items: each rule of print layout with its own small page."""

from bulletin.items import articles_and_photos, starts_mid_sentence
from bulletin.layout import paragraphs

import pytest


def items_of(page: str):
    return articles_and_photos(paragraphs(page))


def doubts_of(item) -> list[str]:
    return [doubt.en for doubt in item.doubts]


def test_a_feature_has_its_title_subtitle_byline_alone_and_subheads():
    page = """
健全管理机制 破解治理难题

——铁东区多措并举做好物业管理工作记事

本报通讯员 东宣

铁东区坚持以“标准化+便民化”为主线，推动实现物业服务全覆盖。

三级联动 拧紧责任链条

初步建立起“三级书记”抓物业的治理责任体系。

分类施策 破解治理难题

针对全区154个无物业小区，铁东区坚持“一小区一方案”。
"""
    [item] = items_of(page)
    assert (item.kind, item.title, item.subtitle, item.kicker, item.byline) == (
        "article", "健全管理机制 破解治理难题", "——铁东区多措并举做好物业管理工作记事", "", "本报通讯员 东宣",
    )
    assert [kind for kind, _ in item.blocks] == ["p", "h", "p", "h", "p"]
    assert item.blocks[1] == ("h", "三级联动 拧紧责任链条")
    assert item.doubts == []


def test_three_headline_lines_are_kicker_title_and_subtitle():
    page = "金秋时节访基层\n\n铁东区开展秸秆禁烧专项督查\n\n——全区未发现一处火点\n\n本报讯（记者 王磊）近日，区政府组织督查组深入各乡镇。\n"
    [item] = items_of(page)
    assert (item.kicker, item.title, item.subtitle) == ("金秋时节访基层", "铁东区开展秸秆禁烧专项督查", "——全区未发现一处火点")
    assert item.byline == "本报讯（记者 王磊）"
    assert item.blocks == [("p", "近日，区政府组织督查组深入各乡镇。")]


def test_a_headline_with_two_deck_lines_keeps_both_as_its_subtitle():
    # decks with commas and full-width digits, as a paper sets a year's review under its headline
    page = (
        "物业管理全覆盖\n——铁东区２０２６年物业管理工作综述，一年来的变化\n——从“没人管”到“有人管”再到“管得好”\n"
        "本报讯（记者 高欣）今年以来，铁东区推进物业管理提质增效，累计整改问题１１３个。\n"
    )
    [item] = items_of(page)
    assert (item.kicker, item.title, item.byline) == ("", "物业管理全覆盖", "本报讯（记者 高欣）")
    assert item.subtitle == "——铁东区２０２６年物业管理工作综述，一年来的变化 ——从“没人管”到“有人管”再到“管得好”"
    assert item.blocks == [("p", "今年以来，铁东区推进物业管理提质增效，累计整改问题１１３个。")]
    assert item.doubts == []


def test_a_kicker_a_headline_and_a_deck_with_a_comma():
    page = "金秋时节访基层\n铁东区开展秸秆禁烧专项督查\n——全区未发现一处火点，群众满意\n本报讯（记者 王磊）近日，区政府组织督查组深入各乡镇。\n"
    [item] = items_of(page)
    assert (item.kicker, item.title, item.subtitle) == ("金秋时节访基层", "铁东区开展秸秆禁烧专项督查", "——全区未发现一处火点，群众满意")


@pytest.mark.parametrize(
    ("byline_line", "byline", "first_paragraph"),
    [
        ("新华社北京11月24日电（记者 李明）国务院新闻办公室24日举行发布会。", "新华社北京11月24日电（记者 李明）", "国务院新闻办公室24日举行发布会。"),
        ("本报四平11月24日讯（记者 王磊）24日上午，全市工作会议召开。", "本报四平11月24日讯（记者 王磊）", "24日上午，全市工作会议召开。"),
        ("记者 王磊 通讯员 赵倩\n\n24日上午，全市工作会议召开。", "记者 王磊 通讯员 赵倩", "24日上午，全市工作会议召开。"),
        ("本报讯　24日上午，全市工作会议召开。", "本报讯", "24日上午，全市工作会议召开。"),
    ],
)
def test_a_one_line_headline_is_a_story_when_a_byline_or_dateline_follows(byline_line, byline, first_paragraph):
    page = f"全市秋冬季安全生产工作会议召开\n\n{byline_line}\n\n会议要求，各地压实责任。\n"
    [item] = items_of(page)
    assert (item.title, item.byline) == ("全市秋冬季安全生产工作会议召开", byline)
    assert item.blocks == [("p", first_paragraph), ("p", "会议要求，各地压实责任。")]


def test_a_story_with_no_subheads_is_all_paragraphs_and_the_next_story_starts_at_its_headline():
    page = """
立足群众文化需求 丰富群众文化生活

铁东区文联举办文艺演出

本报讯(通讯员 王斌)近日，铁东区文联在区文化馆举办文艺演出。

演出在合唱《没有共产党就没有新中国》中落下帷幕。

医疗服务进社区 提升居民获得感

铁东区金桥社区联合医疗企业开展便民服务活动

本报讯(通讯员 刘子涵)近日，金桥社区开展便民服务活动。
"""
    first, second = items_of(page)
    assert first.title == "立足群众文化需求 丰富群众文化生活" and first.subtitle == "铁东区文联举办文艺演出"
    assert [kind for kind, _ in first.blocks] == ["p", "p"]
    assert second.title == "医疗服务进社区 提升居民获得感" and second.byline == "本报讯（通讯员 刘子涵）"


def test_two_photo_items_in_a_row_each_take_their_caption_and_credit():
    page = """
11月24日，铁东区关工委举办第十四届“金秋助学”活动，为20名学生发放助学金。

本报通讯员 高欣 摄

近日，铁东区统战部、区总工会举办“民族宣讲进校园”主题活动。

本报通讯员 东宣 摄
"""
    first, second = items_of(page)
    assert (first.kind, first.caption, first.credit) == (
        "photo", "11月24日，铁东区关工委举办第十四届“金秋助学”活动，为20名学生发放助学金。", "本报通讯员 高欣 摄",
    )
    assert (second.kind, second.caption, second.credit) == (
        "photo", "近日，铁东区统战部、区总工会举办“民族宣讲进校园”主题活动。", "本报通讯员 东宣 摄",
    )
    assert first.title == second.title == ""  # the importer makes one from the caption, and says so


def test_a_caption_with_its_credit_on_the_same_line_is_one_photo_item():
    page = "近日，平南街道执法中队开展楼道堆积物集中清理行动。本报通讯员 王东 摄\n"
    [item] = items_of(page)
    assert (item.kind, item.caption, item.credit) == ("photo", "近日，平南街道执法中队开展楼道堆积物集中清理行动。", "本报通讯员 王东 摄")


def test_a_short_line_just_above_a_caption_is_the_photo_items_own_headline():
    page = "铁东区举行首场冬季长跑\n\n11月24日清晨，300余名干部群众参加冬季长跑活动。\n\n记者 李明 摄\n"
    [item] = items_of(page)
    assert (item.kind, item.title, item.caption, item.credit) == (
        "photo", "铁东区举行首场冬季长跑", "11月24日清晨，300余名干部群众参加冬季长跑活动。", "记者 李明 摄",
    )


def test_a_photo_item_ends_the_story_before_it():
    page = """
铁东区召开安全生产会议

本报讯（记者 王磊）24日，铁东区召开安全生产会议。

近日，志愿者在社区为老人义务理发。

本报通讯员 高欣 摄
"""
    article, photo = items_of(page)
    assert article.blocks == [("p", "24日，铁东区召开安全生产会议。")]
    assert photo.caption == "近日，志愿者在社区为老人义务理发。"


def test_a_credit_with_no_caption_before_it_is_a_doubt():
    [item] = items_of("本报通讯员 高欣 摄\n")
    assert item.kind == "photo" and doubts_of(item) == ["a photo credit with no caption before it"]


def test_a_story_that_starts_mid_sentence_with_no_headline_is_flagged_not_joined_to_the_item_before():
    page = """
近日，志愿者在社区为老人义务理发。

本报通讯员 高欣 摄

实进展，认真听取基层意见建议。

全面压实责任 守牢安全底线

铁东区开展秸秆焚烧管控工作调研

近日，区政协调研组深入乡镇。
"""
    photo, orphan, article = items_of(page)
    assert photo.kind == "photo" and photo.caption == "近日，志愿者在社区为老人义务理发。"
    assert orphan.title == "" and orphan.title_guessed
    assert orphan.blocks == [("p", "实进展，认真听取基层意见建议。")]
    assert doubts_of(orphan) == ["text with no headline above it", "the story starts mid-sentence"]
    assert [doubt.line for doubt in orphan.doubts] == [6, 6]
    assert article.title == "全面压实责任 守牢安全底线" and doubts_of(article) == ["no byline found"]


@pytest.mark.parametrize(
    ("text", "mid"),
    [
        ("实进展，认真听取基层意见建议。", True),
        ("，认真听取基层意见建议。", True),
        ("”活动取得圆满成功。", True),
        ("为深入贯彻落实全面依法治国，区政协开展调研。", False),
        ("近日，铁东区文联举办文艺演出。", False),
        ("铁东区坚持以便民化为主线。", False),
        ("据介绍，活动持续三天。", False),
        ("24日上午，全市工作会议召开。", False),
    ],
)
def test_a_first_paragraph_starts_mid_sentence_when_it_opens_with_a_stray_character_or_a_closing_mark(text, mid):
    assert starts_mid_sentence(text) is mid


def test_a_paragraph_cut_before_a_subhead_is_kept_in_its_story_and_flagged():
    page = """
健全管理机制 破解治理难题

本报通讯员 东宣

各社区牵头细化“菜单式”服务内容，明确收费标准。各行管

双向发力 打破恶性循环

针对有物业小区，采取“监管+引导”双向发力策略。
"""
    [item] = items_of(page)
    assert item.blocks == [
        ("p", "各社区牵头细化“菜单式”服务内容，明确收费标准。各行管"),
        ("h", "双向发力 打破恶性循环"),
        ("p", "针对有物业小区，采取“监管+引导”双向发力策略。"),
    ]
    assert doubts_of(item) == ["a paragraph ends mid-sentence"]
    assert item.doubts[0].line == 6


def test_a_second_byline_inside_a_story_is_kept_as_text_and_flagged():
    page = "铁东区召开安全生产会议\n\n本报讯（记者 王磊）24日，会议召开。\n\n本报讯（记者 李明）25日，督查组出发。\n"
    [item] = items_of(page)
    assert item.byline == "本报讯（记者 王磊）"
    assert item.blocks[-1] == ("p", "本报讯（记者 李明）25日，督查组出发。")
    assert doubts_of(item) == ["a second byline inside the story"]


def test_a_headline_with_no_text_under_it_is_a_doubt():
    [item] = items_of("铁东区召开安全生产会议\n\n本报通讯员 东宣\n")
    assert doubts_of(item) == ["a headline with no text under it"]


def test_a_page_in_full_width_punctuation_gives_the_same_items_as_half_width():
    half = "铁东区文联举办文艺演出\n\n本报讯(通讯员 王斌)近日,演出在区文化\n\n馆举行。\n\n演出结束后,观众合影。本报通讯员 高欣 摄\n"
    full = "　　铁东区文联举办文艺演出\n\n　　本报讯（通讯员　王斌）近日，演出在区文化\n\n馆举行。\n\n　　演出结束后，观众合影。本报通讯员　高欣　摄\n"
    for page in (half, full):
        article, photo = items_of(page)
        assert article.title == "铁东区文联举办文艺演出"
        assert article.byline == "本报讯（通讯员 王斌）"
        assert article.blocks == [("p", "近日，演出在区文化馆举行。")]
        assert (photo.caption, photo.credit) == ("演出结束后，观众合影。", "本报通讯员 高欣 摄")


def test_an_empty_page_has_no_items():
    assert items_of("\n\n　　\n") == []
