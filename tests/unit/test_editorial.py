"""Bylines, corrections and field names as editors write them."""

from datetime import datetime

import pytest
from plugins.editorial.active import disarm, search_word
from plugins.editorial.byline import Person, format_byline, merge_people, parse_byline, parse_person
from plugins.editorial.corrections import Correction, parse_corrections
from plugins.editorial.fields import field_line, unknown_fields


@pytest.mark.parametrize(
    "byline, people",
    [
        ("本报讯（记者 常欣月 通讯员 高欣）", [("常欣月", "记者"), ("高欣", "通讯员")]),
        ("本报讯(记者 常欣月 通讯员 高欣)", [("常欣月", "记者"), ("高欣", "通讯员")]),
        ("本报通讯员 东宣", [("东宣", "通讯员")]),
        ("本报讯（通讯员 王斌）", [("王斌", "通讯员")]),
        ("本报讯　（通讯员　刘子涵）", [("刘子涵", "通讯员")]),
        ("记者 张三 李四", [("张三", "记者"), ("李四", "记者")]),
        ("本报记者 张三、李四 通讯员 王五", [("张三", "记者"), ("李四", "记者"), ("王五", "通讯员")]),
        ("新华社北京11月24日电（记者 张三）", [("张三", "记者")]),
        ("记者常欣月", [("常欣月", "记者")]),
        ("本报摄影记者 王东", [("王东", "摄影")]),
        ("（特约通讯员 欧阳明远）", [("欧阳明远", "通讯员")]),
        ("责任编辑：刘洋", [("刘洋", "编辑")]),
        ("文/记者 张三 图/通讯员 李四", [("张三", "记者"), ("李四", "通讯员")]),
        ("记者 阿依古丽·买买提", [("阿依古丽·买买提", "记者")]),
        ("本报讯（记者 张三）（通讯员 李四）", [("张三", "记者"), ("李四", "通讯员")]),
        ("新华社记者 张三", [("张三", "记者")]),
        ("人民日报记者 李四 王五", [("李四", "记者"), ("王五", "记者")]),
        ("本报评论员", []),
        ("记者 Li Ming 通讯员 高欣", [("Li Ming", "记者"), ("高欣", "通讯员")]),
        ("高欣", [("高欣", "")]),
        ("本报讯", []),
        ("", []),
    ],
)
def test_parse_byline(byline, people):
    assert parse_byline(byline) == [Person(*person) for person in people]


@pytest.mark.parametrize(
    "entry, person",
    [("记者 常欣月", ("常欣月", "记者")), ("常欣月", ("常欣月", "")), ("通讯员高欣", ("高欣", "通讯员")), ("Li Ming", ("Li Ming", ""))],
)
def test_parse_person(entry, person):
    assert parse_person(entry) == Person(*person)


@pytest.mark.parametrize(
    "people, byline",
    [
        ([("常欣月", "记者"), ("高欣", "通讯员")], "记者 常欣月 通讯员 高欣"),
        ([("张三", "记者"), ("李四", "记者"), ("王五", "通讯员")], "记者 张三 李四 通讯员 王五"),
        ([("高欣", "")], "高欣"),
        ([], ""),
    ],
)
def test_format_byline(people, byline):
    assert format_byline([Person(*person) for person in people]) == byline


def test_authors_add_people_and_fill_in_roles():
    from_byline = [Person("常欣月", "记者"), Person("高欣", "")]
    from_authors = [Person("高欣", "通讯员"), Person("常欣月", ""), Person("王东", "摄影")]
    assert merge_people(from_byline, from_authors) == [
        Person("常欣月", "记者"),
        Person("高欣", "通讯员"),
        Person("王东", "摄影"),
    ]


@pytest.mark.parametrize(
    "value, corrections",
    [
        ("2026-11-25 原稿“13个小区”应为“113个小区”，已更正。", [(datetime(2026, 11, 25), "原稿“13个小区”应为“113个小区”，已更正。")]),
        ("2026-11-25 10:30 补充图片说明。\n2026-11-26 更正署名。", [(datetime(2026, 11, 25, 10, 30), "补充图片说明。"), (datetime(2026, 11, 26), "更正署名。")]),
        ("", []),
    ],
)
def test_parse_corrections(value, corrections):
    assert parse_corrections(value) == [Correction(*correction) for correction in corrections]


