"""How a print page's lines become paragraphs, and which lines are headlines, bylines and credits."""

import pytest

from bulletin.layout import Paragraph, clean, paragraphs
from checks.lines import ends_sentence, is_byline, is_credit, is_headline, split_dateline


@pytest.mark.parametrize(
    ("line", "cleaned"),
    [
        ("　　为深入贯彻落实全面依法治国,精准把握铁东区法治政府建设。 ", "为深入贯彻落实全面依法治国，精准把握铁东区法治政府建设。"),
        ("\ufeff本报讯(记者 常欣月)", "本报讯（记者 常欣月）"),
        ("坚持“一小区一方案”,分类推进治理", "坚持“一小区一方案”，分类推进治理"),
        ("Pelican 4.12, Markdown 3.7", "Pelican 4.12, Markdown 3.7"),
        ("健全管理机制　破解治理难题", "健全管理机制 破解治理难题"),
        ("本报通讯员　　东宣", "本报通讯员 东宣"),
        ("", ""),
    ],
)
def test_a_line_loses_its_indent_and_gets_full_width_marks_between_chinese(line, cleaned):
    assert clean(line) == cleaned


@pytest.mark.parametrize(
    ("text", "ends"),
    [
        ("推动全区物业服务品质迈上新台阶。", True),
        ("“服务更贴心了！”", True),
        ("这是为什么？", True),
        ("主要做法如下：", True),
        ("区级领导定期带头调研问题突", False),
        ("构建起“横向协同、纵向贯通”的执法协作体系。坚持", False),
        ("形成“服务——评价——优化”闭环。各行管", False),
    ],
)
def test_a_sentence_ends_with_a_stop_even_inside_closing_quotes(text, ends):
    assert ends_sentence(text) is ends


@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("健全管理机制 破解治理难题", True),
        ("——铁东区多措并举做好物业管理工作记事", True),
        ("三级联动 拧紧责任链条", True),
        ("区级领导定期带头调研问题突", True),  # alone it looks like one: the joining rule keeps it in its paragraph
        ("铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效", False),
        ("主要做法如下：", False),
        ("本报通讯员 东宣", False),
        ("本报通讯员 高欣 摄", False),
        ("一" * 33, False),
    ],
)
def test_a_headline_is_short_with_no_commas_or_stops_and_names_no_people(text, headline):
    assert is_headline(text) is headline


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("本报通讯员 高欣 摄", True),
        ("新华社记者 李明 摄", True),
        ("（记者 李明 摄）", True),
        ("11月24日，学生们在活动现场合影。本报通讯员 高欣 摄", False),  # a caption with its credit
        ("本报通讯员 东宣", False),
    ],
)
def test_a_credit_stands_alone_only_when_nothing_but_people_and_摄_is_on_the_line(text, credit):
    assert is_credit(text) is credit


@pytest.mark.parametrize(
    ("text", "byline"),
    [
        ("本报通讯员 东宣", True),
        ("记者 王磊 通讯员 赵倩", True),
        ("本报记者　常欣月", True),
        ("本报讯（记者 常欣月 通讯员 高欣）", True),
        ("新华社北京11月24日电（记者 李明）", True),
        ("本报讯（记者 常欣月）为深入贯彻落实全面依法治国，", False),
        ("常欣月 高欣", False),
        ("记者会上，区长回答了提问。", False),
    ],
)
def test_a_byline_line_is_people_with_their_roles_or_a_dateline_alone(text, byline):
    assert is_byline(text) is byline


@pytest.mark.parametrize(
    ("text", "byline", "rest"),
    [
        ("本报讯（记者 常欣月 通讯员 高欣）为深入贯彻…", "本报讯（记者 常欣月 通讯员 高欣）", "为深入贯彻…"),
        ("本报讯(通讯员 王斌)近日，铁东区文联…", "本报讯（通讯员 王斌）", "近日，铁东区文联…"),
        ("新华社北京11月24日电（记者 李明）国务院新闻办公室…", "新华社北京11月24日电（记者 李明）", "国务院新闻办公室…"),
        ("本报四平11月24日讯（记者 王磊）24日上午，…", "本报四平11月24日讯（记者 王磊）", "24日上午，…"),
        ("本报讯　近日，铁东区…", "本报讯", "近日，铁东区…"),
        ("（通讯员 刘子涵）近日，金桥社区…", "（通讯员 刘子涵）", "近日，金桥社区…"),
        ("（图为活动现场）近日，…", "", "（图为活动现场）近日，…"),
        ("本报通讯员 东宣", "", "本报通讯员 东宣"),
        ("近日，铁东区政协组织部分委员开展调研。", "", "近日，铁东区政协组织部分委员开展调研。"),
    ],
)
def test_a_dateline_and_its_bracketed_people_come_off_the_first_sentence(text, byline, rest):
    assert split_dateline(text) == (byline, rest)


