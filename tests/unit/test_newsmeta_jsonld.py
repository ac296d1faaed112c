"""JSON-LD for a news story from plain values: the NewsArticle, its breadcrumbs, and safe JSON."""

import json
from datetime import datetime, timedelta, timezone

import pytest
from plugins.newsmeta.jsonld import (
    Image,
    Person,
    Publisher,
    Story,
    headline,
    json_ld,
    language_tag,
    news_article,
    script_json,
)

BEIJING = timezone(timedelta(hours=8))
SITE = "https://news.example.gov.cn"
PUBLISHER = Publisher("铁东新闻网", f"{SITE}/", f"{SITE}/theme/favicon.svg")
STORY = Story(
    url=f"{SITE}/2026/11/fazhi-diaoyan.html",
    title="提高依法治区水平 助推法治政府建设",
    summary="铁东区政协组织部分法律界委员开展专题调研。",
    published=datetime(2026, 11, 24, 8, 0, tzinfo=BEIJING),
    language="zh-cn",
    section="政务",
    section_url=f"{SITE}/section/zhengwu/",
    keywords=("法治政府", "政协"),
    people=(
        Person("常欣月", "记者", f"{SITE}/author/chang-xin-yue/"),
        Person("高欣", "通讯员", f"{SITE}/author/gao-xin/"),
    ),
)


def article_node(**changes) -> dict:
    values = {**STORY.__dict__, **changes}
    return news_article(Story(**values), PUBLISHER)


def test_a_news_article_says_what_google_reads():
    node = article_node()
    assert node["@type"] == "NewsArticle"
    assert node["headline"] == "提高依法治区水平 助推法治政府建设"
    assert node["description"] == "铁东区政协组织部分法律界委员开展专题调研。"
    assert node["datePublished"] == node["dateModified"] == "2026-11-24T08:00:00+08:00"
    assert node["inLanguage"] == "zh-CN"
    assert node["articleSection"] == "政务"
    assert node["keywords"] == ["法治政府", "政协"]
    assert node["url"] == node["mainEntityOfPage"] == f"{SITE}/2026/11/fazhi-diaoyan.html"
    assert node["publisher"] == {
        "@type": "Organization",
        "name": "铁东新闻网",
        "url": f"{SITE}/",
        "logo": {"@type": "ImageObject", "url": f"{SITE}/theme/favicon.svg"},
    }


def test_modified_metadata_sets_date_modified():
    node = article_node(modified=datetime(2026, 11, 25, 10, 15, 30, tzinfo=BEIJING))
    assert node["datePublished"] == "2026-11-24T08:00:00+08:00"
    assert node["dateModified"] == "2026-11-25T10:15:30+08:00"


@pytest.mark.parametrize(
    "people, authors, contributors",
    [
        # 本报讯（记者 常欣月 通讯员 高欣）: both wrote it
        ([Person("常欣月", "记者"), Person("高欣", "通讯员")], [("常欣月", "记者"), ("高欣", "通讯员")], []),
        # a photo item credited to its photographer alone: the photographer is its author
        ([Person("高欣", "摄影")], [("高欣", "摄影")], []),
        # a story with a photographer beside the reporter: the photographer contributed
        ([Person("常欣月", "记者"), Person("王东", "摄影")], [("常欣月", "记者")], [("王东", "摄影")]),
        # 记者 王东 / 责任编辑 李华
        ([Person("王东", "记者"), Person("李华", "编辑")], [("王东", "记者")], [("李华", "编辑")]),
        # Authors without a byline: role unknown, still the author
        ([Person("东宣", "")], [("东宣", None)], []),
        ([Person("张三", "实习生")], [("张三", "实习生")], []),
    ],
)
def test_people_are_authors_or_contributors_by_role(people, authors, contributors):
    node = article_node(people=tuple(people))

    def named(key):
        return [(p["name"], p.get("jobTitle")) for p in node.get(key, [])]

    assert named("author") == authors
    assert named("contributor") == contributors
    assert all(p["@type"] == "Person" for p in node.get("author", []) + node.get("contributor", []))


