"""invoke check's rules and fixes: for each rule a bad example (finding, line, level) and a good one (nothing)."""

import dataclasses
import textwrap
from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sitebuild import ROOT, jpeg, write_files

from checks.catalogue import ERROR, RULES, WARNING
from checks.cli import check_sources, guarded, read_all
from checks.fixes import fix_source, lines_with_ends
from checks.report import exit_status, format_finding, sorted_findings, summary
from checks.settings import make_context, site_settings
from checks.source import parse_source

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))
SETTINGS = site_settings(ROOT / "pelicanconf.py")
BROKEN_SYMLINK = object()  # a file name that points nowhere: the file cannot be read at all
PICTURES = {"images/zoufang.jpg": jpeg(64, 48), "images/broken.jpg": b"<html>not a picture</html>"}
BODY = "铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效，推动实现物业服务全覆盖。\n"
CAPTION = "社区工作人员入户走访，了解居民诉求。本报通讯员 东宣 摄"
OTHER_BODY = "区政府召开第十二次常务会议，研究部署冬季供暖保障和安全生产工作，听取了全区重点项目建设进展情况汇报。\n"


def item(head: str, body: str = BODY) -> str:
    """A content file: its header (dedented), a blank line, its body."""
    return textwrap.dedent(head).strip() + "\n\n" + textwrap.dedent(body).lstrip()


ARTICLE = item("""
    Title: 健全管理机制 破解治理难题
    Date: 2026-11-24 08:30
    Category: 要闻
""")


def article(*extra: str, body: str = BODY, date: str = "2026-11-24 08:30") -> str:
    """A good article, with more header lines after Title (1), Date (2) and Category (3)."""
    head = ["Title: 健全管理机制 破解治理难题", f"Date: {date}", "Category: 要闻", *extra]
    return "\n".join(head) + "\n\n" + textwrap.dedent(body).lstrip()


def photo(*extra: str, body: str = "近日，铁东区关工委举办第十四届“金秋助学”活动。\n本报通讯员 高欣 摄\n") -> str:
    """A photo item: Title (1), Date (2), Category (3), then `extra` (Photo at 4 when first)."""
    return article(*extra, body=body).replace("Category: 要闻", "Category: 图片新闻")


def findings(tmp_path, files: dict) -> list[tuple]:
    """(path, line, rule, level) of everything `invoke check` finds in a content folder of `files`."""
    content = tmp_path / "content"
    links = {k: v for k, v in files.items() if isinstance(v, Link)}
    tables = {k for k, v in files.items() if isinstance(v, OfficeTable)}
    write_files(content, {**PICTURES, **{k: v for k, v in files.items() if k not in links and k not in tables and v is not BROKEN_SYMLINK}})
    for name in (k for k, v in files.items() if v is BROKEN_SYMLINK):
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).symlink_to(content / "nowhere.md")
    for name, link in links.items():
        (content / name).parent.mkdir(parents=True, exist_ok=True)
        (content / name).symlink_to(link.target)
    context = make_context(SETTINGS, content, NOW)
    for name, table in ((k, v) for k, v in files.items() if isinstance(v, OfficeTable)):
        (tmp_path / name).write_text(table, encoding="utf-8")
        context = dataclasses.replace(context, wording_files=(str(tmp_path / name),))  # WORDING_FILES, absolute
    sources, unreadable = read_all(context)
    return [(f.path, f.line, f.rule, f.level) for f in sorted_findings(unreadable + check_sources(sources, context))]


class OfficeTable(str):
    """A wording table of the office's, named by WORDING_FILES."""


class Link(str):
    """A symbolic link in the content folder, to `target`."""

    @property
    def target(self) -> str:
        return str(self)


