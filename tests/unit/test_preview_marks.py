"""The live preview's wording marks: a served page's text marked where invoke check would report,
everything else in the page byte for byte as built (preview.marks, preview.wording)."""

import os
import re
import shutil

import pytest
from sitebuild import ROOT

from checks.wording.find import finder
from checks.wording.rule import COMMON, PROJECT
from checks.wording.table import load_tables
from preview.marks import STYLESHEET_PATH, marked
from preview.wording import WordingMarks, address

FINDER = finder(load_tables([COMMON, PROJECT / "wording.txt"]))
MARK = re.compile(r'<mark class="pressroom-wording" data-rule="wording-(?:wrong|protected)" title="[^"<>]*">([^<]*)</mark>')
NOTICE = re.compile(r'<div class="pressroom-wording-notice" role="status" lang="zh-CN">.*?</div>', re.DOTALL)
LINK = f'<link rel="stylesheet" href="{STYLESHEET_PATH}">'


def page(body: str, head: str = "", title: str = "铁东区新闻") -> str:
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title}</title>\n{head}</head>\n<body class=\"story\">\n{body}\n</body>\n</html>\n"
    )


def shown(html: str) -> str:
    """The page as marked, each mark written [form], the notice and stylesheet link taken out."""
    out, count = marked(html.encode(), FINDER)
    text = out.decode()
    assert len(MARK.findall(text)) == count
    return MARK.sub(r"[\1]", NOTICE.sub("", text.replace(LINK, "")))


@pytest.mark.parametrize(("body", "expected"), [
    # Text in the body: a wrong form from the table, a protected expression one character off.
    ("<p>市民迫不急待地走进新开放的四平植物园。</p>", "<p>市民[迫不急待]地走进新开放的四平植物园。</p>"),
    ("<p>为深入贯彻落实全面依法制国，铁东区政协开展专题调研。</p>", "<p>为深入贯彻落实[全面依法制国]，铁东区政协开展专题调研。</p>"),
    ("<p>持续开展扫黑险恶专项斗争宣传。</p>", "<p>持续开展[扫黑险恶]专项斗争宣传。</p>"),
    ("<h1><a href=\"/2026/11/fazhi-diaoyan.html\">铁冬区政协开展专题调研</a></h1>",
     "<h1><a href=\"/2026/11/fazhi-diaoyan.html\">[铁冬区]政协开展专题调研</a></h1>"),
    # Right forms, and a word of its own one character from a protected expression: nothing.
    ("<p>坚持全面依法治国，推进法制建设，深入开展扫黑除恶。</p>", "<p>坚持全面依法治国，推进法制建设，深入开展扫黑除恶。</p>"),
    # Script, style, textarea, template, noscript and attribute values are not text a reader reads.
    ('<script src="/theme/js/prefs.js"></script><script>const 标语 = "扫黑险恶";</script><p>迫不急待</p>',
     '<script src="/theme/js/prefs.js"></script><script>const 标语 = "扫黑险恶";</script><p>[迫不急待]</p>'),
    ("<style>.x::after { content: '迫不急待'; }</style><p>正文</p>", "<style>.x::after { content: '迫不急待'; }</style><p>正文</p>"),
    ("<textarea>迫不急待</textarea><template><p>扫黑险恶</p></template><noscript>扫黑险恶</noscript>",
     "<textarea>迫不急待</textarea><template><p>扫黑险恶</p></template><noscript>扫黑险恶</noscript>"),
    ('<img src="/images/a.jpg" alt="迫不急待的市民"><a href="#" title="扫黑险恶 > 标语">标语</a>',
     '<img src="/images/a.jpg" alt="迫不急待的市民"><a href="#" title="扫黑险恶 > 标语">标语</a>'),
    ("<SCRIPT>var a = 1 < 2 && '扫黑险恶';</SCRIPT><p>扫黑险恶</p>", "<SCRIPT>var a = 1 < 2 && '扫黑险恶';</SCRIPT><p>[扫黑险恶]</p>"),
    # A form split by a tag is not found, and the page is left whole.
    ("<p>市民迫不<strong>急</strong>待地赶来。</p>", "<p>市民迫不<strong>急</strong>待地赶来。</p>"),
    # Quoted on purpose, with the marker comment after it in the page: not marked.
    ("<p>标语上原写“扫黑险恶<!-- 原文如此 -->”，现已更正。</p>", "<p>标语上原写“扫黑险恶<!-- 原文如此 -->”，现已更正。</p>"),
    ("<p>标语上原写“扫黑险恶 <!--原文如此-->”。另有迫不急待。</p>", "<p>标语上原写“扫黑险恶 <!--原文如此-->”。另有[迫不急待]。</p>"),
    # An entity in the text: the hit beside it is marked, one through it is not.
    ("<p>迫不急待&nbsp;&amp;&#36843;不急待</p>", "<p>[迫不急待]&nbsp;&amp;&#36843;不急待</p>"),
])
def test_text_in_the_body_is_marked_and_nothing_else(body, expected):
    assert shown(page(body)) == page(expected)


