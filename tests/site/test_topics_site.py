"""专题 on a built site: a topic's page with its introduction and its stories (pinned first, then
newest first), paginated like a section's; the page introducing it is not a page of its own nor in
the footer; each story links its topic; the home page shows the current topic; the list of topics;
a feed when publishing."""

import os

import pytest
from sitebuild import build, build_once, run_pelican, text, write_files

from plugins.slugs.pinyin import pinyin_slug

INTRO = """
    Title: 物业管理全覆盖
    Slug: wuye-zhuanti
    Topic: 物业管理全覆盖
    Current: true
    Order: articles/zhifa.md
        articles/tuijinhui.md
    Summary: 铁东区推进物业服务全覆盖。

    本专题汇集铁东区物业管理工作的相关报道。
    """


def story(title: str, date: str, topic: str = "物业管理全覆盖") -> str:
    return f"""
        Title: {title}
        Date: {date}
        Category: 要闻
        Topic: {topic}

        铁东区物业管理工作持续推进，{title}。
        """


FILES = {
    "pages/wuye-zhuanti.md": INTRO,
    "pages/about.md": "Title: 关于本站\nSlug: about\n\n本站是演示站点。\n",
    "articles/tuijinhui.md": story("铁东区召开物业管理工作推进会", "2026-11-01 08:00"),
    "articles/hongheibang.md": story("物业企业红黑榜首次发布", "2026-11-20 08:00"),
    "articles/zhifa.md": story("多部门联合整治小区违规行为", "2026-11-10 08:00"),
    "articles/qita.md": story("铁东区召开安全生产会议", "2026-11-21 08:00", topic=""),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, "topics", FILES)


def test_the_topic_page_has_its_introduction_then_its_stories_pinned_first(site):
    page = site.html("topic/wuye-zhuanti/index.html")
    assert text(page.find("h1")) == "物业管理全覆盖"
    assert "本专题汇集铁东区物业管理工作的相关报道" in text(page.find(class_="topic-intro"))
    titles = [text(link) for link in page.select(".item-list .item-title a")] or [text(a) for a in page.select("main article h2 a, main article h3 a")]
    # the two the page pins, in its order; then the rest newest first
    assert titles == ["多部门联合整治小区违规行为", "铁东区召开物业管理工作推进会", "物业企业红黑榜首次发布"]
    assert [text(item) for item in page.select(".breadcrumb li")] == ["首页", "专题", "物业管理全覆盖"]


def test_the_introducing_page_is_not_a_page_of_its_own_nor_in_the_footer(site):
    assert not (site.output / "wuye-zhuanti.html").exists()
    footer = text(site.html("index.html").find("footer"))
    assert "关于本站" in footer and "物业管理全覆盖" not in footer


def test_a_story_links_its_topic_and_a_story_without_one_does_not(site):
    links = [a["href"] for a in site.html(next(str(p.relative_to(site.output)) for p in site.pages("2026/11/tuijinhui.html"))).select(".meta-item a")]
    assert any(href.endswith("topic/wuye-zhuanti/") for href in links)
    assert "专题：" not in text(site.html("2026/11/qita.html").find("main"))


def test_the_home_page_shows_the_current_topic_with_its_newest_stories(site):
    block = site.html("index.html").find(class_="topic-current")
    assert text(block.find("h2")) == "物业管理全覆盖"
    assert [text(a) for a in block.select(".topic-current-stories a")] == ["多部门联合整治小区违规行为", "铁东区召开物业管理工作推进会", "物业企业红黑榜首次发布"]
    assert "共 3 篇" in text(block.find(class_="topic-current-more"))


def test_the_list_of_topics(site):
    page = site.html("topic/index.html")
    assert [text(a) for a in page.select(".topic-list-item > a")] == ["物业管理全覆盖"]


def test_a_topic_without_an_introducing_page_still_has_its_page(tmp_path):
    files = {"articles/a.md": story("法治宣传进社区", "2026-11-01 08:00", topic="法治铁东")}
    built = build(tmp_path, files)
    # named by the pinyin of the topic, as sections and tags are (plugins.slugs)
    assert "法治宣传进社区" in text(built.html(f"topic/{pinyin_slug('法治铁东')}/index.html").find("main"))
    assert built.html("index.html").find(class_="topic-current") is None  # not current without its page saying so


def test_publishing_writes_a_feed_for_each_topic(tmp_path):
    content = write_files(tmp_path / "content", FILES)
    process = run_pelican(content, tmp_path / "output", "publishconf.py",
                          env={**os.environ, "SITEURL": "https://news.example.gov.cn"})
    assert process.returncode == 0, process.stdout + process.stderr
    feed = (tmp_path / "output" / "feeds" / "topic-wuye-zhuanti.atom.xml").read_text(encoding="utf-8")
    assert "物业管理全覆盖" in feed and "物业企业红黑榜首次发布" in feed and "铁东区召开安全生产会议" not in feed

