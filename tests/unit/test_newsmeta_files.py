"""Files for crawlers: the Google News sitemap and its two-day window, robots.txt, the build's "now"."""

from datetime import datetime, timedelta, timezone
from xml.etree import ElementTree

import pytest
from plugins.newsmeta.clock import build_time
from plugins.newsmeta.markup import BodyImage, first_image, plain_text
from plugins.newsmeta.newssitemap import NewsItem, news_sitemap, recent
from plugins.newsmeta.robots import robots_txt
from plugins.newsmeta.urls import on_site, resolve, site_root

BEIJING = timezone(timedelta(hours=8))
SITE = "https://news.example.gov.cn"
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "news": "http://www.google.com/schemas/sitemap-news/0.9"}


def at(day: int, hour: int = 0, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=BEIJING)


def item(slug: str, published: datetime, title: str = "标题") -> NewsItem:
    return NewsItem(f"{SITE}/2026/11/{slug}.html", published, title)


WUYE = item("wuye-guanli", at(24, 8, 30), "健全管理机制 破解治理难题")
FAZHI = item("fazhi-diaoyan", at(24, 8), "提高依法治区水平 助推法治政府建设")
ZHUXUE = item("jinqiu-zhuxue", at(24, 9), "铁东区第十四届“金秋助学”活动资助40名学生")
DEMO = [FAZHI, WUYE, ZHUXUE]


@pytest.mark.parametrize(
    "now, expected",
    [
        (at(25), [ZHUXUE, WUYE, FAZHI]),  # the next day: all, newest first
        (at(26, 8, 30), [ZHUXUE]),  # 48 hours after 08:30 that story has left the window
        (at(26, 8, 30) - timedelta(seconds=1), [ZHUXUE, WUYE]),
        (at(24, 8, 45), [WUYE, FAZHI]),  # a story dated later than now is not news yet
        (datetime(2026, 11, 24, 1, 0, tzinfo=timezone.utc), [ZHUXUE, WUYE, FAZHI]),  # 09:00 Beijing
        (datetime(2026, 12, 1, tzinfo=BEIJING), []),
    ],
)
def test_news_are_the_last_two_days_before_now(now, expected):
    assert recent(DEMO, now) == expected


def test_stories_of_the_same_minute_are_in_address_order():
    a, b = item("b-gao", at(24, 9)), item("a-di", at(24, 9))
    assert recent([a, b], at(25)) == [b, a]


def test_google_reads_at_most_1000_stories():
    many = [item(f"x{n:04d}", at(24, 9) - timedelta(minutes=n)) for n in range(1200)]
    assert len(recent(many, at(25))) == 1000


def test_news_sitemap_has_publication_date_and_title():
    text = news_sitemap([ZHUXUE, item("a-b", at(24, 7), "A & B <标题>")], "铁东新闻网", "zh-cn")
    root = ElementTree.fromstring(text.encode("utf-8"))
    urls = root.findall("s:url", NS)
    assert [u.findtext("s:loc", namespaces=NS) for u in urls] == [ZHUXUE.loc, f"{SITE}/2026/11/a-b.html"]
    news = urls[0].find("news:news", NS)
    assert news.findtext("news:publication/news:name", namespaces=NS) == "铁东新闻网"
    assert news.findtext("news:publication/news:language", namespaces=NS) == "zh-cn"
    assert news.findtext("news:publication_date", namespaces=NS) == "2026-11-24T09:00:00+08:00"
    assert news.findtext("news:title", namespaces=NS) == "铁东区第十四届“金秋助学”活动资助40名学生"
    assert urls[1].findtext("news:news/news:title", namespaces=NS) == "A & B <标题>"


def test_an_empty_news_sitemap_is_still_a_sitemap():
    root = ElementTree.fromstring(news_sitemap([], "铁东新闻网", "zh-cn").encode("utf-8"))
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}urlset"
    assert list(root) == []


@pytest.mark.parametrize(
    "sitemaps, expected",
    [
        (
            [f"{SITE}/sitemap.xml", f"{SITE}/news-sitemap.xml"],
            "User-agent: *\nAllow: /\n\n"
            f"Sitemap: {SITE}/sitemap.xml\nSitemap: {SITE}/news-sitemap.xml\n",
        ),
        (["/sitemap.xml"], "User-agent: *\nAllow: /\n"),  # a local build: no address to give
        ([], "User-agent: *\nAllow: /\n"),
    ],
)
def test_robots_txt_allows_all_and_names_the_sitemaps(sitemaps, expected):
    assert robots_txt(sitemaps) == expected


