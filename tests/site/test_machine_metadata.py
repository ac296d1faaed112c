"""What machines read, on the demo site as published: feeds, sitemaps, robots.txt and JSON-LD.

"Now" is set with SOURCE_DATE_EPOCH, as a reproducible build does: the demo stories are dated
2026-11-24, so the Google News sitemap lists them on 11-25 and none on 12-01.
"""

import json
import os
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path
from xml.etree import ElementTree

import feedparser
import pytest
from bs4 import BeautifulSoup
from sitebuild import ROOT, jpeg, run_pelican, write_files

SITEURL = "https://news.example.gov.cn"
BEIJING = timezone(timedelta(hours=8))
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}
JSON_LD = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def publish(output: Path, content: Path = ROOT / "content", now: datetime | None = None):
    """Run the publish build as CI does, with SITEURL and, when given, SOURCE_DATE_EPOCH."""
    env = {key: value for key, value in os.environ.items() if key not in {"SITEURL", "SOURCE_DATE_EPOCH"}}
    env["SITEURL"] = SITEURL
    if now:
        env["SOURCE_DATE_EPOCH"] = str(int(now.timestamp()))
    process = run_pelican(content, output, "publishconf.py", env=env)
    assert process.returncode == 0, process.stdout + process.stderr
    return output


@pytest.fixture(scope="module")
def day_after(tmp_path_factory) -> Path:
    """The demo site published on 2026-11-25, the day after its stories."""
    return publish(tmp_path_factory.mktemp("nov25") / "output", now=datetime(2026, 11, 25, tzinfo=BEIJING))


@pytest.fixture(scope="module")
def week_after(tmp_path_factory) -> Path:
    """The demo site published again on 2026-12-01."""
    return publish(tmp_path_factory.mktemp("dec01") / "output", now=datetime(2026, 12, 1, tzinfo=BEIJING))


def html(output: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((output / path).read_text(encoding="utf-8"), "html.parser")


def article_paths(output: Path) -> list[str]:
    """Every article page of the built site, as paths from the site root."""
    pages = output.glob("[0-9][0-9][0-9][0-9]/[0-9][0-9]/*.html")
    return sorted(page.relative_to(output).as_posix() for page in pages if page.name != "index.html")


def meta(page: BeautifulSoup, prop: str) -> str:
    return page.find("meta", property=prop)["content"]


def local_path(output: Path, url: str) -> Path:
    """The file in the output folder that an absolute URL on the site names."""
    assert url.startswith(SITEURL + "/"), url
    path = url[len(SITEURL) + 1 :]
    return output / (path + "index.html" if path.endswith("/") or not path else path)


def graph_of(page: BeautifulSoup) -> dict:
    """The page's JSON-LD nodes by @type."""
    scripts = page.find_all("script", type="application/ld+json")
    assert len(scripts) == 1
    return {node["@type"]: node for node in json.loads(scripts[0].string)["@graph"]}


def feeds(output: Path) -> list[Path]:
    return sorted((output / "feeds").glob("*.xml"))


# --- Feeds -------------------------------------------------------------------------------------


def test_atom_and_rss_for_the_site_and_each_section(day_after):
    names = {path.name for path in feeds(day_after)}
    assert {"all.atom.xml", "all.rss.xml"} <= names
    section_pages = sorted(day_after.glob("section/*/index.html"))
    assert len(section_pages) == 5
    for page in section_pages:
        # A section page offers its own feed; the whole-site feed's link has no section in its title.
        links = html(day_after, page.relative_to(day_after).as_posix()).find_all("link", rel="alternate")
        hrefs = [link["href"] for link in links if "/all." not in link["href"]]
        (feed,) = [href for href in hrefs if href.endswith(".atom.xml")]
        assert feed.startswith(f"{SITEURL}/feeds/"), feed
        assert hrefs == [feed, feed.replace(".atom.xml", ".rss.xml")]
        assert all(local_path(day_after, href).exists() for href in hrefs)


def test_every_feed_parses_with_absolute_links_and_beijing_dates(day_after):
    for path in feeds(day_after):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path.name, parsed.get("bozo_exception"))
        assert parsed.entries, path.name
        offset = "+08:00" if path.name.endswith(".atom.xml") else "+0800"
        for entry in parsed.entries:
            assert entry.link.startswith(f"{SITEURL}/"), (path.name, entry.link)
            assert entry.published.endswith(offset), (path.name, entry.published)
            if path.name.endswith(".atom.xml"):
                assert entry.updated.endswith(offset), (path.name, entry.updated)


def test_feed_entry_ids_are_unique_and_stable(day_after, week_after):
    for path in feeds(day_after):
        entries = feedparser.parse(path.read_bytes()).entries
        ids = [entry.id for entry in entries]
        assert len(ids) == len(set(ids)), path.name
        for entry in entries:
            # Made from the address and the date alone: a new headline keeps the id.
            assert entry.id.startswith("tag:news.example.gov.cn,2026-11-24:/"), entry.id
            assert entry.id.endswith(entry.link[len(SITEURL) :]), (entry.id, entry.link)
        again = feedparser.parse((week_after / "feeds" / path.name).read_bytes()).entries
        assert [entry.id for entry in again] == ids, path.name


