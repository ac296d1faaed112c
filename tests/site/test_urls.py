"""URLs of a built site: pinyin for sections, tags and authors, apart for homophones, and stable."""

import re

import pytest
from sitebuild import ROOT

LAW = """
    Title: 提高依法治区水平 助推法治政府建设
    Date: 2026-11-20 09:00
    Category: 政务
    Tags: 法治

    铁东区政协组织部分法律界委员开展专题调研。
    """
SYSTEM = """
    Title: 健全法制宣传教育长效机制
    Date: 2026-11-24 09:00
    Category: 政务
    Tags: 法制

    铁东区司法局召开普法工作推进会。
    """


def tag_urls(site, article: str) -> dict[str, str]:
    """The article's tag links, name → href relative to the site root."""
    page = site.html(article)
    return {a.get_text(strip=True): a["href"].removeprefix("../../") for a in page.select("a[rel=tag]")}


def titles(site, listing_url: str) -> list[str]:
    """The story titles on a section, tag or author page."""
    return [h.get_text(" ", strip=True) for h in site.html(listing_url + "index.html").select("main h2, main h3")]


def test_homophone_tags_get_pages_of_their_own(build_site):
    site = build_site({"articles/fazhi.md": LAW, "articles/fazhi-xuanjiao.md": SYSTEM})
    law = tag_urls(site, "2026/11/fazhi.html")["法治"]
    system = tag_urls(site, "2026/11/fazhi-xuanjiao.html")["法制"]
    assert law == "tag/fazhi/"
    assert re.fullmatch(r"tag/fazhi-[0-9a-f]{4}/", system), system
    assert titles(site, law) == ["提高依法治区水平 助推法治政府建设"]
    assert titles(site, system) == ["健全法制宣传教育长效机制"]
    tag_index = [a["href"] for a in site.html("tag/index.html").select("main a[href]")]
    assert all(any(href.endswith(url) for href in tag_index) for url in (law, system)), tag_index


def test_a_newer_homophone_leaves_the_older_tags_url_alone(build_site):
    before = build_site({"articles/fazhi.md": LAW})
    after = build_site({"articles/fazhi.md": LAW, "articles/fazhi-xuanjiao.md": SYSTEM}, "--delete-output-directory")
    assert tag_urls(before, "2026/11/fazhi.html")["法治"] == "tag/fazhi/"
    assert tag_urls(after, "2026/11/fazhi.html")["法治"] == "tag/fazhi/"
    assert titles(after, "tag/fazhi/") == ["提高依法治区水平 助推法治政府建设"]


def test_an_override_names_the_tag_page(build_site):
    site = build_site(
        {"articles/fazhi.md": LAW, "articles/fazhi-xuanjiao.md": SYSTEM},
        "-e", 'SLUGS_OVERRIDES={"法制": "fazhi-zhidu"}',
    )
    assert tag_urls(site, "2026/11/fazhi-xuanjiao.html")["法制"] == "tag/fazhi-zhidu/"
    assert titles(site, "tag/fazhi-zhidu/") == ["健全法制宣传教育长效机制"]


@pytest.mark.parametrize(
    "overrides",
    ['{"法制": "法制宣传"}', '{"法制": "fazhi", "法治": "fazhi"}', '{"法制": "fazhi"}'],
)
def test_a_bad_override_stops_the_build_and_says_why(tmp_path, overrides):
    from sitebuild import run_pelican, write_files

    content = write_files(tmp_path / "content", {"articles/fazhi.md": LAW, "articles/fazhi-xuanjiao.md": SYSTEM})
    process = run_pelican(content, tmp_path / "output", "pelicanconf.py", "-e", f"SLUGS_OVERRIDES={overrides}")
    assert process.returncode != 0
    assert "SLUGS_OVERRIDES" in process.stdout + process.stderr


def test_demo_links_are_plain_ascii(demo_site):
    for path in demo_site.pages():
        soup = demo_site.html(str(path.relative_to(demo_site.output)))
        for tag in soup.select("[href], [src]"):
            url = tag.get("href") or tag.get("src")
            assert url.isascii() and "%" not in url, (path.name, url)
    for loc in re.findall(r"<loc>(.*?)</loc>", (demo_site.output / "sitemap.xml").read_text(encoding="utf-8")):
        assert loc.isascii() and "%" not in loc, loc


@pytest.mark.parametrize(
    "url, name",
    [
        ("section/yaowen/", "要闻"),
        ("section/zhengwu/", "政务"),
        ("section/tupian-xinwen/", "图片新闻"),
        ("tag/wuye-guanli/", "物业管理"),
        ("tag/jiceng-zhili/", "基层治理"),
        ("tag/fazhi-zhengfu/", "法治政府"),
        ("author/dong-xuan/", "东宣"),
    ],
)
def test_demo_sections_tags_and_authors_live_at_their_pinyin(demo_site, url, name):
    assert name in demo_site.html(url + "index.html").h1.get_text()


def test_demo_article_links_its_pinyin_pages(demo_site):
    links = {a["href"].removeprefix("../../") for a in demo_site.html("2026/11/wuye-guanli.html").select("main a[href]")}
    assert {"section/yaowen/", "tag/wuye-guanli/", "tag/jiceng-zhili/", "author/dong-xuan/"} <= links


def test_demo_article_urls_are_the_date_and_the_file_name(demo_site):
    sources = sorted(ROOT.glob("content/articles/*.md")) + sorted(ROOT.glob("content/photos/*.md"))
    for source in sources:
        assert (demo_site.output / "2026/11" / f"{source.stem}.html").is_file(), source.name
    hrefs = [a["href"] for a in demo_site.html("2026/11/index.html").select("main a[href]")]
    archive = {href.rsplit("/", 1)[-1] for href in hrefs if re.search(r"(^|/)2026/11/[a-z0-9-]+\.html$", href)}
    assert archive == {f"{source.stem}.html" for source in sources}
