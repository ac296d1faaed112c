"""News fields on built pages: bylines with roles, corrections, source, updates, neighbours, tag cloud."""

import os

import pytest
from sitebuild import build_once, run_pelican, text, write_files


def squash(tag) -> str:
    """Text without the spaces and line breaks of the markup, to compare as a reader reads it."""
    return "".join(tag.get_text().split())


def people_on(page) -> str:
    """The 作者 part of an article's meta line."""
    return next(squash(span) for span in page.select(".story-meta .meta-item") if text(span).startswith("作者"))


@pytest.mark.parametrize(
    "page, byline, people",
    [
        ("2026/11/wuye-guanli.html", "本报通讯员 东宣", "作者：通讯员东宣"),
        ("2026/11/fazhi-diaoyan.html", "本报讯（记者 常欣月 通讯员 高欣）", "作者：记者常欣月、通讯员高欣"),
        ("2026/11/wenyi-yanchu.html", "本报讯（通讯员 王斌）", "作者：通讯员王斌"),
        ("2026/11/jinqiao-bianmin.html", "本报讯（通讯员 刘子涵）", "作者：通讯员刘子涵"),
        ("2026/11/loudao-qingli.html", None, "作者：摄影王东"),
    ],
)
def test_bulletin_bylines_become_people_with_roles(demo_site, page, byline, people):
    soup = demo_site.html(page)
    if byline:
        assert text(soup.select_one(".byline")) == byline
    assert people_on(soup) == people


@pytest.mark.parametrize("name", ["东宣", "常欣月", "高欣", "王斌", "刘子涵", "王东"])
def test_every_person_has_an_author_page(demo_site, name):
    pages = [path for path in demo_site.pages("author/*/index.html") if demo_site.html(str(path.relative_to(demo_site.output))).h1.get_text(strip=True) == name]
    assert len(pages) == 1, name


NEWSROOM = {
    "articles/fazhi.md": """
        Title: 提高依法治区水平 助推法治政府建设
        Authors: 记者 常欣月, 通讯员 高欣
        Date: 2026-11-24 08:00
        Modified: 2026-11-25 09:30
        Category: 政务
        Tags: 法治政府, 基层治理
        Correction: 2026-11-25 原稿将“城东人民法庭”误为“城西人民法庭”，已更正。

        调研组一行先后来到铁东区检察院、铁东区公共法律服务中心。
        """,
    "articles/zhuanzai.md": """
        Title: 全省秸秆禁烧工作推进会召开
        Byline: 记者 张三
        Date: 2026-11-23 10:00
        Category: 政务
        Tags: 秸秆焚烧, 基层治理
        Source: 吉林日报
        Correction: 2026-11-23 12:00 更正会议地点。
            2026-11-26 补充会议时间。

        全省秸秆禁烧工作推进会召开。
        """,
    "articles/wenhua.md": """
        Title: 铁东区文联举办文艺演出
        Date: 2026-11-22 10:00
        Category: 文化
        Tags: 文艺演出, 基层治理

        演出在开场舞《欢乐家庭》中拉开序幕。
        """,
}


@pytest.fixture(scope="module")
def newsroom(tmp_path_factory):
    return build_once(tmp_path_factory, "editorial", NEWSROOM)


def test_authors_with_roles_make_the_byline(newsroom):
    page = newsroom.html("2026/11/fazhi.html")
    assert text(page.select_one(".byline")) == "记者 常欣月 通讯员 高欣"
    assert people_on(page) == "作者：记者常欣月、通讯员高欣"


def test_update_source_and_correction_are_shown(newsroom):
    page = newsroom.html("2026/11/fazhi.html")
    meta = squash(page.select_one(".story-meta"))
    assert "更新：2026年11月25日09:30" in meta
    assert page.select_one(".story-meta time[datetime^='2026-11-25T09:30:00+08:00']")
    assert "原稿将“城东人民法庭”误为“城西人民法庭”，已更正。" in text(page.select_one(".corrections"))
    assert "来源：吉林日报" in squash(newsroom.html("2026/11/zhuanzai.html").select_one(".story-meta"))


def test_corrections_page_lists_every_correction_newest_first(newsroom):
    items = newsroom.html("corrections.html").select("main li")
    dates = [item.time["datetime"] for item in items]
    assert dates == sorted(dates, reverse=True) and len(dates) == 3
    assert text(items[0]).startswith("全省秸秆禁烧工作推进会召开") and "补充会议时间" in text(items[0])


