"""Pelican with the project's settings on a small newsroom: what each kind of page shows."""

import re

import pytest
from sitebuild import build_once, jpeg, run_pelican, text, write_files

NEWSROOM = {
    "articles/2026/wuye-guanli.md": """
        Title: 健全管理机制 破解治理难题
        Kicker: 物业管理全覆盖
        Subtitle: ——铁东区多措并举做好物业管理工作记事
        Byline: 本报通讯员 东宣
        Authors: 东宣
        Date: 2026-11-24 08:30
        Category: 要闻
        Tags: 物业管理, 基层治理
        Note: 印刷版本节末句未完，网络版照录原文。

        铁东区坚持以“标准化+便民化”为主线，系统推进有物业小区提质增效。

        ## 三级联动 拧紧责任链条

        初步建立起“三级书记”抓物业的治理责任体系。

        ![社区工作人员入户走访]({static}/images/zoufang.jpg "社区工作人员入户走访，了解居民诉求。本报通讯员 东宣 摄")

        ## 分类施策 破解治理难题

        针对全区154个无物业小区，铁东区坚持“一小区一方案”。
        """,
    "articles/fazhi-diaoyan.md": """
        Title: 提高依法治区水平 助推法治政府建设
        Subtitle: 铁东区政协开展专题调研
        Byline: 本报讯（记者 常欣月 通讯员 高欣）
        Authors: 常欣月, 高欣
        Date: 2026-11-24 09:00
        Category: 政务
        Tags: 法治政府, 基层治理

        为深入贯彻落实全面依法治国，近日，铁东区政协组织部分法律界委员开展专题调研。
        """,
    "photos/jinqiu-zhuxue.md": """
        Title: 第十四届“金秋助学”活动资助40名学生
        Date: 2026-11-24 10:00
        Category: 图片新闻
        Tags: 金秋助学
        Authors: 高欣
        Photo: images/jinqiu.jpg
        Alt: 学生们手捧助学金站成一排

        近日，铁东区关工委举办第十四届“金秋助学”活动，为40名学生每人资助1000元。
        本报通讯员 高欣 摄
        """,
    "pages/about.md": """
        Title: 关于本站
        Slug: about

        本站发布铁东区新闻。
        """,
    "images/zoufang.jpg": jpeg(1600, 1067),
    "images/jinqiu.jpg": jpeg(1200, 800),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, "newsroom", NEWSROOM)


def test_build_is_clean(site):
    assert "WARNING" not in site.log and "ERROR" not in site.log, site.log


def test_article_url_comes_from_the_file_name_and_date(site):
    assert (site.output / "2026/11/wuye-guanli.html").is_file()
    assert (site.output / "2026/11/fazhi-diaoyan.html").is_file()


def test_article_page_has_one_h1_its_title_and_news_headings(site):
    page = site.html("2026/11/wuye-guanli.html")
    assert page.html["lang"] == "zh-CN"
    assert [text(h1) for h1 in page.find_all("h1")] == ["健全管理机制 破解治理难题"]
    assert page.find("meta", property="og:type")["content"] == "article"
    assert text(page.select_one(".kicker")) == "物业管理全覆盖"
    assert text(page.select_one(".subtitle")) == "——铁东区多措并举做好物业管理工作记事"
    assert text(page.select_one(".byline")) == "本报通讯员 东宣"
    assert "印刷版本节末句未完" in text(page.select_one(".editor-note"))
    assert [text(h2) for h2 in page.select("main h2")][:2] == ["三级联动 拧紧责任链条", "分类施策 破解治理难题"]


def test_article_date_is_in_asia_shanghai(site):
    page = site.html("2026/11/wuye-guanli.html")
    assert page.select_one("main time")["datetime"].startswith("2026-11-24T08:30:00+08:00")


def test_article_links_its_section_tags_and_authors(site):
    page = site.html("2026/11/fazhi-diaoyan.html")
    hrefs = [a["href"] for a in page.select("main a[href]")]
    for url in ("section/zhengwu/", "tag/fazhi-zhengfu/", "author/chang-xin-yue/", "author/gao-xin/"):
        assert any(href.endswith(url) for href in hrefs), (url, hrefs)


def test_inline_photo_is_a_figure_with_caption_and_credit(site):
    figure = site.html("2026/11/wuye-guanli.html").select_one("main figure")
    img = figure.img
    assert img["alt"] == "社区工作人员入户走访"
    assert (img["width"], img["height"]) == ("960", "640")
    assert img["src"].startswith("../../images/zoufang-") and img["src"].endswith("-960.jpg")
    assert text(figure.select_one("figcaption .caption-text")) == "社区工作人员入户走访，了解居民诉求。"
    assert text(figure.select_one("figcaption .credit")) == "本报通讯员 东宣 摄"


