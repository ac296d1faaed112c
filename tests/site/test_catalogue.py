"""Never a traceback for an editor's mistake: a catalogue of malformed content, each published on a good site.

Each case copies a good site (content and its published output, built once per module), adds the
malformed file(s) and runs `invoke publish` into the same output folder, as CI does after a bad merge:
`invoke check` first, then Pelican with publishconf.py, where any warning fails (STRICT_FAIL_ON). It
must refuse, name the file, say what is wrong, show no traceback, and leave the last good site byte
for byte as it was (plugins/atomic).

Markup in titles, subtitles, bylines and captions is no mistake: it is text, and a second site
shows it comes out escaped on every page, in the feeds and in the JSON-LD.
"""

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import NamedTuple

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, jpeg, run_pelican, write_files

SITEURL = "https://news.example.gov.cn"
NOW = "1796140800"  # 2026-12-01 00:00 +08:00, after every story here: the news sitemap does not move


def publish_env() -> dict:
    """The environment of a publish build; wide log lines, so no path is broken across two."""
    env = {key: value for key, value in os.environ.items() if key not in {"SITEURL", "SOURCE_DATE_EPOCH"}}
    return env | {"SITEURL": SITEURL, "SOURCE_DATE_EPOCH": NOW, "COLUMNS": "400"}


def publish(content: Path, output: Path) -> tuple[int, str]:
    """`invoke publish` as CI runs it (invoke check, then Pelican with publishconf.py); its status and output.

    The output comes back on one line with single spaces, as Pelican's console log wraps and pads.
    """
    command = [sys.executable, "-m", "invoke", "publish", "--content", str(content), "--output", str(output)]
    process = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, env=publish_env(), check=False)
    return process.returncode, " ".join((process.stdout + "\n" + process.stderr).split())


def hashes(folder: Path) -> dict[str, str]:
    """SHA-256 of every file under `folder`, by path inside it."""
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


PHOTO = jpeg(640, 427)
GOOD_SITE = {
    "articles/wuye-guanli.md": """
        Title: 健全管理机制 破解治理难题
        Subtitle: ——铁东区多措并举做好物业管理工作记事
        Byline: 本报通讯员 东宣
        Date: 2026-11-24 08:30
        Category: 要闻
        Tags: 物业管理, 基层治理
        Lead: true

        铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效，推动实现物业服务全覆盖。

        ![社区工作人员入户走访]({static}/images/zoufang.jpg "社区工作人员入户走访，了解居民诉求。本报通讯员 东宣 摄")

        ## 三级联动 拧紧责任链条

        初步建立起“三级书记”抓物业的治理责任体系，形成上下联动、协同推进的工作机制。
        """,
    "articles/fazhi-diaoyan.md": """
        Title: 提高依法治区水平 助推法治政府建设
        Byline: 本报讯（记者 常欣月 通讯员 高欣）
        Date: 2026-11-24 08:00
        Category: 政务
        Tags: 法治政府, 基层治理

        近日，铁东区政协组织部分法律界委员开展专题调研。调研组一行先后来到铁东区公共法律服务中心。
        """,
    "photos/jinqiu-zhuxue.md": """
        Title: 铁东区第十四届“金秋助学”活动资助40名学生
        Date: 2026-11-24 09:00
        Category: 图片新闻
        Tags: 金秋助学
        Authors: 高欣
        Photo: images/jinqiu-zhuxue.jpg
        Alt: 学生们手捧助学金站成一排

        近日，铁东区关工委举办第十四届“金秋助学”活动，为40名学生每人资助1000元。
        本报通讯员 高欣 摄
        """,
    "pages/about.md": """
        Title: 关于本站
        Slug: about

        本站是铁东区新闻网的测试站点。
        """,
    "images/zoufang.jpg": PHOTO,
    "images/jinqiu-zhuxue.jpg": PHOTO,
}