def test_feeds_carry_the_whole_story_with_absolute_pictures(day_after):
    for path in feeds(day_after):
        for entry in feedparser.parse(path.read_bytes()).entries:
            body = entry.content[0].value if "content" in entry else entry.description
            soup = BeautifulSoup(body, "html.parser")
            for img in soup.find_all("img"):
                assert img["src"].startswith(f"{SITEURL}/"), (path.name, img["src"])
            for link in soup.find_all("a", href=True):
                assert link["href"].startswith(("https://", "mailto:", "#")), (path.name, link["href"])
            if entry.link.endswith("/wuye-guanli.html"):
                assert "源头治理 提升服务质量" in body, path.name  # the last subhead: not a summary
            if entry.link.endswith("/jinqiu-zhuxue.html"):
                assert soup.find("img"), path.name


def test_whole_site_feeds_have_every_article(day_after):
    articles = {f"{SITEURL}/{path}" for path in article_paths(day_after)}
    for name in ("all.atom.xml", "all.rss.xml"):
        links = {entry.link for entry in feedparser.parse((day_after / "feeds" / name).read_bytes()).entries}
        assert links == articles, name


def test_section_feeds_list_only_their_section(day_after):
    section_of = {f"{SITEURL}/{path}": meta(html(day_after, path), "article:section") for path in article_paths(day_after)}
    seen = set()
    for path in feeds(day_after):
        if path.name.startswith(("all.", "topic-")):  # the whole site's, and a 专题's (tests/site/test_topics_site.py)
            continue
        parsed = feedparser.parse(path.read_bytes())
        sections = {section_of[entry.link] for entry in parsed.entries}
        assert len(sections) == 1, (path.name, sections)
        (section,) = sections
        assert parsed.feed.title == f"铁东新闻网 - {section}"
        assert {entry.link for entry in parsed.entries} == {url for url, s in section_of.items() if s == section}
        seen.add(section)
    assert seen == set(section_of.values())


# --- sitemap.xml, news-sitemap.xml, robots.txt ----------------------------------------------------


def test_sitemap_lists_every_article_with_lastmod(day_after):
    root = ElementTree.parse(day_after / "sitemap.xml").getroot()
    lastmod = {url.findtext("s:loc", namespaces=NS): url.findtext("s:lastmod", namespaces=NS) for url in root}
    expected = {f"{SITEURL}/{path}": meta(html(day_after, path), "article:published_time") for path in article_paths(day_after)}
    assert lastmod == expected
    assert all(value.endswith("+08:00") for value in lastmod.values())


def test_news_sitemap_lists_the_last_two_days(day_after):
    root = ElementTree.parse(day_after / "news-sitemap.xml").getroot()
    urls = root.findall("s:url", NS)
    assert {url.findtext("s:loc", namespaces=NS) for url in urls} == {f"{SITEURL}/{p}" for p in article_paths(day_after)}
    for url in urls:
        page = html(day_after, url.findtext("s:loc", namespaces=NS)[len(SITEURL) + 1 :])
        news = url.find("news:news", NS)
        assert news.findtext("news:publication/news:name", namespaces=NS) == meta(page, "og:site_name")
        assert news.findtext("news:publication/news:language", namespaces=NS) == "zh-cn"
        assert news.findtext("news:publication_date", namespaces=NS) == meta(page, "article:published_time")
        assert news.findtext("news:publication_date", namespaces=NS).endswith("+08:00")
        assert news.findtext("news:title", namespaces=NS) == page.h1.get_text()


def test_news_sitemap_is_empty_a_week_later(week_after):
    root = ElementTree.parse(week_after / "news-sitemap.xml").getroot()
    assert root.findall("s:url", NS) == []


def test_robots_txt_allows_all_and_names_both_sitemaps(day_after):
    assert (day_after / "robots.txt").read_text(encoding="utf-8") == (
        "User-agent: *\nAllow: /\n\n"
        f"Sitemap: {SITEURL}/sitemap.xml\nSitemap: {SITEURL}/news-sitemap.xml\n"
    )


def test_machine_files_do_not_change_from_build_to_build(day_after, week_after):
    for path in ["sitemap.xml", "robots.txt", *(f"feeds/{feed.name}" for feed in feeds(day_after))]:
        assert (day_after / path).read_bytes() == (week_after / path).read_bytes(), path
    for path in article_paths(day_after):
        assert graph_of(html(day_after, path)) == graph_of(html(week_after, path)), path


# --- JSON-LD -----------------------------------------------------------------------------------