def test_head_and_title_are_never_marked():
    html = page("<p>正文</p>", head='<meta name="description" content="迫不急待">\n', title="迫不急待 扫黑险恶")
    assert marked(html.encode(), FINDER) == (html.encode(), 0)


def test_a_mark_says_what_check_says():
    out, count = marked(page("<p>市民迫不急待地赶来。</p>").encode(), FINDER)
    assert count == 1
    assert ('<mark class="pressroom-wording" data-rule="wording-wrong" title="“迫不急待”应写作“迫不及待”（common.txt:27）；'
            "确系引用原文的，在其后加 &lt;!-- 原文如此 --&gt; (&#x27;迫不急待&#x27; should be &#x27;迫不及待&#x27;)\">迫不急待</mark>") in out.decode()


def test_the_notice_counts_the_marks_and_the_stylesheet_is_linked():
    out = marked(page("<h1>全面依法制国</h1>\n<p>市民迫不急待，标语写作扫黑险恶。</p>").encode(), FINDER)[0].decode()
    body = out.index('<body class="story">') + len('<body class="story">')
    assert out[body:].startswith('<div class="pressroom-wording-notice" role="status" lang="zh-CN"><p>预览提示：本页有 3 处用语问题（已用底色标出；仅预览可见，读者看不到）。发布前请改正，或运行 invoke check 查看。</p><p lang="en">Preview only: 3 wording problems')
    assert out.count(LINK) == 1 and out.index(LINK) < out.index("</head>")


def test_a_page_without_problems_comes_back_as_it_was():
    html = page("<p>铁东区政协组织部分法律界委员开展专题调研。</p>").encode()
    out, count = marked(html, FINDER)
    assert (out, count) == (html, 0) and b"pressroom-wording" not in out


def test_the_page_is_otherwise_byte_for_byte_the_built_one():
    body = "\n".join(f"<p>{line}</p>" for line in ("群众迫不急待地赶来。", "全面依法制国", "扫黑险恶<!-- 原文如此 -->", "&lt;b&gt;不是标签&lt;/b&gt;"))
    html = page(body, head='<link rel="stylesheet" href="/theme/css/site.css">\n<script src="/theme/js/prefs.js"></script>\n')
    out, count = marked(html.encode(), FINDER)
    assert count == 2
    unmarked = re.sub(MARK, r"\1", NOTICE.sub("", out.decode().replace(LINK, "")))
    assert unmarked.encode() == html.encode()


def test_only_the_hits_the_check_reports_are_marked():
    html = page("<p>市民迫不急待，标语写作扫黑险恶。</p>").encode()
    out, count = marked(html, FINDER, lambda hit: hit.written == "扫黑险恶")
    assert count == 1 and "迫不急待，" in out.decode() and ">扫黑险恶</mark>" in out.decode()


def test_a_page_that_is_not_utf8_is_served_as_it_is():
    html = page("<p>迫不急待</p>").encode("gb18030")
    assert marked(html, FINDER) == (html, 0)