def texts(page: str) -> list[str]:
    return [paragraph.text for paragraph in paragraphs(page)]


def test_a_sentence_broken_by_the_column_is_rejoined_across_the_empty_line_after_it():
    page = "相关区级领导定期调研,带头调研问题突\n\n出小区,每季度召开推进会;街道书记每周下沉社\n区。\n"
    assert texts(page) == ["相关区级领导定期调研，带头调研问题突出小区，每季度召开推进会；街道书记每周下沉社区。"]


def test_a_short_line_alone_is_a_subhead_not_the_start_of_a_sentence():
    # A column breaks a line after twenty-odd characters, mostly past a comma; a short fragment
    # with no mark at all cannot be told from a subhead, and a subhead is the likelier.
    assert texts("三级联动 拧紧责任链条\n初步建立起治理责任体系。\n") == ["三级联动 拧紧责任链条", "初步建立起治理责任体系。"]


def test_a_finished_sentence_ends_its_paragraph_even_with_no_empty_line():
    page = "铁东区召开推进会。\n会议部署了下一阶段工作。\n"
    assert texts(page) == ["铁东区召开推进会。", "会议部署了下一阶段工作。"]


def test_a_latin_word_broken_at_a_space_keeps_its_space():
    assert texts("据介绍，网站用 Pelican\nstatic 方式发布。") == ["据介绍，网站用 Pelican static 方式发布。"]


def test_each_paragraph_knows_the_line_it_starts_on():
    page = "\n\n健全管理机制\n\n本报通讯员 东宣\n\n铁东区坚持以便民化为主线，推进提\n\n质增效。\n"
    assert paragraphs(page) == [
        Paragraph("健全管理机制", 3),
        Paragraph("本报通讯员 东宣", 5),
        Paragraph("铁东区坚持以便民化为主线，推进提质增效。", 7),
    ]


@pytest.mark.parametrize(
    "following",
    ["双向发力 打破恶性循环", "本报通讯员 东宣", "本报讯（记者 常欣月）近日，区政协开展调研。", "本报通讯员 高欣 摄"],
)
def test_text_cut_in_print_is_kept_and_marked_never_joined_to_a_headline_byline_or_credit(following):
    page = f"各社区牵头细化服务内容，形成闭环。各行管\n\n{following}\n"
    found = paragraphs(page)
    assert [paragraph.text for paragraph in found] == ["各社区牵头细化服务内容，形成闭环。各行管", following]
    assert found[0].cut and not found[1].cut


def test_the_last_paragraph_on_the_page_is_cut_when_it_stops_mid_sentence():
    assert paragraphs("截至目前，秸秆禁烧工作取得阶段性成\n")[-1].cut
    assert not paragraphs("截至目前，秸秆禁烧工作取得阶段性成效。\n")[-1].cut


def test_a_caption_ending_in_its_credit_is_not_joined_to_the_next_line():
    page = "近日，铁东区举办“金秋助学”活动。本报通讯员 高欣 摄\n铁东区统战部举办主题活动\n"
    assert texts(page) == ["近日，铁东区举办“金秋助学”活动。本报通讯员 高欣 摄", "铁东区统战部举办主题活动"]


def test_a_page_in_full_width_punctuation_and_spaces_reads_the_same_as_half_width():
    full = "　　铁东区文联举办文艺演出\n\n本报讯（通讯员　王斌）近日，演出在区文化\n\n馆举行。\n"
    half = "铁东区文联举办文艺演出\n\n本报讯(通讯员 王斌)近日,演出在区文化\n\n馆举行。\n"
    assert texts(full)[0] == texts(half)[0] == "铁东区文联举办文艺演出"
    assert texts(full)[1].endswith("近日，演出在区文化馆举行。")
    assert texts(half)[1] == texts(full)[1] == "本报讯（通讯员 王斌）近日，演出在区文化馆举行。"


def test_a_column_break_with_a_blank_line_is_rejoined_and_a_paragraph_end_is_kept():
    page = (
        "本报讯（记者 常欣月）影片根据真实事件改编，讲述了一个以弱势儿童为\n\n主题的真实公益事件，引发观众共鸣。\n\n"
        "影片由区文联、团区委联合出品。\n\n"
        "一本“山林账”，看林下经济发展\n\n本报记者  周  欢\n\n江西鹰潭市龙虎山风景区，泸溪河蜿蜒流淌。\n"
    )
    assert [paragraph.text for paragraph in paragraphs(page)] == [
        "本报讯（记者 常欣月）影片根据真实事件改编，讲述了一个以弱势儿童为主题的真实公益事件，引发观众共鸣。",
        "影片由区文联、团区委联合出品。",
        "一本“山林账”，看林下经济发展",
        "本报记者  周  欢",
        "江西鹰潭市龙虎山风景区，泸溪河蜿蜒流淌。",
    ]