@pytest.mark.parametrize("value", ["原稿有误，已更正。", "2026-13-45 日期不存在", "2026-11-25"])
def test_correction_without_a_valid_date_is_refused(value):
    with pytest.raises(ValueError):
        parse_corrections(value)


@pytest.mark.parametrize(
    "keys, found",
    [
        (["title", "date", "kicker"], []),
        (["title", "kiker"], [("kiker", "Kicker")]),
        (["subtitel", "bylin"], [("bylin", "Byline"), ("subtitel", "Subtitle")]),
        (["zuozhe"], [("zuozhe", "")]),
    ],
)
def test_unknown_fields(keys, found):
    assert unknown_fields(keys) == found


@pytest.mark.parametrize(
    "key, where",
    [("kiker", (2, "Kiker")), ("title", (1, "Title")), ("summary", (1, "summary"))],
)
def test_field_line(key, where):
    source = "Title: 标题\nKiker: 引题\nDate: 2026-11-24\n\nSummary: 正文里的这一行不是字段\n"
    assert field_line(source, key) == where


@pytest.mark.parametrize(
    "html, kept, removed",
    [
        ("<p>活动现场秩序井然。</p>", "<p>活动现场秩序井然。</p>", []),
        ("<p>空气质量指数<50的天数占比达到90%以上，on=1。</p>", "<p>空气质量指数&lt;50的天数占比达到90%以上，on=1。</p>", []),  # the same text, escaped
        ("<p>活动现场。</p>\n<script>alert('义诊')</script>", "<p>活动现场。</p>\n", ["<script>"]),
        ('<p>活动<span onmouseover="alert(1)">详情</span></p>', "<p>活动<span>详情</span></p>", ["onmouseover"]),
        ('<p><a href="javascript:alert(1)">报道</a></p>', "<p><a>报道</a></p>", ["href=javascript:"]),
        ('<p><a href=" JavaScript :alert(1)">报道</a></p>', "<p><a>报道</a></p>", ["href=javascript:"]),
        ('<p><a href="https://www.gov.cn/">国务院</a></p>', '<p><a href="https://www.gov.cn/">国务院</a></p>', []),
        ('<iframe src="https://example.com/v"><p>视频</p></iframe><p>正文</p>', "<p>正文</p>", ["<iframe>"]),
        ('<img alt="现场" onerror="alert(1)" src="x.jpg"/><style>body{display:none}</style>', '<img alt="现场" src="x.jpg">', ["onerror", "<style>"]),
        # what a Python parser reads otherwise than a browser: the review's payloads
        ('<![CDATA[><meta http-equiv="refresh" content="0;url=https://evil.example/">]]><p>正文</p>', "]]&gt;<p>正文</p>", ["<![CDATA["]),
        ('<!--> <meta http-equiv=refresh content="0;url=https://evil.example/"> --><p>正文</p>', "  --&gt;<p>正文</p>", ["<!-->"]),
        ('<p><a href="java&#x09;script:alert(1)">报道</a></p>', "<p><a>报道</a></p>", ["href=javascript:"]),
        ('<p><a href="&#x6A;avascript:alert(1)">报道</a></p>', "<p><a>报道</a></p>", ["href=javascript:"]),
        ('<svg><script>alert(1)</script></svg><math><mi>x</mi></math><p>正文</p>', "<p>正文</p>", ["<script>"]),
        ('<!-- 写稿说明：读者看不到 --><p>正文</p>', "<p>正文</p>", []),  # an editor's note: gone, and not a finding
        ('<p onclick="a()" ONCLICK="b()">两次</p><p onclick="c()">三次</p>', "<p>两次</p><p>三次</p>", ["onclick"]),
    ],
    ids=["text", "less-than-sign", "script", "handler", "javascript-link", "spaced-javascript", "web-link", "iframe", "img-handler-and-style",
         "cdata-meta-refresh", "abrupt-comment", "tab-in-scheme", "entity-in-scheme", "svg-and-math", "editors-note", "once-each"],
)
def test_disarm_takes_out_what_would_run(html, kept, removed):
    assert disarm(html) == (kept, removed)


@pytest.mark.parametrize("part, word", [("<script>", "<script"), ("onmouseover", "onmouseover"), ("href=javascript:", "javascript:")])
def test_a_removed_part_is_found_in_the_file_by_its_word(part, word):
    assert search_word(part) == word