def article(title: str = "医疗服务进社区 提升居民获得感", *fields: str, body: str = "活动现场，医护人员为居民提供一站式健康服务。") -> str:
    """A well-formed article with `fields` added to its header (or replacing the default ones)."""
    header = {"Title": title, "Date": "2026-11-25 07:00", "Category": "民生", "Tags": "便民服务"}
    extra = []
    for field in fields:
        name = field.split(":", 1)[0]
        if name in header:
            header[name] = field.split(":", 1)[1].strip()
        else:
            extra.append(field)
    lines = [f"{name}: {value}" for name, value in header.items()] + extra
    return "\n".join(lines) + "\n\n" + body + "\n"


def header_only(*lines: str) -> str:
    """A file written line by line, exactly as given (for headers `article` would tidy up)."""
    return "\n".join(lines) + "\n"


BODY = "金桥社区联合区医院开展义诊活动，为居民提供健康咨询、血压测量等服务。"
HUGE_BODY = "\n\n".join(
    [BODY * 3] * (5 * 1024 * 1024 // len((BODY * 3 + "\n\n").encode("utf-8")) + 1)
)  # 5 MB of Chinese


def truncated_jpeg() -> bytes:
    """A photo cut off in the middle of its data, as an interrupted copy leaves it."""
    whole = jpeg(800, 600)
    return whole[: len(whole) // 3]


class Case(NamedTuple):
    id: str
    files: dict[str, str | bytes]
    words: tuple[str, ...]  # in the build's messages; the first is the file an editor must open


def case(id: str, files: dict[str, str | bytes], *words: str):
    """One row of the catalogue."""
    return pytest.param(Case(id, files, words), id=id)


# Checks, in the order they are made, each its own failure so a report says which promise broke.
class Traceback(AssertionError):
    """The build showed the editor a Python traceback."""


class NotRefused(AssertionError):
    """The publish build succeeded (exit status 0) with a mistake in it."""


class FileNotNamed(AssertionError):
    """No message names the file to open (its path from content/)."""


class WordsMissing(AssertionError):
    """The message does not say what is wrong."""


class OutputChanged(AssertionError):
    """The last good site was changed by a failed build."""


IMAGE_BODY = '![义诊现场]({static}/images/yizhen.jpg "医护人员为居民测量血压。本报通讯员 刘子涵 摄")'
PHOTO_ITEM = ("Category: 图片新闻", "Photo: images/jinqiu-zhuxue.jpg")
PHOTO_CAPTION_BODY = "医护人员为居民测量血压。\n本报通讯员 刘子涵 摄"

SAME_SLUG = {"articles/a.md": article("医疗服务进社区", "Slug: yiliao"), "articles/b.md": article("义诊活动走进金桥社区", "Slug: yiliao")}

CATALOGUE = [
    # --- Front matter ------------------------------------------------------------------------
    case("no-colon", {"articles/bad.md": header_only("Title 医疗服务进社区", "Date: 2026-11-25 07:00", "Category: 民生", "", BODY)}, "articles/bad.md", "Title"),
    case("fullwidth-colons", {"articles/bad.md": header_only("Title：医疗服务进社区", "Date：2026-11-25 07:00", "Category：民生", "", BODY)}, "articles/bad.md", "Title"),
    case("chinese-field-names", {"articles/bad.md": header_only("标题: 医疗服务进社区", "日期: 2026-11-25 07:00", "栏目: 民生", "", BODY)}, "articles/bad.md", "Title"),
    case("title-missing", {"articles/bad.md": header_only("Date: 2026-11-25 07:00", "Category: 民生", "", BODY)}, "articles/bad.md", "Title"),
    case("title-empty", {"articles/bad.md": article("")}, "articles/bad.md", "Title"),
    case(
        "title-twice",
        {"articles/bad.md": header_only("Title: 医疗服务进社区", "Title: 医疗服务进社区 提升居民获得感（修改稿）", "Date: 2026-11-25 07:00", "Category: 民生", "", BODY)},
        "articles/bad.md", "Title",
    ),
    case("date-twice", {"articles/bad.md": header_only("Title: 医疗服务进社区", "Date: 2026-11-25 07:00", "Date: 2026-11-26 07:00", "Category: 民生", "", BODY)}, "articles/bad.md", "date"),
    case("date-empty", {"articles/bad.md": article("医疗服务进社区", "Date:")}, "articles/bad.md", "Date"),
    case("category-empty", {"articles/bad.md": article("医疗服务进社区", "Category:")}, "articles/bad.md", "Category"),
    case("unknown-field", {"articles/bad.md": article("医疗服务进社区", "Kiker: 便民服务")}, "articles/bad.md", "Kiker", "Kicker"),
    case("lead-maybe", {"articles/bad.md": article("医疗服务进社区", "Lead: maybe")}, "articles/bad.md", "Lead", "true"),
    case("byline-without-names", {"articles/bad.md": article("医疗服务进社区", "Byline: 本报讯")}, "articles/bad.md", "Byline"),
    case("correction-without-date", {"articles/bad.md": article("医疗服务进社区", "Correction: 原稿将“金桥社区”误为“金乔社区”，已更正。")}, "articles/bad.md", "Correction"),
    # --- Dates -------------------------------------------------------------------------------
    case("date-month-13-day-45", {"articles/bad.md": article("医疗服务进社区", "Date: 2026-13-45")}, "articles/bad.md", "Date", "2026-13-45"),
    case("date-november-31", {"articles/bad.md": article("医疗服务进社区", "Date: 2026/11/31")}, "articles/bad.md", "Date", "2026/11/31"),
    case("date-tomorrow", {"articles/bad.md": article("医疗服务进社区", "Date: 明天")}, "articles/bad.md", "Date", "明天"),
    case("date-chinese-form", {"articles/bad.md": article("医疗服务进社区", "Date: 2026年11月25日 上午7时")}, "articles/bad.md", "Date"),
    case("date-day-first", {"articles/bad.md": article("医疗服务进社区", "Date: 24-11-2026")}, "articles/bad.md", "Date", "24-11-2026"),
    case("date-day-first-ambiguous", {"articles/bad.md": article("医疗服务进社区", "Date: 03-11-2026 07:00")}, "articles/bad.md", "Date", "03-11-2026"),
    case("modified-unreadable", {"articles/bad.md": article("医疗服务进社区", "Modified: 上周五下午")}, "articles/bad.md", "Modified"),
    case("modified-before-date", {"articles/bad.md": article("医疗服务进社区", "Modified: 2026-11-20 09:00")}, "articles/bad.md", "Modified", "早于"),
    # --- Encodings and sizes -----------------------------------------------------------------
    case("gbk", {"articles/bad.md": article().encode("gbk")}, "articles/bad.md", "UTF-8", "GBK"),
    case(
        "big5",
        {"articles/bad.md": header_only("Title: 醫療服務進社區 提升居民獲得感", "Date: 2026-11-25 07:00", "Category: 民生", "", "活動現場，醫護人員為居民提供一站式健康服務。").encode("big5")},
        "articles/bad.md", "UTF-8", "Big5",
    ),
    case("utf16-bom", {"articles/bad.md": article().encode("utf-16")}, "articles/bad.md", "UTF-8", "UTF-16"),
    case("empty-file", {"articles/bad.md": b""}, "articles/bad.md", "Title"),
    case("only-front-matter", {"articles/bad.md": header_only("Title: 医疗服务进社区", "Date: 2026-11-25 07:00", "Category: 民生")}, "articles/bad.md", "正文"),
    case("huge-file-without-date", {"articles/bad.md": header_only("Title: 医疗服务进社区", "Category: 民生", "", HUGE_BODY)}, "articles/bad.md", "Date"),
    # --- Addresses ---------------------------------------------------------------------------
    case("same-slug-twice", SAME_SLUG, "articles/b.md", "articles/a.md"),
    case("same-name-two-folders", {"articles/yiliao.md": article("医疗服务进社区"), "photos/yiliao.md": article("义诊活动走进金桥社区")}, "photos/yiliao.md", "articles/yiliao.md"),
    case("link-to-nowhere", {"articles/bad.md": article(body="详见[此前报道]({filename}/articles/nowhere.md)。")}, "articles/bad.md", "nowhere.md"),
    # --- Pictures ----------------------------------------------------------------------------
    case("image-missing", {"articles/bad.md": article(body=IMAGE_BODY)}, "articles/bad.md", "images/yizhen.jpg", "不存在"),
    case("image-not-an-image", {"articles/bad.md": article(body=IMAGE_BODY), "images/yizhen.jpg": "这是一个文本文件，不是图片。"}, "articles/bad.md", "images/yizhen.jpg", "不是可以读取的图片"),
    case("image-truncated-jpeg", {"articles/bad.md": article(body=IMAGE_BODY), "images/yizhen.jpg": truncated_jpeg()}, "articles/bad.md", "yizhen.jpg", "损坏"),
    case(
        "image-outside-content",
        {"articles/bad.md": article(body='![义诊现场](../../yizhen.jpg "医护人员为居民测量血压。本报通讯员 刘子涵 摄")'), "../yizhen.jpg": PHOTO},
        "articles/bad.md", "content/",
    ),
    case("body-image-without-alt", {"articles/bad.md": article(body='![]({static}/images/zoufang.jpg "医护人员为居民测量血压。本报通讯员 刘子涵 摄")')}, "articles/bad.md", "Alt"),
    case("photo-item-without-alt", {"photos/bad.md": article("义诊活动走进金桥社区", *PHOTO_ITEM, body=PHOTO_CAPTION_BODY)}, "photos/bad.md", "Alt"),
    case("photo-item-without-caption", {"photos/bad.md": article("义诊活动走进金桥社区", *PHOTO_ITEM, "Alt: 医护人员为居民测量血压", body="")}, "photos/bad.md", "说明"),
    # --- Markup that is not text -------------------------------------------------------------
    case("body-script", {"articles/bad.md": article(body="活动现场秩序井然。\n\n<script>alert('义诊')</script>")}, "articles/bad.md", "<script>"),
    case("body-event-handler", {"articles/bad.md": article(body='活动现场秩序井然。<span onmouseover="alert(1)">详情</span>')}, "articles/bad.md", "onmouseover"),
    case("category-script", {"articles/bad.md": article("医疗服务进社区", "Category: <script>alert(1)</script>")}, "articles/bad.md", "Category"),
]


@pytest.fixture(scope="module")
def good_site(tmp_path_factory) -> tuple[Path, dict[str, str]]:
    """The good site, published once: its folder (content/, output/) and the hash of every output file."""
    root = tmp_path_factory.mktemp("good")
    write_files(root / "content", GOOD_SITE)
    status, log = publish(root / "content", root / "output")
    assert status == 0, log
    return root, hashes(root / "output")


def test_the_good_site_publishes(good_site):
    _, before = good_site
    assert "2026/11/wuye-guanli.html" in before and "feeds/all.atom.xml" in before


def test_the_catalogue_is_large_enough():
    assert len({param.values[0].id for param in CATALOGUE}) == len(CATALOGUE) >= 30


def test_a_local_build_names_two_items_at_one_address_without_a_traceback(tmp_path):
    content = write_files(tmp_path / "content", {**GOOD_SITE, **SAME_SLUG})
    process = run_pelican(content, tmp_path / "output", "pelicanconf.py", env=publish_env())
    log = " ".join((process.stdout + process.stderr).split())
    assert "articles/a.md" in log and "articles/b.md" in log
    assert "Traceback" not in log, log


@pytest.mark.parametrize("mistake", CATALOGUE)
def test_a_mistake_fails_the_publish_build_and_keeps_the_last_good_site(good_site, tmp_path, mistake: Case):
    good, before = good_site
    shutil.copytree(good / "content", tmp_path / "content")
    shutil.copytree(good / "output", tmp_path / "output")
    write_files(tmp_path / "content", mistake.files)

    status, log = publish(tmp_path / "content", tmp_path / "output")

    if "Traceback" in log:
        raise Traceback(log)
    if status == 0:
        raise NotRefused(f"published with the mistake in it: {log}")
    if mistake.words[0] not in log:
        raise FileNotNamed(f"{mistake.words[0]} not named: {log}")
    missing = [word for word in mistake.words[1:] if word not in log]
    if missing:
        raise WordsMissing(f"{missing} not said: {log}")
    after = hashes(tmp_path / "output") if (tmp_path / "output").is_dir() else {}
    if after != before:
        changed = sorted(path for path in before.keys() | after.keys() if before.get(path) != after.get(path))
        raise OutputChanged(f"{len(changed)} files changed, e.g. {changed[:5]}")


# --- Markup that is text: it must come out escaped everywhere ---------------------------------
# One site, published once, with markup, quotes and & in a title of each kind, a subtitle, a byline,
# captions, an alt text and a Summary; its xuanjiang.md also has two slips with nothing to publish
# (a blank tag, an empty Authors), which must simply be left out.

SCRIPT_TITLE = "<script>alert(\"标题\")</script>“两会”精神宣讲 & 'Q&A'"
CLOSING_TITLE = "标题含 </script><script>alert(1)</script> 与 <!-- 字样"
PHOTO_TITLE = "“邻里节”上 A&B 组合演唱 <<我和我的祖国>>"
SUBTITLE = "——<img src=x onerror=alert(1)>宣讲团走进 \"金桥\" 社区 & 企业"
BYLINE = "本报记者 常欣月 <b>特稿</b> & 通讯员 高欣"
CAPTION = "居民<script>document.title='图'</script>观看“邻里节” & 'A&B' 演出。"
PHOTO_CAPTION = "金桥社区“邻里节”上，A&B 组合演唱 <<我和我的祖国>>，\"掌声\" 不断。"
SUMMARY = "铁东区召开 \"Q&A\" 座谈会 & <b>强调</b>优化营商环境"

ESCAPES = {
    **GOOD_SITE,
    "articles/wuye-guanli.md": GOOD_SITE["articles/wuye-guanli.md"].replace("Lead: true", "Lead: false"),
    "articles/xuanjiang.md": f"""
        Title: {SCRIPT_TITLE}
        Subtitle: {SUBTITLE}
        Byline: {BYLINE}
        Date: 2026-11-25 10:00
        Category: 要闻
        Tags: 宣讲, 便民服务,   ,
        Authors:
        Lead: true

        宣讲团成员结合典型案例，讲解 "Q&A" 环节中群众关心的问题，空气质量指数<50的天数占比达到'90%'以上。

        ![宣讲现场]({{static}}/images/zoufang.jpg "{CAPTION}本报通讯员 东宣 摄")
        """,
    "articles/guanbi.md": f"""
        Title: {CLOSING_TITLE}
        Date: 2026-11-25 09:00
        Category: 政务
        Summary: {SUMMARY}

        座谈会上，企业代表就优化营商环境提出意见建议。
        """,
    "photos/linli.md": f"""
        Title: {PHOTO_TITLE}
        Date: 2026-11-25 11:00
        Category: 图片新闻
        Photo: images/jinqiu-zhuxue.jpg
        Alt: 居民 "A&B" 组合 <演唱> 现场

        {PHOTO_CAPTION}
        本报通讯员 高欣 摄
        """,
}


@pytest.fixture(scope="module")
def escaped(tmp_path_factory) -> Path:
    """The site with markup in its text, published once."""
    root = tmp_path_factory.mktemp("escapes")
    write_files(root / "content", ESCAPES)
    status, log = publish(root / "content", root / "output")
    assert status == 0, log
    return root / "output"


def page(output: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")


def text_of(tag) -> str:
    return tag.get_text() if tag is not None else ""


def feed_html(entry) -> str:
    """The story an entry carries: Atom's content, RSS's description."""
    return entry.content[0].value if "content" in entry else entry.get("summary", "")


def feed_entries(output: Path, feed: str) -> dict[str, feedparser.FeedParserDict]:
    """A feed's entries by link, parsed as a feed reader does, but with its HTML left as published."""
    parsed = feedparser.parse((output / feed).read_bytes(), sanitize_html=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return {entry.link.removeprefix(SITEURL + "/"): entry for entry in parsed.entries}


def json_ld(output: Path, path: str) -> dict:
    """The page's JSON-LD nodes by @type, read as a crawler reads them: up to the first </script>."""
    raw = (output / path).read_text(encoding="utf-8")
    start = raw.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
    return {node["@type"]: node for node in json.loads(raw[start : raw.index("</script>", start)])["@graph"]}


TITLES = {  # the story's page → its title, and its section's page
    "2026/11/xuanjiang.html": (SCRIPT_TITLE, "section/yaowen/index.html"),
    "2026/11/guanbi.html": (CLOSING_TITLE, "section/zhengwu/index.html"),
    "2026/11/linli.html": (PHOTO_TITLE, "section/tupian-xinwen/index.html"),
}


def link_text(output: Path, listing: str, story: str) -> str | list[str]:
    """The text of the links from a listing to a story: one text, or all of them when they differ."""
    texts = sorted({a.get_text() for a in page(output, listing).find_all("a", href=f"{SITEURL}/{story}")} - {""})
    return texts[0] if len(texts) == 1 else texts


TITLE_SURFACES = [
    pytest.param(lambda out, path, section: text_of(page(out, path).select_one("h1.story-title")), id="article-h1"),
    pytest.param(lambda out, path, section: page(out, path).title.get_text().removesuffix(" - 铁东新闻网"), id="article-head-title"),
    pytest.param(lambda out, path, section: page(out, path).find("meta", property="og:title")["content"], id="article-og-title"),
    pytest.param(lambda out, path, section: link_text(out, "index.html", path), id="home-page"),
    pytest.param(lambda out, path, section: link_text(out, section, path), id="section-listing"),
    pytest.param(lambda out, path, section: json_ld(out, path)["NewsArticle"]["headline"], id="json-ld-headline"),
    pytest.param(lambda out, path, section: json_ld(out, path)["BreadcrumbList"]["itemListElement"][-1]["name"], id="json-ld-breadcrumb"),
    pytest.param(lambda out, path, section: feed_entries(out, "feeds/all.atom.xml")[path].title, id="atom-feed"),
    pytest.param(lambda out, path, section: feed_entries(out, "feeds/all.rss.xml")[path].title, id="rss-feed"),
]


@pytest.mark.parametrize("title_on", TITLE_SURFACES)
def test_titles_with_markup_come_out_as_written(escaped, title_on):
    found = {path: title_on(escaped, path, section) for path, (title, section) in TITLES.items()}
    assert found == {path: title for path, (title, section) in TITLES.items()}


@pytest.mark.parametrize(
    "path, selector, expected",
    [
        ("2026/11/xuanjiang.html", ".story-header .subtitle", SUBTITLE),
        ("index.html", ".lead-subtitle", SUBTITLE),
        ("section/yaowen/index.html", "a[href$='xuanjiang.html'] ~ .item-subtitle, .item-text:has(a[href$='xuanjiang.html']) .item-subtitle", SUBTITLE),
        ("2026/11/xuanjiang.html", ".story-header .byline", BYLINE),
        ("2026/11/xuanjiang.html", ".article-body figcaption .caption-text", CAPTION),
        ("2026/11/xuanjiang.html", ".article-body figcaption .credit", "本报通讯员 东宣 摄"),
        ("2026/11/linli.html", ".article-body figcaption .caption-text", PHOTO_CAPTION),
        ("section/tupian-xinwen/index.html", ".item-text:has(a[href$='linli.html']) .item-summary", PHOTO_CAPTION),
    ],
    ids=["article-subtitle", "home-lead-subtitle", "section-subtitle", "article-byline", "article-caption", "article-credit", "photo-caption", "section-photo-caption"],
)
def test_subtitles_bylines_and_captions_come_out_as_written(escaped, path, selector, expected):
    assert text_of(page(escaped, path).select_one(selector)) == expected


def test_a_byline_with_markup_still_names_its_people(escaped):
    people = page(escaped, "2026/11/xuanjiang.html").select(".story-meta a[rel=author]")
    assert [a.get_text() for a in people] == ["常欣月", "高欣"]


def test_photo_alt_text_comes_out_as_written(escaped):
    img = page(escaped, "2026/11/linli.html").select_one(".article-body figure img")
    assert img["alt"] == '居民 "A&B" 组合 <演唱> 现场'


@pytest.mark.parametrize(
    "path, description",
    [
        ("2026/11/xuanjiang.html", "宣讲团成员结合典型案例，讲解 \"Q&A\" 环节中群众关心的问题，空气质量指数<50的天数占比达到'90%'以上。"),
        ("2026/11/guanbi.html", "铁东区召开 \"Q&A\" 座谈会 & 强调优化营商环境"),  # an editor's Summary is Markdown: its tags go
        ("2026/11/linli.html", PHOTO_CAPTION),
    ],
    ids=["from-body", "from-summary", "from-photo-caption"],
)
def test_descriptions_come_out_as_written(escaped, path, description):
    soup = page(escaped, path)
    assert soup.find("meta", attrs={"name": "description"})["content"] == description
    assert soup.find("meta", property="og:description")["content"] == description
    assert json_ld(escaped, path)["NewsArticle"]["description"] == description


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/all.rss.xml"])
def test_feeds_carry_captions_as_text(escaped, feed):
    body = BeautifulSoup(feed_html(feed_entries(escaped, feed)["2026/11/xuanjiang.html"]), "html.parser")
    assert text_of(body.select_one("figcaption .caption-text")) == CAPTION


def test_json_ld_cannot_be_closed_from_inside(escaped):
    for path in TITLES:
        raw = (escaped / path).read_text(encoding="utf-8")
        start = raw.index('<script type="application/ld+json">') + len('<script type="application/ld+json">')
        inside = raw[start : raw.index("</script>", start)]
        assert "<" not in inside and ">" not in inside, path
        json.loads(inside)  # the whole JSON is before the first </script>


def scripts_and_handlers(soup: BeautifulSoup) -> list[str]:
    """Every <script> that is neither JSON-LD nor the theme's own file, and every on… attribute."""
    theirs = [tag for tag in soup.find_all("script") if tag.get("type") != "application/ld+json"]
    found = [str(tag)[:80] for tag in theirs if tag.string or not tag.get("src", "").startswith(f"{SITEURL}/theme/js/")]
    found += [f"{tag.name} {name}" for tag in soup.find_all(True) for name in tag.attrs if name.lower().startswith("on")]
    return found


def test_no_page_runs_an_editors_markup(escaped):
    pages = sorted(escaped.rglob("*.html"))
    assert len(pages) > 20
    found = {str(path.relative_to(escaped)): scripts_and_handlers(page(escaped, str(path.relative_to(escaped)))) for path in pages}
    assert {path: tags for path, tags in found.items() if tags} == {}


@pytest.mark.parametrize("feed", ["feeds/all.atom.xml", "feeds/all.rss.xml", "feeds/yaowen.atom.xml", "feeds/tupian-xinwen.rss.xml"])
def test_no_feed_carries_runnable_markup(escaped, feed):
    for link, entry in feed_entries(escaped, feed).items():
        html = feed_html(entry) + entry.get("summary", "")
        assert scripts_and_handlers(BeautifulSoup(html, "html.parser")) == [], link


def test_blank_tags_and_an_empty_authors_field_are_left_out(escaped):
    """Slips with nothing to publish: `Tags: 宣讲, 便民服务,   ,` and `Authors:` with no one."""
    soup = page(escaped, "2026/11/xuanjiang.html")
    assert [a.get_text() for a in soup.select(".tags a[rel=tag]")] == ["宣讲", "便民服务"]
    cloud = [a.get_text(strip=True) for a in page(escaped, "tag/index.html").select(".tag-cloud li a")]
    assert cloud and all(name.rstrip("0123456789篇 ").strip() for name in cloud)
    assert sorted(path.name for path in (escaped / "author").iterdir() if path.is_dir()) == ["chang-xin-yue", "dong-xuan", "gao-xin"]