def test_previous_and_next_stay_within_the_section(newsroom):
    page = newsroom.html("2026/11/fazhi.html")
    older = page.select_one(".neighbors a[rel=prev]")
    assert text(older) == "上一篇 全省秸秆禁烧工作推进会召开"
    assert not page.select_one(".neighbors a[rel=next]"), "the newest in 政务 has no next; 文化 is another section"


def test_tag_cloud_is_sized_by_use(newsroom):
    cloud = newsroom.html("tag/index.html").select(".tag-cloud li")
    size = {text(li.a).rstrip("0123456789篇 "): li["class"][0] for li in cloud}
    assert size["基层治理"] == "tag-size-1"
    assert size["文艺演出"] != "tag-size-1"


MISTAKES = {
    "articles/cuowu.md": """
        Title: 医疗服务进社区 提升居民获得感
        Kiker: 便民服务
        Date: 2026-11-24 07:00
        Category: 民生
        Lead: maybe
        Byline: 本报讯
        Correction: 原稿有误，已更正。

        活动现场，医护人员为居民提供一站式健康服务。
        """,
}


@pytest.mark.parametrize(
    "line, message",
    [
        ("articles/cuowu.md:2: 警告: 未知字段“Kiker”，是否想写 Kicker？", "unknown field"),
        ("articles/cuowu.md:5: 警告: Lead 应为 true 或 false", "Lead must be true or false"),
        ("articles/cuowu.md:6: 警告: Byline 中没有找到人名", "no name found in Byline"),
        ("articles/cuowu.md:7: 警告: Correction “原稿有误，已更正。” 应以日期开头", "starts with a date"),
    ],
)
def test_field_mistakes_are_named_with_file_and_line(tmp_path, line, message):
    content = write_files(tmp_path / "content", MISTAKES)
    process = run_pelican(content, tmp_path / "out", "pelicanconf.py")
    log = process.stderr  # one line a problem, whatever the terminal's width
    assert process.returncode == 0, "a local build warns and goes on"
    assert line in log and message in log and "Traceback" not in log


def test_field_mistakes_stop_a_publish_build(tmp_path):
    content = write_files(tmp_path / "content", MISTAKES)
    env = dict(os.environ, SITEURL="https://news.example.gov.cn", COLUMNS="400")
    process = run_pelican(content, tmp_path / "out", "publishconf.py", env=env)
    assert process.returncode == 1
    assert "以上共 4 条" in process.stdout + process.stderr


UNREADABLE = [
    ("riqi.md", "Title: 坏日期\nDate: 2026-13-45\n\n正文。\n".encode(), "riqi.md:2: 错误: Date “2026-13-45” 无法识别", "cannot read Date"),
    ("gengxin.md", "Title: 坏更新\nDate: 2026-11-24\nModified: 昨天\n\n正文。\n".encode(), "gengxin.md:3: 错误: Modified “昨天” 无法识别", "cannot read Modified"),
    ("gbk.md", "Title: 编码\nDate: 2026-11-24\n\n正文内容。\n".encode("gb18030"), "gbk.md: 错误: 文件不是 UTF-8 编码（看起来是 GBK/GB18030）", "file is not UTF-8"),
    ("wubiaoti.md", "Date: 2026-11-24\n\n正文。\n".encode(), "wubiaoti.md:1: 错误: 缺少 Title 字段", "missing Title"),
    ("wuriqi.md", "Title: 无日期\n\n正文。\n".encode(), "wuriqi.md:1: 错误: 缺少 Date 字段", "missing Date"),
    ("kong.md", b"", "kong.md:1: 错误: 缺少 Title 字段", "missing Title"),
]


@pytest.mark.parametrize("name, data, line, english", UNREADABLE, ids=[row[0] for row in UNREADABLE])
def test_unreadable_files_are_named_in_plain_words(tmp_path, name, data, line, english):
    content = write_files(tmp_path / "content", {f"articles/{name}": data, "articles/hao.md": "Title: 正常稿件\nDate: 2026-11-24\n\n正文。\n"})
    env = dict(os.environ, COLUMNS="400")
    local = run_pelican(content, tmp_path / "out", "pelicanconf.py", env=env)
    log = " ".join((local.stdout + local.stderr).split())
    assert f"articles/{line}" in log and english in log, log
    assert "Traceback" not in log and (tmp_path / "out/2026/11/hao.html").is_file()
    published = run_pelican(content, tmp_path / "pub", "publishconf.py", env=env | {"SITEURL": "https://news.example.gov.cn"})
    assert published.returncode == 1 and "Traceback" not in published.stdout + published.stderr