def test_a_person_links_to_their_author_page_when_there_is_one():
    node = article_node(people=(Person("常欣月", "记者", f"{SITE}/author/chang-xin-yue/"), Person("王五", "通讯员")))
    assert node["author"] == [
        {"@type": "Person", "name": "常欣月", "jobTitle": "记者", "url": f"{SITE}/author/chang-xin-yue/"},
        {"@type": "Person", "name": "王五", "jobTitle": "通讯员"},
    ]


@pytest.mark.parametrize(
    "image, expected",
    [
        (
            Image(f"{SITE}/images/jinqiu-zhuxue.jpg", 1600, 1067, "本报通讯员 高欣 摄"),
            {
                "@type": "ImageObject",
                "url": f"{SITE}/images/jinqiu-zhuxue.jpg",
                "width": 1600,
                "height": 1067,
                "creditText": "本报通讯员 高欣 摄",
            },
        ),
        (Image(f"{SITE}/images/zoufang.jpg"), {"@type": "ImageObject", "url": f"{SITE}/images/zoufang.jpg"}),
    ],
)
def test_the_picture_is_an_image_object(image, expected):
    assert article_node(image=image)["image"] == expected


def test_empty_values_are_left_out():
    node = article_node(section="", section_url="", keywords=(), people=(), image=None, summary="")
    for key in ("articleSection", "keywords", "author", "contributor", "image", "description"):
        assert key not in node


@pytest.mark.parametrize(
    "title, expected",
    [
        ("健全管理机制 破解治理难题", "健全管理机制 破解治理难题"),
        ("标题  含\n换行", "标题 含 换行"),
        ("字" * 110, "字" * 110),
        ("字" * 111, "字" * 109 + "…"),
        ("“弘扬劳模精神 民族宣讲进校园”" * 10, ("“弘扬劳模精神 民族宣讲进校园”" * 10)[:109].rstrip() + "…"),
    ],
)
def test_headline_is_at_most_110_characters(title, expected):
    assert headline(title) == expected
    assert len(headline(title)) <= 110


@pytest.mark.parametrize(
    "code, tag",
    [("zh-cn", "zh-CN"), ("zh-CN", "zh-CN"), ("zh_tw", "zh-TW"), ("zh-hant-tw", "zh-Hant-TW"), ("en", "en")],
)
def test_language_is_written_as_bcp_47(code, tag):
    assert language_tag(code) == tag


def test_breadcrumbs_follow_the_page():
    graph = json_ld(STORY, PUBLISHER)
    assert graph["@context"] == "https://schema.org"
    article, trail = graph["@graph"]
    assert article["@type"] == "NewsArticle"
    assert trail == {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": 1, "name": "首页", "item": f"{SITE}/"},
            {"@type": "ListItem", "position": 2, "name": "政务", "item": f"{SITE}/section/zhengwu/"},
            {"@type": "ListItem", "position": 3, "name": STORY.title, "item": STORY.url},
        ],
    }


def test_a_story_without_section_has_a_two_step_trail():
    story = Story(url="/about.html", title="关于本站", summary="", published=STORY.published)
    names = [item["name"] for item in json_ld(story, PUBLISHER)["@graph"][1]["itemListElement"]]
    assert names == ["首页", "关于本站"]


@pytest.mark.parametrize(
    "text",
    [
        '标题</script><script>alert("x")</script>',
        "A & B <!-- 注释 --> 'quotes' \"double\"",
        "</SCRIPT >",
        "反斜杠 \\</script> 与 \u2028 行分隔符",
        "<![CDATA[ ]]>",
    ],
)
def test_script_json_cannot_end_the_script_element(text):
    serialised = script_json({"headline": text})
    assert json.loads(serialised) == {"headline": text}
    for raw in ("<", ">", "&", "\u2028"):
        assert raw not in serialised


def test_script_json_is_compact_sorted_and_keeps_chinese():
    assert script_json({"name": "铁东新闻网", "@type": "Organization"}) == '{"@type":"Organization","name":"铁东新闻网"}'


def test_the_same_story_gives_the_same_text():
    assert script_json(json_ld(STORY, PUBLISHER)) == script_json(json_ld(Story(**STORY.__dict__), PUBLISHER))
