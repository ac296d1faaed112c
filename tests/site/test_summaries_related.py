"""Summaries, reading time and related stories as the built pages show them."""

import posixpath
import re

import pytest
from sitebuild import ROOT, Site, build_once, jpeg, run_pelican, text, write_files

READING = re.compile(r"阅读约 (\d+) 分钟")

NEWSROOM = {
    "articles/wuye-guanli.md": """
        Title: 健全管理机制 破解治理难题
        Date: 2026-11-24 08:30
        Category: 要闻
        Tags: 物业管理, 基层治理

        ![社区工作人员入户走访]({static}/images/zoufang.jpg "社区工作人员入户走访，了解居民诉求。本报通讯员 东宣 摄")

        铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效，通过“专业引进+自治服务”相结合的方式，
        补齐无物业小区管理短板，推动实现物业服务全覆盖。

        ## 三级联动 拧紧责任链条

        初步建立起“三级书记”抓物业的治理责任体系，由区委书记、区长担任双组长，相关区级领导、街道及部门主要负责人共同组成工作专班。
        """,
    "articles/wuye-jiaofei.md": """
        Title: 物业企业按月公示收支明细
        Date: 2026-11-23 09:00
        Category: 民生
        Tags: 物业管理

        所有物业企业须按月公示收支明细与公共收益，提升服务透明度，增强业主缴费意愿。在引导业主缴费方面，由社区加强宣传，推动依法缴费。
        """,
    "articles/wenyi-yanchu.md": """
        Title: 立足群众文化需求 丰富群众文化生活
        Date: 2026-11-24 07:30
        Category: 文化
        Tags: 文艺演出

        近日，铁东区文联与区音乐家协会在四平植物园共同举办了一场精彩的文艺演出，吸引辖区内众多居民前来观看。
        """,
    "articles/tingshui.md": """
        Title: 关于停水的通知
        Date: 2026-11-22 10:00
        Category: 民生

        明日停水。
        """,
    "pages/about.md": """
        Title: 关于本站
        Slug: about

        本站发布铁东区新闻。
        """,
    "images/zoufang.jpg": jpeg(1600, 1067),
}


def description(page) -> str:
    return page.find("meta", attrs={"name": "description"})["content"]


def article_pages(site: Site) -> dict[str, object]:
    """Every article page of a built site, by its path inside the output folder."""
    paths = [str(path.relative_to(site.output)) for path in site.pages("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.html")]
    return {path: site.html(path) for path in paths if not path.endswith("/index.html")}


def related_paths(page, path: str) -> list[str]:
    """Where the related links on the page at `path` point, as paths inside the output folder."""
    hrefs = [a["href"] for a in page.select("aside.related a[href]")]
    return [posixpath.normpath(posixpath.join(posixpath.dirname(path), href)) for href in hrefs]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    """The fixture newsroom built once with the project's settings (as `build_site` builds it)."""
    return build_once(tmp_path_factory, "summaries-related", NEWSROOM)


def test_fixture_site_summaries(site):
    assert "WARNING" not in site.log and "ERROR" not in site.log, site.log
    property_page = site.html("2026/11/wuye-guanli.html")
    summary = description(property_page)
    assert summary == "铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效，通过“专业引进+自治服务”相结合的方式，补齐无物业小区管理短板，推动实现物业服务全覆盖。"
    for left_out in ("入户走访", "东宣", "三级联动"):
        assert left_out not in summary
    assert property_page.find("meta", property="og:description")["content"] == summary
    # A short notice is its own summary.
    assert description(site.html("2026/11/tingshui.html")) == "明日停水。"
    assert description(site.html("about.html")) == "本站发布铁东区新闻。"
    assert READING.search(text(property_page.select_one(".story-meta")))[1] == "1"
    # The home page lists the summaries the plugin wrote.
    assert summary in text(site.html("index.html"))


def test_fixture_site_related(site):
    pages = article_pages(site)
    assert set(pages) == {f"2026/11/{name}.html" for name in ("wuye-guanli", "wuye-jiaofei", "wenyi-yanchu", "tingshui")}
    for path, page in pages.items():
        assert path not in related_paths(page, path)
    assert related_paths(pages["2026/11/wuye-guanli.html"], "2026/11/wuye-guanli.html")[0] == "2026/11/wuye-jiaofei.html"
    assert related_paths(pages["2026/11/wuye-jiaofei.html"], "2026/11/wuye-jiaofei.html")[0] == "2026/11/wuye-guanli.html"
    # 停水 shares nothing with the others but its section, 民生.
    assert [text(a) for a in pages["2026/11/tingshui.html"].select("aside.related a")] == ["物业企业按月公示收支明细"]


def test_settings_change_the_summary_length_and_related_count(build_site):
    site = build_site(NEWSROOM, "-e", "SUMMARIES_MAX_CHARS=30", "RELATED_COUNT=1")
    for path, page in article_pages(site).items():
        assert len(description(page)) <= 30, path
        assert len(related_paths(page, path)) <= 1, path
    assert description(site.html("2026/11/wuye-guanli.html")) == "铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区……"


def test_a_bad_setting_stops_the_build_and_says_why(tmp_path):
    content = write_files(tmp_path / "content", {"articles/tingshui.md": NEWSROOM["articles/tingshui.md"]})
    for setting in ("SUMMARIES_MAX_CHARS=0", "RELATED_COUNT=-1"):
        process = run_pelican(content, tmp_path / "output", "pelicanconf.py", "-e", setting)
        assert process.returncode != 0
        assert setting.split("=")[0] + " 应是" in process.stdout + process.stderr


def test_demo_descriptions_are_short_and_not_the_whole_article(demo_site):
    pages = article_pages(demo_site)
    assert len(pages) >= 8
    for path, page in pages.items():
        summary = description(page)
        body = text(page.select_one(".article-body"))
        assert summary and len(summary) <= 120, (path, summary)
        assert re.sub(r"\s", "", summary) != re.sub(r"\s", "", body), path


def test_demo_editors_summary_is_kept_exactly(demo_site):
    source = (ROOT / "content/articles/wuye-guanli.md").read_text(encoding="utf-8")
    written = re.search(r"^Summary:\s*(.+)$", source, re.MULTILINE)[1].strip()
    summary = description(demo_site.html("2026/11/wuye-guanli.html"))
    assert summary == written
    assert summary.endswith("。")


def test_demo_reading_time_is_shown(demo_site):
    pages = article_pages(demo_site)
    minutes = {path: int(READING.search(text(page.select_one(".story-meta")))[1]) for path, page in pages.items()}
    assert all(value >= 1 for value in minutes.values()), minutes
    assert minutes["2026/11/wuye-guanli.html"] > minutes["2026/11/jinqiu-zhuxue.html"]


def test_demo_related_lists_never_link_to_their_own_page(demo_site):
    for path, page in article_pages(demo_site).items():
        targets = related_paths(page, path)
        assert 1 <= len(targets) <= 5, path
        assert path not in targets, path
        assert all((demo_site.output / target).is_file() for target in targets), targets