def test_lead_in_chinese_makes_the_lead_story(tmp_path):
    content = write_files(
        tmp_path / "content",
        {
            "articles/jiu.md": "Title: 较早的头条\nDate: 2026-11-23\nLead: 是\n\n正文。\n",
            "articles/xin.md": "Title: 较新的稿件\nDate: 2026-11-24\nLead: 否\n\n正文。\n",
        },
    )
    assert run_pelican(content, tmp_path / "out").returncode == 0
    from bs4 import BeautifulSoup

    home = BeautifulSoup((tmp_path / "out/index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.select_one("#lead-title").get_text(strip=True) == "较早的头条"


PASTED = {
    "articles/yizhen.md": """
        Title: 义诊活动走进金桥社区
        Date: 2026-11-24 07:00
        Category: 民生

        活动现场秩序井然，医护人员为居民测量血压。

        <script>alert('义诊')</script>

        详见<a href="javascript:alert(1)" onmouseover="alert(2)">活动报名</a>。
        """,
    "pages/about.md": """
        Title: 关于本站
        Slug: about

        本站由铁东区融媒体中心主办。<iframe src="https://example.com/tracker"></iframe>
        """,
}


def test_script_pasted_into_a_story_never_reaches_the_page_and_is_named(tmp_path):
    content = write_files(tmp_path / "content", PASTED)
    process = run_pelican(content, tmp_path / "out", "pelicanconf.py")
    log = process.stderr  # one line a problem
    assert process.returncode == 0 and "Traceback" not in log, "a local build warns, shows the page, and goes on"
    for line in ("articles/yizhen.md:7: 警告: 正文中的 <script>", "articles/yizhen.md:9: 警告: 正文中的 href=javascript:",
                 "articles/yizhen.md:9: 警告: 正文中的 onmouseover", "pages/about.md:4: 警告: 正文中的 <iframe>"):
        assert line in log, log
    from bs4 import BeautifulSoup

    story = BeautifulSoup((tmp_path / "out/2026/11/yizhen.html").read_text(encoding="utf-8"), "html.parser").select_one(".article-body")
    assert story.find("script") is None and story.find("a").attrs == {} and story.get_text(" ", strip=True).startswith("活动现场秩序井然")
    about = BeautifulSoup((tmp_path / "out/about.html").read_text(encoding="utf-8"), "html.parser")
    assert about.find("iframe") is None and "铁东区融媒体中心" in about.get_text()


def test_items_with_chinese_file_names_or_slugs_get_pinyin_addresses(build_site):
    site = build_site({
        "articles/医疗服务进社区.md": "Title: 医疗服务进社区\nDate: 2026-11-24 07:00\nCategory: 民生\n\n活动现场。\n",
        "articles/a.md": "Title: 法治政府建设\nSlug: 法治政府\nDate: 2026-11-24 08:00\nCategory: 政务\n\n座谈会上。\n",
    })
    assert site.html("2026/11/yiliao-fuwu-jinshequ.html").h1.get_text() == "医疗服务进社区"
    assert site.html("2026/11/fazhi-zhengfu.html").h1.get_text() == "法治政府建设"
    assert all(path.relative_to(site.output).as_posix().isascii() for path in site.pages())


def test_each_mistake_is_said_once_in_the_editors_words(tmp_path):
    """Pelican's own English lines about a missing Date or two items with one slug are left out: ours say it."""
    from sitebuild import build

    site = build(tmp_path, {
        "articles/nodate.md": "Title: 没有日期\nCategory: 民生\n\n正文。\n",
        "articles/a.md": "Title: 第一篇\nDate: 2026-10-24\nCategory: 民生\nSlug: changwu-huiyi\n\n正文。\n",
        "articles/b.md": "Title: 第二篇\nDate: 2026-11-24\nCategory: 民生\nSlug: changwu-huiyi\n\n正文。\n",  # another month: another address
    })
    log = " ".join(site.log.split())
    assert "articles/nodate.md:1: 错误: 缺少 Date" in log
    assert "could not find information" not in log and "There are 2" not in log
    assert (site.output / "2026/10/changwu-huiyi.html").exists() and (site.output / "2026/11/changwu-huiyi.html").exists()