def test_every_article_has_a_news_article(day_after):
    paths = article_paths(day_after)
    assert len(paths) == 8
    for path in paths:
        page = html(day_after, path)
        graph = graph_of(page)
        article = graph["NewsArticle"]
        assert article["headline"] == page.h1.get_text(), path
        assert article["datePublished"] == meta(page, "article:published_time")
        assert article["datePublished"].endswith("+08:00") and article["dateModified"].endswith("+08:00")
        assert article["inLanguage"] == "zh-CN"
        assert article["url"] == article["mainEntityOfPage"] == page.find("link", rel="canonical")["href"]
        assert article["articleSection"] == meta(page, "article:section")
        assert article["keywords"] == [tag["content"] for tag in page.find_all("meta", property="article:tag")]
        assert article["description"] and "<" not in article["description"]
        assert article["publisher"]["name"] == meta(page, "og:site_name")
        assert local_path(day_after, article["publisher"]["logo"]["url"]).is_file()
        for person in article.get("author", []) + article.get("contributor", []):
            assert local_path(day_after, person["url"]).is_file(), person
        trail = graph["BreadcrumbList"]["itemListElement"]
        assert [item["name"] for item in trail] == ["首页", article["articleSection"], article["headline"]]
        assert [item["item"] for item in trail] == [f"{SITEURL}/", trail[1]["item"], article["url"]]
        assert local_path(day_after, trail[1]["item"]).is_file()


@pytest.mark.parametrize(
    "path, names",
    [("2026/11/wuye-guanli.html", {"东宣"}), ("2026/11/fazhi-diaoyan.html", {"常欣月", "高欣"})],
)
def test_authors_are_the_bylines_people(day_after, path, names):
    authors = {person["name"] for person in graph_of(html(day_after, path))["NewsArticle"].get("author", [])}
    assert names <= authors


def test_photo_items_have_their_photo_as_absolute_image(day_after):
    photo_pages = [path for path in article_paths(day_after) if html(day_after, path).select_one("article.story--photo")]
    assert len(photo_pages) == 3
    for path in photo_pages:
        image = graph_of(html(day_after, path))["NewsArticle"]["image"]
        assert image["url"] == meta(html(day_after, path), "og:image")
        assert local_path(day_after, image["url"]).is_file()
        assert image["width"] > 0 and image["height"] > 0
        assert image["creditText"].endswith("摄")


UNSAFE_TITLE = """标题</script><script>alert("x")</script> & '单引号' “中文引号” <!--"""


def test_a_title_cannot_break_out_of_the_script(build_site):
    site = build_site(
        {
            "articles/wei-xian.md": f"""
                Title: {UNSAFE_TITLE}
                Byline: 本报记者 王东
                Date: 2026-11-24 10:00
                Category: 要闻
                Tags: 安全 & 测试

                正文第一段。
                """,
        }
    )
    raw = (site.output / "2026/11/wei-xian.html").read_text(encoding="utf-8")
    script = JSON_LD.search(raw).group(1)  # up to the first </script>: the whole JSON or nothing
    data = json.loads(script)
    assert not re.search(r"<|>", script)
    article = {node["@type"]: node for node in data["@graph"]}["NewsArticle"]
    assert article["headline"] == UNSAFE_TITLE == site.html("2026/11/wei-xian.html").h1.get_text()
    assert article["keywords"] == ["安全 & 测试"]


def test_a_local_build_has_root_relative_addresses_and_no_news_sitemap(build_site):
    site = build_site(
        {
            "articles/wuye-guanli.md": """
                Title: 健全管理机制 破解治理难题
                Byline: 本报通讯员 东宣
                Date: 2026-11-24 08:30
                Category: 要闻

                正文。
                """,
        }
    )
    article = graph_of(site.html("2026/11/wuye-guanli.html"))["NewsArticle"]
    assert article["url"] == "/2026/11/wuye-guanli.html"
    assert article["publisher"]["logo"]["url"] == "/theme/favicon.svg"
    assert (site.output / "robots.txt").read_text(encoding="utf-8") == "User-agent: *\nAllow: /\n"
    assert not (site.output / "news-sitemap.xml").exists()


def test_a_body_picture_and_a_correction_date_when_published(tmp_path):
    content = write_files(
        tmp_path / "content",
        {
            "articles/zoufang.md": """
                Title: 社区工作人员入户走访
                Byline: 本报记者 王东
                Date: 2026-11-24 08:30
                Modified: 2026-11-25 10:15
                Category: 民生

                社区工作人员入户走访，了解居民诉求。

                ![社区工作人员入户走访]({static}/images/zoufang.jpg "社区工作人员入户走访。本报通讯员 东宣 摄")
                """,
            "images/zoufang.jpg": jpeg(800, 600),
        },
    )
    output = publish(tmp_path / "output", content, now=datetime(2026, 11, 25, 12, tzinfo=BEIJING))
    article = graph_of(html(output, "2026/11/zoufang.html"))["NewsArticle"]
    image = article["image"]
    assert image.pop("url").startswith(f"{SITEURL}/images/zoufang-"), "the published derivative, not the original"
    assert image == {"@type": "ImageObject", "width": 800, "height": 600, "creditText": "本报通讯员 东宣 摄"}
    assert article["datePublished"] == "2026-11-24T08:30:00+08:00"
    assert article["dateModified"] == "2026-11-25T10:15:00+08:00"
    assert [(p["name"], p["jobTitle"]) for p in article["author"]] == [("王东", "记者")]
    root = ElementTree.parse(output / "sitemap.xml").getroot()
    assert root.findtext("s:url/s:lastmod", namespaces=NS) == "2026-11-25T10:15:00+08:00"
