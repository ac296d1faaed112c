"""The wording check's tables and finder: each kind of entry, the one-character-off rule with the
words it must leave alone, the confusion table, the office table's format and the marker for a
form quoted on purpose; and every entry the project ships, planted, is found."""

import pytest

from checks.wording.find import confusion_variants, finder
from checks.wording.rule import COMMON, CONFUSIONS
from checks.wording.table import load_tables, read_confusions, read_table

TABLE = read_table("""
# 来源：测试
迫不急待 => 迫不及待
扫黑险恶 => 扫黑除恶
签定 => 签订
展转 => 辗转
全面依法治国
扫黑除恶
中华人民共和国
中国共产党
科学发展观
中国式现代化
社会主义核心价值观
铁东区人民政府
杜家毫
""", "wording.txt")
CONFUSED = read_confusions("治制致\n义意\n值直\n毫豪\n")
FINDER = finder(TABLE, CONFUSED)


@pytest.mark.parametrize("text, hits", [
    ("群众迫不急待地赶来。", [("迫不急待", "迫不及待", "wrong")]),
    ("深入开展扫黑险恶专项斗争。", [("扫黑险恶", "扫黑除恶", "wrong")]),  # in the table and one character off: said once
    ("双方当场签定合作协议。", [("签定", "签订", "wrong")]),
    # a wrong form of two or three characters counts only as a word of the sentence (jieba's cut)
    ("推动产业向高质量发展转型。", []),
    ("他几经展转，回到家乡。", [("展转", "辗转", "wrong")]),
    # a protected expression one character off: a known confusion, whether or not it makes a word
    ("坚持全面依法制国。", [("全面依法制国", "全面依法治国", "protected")]),
    ("践行社会主义核心价直观。", [("社会主义核心价直观", "社会主义核心价值观", "protected")]),
    # or any character that stands alone in the cut
    ("中华人民共和图成立。", [("中华人民共和图", "中华人民共和国", "protected")]),
    ("铁东区人民攻府召开会议。", [("铁东区人民攻府", "铁东区人民政府", "protected")]),
    # a short expression (a name) only by a known confusion: 杜家亮 is somebody else
    ("省委书记杜家豪主持会议。", [("杜家豪", "杜家毫", "protected")]),
    ("村民杜家亮说。", []),
    # right as written, or one character off but other words in their own right
    ("坚持全面依法治国，深入开展扫黑除恶。", []),
    ("加强法制建设，推进法治政府建设。", []),
    ("英国共产党主席出席会议。", []),
    ("纵观科学发展史，人才辈出。", []),
    ("中国的现代化发展成就令人瞩目。", []),
    ("他说，中国共产主义青年团成立于1922年。", []),
    # quoted on purpose, with the marker readers never see
    ("标语牌上写着“扫黑险恶<!-- 原文如此 -->”，已更正。", []),
    ("标语牌上写着“扫黑险恶 <!--原文如此-->”。", []),
])
def test_hits(text, hits):
    assert [(hit.written, hit.right, hit.kind) for hit in FINDER.hits(text)] == hits


def test_a_run_off_two_expressions_names_the_one_with_a_known_confusion():
    table = read_table("全面建成小康社会\n全面建设小康社会\n", "wording.txt")
    confused = read_confusions("设没\n")
    assert [hit.right for hit in finder(table, confused).hits("全面建没小康社会")] == ["全面建设小康社会"]


def test_a_run_inside_a_longer_expression_names_the_longer_one():
    table = read_table("中华人民共和国\n中华人民共和国主席\n", "wording.txt")
    assert [hit.right for hit in finder(table, read_confusions("国图\n")).hits("中华人民共和图主席令")] == ["中华人民共和国主席"]


@pytest.mark.parametrize("text, confusions", [
    ("治制致\n", {"治": "制致", "制": "治致", "致": "治制"}),
    ("# 注释\n治 制 # 空格不算\n义意\n", {"治": "制", "制": "治", "义": "意", "意": "义"}),
    ("治制\n制质\n", {"治": "制", "制": "治质", "质": "制"}),  # a character of two groups is mistaken for both
])
def test_confusion_table(text, confusions):
    assert {character: "".join(sorted(others)) for character, others in read_confusions(text).items()} == {
        character: "".join(sorted(others)) for character, others in confusions.items()}


@pytest.mark.parametrize("line, problem", [
    ("迫不急待 =>", "两边不同"),
    ("迫不急待 => 迫不急待", "两边不同"),
    ("全面依法治国 扫黑除恶", "一行只写一个规范表述"),
])
def test_a_bad_table_line_is_named_with_its_file_and_line(line, problem):
    table = read_table(f"# 注释\n{line}\n", "wording.txt")
    assert [(name, number) for name, number, _ in table.problems] == [("wording.txt", 2)]
    assert problem in table.problems[0][2]


def test_entries_and_where_they_come_from():
    table = read_table("# 来源：测试\n迫不急待 => 迫不及待\n全面依法治国\n", "wording.txt")
    assert table.wrong == {"迫不急待": "迫不及待"}
    assert table.protected == ["全面依法治国"]
    assert table.source["迫不急待"] == "wording.txt:2"


SHIPPED = load_tables([COMMON])
SHIPPED_CONFUSIONS = read_confusions(CONFUSIONS.read_text(encoding="utf-8"))
SHIPPED_FINDER = finder(SHIPPED, SHIPPED_CONFUSIONS)


def test_the_shipped_tables_have_several_hundred_entries_each_with_its_source():
    assert len(SHIPPED.wrong) >= 500 and len(SHIPPED.protected) >= 50
    assert not SHIPPED.problems
    assert not set(SHIPPED.wrong) & set(SHIPPED.wrong.values())  # no right form is another entry's wrong form
    lines = COMMON.read_text(encoding="utf-8").splitlines()
    for entry, where in SHIPPED.source.items():
        number = int(where.rsplit(":", 1)[1])
        group = lines[:number]
        source = next((line for line in reversed(group) if line.startswith("# 来源：")), None)
        assert source, f"{entry} ({where}) has no “# 来源：” line above it"


@pytest.mark.parametrize("wrong", sorted(SHIPPED.wrong))
def test_every_shipped_wrong_form_is_found_as_a_word_of_its_own(wrong):
    assert [(hit.written, hit.right) for hit in SHIPPED_FINDER.hits(f"据了解，{wrong}。")] == [(wrong, SHIPPED.wrong[wrong])]


@pytest.mark.parametrize("expression", SHIPPED.protected)
def test_every_shipped_expression_is_found_with_each_known_confusion(expression):
    variants = confusion_variants(expression, SHIPPED_CONFUSIONS)
    assert variants
    for variant in variants:
        hits = SHIPPED_FINDER.hits(f"会议强调，{variant}。")
        assert [hit for hit in hits if variant in hit.written and expression in hit.right], variant