def test_photo_news_item_is_its_photo_with_caption_and_credit(site):
    page = site.html("2026/11/jinqiu-zhuxue.html")
    figure = page.select_one("main figure")
    assert figure.img["alt"] == "学生们手捧助学金站成一排"
    assert not figure.img.has_attr("loading"), "the lead photo of a page loads at once"
    assert text(figure.select_one(".credit")) == "本报通讯员 高欣 摄"
    assert "本报通讯员" not in text(figure.select_one(".caption-text"))
    assert page.find("meta", property="og:image")["content"] == figure.img["src"]


def test_home_page_has_lead_sections_and_photo_strip(site):
    home = site.html("index.html")
    main = home.select_one("main")
    assert "提高依法治区水平 助推法治政府建设" in text(main), "the newest story leads when none is marked"
    assert "健全管理机制 破解治理难题" in text(main)
    strip = [figure for figure in main.select("figure") if "金秋助学" in text(figure)]
    assert strip and text(strip[0].select_one(".credit")) == "本报通讯员 高欣 摄"


def test_header_lists_sections_in_the_editors_order(site):
    nav = site.html("index.html").select_one("header nav")
    names = [text(a) for a in nav.select("a")]
    order = [name for name in ("要闻", "政务", "图片新闻") if name in names]
    assert order == ["要闻", "政务", "图片新闻"]
    assert names.index("要闻") < names.index("政务") < names.index("图片新闻")


@pytest.mark.parametrize(
    "page, title",
    [
        ("section/yaowen/index.html", "健全管理机制 破解治理难题"),
        ("tag/jiceng-zhili/index.html", "提高依法治区水平 助推法治政府建设"),
        ("author/dong-xuan/index.html", "健全管理机制 破解治理难题"),
        ("2026/index.html", "第十四届“金秋助学”活动资助40名学生"),
        ("2026/11/index.html", "健全管理机制 破解治理难题"),
    ],
)
def test_listing_pages_link_their_articles(site, page, title):
    soup = site.html(page)
    assert len(soup.find_all("h1")) == 1
    assert title in [text(a) for a in soup.select("main a")]


def test_no_page_requests_anything_from_another_site(site):
    for path in site.pages():
        soup = site.html(str(path.relative_to(site.output)))
        for tag in soup.select("script[src], link[href], img[src], iframe, source[srcset]"):
            url = tag.get("src") or tag.get("href") or tag.get("srcset")
            if tag.name == "link" and tag.get("rel") in (["canonical"], ["alternate"]):
                continue
            assert not re.match(r"(https?:)?//", url), (path, url)


def test_any_content_folder_builds(build_site):
    """A flat folder with no sections, no photos and no metadata but a title builds too."""
    site = build_site({"tongzhi.md": "Title: 关于停水的通知\nDate: 2026-11-20\n\n明日停水。\n"})
    page = site.html("2026/11/tongzhi.html")
    assert text(page.h1) == "关于停水的通知"


def test_missing_photo_is_named_and_fails_a_strict_build(tmp_path):
    content = write_files(
        tmp_path / "content",
        {"photos/queshi.md": "Title: 缺图的图片新闻\nDate: 2026-11-24\nPhoto: images/nowhere.jpg\nAlt: 现场\n\n说明。 东宣 摄\n"},
    )
    process = run_pelican(content, tmp_path / "output", "pelicanconf.py", "-e", 'STRICT_FAIL_ON="error"')
    log = process.stdout + process.stderr
    assert process.returncode != 0
    assert "photos/queshi.md" in log and "images/nowhere.jpg" in log and "Photo" in log
    assert "Traceback" not in log


def test_markup_in_titles_and_captions_is_shown_as_text(build_site):
    site = build_site(
        {
            "articles/tiaozhan.md": """
                Title: “安全<script>alert(1)</script>” & 社区
                Subtitle: 副题含<b>标签</b>
                Byline: 本报讯（记者 A&B）
                Date: 2026-11-24 08:00
                Category: 民生

                正文第一段。
                """,
        }
    )
    page = site.html("2026/11/tiaozhan.html")
    assert page.h1.get_text() == "“安全<script>alert(1)</script>” & 社区"
    assert not page.select("main script") and not page.select(".subtitle b")
    assert page.select_one(".byline").get_text() == "本报讯（记者 A&B）"
    home = site.html("index.html")
    assert not home.select("main script")