X = "articles/x.md"
TRADITIONAL = "Title: 立足群眾文化需求 豐富群眾文化生活\nDate: 2026-11-24 07:30\n\n近日，鐵東區文聯與區音樂家協會在四平植物園共同舉辦了一場文藝演出。\n"
BAD = [
    ("file-symlink", {"images/passwd.jpg": Link("/etc/passwd")}, [("images/passwd.jpg", 1, "file-symlink", ERROR)]),
    ("file-symlink", {"images/shared": Link("/etc")}, [("images/shared", 1, "file-symlink", ERROR)]),  # a folder
    ("file-active", {"images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'}, [("images/logo.svg", 1, "file-active", ERROR)]),
    ("file-active", {"images/old/notice.HTML": "<script>alert(1)</script>"}, [("images/old/notice.HTML", 1, "file-active", ERROR)]),
    ("encoding", {X: ARTICLE.encode("gb18030")}, [(X, 1, "encoding", ERROR)]),
    ("wording-wrong", {X: article(body="群众迫不急待地赶来，深入开展扫黑险恶专项斗争。\n")}, [(X, 5, "wording-wrong", ERROR)] * 2),
    ("wording-wrong", {X: article().replace("Title: 健全管理机制 破解治理难题", "Title: 健全管理机制 再接再励")}, [(X, 1, "wording-wrong", ERROR)]),
    ("wording-protected", {X: article(body="坚持全面依法制国，推进法治政府建设。\n")}, [(X, 5, "wording-protected", ERROR)]),
    ("wording-protected", {X: article("Subtitle: ——学习习近平新时代中国特色社会注义思想")}, [(X, 4, "wording-protected", ERROR)]),
    ("wording-table", {X: article(), "office.txt": OfficeTable("# 本区表\n铁东区人民政府 铁东区政协\n")}, [("office.txt", 2, "wording-table", ERROR)]),
    ("encoding", {X: TRADITIONAL.encode("big5")}, [(X, 1, "encoding", ERROR)]),
    ("encoding", {X: ARTICLE.encode("utf-16")}, [(X, 1, "encoding", ERROR)]),
    ("encoding", {X: ("Slug: x\n" + ARTICLE).encode("gb18030")}, [(X, 2, "encoding", ERROR)]),
    ("file-unreadable", {X: BROKEN_SYMLINK}, [(X, 1, "file-unreadable", ERROR)]),
    ("title-missing", {X: item("Date: 2026-11-24 08:30\nCategory: 要闻")}, [(X, 1, "title-missing", ERROR)]),
    ("title-missing", {X: article().replace("Title: 健全管理机制 破解治理难题", "Title:")}, [(X, 1, "title-missing", ERROR)]),
    ("title-missing", {X: "铁东区坚持以“标准化+便民化”为主线。\n"},
     [(X, 1, "date-missing", ERROR), (X, 1, "field-missing", ERROR), (X, 1, "title-missing", ERROR)]),
    ("title-missing", {X: b""}, [(X, 1, "date-missing", ERROR), (X, 1, "field-missing", ERROR), (X, 1, "title-missing", ERROR)]),
    (
        "title-too-long",
        {X: article().replace("健全管理机制 破解治理难题", "铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效，通过专业引进、自治服务相结合的方式补齐无物业小区短板，切实提升居民的幸福感、获得感和安全感，群众满意度明显提高")},
        [(X, 1, "title-too-long", WARNING)],
    ),
    ("date-missing", {X: item("Title: 健全管理机制 破解治理难题\nCategory: 要闻")}, [(X, 1, "date-missing", ERROR)]),
    ("date-invalid", {X: article(date="2026-13-45")}, [(X, 2, "date-invalid", ERROR)]),
    ("date-invalid", {X: article(date="2026-02-30 08:30")}, [(X, 2, "date-invalid", ERROR)]),
    ("date-invalid", {X: article(date="2026年11月24日")}, [(X, 2, "date-invalid", ERROR)]),
    ("date-invalid", {X: article(date="")}, [(X, 2, "date-invalid", ERROR)]),
    ("date-invalid", {X: article("Modified: 11月25日")}, [(X, 4, "date-invalid", ERROR)]),
    ("date-future", {X: article(date="2026-11-26 08:30")}, [(X, 2, "date-future", ERROR)]),
    ("date-future", {X: article("Scheduled: false", date="2027-11-24")}, [(X, 2, "date-future", ERROR)]),
    ("section-unknown", {X: article().replace("Category: 要闻", "Category: 要问")}, [(X, 3, "section-unknown", ERROR)]),
    ("section-unknown", {X: article().replace("Category: 要闻", "Category: 社会")}, [(X, 3, "section-unknown", ERROR)]),
    ("status-unknown", {X: article("Status: 待审")}, [(X, 4, "status-unknown", ERROR)]),
    ("field-control", {X: article().replace("Title: 健全管理机制", "Title: 健全\x1b管理机制")}, [(X, 1, "field-control", ERROR)]),
    ("field-control", {X: article("Source: 吉林日报\u202e")}, [(X, 4, "field-control", ERROR)]),
    ("address-unsafe", {X: article("URL: javascript:alert(document.cookie)")}, [(X, 4, "address-unsafe", ERROR)]),
    ("address-unsafe", {X: article("URL: java\tscript:alert(1)")}, [(X, 4, "address-unsafe", ERROR)]),
    ("address-unsafe", {X: article("URL: //evil.example/x.html")}, [(X, 4, "address-unsafe", ERROR)]),
    ("address-unsafe", {X: article("Save_as: ../../.git/config")}, [(X, 4, "address-unsafe", ERROR)]),
    ("address-unsafe", {X: article("Save_as: /etc/cron.d/x")}, [(X, 4, "address-unsafe", ERROR)]),
    ("status-unknown", {X: article("Status: drafts")}, [(X, 4, "status-unknown", ERROR)]),
    ("field-unknown", {X: article("Kiker: 物业管理全覆盖")}, [(X, 4, "field-unknown", WARNING)]),
    ("field-unknown", {X: article("Editor: 王东")}, [(X, 4, "field-unknown", WARNING)]),
    ("lead-invalid", {X: article("Lead: 头条")}, [(X, 4, "lead-invalid", WARNING)]),
    ("byline-no-name", {X: article("Byline: 本报讯")}, [(X, 4, "byline-no-name", WARNING)]),
    ("byline-no-name", {X: article("Byline: 本报讯（记者 ")}, [(X, 4, "byline-no-name", WARNING)]),
    ("field-missing", {X: item("Title: 健全管理机制 破解治理难题\nDate: 2026-11-24 08:30")}, [(X, 1, "field-missing", ERROR)]),
    ("field-missing", {X: article().replace("Category: 要闻", "Category: ")}, [(X, 3, "field-missing", ERROR)]),
    ("field-missing", {"photos/x.md": photo("Photo: images/zoufang.jpg")}, [("photos/x.md", 4, "field-missing", ERROR)]),
    ("field-missing", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt:")}, [("photos/x.md", 5, "field-missing", ERROR)]),
    ("placeholder-left", {X: article("Byline: 本报讯（记者 ）")}, [(X, 4, "placeholder-left", ERROR)]),
    ("placeholder-left", {X: article(body="正文第一段。\n")}, [(X, 5, "placeholder-left", ERROR)]),
    ("placeholder-left", {X: article(body=BODY + "\n正文第一段。\n")}, [(X, 7, "placeholder-left", ERROR)]),
    (
        "placeholder-left",
        {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访", body="图片说明：时间、地点、人物、事件。\n本报通讯员 姓名 摄\n")},
        [("photos/x.md", 7, "placeholder-left", ERROR), ("photos/x.md", 8, "placeholder-left", ERROR)],
    ),
    ("correction-undated", {X: article("Correction: 原稿将“城东人民法庭”误为“城西人民法庭”，已更正。")}, [(X, 4, "correction-undated", WARNING)]),
    (
        "url-duplicate",
        {"articles/wuye-guanli.md": article(), "photos/wuye-guanli.md": article(date="2026-11-25 09:00", body=OTHER_BODY)},
        [("photos/wuye-guanli.md", 1, "url-duplicate", ERROR)],
    ),
    (
        "url-duplicate",
        {"articles/wuye-guanli.md": article(), "articles/a.md": article("Slug: wuye-guanli", date="2026-11-01", body=OTHER_BODY)},
        [("articles/a.md", 4, "url-duplicate", ERROR)],
    ),
    (
        "url-duplicate",
        {"pages/about.md": item("Title: 关于本站"), "pages/guanyu.md": item("Title: 关于我们\nSlug: about")},
        [("pages/guanyu.md", 2, "url-duplicate", ERROR)],
    ),
    (
        "story-duplicate",
        {"articles/a.md": article(), "articles/b.md": article(date="2026-11-25 08:30")},
        [("articles/b.md", 1, "story-duplicate", ERROR)],
    ),
    (
        "story-duplicate",
        {"articles/a.md": article(), "articles/b.md": article(date="2026-11-25 08:30").replace("健全管理机制 破解治理难题", "铁东区实现物业服务全覆盖")},
        [("articles/b.md", 1, "story-duplicate", ERROR)],
    ),
    (
        "story-duplicate",
        {"articles/a.md": article(), "articles/b.md": article(date="2026-11-25 08:30").replace("健全管理机制 破解治理难题", "健全管理机制　破解治理难题")},
        [("articles/b.md", 1, "story-duplicate", ERROR)],
    ),
    (
        "tag-near-duplicate",
        {"articles/a.md": article("Tags: 物业管理, 社区服务"), "articles/b.md": article("Tags: 物业 管理", date="2026-11-24 09:00", body=OTHER_BODY)},
        [("articles/b.md", 4, "tag-near-duplicate", WARNING)],
    ),
    (
        "tag-near-duplicate",
        {"articles/a.md": article("Tags: G20峰会"), "articles/b.md": article("Tags: Ｇ20峰会", date="2026-11-23", body=OTHER_BODY)},
        [("articles/b.md", 4, "tag-near-duplicate", WARNING)],
    ),
    (
        "tag-near-duplicate",
        {"articles/a.md": article("Tags: G20峰会"), "articles/b.md": article("Tags: g20峰会", date="2026-11-24 09:00", body=OTHER_BODY)},
        [("articles/b.md", 4, "tag-near-duplicate", WARNING)],
    ),
    ("image-missing", {"photos/x.md": photo("Photo: images/jinqiu.jpg", "Alt: 学生们手捧助学金站成一排")}, [("photos/x.md", 4, "image-missing", ERROR)]),
    (
        "image-missing",
        {X: article(body=f'{BODY}\n![社区工作人员入户走访]({{static}}/images/zoufang.jpeg "{CAPTION}")\n')},
        [(X, 7, "image-missing", ERROR)],
    ),
    (
        "image-missing",
        {X: article(body=f'{BODY}\n![社区工作人员入户走访](images/zoufang.jpg "{CAPTION}")\n')},
        [(X, 7, "image-missing", ERROR)],  # relative to articles/, where there is no images/
    ),
    (
        "image-outside",
        {X: article(body=f'{BODY}\n![社区工作人员入户走访]({{static}}/../zoufang.jpg "{CAPTION}")\n')},
        [(X, 7, "image-outside", ERROR)],
    ),
    ("image-outside", {"photos/x.md": photo("Photo: ../../zoufang.jpg", "Alt: 学生们手捧助学金")}, [("photos/x.md", 4, "image-outside", ERROR)]),
    ("image-not-image", {"photos/x.md": photo("Photo: images/broken.jpg", "Alt: 学生们手捧助学金")}, [("photos/x.md", 4, "image-not-image", ERROR)]),
    (
        "image-not-image",
        {X: article(body=f'{BODY}\n![社区工作人员入户走访]({{static}}/images/broken.jpg "{CAPTION}")\n')},
        [(X, 7, "image-not-image", ERROR)],
    ),
    (
        "image-no-alt",
        {X: article(body=f'{BODY}\n![]({{static}}/images/zoufang.jpg "{CAPTION}")\n')},
        [(X, 7, "image-no-alt", WARNING)],
    ),
    ("image-no-caption", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访", body="")}, [("photos/x.md", 4, "image-no-caption", WARNING)]),
    (
        "image-no-caption",
        {X: article(body=f"{BODY}\n![社区工作人员入户走访]({{static}}/images/zoufang.jpg)\n")},
        [(X, 7, "image-no-caption", WARNING)],
    ),
    (
        "link-broken",
        {X: article(body="详见[相关报道]({filename}/articles/wuye-guanli.md)。\n")},
        [(X, 5, "link-broken", ERROR)],
    ),
    (
        "link-broken",
        {X: article(body="全文见[《职责清单》]({static}/files/zhize-qingdan.pdf)。\n")},
        [(X, 5, "link-broken", ERROR)],
    ),
    (
        "link-broken",
        {X: article(body=f"{BODY}\n详见[相关报道](fazhi-diaoyan.md)。\n")},
        [(X, 7, "link-broken", ERROR)],
    ),
    (
        "link-broken",  # the file is there, but Pelican leaves a plain .md link as it is: a dead link
        {X: article(body="详见[相关报道](y.md)。\n"), "articles/y.md": article(date="2026-11-23").replace("健全管理机制 破解治理难题", "物业服务提质增效")},
        [(X, 5, "link-broken", ERROR)],
    ),
    ("modified-before-date", {X: article("Modified: 2026-11-20 09:00")}, [(X, 4, "modified-before-date", ERROR)]),
    ("modified-before-date", {X: article("Modified: 2026-11-24 00:00Z")}, [(X, 4, "modified-before-date", ERROR)]),  # 08:00 in Beijing
    ("body-empty", {X: article(body="")}, [(X, 3, "body-empty", ERROR)]),
    ("body-empty", {X: article("Tags: 物业管理", body="\n<!-- 正文写在这里 -->\n\n")}, [(X, 4, "body-empty", ERROR)]),
    ("html-active", {X: article(body=f"{BODY}\n<script>alert('义诊')</script>\n")}, [(X, 7, "html-active", ERROR)]),
    ("html-active", {X: article(body='活动现场<span onmouseover="alert(1)">详情</span>。\n')}, [(X, 5, "html-active", ERROR)]),
    ("html-active", {X: article(body='详见<a href="javascript:alert(1)">报道</a>。\n')}, [(X, 5, "html-active", ERROR)]),
    ("html-active", {X: article(body='<iframe src="https://example.com/video"></iframe>\n')}, [(X, 5, "html-active", ERROR)]),
    ("punctuation-halfwidth", {X: article(body="近日,铁东区政协组织部分法律界委员开展专题调研。\n")}, [(X, 5, "punctuation-halfwidth", WARNING)]),
    ("punctuation-halfwidth", {X: article(body="近日, 铁东区政协开展专题调研。\n")}, [(X, 5, "punctuation-halfwidth", WARNING)]),
    ("punctuation-halfwidth", {X: article(body="是否到位?是否落实!要逐项核查;不留死角。\n")}, [(X, 5, "punctuation-halfwidth", WARNING)]),
    ("punctuation-halfwidth", {X: article(body="本报讯(记者 常欣月 通讯员 高欣)近日，铁东区政协开展专题调研。\n")}, [(X, 5, "punctuation-halfwidth", WARNING)]),
    ("punctuation-halfwidth", {X: article().replace("健全管理机制 破解", "健全管理机制:破解")}, [(X, 1, "punctuation-halfwidth", WARNING)]),
    ("punctuation-halfwidth", {X: article("Subtitle: 铁东区政协开展专题调研,助推法治政府建设")}, [(X, 4, "punctuation-halfwidth", WARNING)]),
    (
        "sentence-broken",
        {X: article(body="初步建立起“三级书记”抓物业的治理责任体系，区级领导定期带头调研问题突\n\n出小区，每季度召开推进会。\n")},
        [(X, 5, "sentence-broken", WARNING)],
    ),
    (
        "sentence-broken",
        {X: article(body="截至目前，已召开8次专题会议调度推进，排查整改113个\n\n小区问题。\n")},
        [(X, 5, "sentence-broken", WARNING)],
    ),
    (
        "sentence-broken",
        {X: article(body="针对全区154个无物业小区，铁东区坚持“一小区一方案”，\n\n分类推进治理。\n")},
        [(X, 5, "sentence-broken", WARNING)],
    ),
]

GOOD = [
    ("encoding", {X: b"\xef\xbb\xbf" + ARTICLE.encode("utf-8")}),
    ("file-unreadable", {X: ARTICLE}),
    ("title-missing", {"pages/about.md": item("Title: 关于本站\nSlug: about", "本站是 Pressroom 的演示站点。\n")}),
    ("title-too-long", {X: article().replace("健全管理机制 破解治理难题", "“弘扬劳模精神 民族宣讲进校园”主题活动走进吉林工程职业学院")}),
    ("title-too-long", {X: article().replace("健全管理机制 破解治理难题", "铁东区以“标准化+便民化”为主线 系统推进物业小区提质增效 补齐无物业小区的短板")}),  # 40
    # a leader's meeting, as 新闻联播 heads it: long, and published so
    ("title-too-long", {X: article().replace("健全管理机制 破解治理难题", "区委理论学习中心组举行专题学习会 强调 深入学习贯彻党的二十届四中全会精神 扎实推进物业管理全覆盖 努力建设更高水平的平安铁东")}),
    ("date-missing", {"pages/about.md": item("Title: 关于本站", "本站是演示站点。\n")}),
    ("date-invalid", {X: article(date="2026-11-24")}),
    ("date-invalid", {X: article(date="2026/11/24 08:30")}),
    ("date-invalid", {X: article(date="2026-11-24T08:30:00+08:00")}),
    ("date-invalid", {X: article("Modified: 2026-11-25 10:00")}),
    ("modified-before-date", {X: article("Modified: 2026-11-24 08:30")}),
    ("modified-before-date", {X: article("Modified: 2026-11-24 00:30Z", date="2026-11-24 08:00")}),
    ("body-empty", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("body-empty", {"pages/about.md": item("Title: 关于本站", "")}),
    ("html-active", {X: article(body="空气质量指数<50的天数占比达到90%以上，<b>on=1</b> 与 <a href=\"https://www.gov.cn/\">国务院网站</a>。\n")}),
    ("html-active", {X: article(body="```\n<script>alert(1)</script>\n```\n\n<!-- <script> 不要这样写 -->\n\n正文。\n")}),
    ("date-future", {X: article("Scheduled: true", date="2026-11-26 08:30")}),
    ("date-future", {X: article("Scheduled: 是", date="2026-11-26 08:30")}),
    ("date-future", {X: article("Status: draft", date="2027-01-01")}),
    ("date-future", {X: article(date="2026-11-25 11:59")}),
    ("date-future", {X: article(date="2026-11-25T04:00Z")}),  # 12:00 in Beijing: now, not later
    ("field-missing", {"pages/about.md": item("Title: 关于本站")}),  # a fixed page has no section
    ("field-missing", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("placeholder-left", {X: article("Byline: 本报讯（记者 常欣月）", body="正文第一段交代了时间、地点和人物。\n")}),
    ("placeholder-left", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("section-unknown", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("status-unknown", {X: article("Status: Draft")}),
    ("wording-wrong", {X: article(body="群众迫不及待地赶来。标语上原写“扫黑险恶<!-- 原文如此 -->”，已更正。\n")}),
    ("wording-protected", {X: article(body="坚持全面依法治国，加强法制建设，推进法治建设。\n")}),
    ("wording-table", {X: article(), "office.txt": OfficeTable("# 本区表\n铁东区人民政府\n铁东区政协\n铁冬区 => 铁东区\n")}),
    ("file-symlink", {X: article(), "images/copy.jpg": "a file, not a link"}),
    ("file-active", {X: article(), "images/logo.png": "not really a PNG, but not active either", "notes/plan.html": "<p>不在 STATIC_PATHS 里</p>"}),
    ("field-control", {X: article("Note: 第一行\n  第二行")}),  # a field's continuation line
    ("address-unsafe", {X: article("URL: 2026/11/wuye-guanli.html", "Save_as: 2026/11/wuye-guanli.html")}),
    ("address-unsafe", {X: article("URL: https://www.gov.cn/zhengce/")}),
    ("status-unknown", {X: article("Status: hidden")}),
    ("field-unknown", {X: article("Kicker: 物业管理全覆盖", "Subtitle: ——铁东区多措并举做好物业管理工作记事", "Note: 印刷版未见下文。", "Source: 吉林日报")}),
    ("lead-invalid", {X: article("Lead: 是")}),
    ("byline-no-name", {X: article("Byline: 本报讯（记者 常欣月 通讯员 高欣）")}),
    ("byline-no-name", {X: article("Byline: 本报讯(记者 常欣月 通讯员 高欣)")}),  # half-width is print style here
    ("correction-undated", {X: article("Correction: 2026-11-25 原稿将“城东人民法庭”误为“城西人民法庭”，已更正。")}),
    ("url-duplicate", {"articles/wuye-guanli.md": article(), "photos/wuye-guanli.md": article(date="2026-10-24", body=OTHER_BODY)}),
    ("url-duplicate", {"articles/wuye-guanli.md": article(), "articles/draft.md": article("Status: draft", "Slug: wuye-guanli", body=OTHER_BODY)}),
    ("tag-near-duplicate", {"articles/a.md": article("Tags: 法治, 社区服务"), "articles/b.md": article("Tags: 法制, 社区服务", body=OTHER_BODY)}),
    # a weekly meeting's headline over a new story each time
    ("story-duplicate", {"articles/a.md": article(), "articles/b.md": article(date="2026-11-17 08:30", body=OTHER_BODY)}),
    ("story-duplicate", {"articles/a.md": article(), "articles/b.md": article("Follows: articles/a.md", date="2026-11-25 08:30")}),
    ("story-duplicate", {"articles/a.md": article(), "pages/a.md": article()}),  # a fixed page is no story
    ("image-missing", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("image-missing", {X: article(body=f'{BODY}\n![社区工作人员入户走访]({{static}}/images/zoufang.jpg "{CAPTION}")\n')}),
    ("image-missing", {X: article(body=f'{BODY}\n![社区工作人员入户走访](../images/zoufang.jpg "{CAPTION}")\n')}),
    ("image-missing", {X: article(body=f'{BODY}\n![新华社图片](https://example.com/a.jpg "{CAPTION}")\n')}),
    ("image-missing", {X: article(body=f"{BODY}\n```\n![示例](images/none.jpg)\n```\n")}),
    ("image-outside", {"photos/x.md": photo("Photo: /images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("image-not-image", {X: article(body=f'{BODY}\n![社区工作人员入户走访]({{static}}/images/zoufang.jpg "{CAPTION}")\n')}),
    ("image-no-alt", {"photos/x.md": photo("Photo: images/zoufang.jpg", "Alt: 社区工作人员入户走访")}),
    ("image-no-caption", {X: article(body=f'{BODY}\n![社区工作人员入户走访]({{static}}/images/zoufang.jpg "本报通讯员 东宣 摄")\n')}),
    ("link-broken", {X: article(body="详见[相关报道]({filename}/articles/y.md)。\n"), "articles/y.md": article(date="2026-11-23")}),
    ("link-broken", {X: article(body="详见[相关报道]({filename}y.md#diaoyan)。\n"), "articles/y.md": article(date="2026-11-23")}),
    ("link-broken", {X: article(body="详见[国务院网站](https://www.gov.cn/zhengce/index.md)和[联系我们](mailto:news@example.cn)。\n")}),
    ("punctuation-halfwidth", {X: article(body="上午8:30开始，持续到11:00，共有1,200人参加（占比3:1）。\n")}),
    ("punctuation-halfwidth", {X: article(body="详见[报道](https://zh.wikipedia.org/wiki/物业(管理))与`代码,示例`。\n")}),
    ("punctuation-halfwidth", {X: article("Byline: 本报讯(记者 常欣月)", body="近日，铁东区政协（区委会）开展调研。\n")}),
    ("sentence-broken", {X: article(body="## 三级联动 拧紧责任链条\n\n初步建立起“三级书记”抓物业的治理责任体系。\n")}),
    ("sentence-broken", {X: article(body="三级联动 拧紧责任链条\n\n初步建立起“三级书记”抓物业的治理责任体系。\n")}),
    ("sentence-broken", {X: article(body="调研组一行先后来到铁东区检察院。\n\n此次调研为政协委员搭建起桥梁。\n")}),
    ("sentence-broken", {X: article(body="工作专班已成立，区级领导定期带头调研问题突\n\n\n出小区，每季度召开推进会。\n")}),  # two blank lines: meant
    # real papers' layouts, pasted a line to a paragraph: none of these is a sentence cut in two
    ("sentence-broken", {X: article(body="一本“山林账”，看林下经济发展\n\n本报记者  周  欢\n\n江西鹰潭市龙虎山风景区，泸溪河蜿蜒流淌。\n")}),
    ("sentence-broken", {X: article(body="——95后德国摄影师，追寻外曾祖父老照片足迹重拍今日中国\n\n本报记者　某某／文　某某／漫画\n\n今年以来，各地持续推进。\n")}),
    ("sentence-broken", {X: article(body="商品更丰富，体验更新鲜，服务更便利\n\n数据来源：国家税务总局\n\n制图：蔡华伟\n")}),
    ("sentence-broken", {X: article(body="数说\n\n今年前三季度，全区新增就业岗位1200个，同比增长8%\n\n柳州\n\n３．００元／运次\n")}),
    ("sentence-broken", {X: article(body="缩短诉讼周期，提高审判效率。\t最高人民法院\t全国\n\n二、科技成果转化激励方面（共4项）\n")}),
    ("sentence-broken", {X: article(body="问：37岁再出发，你怎么想？\n\n答：“只要肯努力，生活未必如你所愿”\n\n问：对于未来，你有什么打算？\n")}),
    ("sentence-broken", {X: article(body="主要做法如下：\n\n建立物业企业“红黑榜”制度。\n")}),
    ("sentence-broken", {X: article(body="秋日里，学生们手捧助学金。\n本报通讯员 高欣 摄\n\n近日，铁东区关工委举办活动。\n")}),
    ("sentence-broken", {X: article(body="各项任务如下：\n\n- 建立台账\n- 压实责任\n")}),
]


def test_every_rule_has_a_bad_and_a_good_example():
    rules = set(RULES) - {"check-failed"}
    assert {case[0] for case in BAD} == rules
    assert {case[0] for case in GOOD} == rules


@pytest.mark.parametrize("rule, files, expected", BAD, ids=[f"{case[0]}-{i}" for i, case in enumerate(BAD)])
def test_bad_example_is_found(tmp_path, rule, files, expected):
    assert findings(tmp_path, files) == expected


@pytest.mark.parametrize("rule, files", GOOD, ids=[f"{case[0]}-{i}" for i, case in enumerate(GOOD)])
def test_good_example_is_clean(tmp_path, rule, files):
    assert findings(tmp_path, files) == []


@pytest.mark.parametrize(
    "raw, says",
    [
        (ARTICLE.encode("gb18030"), "文件不是 UTF-8 编码（看起来是 GBK/GB18030），请用编辑器另存为 UTF-8 (encoding: file is not UTF-8; it looks like GBK/GB18030)"),
        (TRADITIONAL.encode("big5"), "（看起来是 Big5）"),
        (TRADITIONAL.encode("gb18030"), "（看起来是 GBK/GB18030）"),
        (ARTICLE.encode("utf-16"), "（看起来是 UTF-16）"),
        (b"Title: \xff\xff", "文件不是 UTF-8 编码，请用编辑器另存为 UTF-8 (encoding: file is not UTF-8)"),
    ],
)
def test_encoding_says_what_the_file_looks_like(tmp_path, raw, says):
    write_files(tmp_path, {X: raw})
    _, unreadable = read_all(make_context(SETTINGS, tmp_path, NOW))
    assert says in format_finding(unreadable[0])


def test_a_line_reads_chinese_first_then_the_rule_and_english(tmp_path):
    write_files(tmp_path, {"articles/wuye-guanli.md": article("Kiker: 物业管理全覆盖")})
    context = make_context(SETTINGS, tmp_path, NOW)
    sources, _ = read_all(context)
    (found,) = check_sources(sources, context)
    assert format_finding(found) == (
        "articles/wuye-guanli.md:4: 警告: 未知字段“Kiker”，是否想写 Kicker？ "
        "(field-unknown: unknown field 'Kiker'; did you mean Kicker?)"
    )


def test_a_rule_that_fails_is_one_finding_not_a_traceback():
    def broken_rule(source, context):
        raise KeyError("slug")

    (found,) = guarded(broken_rule, None, None, where="articles/x.md")
    assert (found.path, found.rule, found.level) == ("articles/x.md", "check-failed", ERROR)
    assert "broken_rule" in found.en


def test_summary_and_exit_status(tmp_path):
    found = findings(tmp_path, {X: article("Kiker: x"), "articles/y.md": article(date="2026-13-01", body=OTHER_BODY)})
    assert [rule for _, _, rule, _ in found] == ["field-unknown", "date-invalid"]  # sorted by path, then line
    context = make_context(SETTINGS, tmp_path / "content", NOW)
    sources, _ = read_all(context)
    everything = sorted_findings(check_sources(sources, context))
    assert summary(everything, 2) == "检查了 2 个文件：1 个错误，1 个警告 (checked 2 files: 1 error, 1 warning)"
    assert exit_status(everything) == 1
    assert exit_status([f for f in everything if f.level == WARNING]) == 0


# --fix: what each safe fix makes of a line, everything else in the file left exactly as it was.
FIXES = [
    ("近日,铁东区政协开展专题调研。", "近日，铁东区政协开展专题调研。"),
    ("近日, 铁东区政协开展专题调研。", "近日，铁东区政协开展专题调研。"),
    ("是否到位?是否落实!要逐项核查;不留死角:全覆盖。", "是否到位？是否落实！要逐项核查；不留死角：全覆盖。"),
    ("本报讯(记者 常欣月 通讯员 高欣)近日，铁东区开展调研。", "本报讯（记者 常欣月 通讯员 高欣）近日，铁东区开展调研。"),
    ("上午8:30开始,共有1,200人参加。", "上午8:30开始，共有1,200人参加。"),
    ("详见[报道](https://zh.wikipedia.org/wiki/物业(管理)),内容丰富。", "详见[报道](https://zh.wikipedia.org/wiki/物业(管理)),内容丰富。"),
    ('![入户走访]({static}/images/zoufang.jpg "入户走访,了解诉求。本报通讯员 东宣 摄")', '![入户走访]({static}/images/zoufang.jpg "入户走访，了解诉求。本报通讯员 东宣 摄")'),
    ("区级领导定期带头，调研问题突\n\n出小区，每季度召开推进会。", "区级领导定期带头，调研问题突出小区，每季度召开推进会。"),
    ("区级领导定期带头，调研问题突 \n\n出小区，每季度召开推进会。", "区级领导定期带头，调研问题突出小区，每季度召开推进会。"),
    ("截至目前，已召开8次专题会议调度推\n\n进，排查整改113个\n\n小区问题。", "截至目前，已召开8次专题会议调度推进，排查整改113个小区问题。"),
    ("排查整改，\n\n已召开\n\n专题会议。", "排查整改，已召开专题会议。"),  # cut twice
    ("各方联动。\n\n三级联动 拧紧责任链条\n\n初步建立起责任体系。", "各方联动。\n\n三级联动 拧紧责任链条\n\n初步建立起责任体系。"),
    ("已召开8次会议,排查113个\n\n小区问题。", "已召开8次会议，排查113个小区问题。"),
    ("## 三级联动 拧紧责任链条\n\n初步建立起责任体系。", "## 三级联动 拧紧责任链条\n\n初步建立起责任体系。"),
    ("```\n近日,铁东区\n```", "```\n近日,铁东区\n```"),
]


@pytest.mark.parametrize("before, after", FIXES)
@pytest.mark.parametrize("end", ["\n", "\r\n"])
def test_fix(before, after, end):
    head = "Title: 健全管理机制,破解治理难题\nByline: 本报讯(记者 常欣月)\nDate: 2026-11-24 08:30\n\n"
    text = (head + before + "\n").replace("\n", end)
    fixed, changes = fix_source(parse_source(text, X))
    wanted = (head.replace("机制,破解", "机制，破解") + after + "\n").replace("\n", end)
    assert fixed == wanted
    assert {change.rule for change in changes} <= {"punctuation-halfwidth", "sentence-broken"}
    again, more = fix_source(parse_source(fixed, X))
    assert (again, more) == (fixed, [])


def test_fix_keeps_a_file_without_a_final_line_end():
    fixed, changes = fix_source(parse_source("Title: 标题\n\n领导带头，调研问题突\n\n出小区,每季度召开推进会。", X))
    assert fixed == "Title: 标题\n\n领导带头，调研问题突出小区，每季度召开推进会。"
    assert [(change.line, change.rule) for change in changes] == [(3, "sentence-broken"), (5, "punctuation-halfwidth")]


@pytest.mark.parametrize("text", ["a\nb\n", "a\r\nb", "a\rb\r\n\r\n", "", "\n"])
def test_lines_with_ends_give_the_text_back(text):
    assert "".join(line + end for line, end in lines_with_ends(text)) == text


def test_a_picture_written_without_static_is_told_how_to_write_it(tmp_path):
    content = write_files(tmp_path / "content", {**PICTURES, X: article(body=f'{BODY}\n![社区工作人员入户走访](images/zoufang.jpg "{CAPTION}")\n')})
    context = make_context(SETTINGS, content, NOW)
    sources, _ = read_all(context)
    [found] = [f for f in check_sources(sources, context) if f.rule == "image-missing"]
    assert "文件在 content/images/zoufang.jpg，请写作 {static}/images/zoufang.jpg" in found.zh
    assert found.en.endswith("write {static}/images/zoufang.jpg")