@pytest.mark.parametrize(("route", "url"), [
    ("/2026/11/fazhi-diaoyan.html", "2026/11/fazhi-diaoyan.html"),
    ("/", "index.html"),
    ("/section/zhengwu/", "section/zhengwu/index.html"),
    ("/tag/%E6%B3%95%E6%B2%BB/", "tag/法治/index.html"),
])
def test_a_route_is_read_as_the_url_a_page_is_written_at(route, url):
    assert address(route) == url


# The source decides: the built page has lost <!-- 原文如此 --> (the sanitizer keeps no comments).

QUOTED = "调研组注意到，一处宣传栏曾将标语写作“扫黑险恶<!-- 原文如此 -->”，现已更正。"
QUOTED_AS_BUILT = "<p>调研组注意到，一处宣传栏曾将标语写作“扫黑险恶”，现已更正。</p>"


def story(body: str, slug: str) -> str:
    return f"Title: 铁东区政协开展专题调研\nDate: 2026-11-24 08:00\nCategory: 政务\nSlug: {slug}\n\n{body}\n"


@pytest.fixture
def content(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "content", folder)
    (folder / "articles/diaoyan.md").write_text(story(QUOTED, "diaoyan"), encoding="utf-8")
    (folder / "articles/huodong.md").write_text(story("群众迫不急待地赶来，标语写作扫黑险恶。", "huodong"), encoding="utf-8")
    return folder


def served(marks: WordingMarks, route: str, body: str) -> list[str]:
    return MARK.findall(marks.page(route, page(body).encode()).decode())


def test_a_form_the_story_quotes_on_purpose_is_not_marked_on_its_page(content):
    marks = WordingMarks(ROOT / "pelicanconf.py", content)
    assert served(marks, "/2026/11/diaoyan.html", QUOTED_AS_BUILT) == []
    assert served(marks, "/2026/11/huodong.html", "<p>群众迫不急待地赶来，标语写作扫黑险恶。</p>") == ["迫不急待", "扫黑险恶"]


def test_a_page_of_many_stories_marks_what_check_reports_in_any(content):
    marks = WordingMarks(ROOT / "pelicanconf.py", content)
    assert served(marks, "/", "<p>迫不急待</p><p>全面依法制国</p>") == ["迫不急待"]
    (content / "articles/huodong.md").unlink()
    marks.stale()
    assert served(marks, "/section/zhengwu/", "<p>迫不急待</p>" + QUOTED_AS_BUILT) == []


def test_a_story_put_right_is_no_longer_marked_once_the_preview_reloads(content):
    marks = WordingMarks(ROOT / "pelicanconf.py", content)
    assert served(marks, "/2026/11/huodong.html", "<p>群众迫不急待地赶来。</p>") == ["迫不急待"]
    source = content / "articles/huodong.md"
    source.write_text(story("群众迫不及待地赶来，标语写作扫黑除恶。", "huodong"), encoding="utf-8")
    os.utime(source, ns=(source.stat().st_atime_ns, source.stat().st_mtime_ns + 1_000_000))
    assert served(marks, "/2026/11/huodong.html", "<p>群众迫不急待地赶来。</p>") == ["迫不急待"]  # the preview has not reloaded yet
    marks.stale()  # as the preview does when it tells the pages to reload
    assert served(marks, "/2026/11/huodong.html", "<p>群众迫不急待地赶来。</p>") == []


def test_an_office_table_changed_shows_at_the_next_load(content, tmp_path):
    extra = tmp_path / "wording-leaders.txt"
    settings = tmp_path / "pelicanconf.py"
    settings.write_text((ROOT / "pelicanconf.py").read_text(encoding="utf-8")
                        + f'\nTHEME = "{ROOT / "theme"}"\nWORDING_FILES = ["{extra}"]\n', encoding="utf-8")
    (content / "articles/huodong.md").write_text(story("铁东区解放街道开展“邻里节”活动。", "huodong"), encoding="utf-8")
    marks = WordingMarks(settings, content)
    assert served(marks, "/2026/11/huodong.html", "<p>铁东区解放街道开展“邻里节”活动。</p>") == []
    extra.write_text("# 本区活动名称\n邻里节 => 邻里文化节\n", encoding="utf-8")
    assert served(marks, "/2026/11/huodong.html", "<p>铁东区解放街道开展“邻里节”活动。</p>") == ["邻里节"]
