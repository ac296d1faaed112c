"""The wording check's tables and finder: each kind of entry, the one-character-off rule with the
words it must leave alone, the office table's format and the marker for a form quoted on purpose."""

import pytest

from checks.wording.find import finder
from checks.wording.table import read_table

TABLE = read_table("""
# 来源：测试
迫不急待 => 迫不及待
扫黑险恶 => 扫黑除恶
全面依法治国
扫黑除恶
中华人民共和国
铁东区人民政府
""", "wording.txt")


@pytest.mark.parametrize("text, hits", [
    ("群众迫不急待地赶来。", [("迫不急待", "迫不及待", "wrong")]),
    ("深入开展扫黑险恶专项斗争。", [("扫黑险恶", "扫黑除恶", "wrong")]),  # in the table and one character off: said once
    ("坚持全面依法制国。", [("全面依法制国", "全面依法治国", "protected")]),
    ("中华人民共和图成立。", [("中华人民共和图", "中华人民共和国", "protected")]),
    ("铁东区人民攻府召开会议。", [("铁东区人民攻府", "铁东区人民政府", "protected")]),
    # right as written, or a word of its own one character off
    ("坚持全面依法治国，深入开展扫黑除恶。", []),
    ("加强法制建设，推进法治政府建设。", []),
    ("中华人民共和国成立七十七周年。", []),
    # quoted on purpose, with the marker readers never see
    ("标语牌上写着“扫黑险恶<!-- 原文如此 -->”，已更正。", []),
    ("标语牌上写着“扫黑险恶 <!--原文如此-->”。", []),
])
def test_hits(text, hits):
    assert [(hit.written, hit.right, hit.kind) for hit in finder(TABLE).hits(text)] == hits


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
    assert TABLE.wrong == {"迫不急待": "迫不及待", "扫黑险恶": "扫黑除恶"}
    assert TABLE.protected == ["全面依法治国", "扫黑除恶", "中华人民共和国", "铁东区人民政府"]
    assert TABLE.source["扫黑险恶"] == "wording.txt:4"