@pytest.mark.parametrize(
    "environ, expected",
    [
        ({"SOURCE_DATE_EPOCH": "1795536000"}, datetime(2026, 11, 25, tzinfo=BEIJING)),
        ({"SOURCE_DATE_EPOCH": " 0 "}, datetime(1970, 1, 1, tzinfo=timezone.utc)),
        ({"SOURCE_DATE_EPOCH": ""}, datetime(2030, 1, 1, tzinfo=timezone.utc)),  # unset: the clock
        ({}, datetime(2030, 1, 1, tzinfo=timezone.utc)),
    ],
)
def test_now_is_source_date_epoch_else_the_clock(environ, expected):
    assert build_time(environ, clock=lambda: datetime(2030, 1, 1, tzinfo=timezone.utc)) == expected


@pytest.mark.parametrize("value", ["2026-11-25", "1.5", "-1", "昨天"])
def test_a_bad_source_date_epoch_is_an_error(value):
    with pytest.raises(ValueError, match="SOURCE_DATE_EPOCH"):
        build_time({"SOURCE_DATE_EPOCH": value})


@pytest.mark.parametrize(
    "siteurl, path, expected",
    [
        ("https://news.example.gov.cn", "2026/11/wuye-guanli.html", f"{SITE}/2026/11/wuye-guanli.html"),
        ("https://news.example.gov.cn/", "section/yaowen/", f"{SITE}/section/yaowen/"),
        ("https://example.github.io/pressroom", "images/a.jpg", "https://example.github.io/pressroom/images/a.jpg"),
        ("", "2026/11/wuye-guanli.html", "/2026/11/wuye-guanli.html"),  # local: from the site root
        ("..", "images/a.jpg", "/images/a.jpg"),
        (SITE, "https://cdn.example.com/a.jpg", "https://cdn.example.com/a.jpg"),
    ],
)
def test_addresses_on_the_site(siteurl, path, expected):
    assert on_site(site_root(siteurl), path) == expected


@pytest.mark.parametrize(
    "src, expected",
    [
        (f"{SITE}/images/a.jpg", f"{SITE}/images/a.jpg"),
        ("/images/a.jpg", f"{SITE}/images/a.jpg"),
        ("../../images/a.jpg", f"{SITE}/images/a.jpg"),
        ("a.jpg", f"{SITE}/2026/11/a.jpg"),
    ],
)
def test_a_body_image_resolves_as_a_browser_would(src, expected):
    assert resolve(f"{SITE}/2026/11/wuye-guanli.html", src) == expected


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>铁东区以“标准化+便民化”为主线。</p>", "铁东区以“标准化+便民化”为主线。"),
        ("<p><strong>铁东</strong>区坚持</p>\n<p>第二段</p>", "铁东区坚持 第二段"),
        ("近日，A &amp; B 举办活动", "近日，A & B 举办活动"),
        ("  近日，\n铁东区举办活动\t ", "近日， 铁东区举办活动"),  # text already: no markup to parse
        ("", ""),
        (None, ""),
    ],
)
def test_summary_html_becomes_one_line_of_text(html, text):
    assert plain_text(html) == text


@pytest.mark.parametrize(
    "html, image",
    [
        (
            '<p>正文</p><figure class="photo"><img src="/images/a.jpg" width="1600" height="1067"></figure>'
            '<img src="/images/b.jpg">',
            BodyImage("/images/a.jpg", 1600, 1067),
        ),
        ('<img src="data:image/png;base64,AAAA"><img src="b.jpg" width="100%">', BodyImage("b.jpg", None, None)),
        (
            '<figure class="photo"><picture><source type="image/webp" srcset="/images/a-960.webp 960w">'
            '<img src="/images/a-960.jpg" width="960" height="640"></picture><figcaption>'
            '<span class="caption-text">社区工作人员入户走访。</span><span class="credit">本报通讯员 东宣 摄</span>'
            "</figcaption></figure>",
            BodyImage("/images/a-960.jpg", 960, 640, "本报通讯员 东宣 摄"),
        ),
        (
            '<p><img src="a.jpg"></p><figure class="photo"><img src="b.jpg">'
            '<figcaption><span class="credit">本报通讯员 东宣 摄</span></figcaption></figure>',
            BodyImage("a.jpg", None, None, ""),  # another picture's credit is not this one's
        ),
        ("<p>没有图片</p>", None),
        ("", None),
        ('<P><IMG SRC="upper.jpg"></P>', BodyImage("upper.jpg", None, None)),  # raw HTML as an editor typed it
    ],
)
def test_first_image_of_the_body(html, image):
    assert first_image(html) == image
