"""invoke check reads a file's header as the build does: the fields Pelican's Markdown reader gets
(Python-Markdown's meta extension, the file opened by pelican_open), with the line each is on."""

import codecs

import pytest
from markdown import Markdown
from pelican.utils import pelican_open

from checks.source import read_source

BODY = "铁东区坚持以“标准化+便民化”为主线，推动实现物业服务全覆盖。\n"

# (what the editor saved, the fields as (key, value, line), the body's first line)
HEADERS = [
    ("plain", f"Title: 健全管理机制 破解治理难题\nDate: 2026-11-24 08:30\n\n{BODY}",
     [("title", "健全管理机制 破解治理难题", 1), ("date", "2026-11-24 08:30", 2)], 4),
    ("continued by four spaces", f"Title: 健全管理机制\n    破解治理难题\nDate: 2026-11-24\n\n{BODY}",
     [("title", "健全管理机制\n破解治理难题", 1), ("date", "2026-11-24", 3)], 5),
    ("continued by a tab", f"Title: 健全管理机制\n\t破解治理难题\n\n{BODY}",
     [("title", "健全管理机制\n破解治理难题", 1)], 4),
    ("keys in any case", f"TITLE: 健全管理机制\ndate: 2026-11-24\nCaTeGoRy: 要闻\n\n{BODY}",
     [("title", "健全管理机制", 1), ("date", "2026-11-24", 2), ("category", "要闻", 3)], 5),
    ("spaces-only line ends it", f"Title: 健全管理机制\n   \nDate: 2026-11-24\n\n{BODY}",
     [("title", "健全管理机制", 1)], 3),
    ("ideographic space line ends it", f"Title: 健全管理机制\n\u3000\nDate: 2026-11-24\n\n{BODY}",
     [("title", "健全管理机制", 1)], 3),
    ("between --- lines", f"---\nTitle: 健全管理机制\nDate: 2026-11-24\n---\n{BODY}",
     [("title", "健全管理机制", 2), ("date", "2026-11-24", 3)], 5),
    ("--- then ...", f"---\nTitle: 健全管理机制\n...\n{BODY}", [("title", "健全管理机制", 2)], 4),
    ("no header", f"{BODY}Title: 不是字段\n", [], 1),
    ("a Chinese key is no key", f"标题: 健全管理机制\nDate: 2026-11-24\n\n{BODY}", [], 1),
    ("a full-width colon is no colon", f"Title：健全管理机制\nDate: 2026-11-24\n\n{BODY}", [], 1),
    ("a field twice", f"Tags: 物业管理\nTags: 基层治理\n\n{BODY}",
     [("tags", "物业管理", 1), ("tags", "基层治理", 2)], 4),
    ("CRLF", f"Title: 健全管理机制\r\nDate: 2026-11-24\r\n\r\n{BODY}",
     [("title", "健全管理机制", 1), ("date", "2026-11-24", 2)], 4),
    ("CR", f"Title: 健全管理机制\rDate: 2026-11-24\r\r{BODY}",
     [("title", "健全管理机制", 1), ("date", "2026-11-24", 2)], 4),
    ("key indented three spaces", f"   Date: 2026-11-24 08:30\nTitle: 健全管理机制\n\n{BODY}",
     [("date", "2026-11-24 08:30", 1), ("title", "健全管理机制", 2)], 4),
    ("key indented four spaces is code", f"    Title: 缩进四格\n\n{BODY}", [], 1),
    ("no space, empty value, colon in value",
     f"Title:健全管理机制\nSummary:\nNote: 印刷版：以“各行管”结束\n\n{BODY}",
     [("title", "健全管理机制", 1), ("summary", "", 2), ("note", "印刷版：以“各行管”结束", 3)], 5),
    ("a line of STX is blank to Markdown", f"Title: 健全管理机制\n\x02\nDate: 2026-11-24\n\n{BODY}",
     [("title", "健全管理机制", 1)], 3),
    ("header only, no final line end", "Title: 健全管理机制\nDate: 2026-11-24",
     [("title", "健全管理机制", 1), ("date", "2026-11-24", 2)], 3),
    ("empty file", "", [], 1),
]


def meta_as_pelican_reads_it(file) -> dict[str, list[str]]:
    """The header as Pelican's MarkdownReader.read gets it: pelican_open, then the meta extension."""
    converter = Markdown(extensions=["markdown.extensions.meta"])
    with pelican_open(str(file)) as text:
        converter.convert(text)
    return getattr(converter, "Meta", {})


@pytest.mark.parametrize("bom", [False, True], ids=["", "BOM"])
@pytest.mark.parametrize(("text", "fields", "body_start"), [case[1:] for case in HEADERS], ids=[case[0] for case in HEADERS])
def test_the_check_reads_the_header_the_build_reads(tmp_path, text, fields, body_start, bom):
    file = tmp_path / "x.md"
    file.write_bytes((codecs.BOM_UTF8 if bom else b"") + text.encode("utf-8"))
    source = read_source(file, "x.md", is_page=False)
    assert [(field.key, field.value, field.line) for field in source.fields] == fields
    assert source.body_start == body_start
    meta: dict[str, list[str]] = {}
    for field in source.fields:
        meta.setdefault(field.key, []).extend(field.value.split("\n"))
    assert meta == meta_as_pelican_reads_it(file)
