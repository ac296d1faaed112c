"""Listings readers expect: every one paginated (sections, tags, authors, a year's or a month's archive); archives.html by year and month."""

import pytest
from sitebuild import Site, build_once

STORIES = 25  # more than one page of DEFAULT_PAGINATION = 20


def story(number: int) -> str:
    month = 10 if number < 5 else 11
    return f"""
        Title: 铁东区基层治理简讯（第{number}期）
        Byline: 本报讯（记者 常欣月）
        Date: 2026-{month:02d}-{number % 28 + 1:02d} 08:{number:02d}
        Category: 政务
        Tags: 基层治理

        近日，铁东区召开第{number}次基层治理推进会，部署下一阶段重点工作。
        """


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, "listings", {f"articles/jianxun-{n:02d}.md": story(n) for n in range(STORIES)})


def listing_of(site: Site, first_page: str, items: str = ".item-list") -> list[list[str]]:
    """The story links of each page of a paginated listing, following its 下一页 links."""
    pages, path = [], first_page
    while path:
        soup = site.html(path)
        pages.append([a["href"] for a in soup.select(f"main {items} a[href*='jianxun']")])
        following = soup.select_one("a[rel=next]")
        path = following and (site.output / path).parent.joinpath(following["href"]).resolve().relative_to(site.output.resolve()).as_posix()
        if path and not path.endswith(".html"):
            path += "index.html" if path.endswith("/") else "/index.html"
    return pages


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_listings_are_paginated(site, kind):
    first = next(site.output.glob(f"{kind}/*/index.html")).relative_to(site.output).as_posix()
    pages = listing_of(site, first)
    assert [len(links) for links in pages] == [20, 5]
    assert len({link.rsplit("/", 1)[-1] for links in pages for link in links}) == STORIES


@pytest.mark.parametrize("archive, count", [("2026/index.html", 25), ("2026/11/index.html", 20), ("2026/10/index.html", 5)])
def test_archives_by_year_and_month(site, archive, count):
    links = {a["href"].rsplit("/", 1)[-1] for a in site.html(archive).select("main a[href*='jianxun']")}
    assert len(links) == count


def test_archives_page_lists_years_and_months_not_every_story(site):
    """archives.html stays the same size however many stories there are: periods and their counts."""
    main = site.html("archives.html").select_one("main")
    assert not main.select("a[href*='jianxun']")
    periods = {entry.a["href"]: entry.select_one(".count").get_text() for entry in main.select(".archive-year h2, .archive-year li")}
    assert periods == {"./2026/": "25 篇", "./2026/11/": "20 篇", "./2026/10/": "5 篇"}


@pytest.fixture(scope="module")
def busy_month(tmp_path_factory):
    """55 stories in one month: more than one page of a period archive (50 a page)."""
    return build_once(tmp_path_factory, "busy-month", {f"articles/jianxun-{n:02d}.md": story(n + 5) for n in range(55)})


@pytest.mark.parametrize("archive", ["2026/index.html", "2026/11/index.html"])
def test_period_archives_are_paginated(busy_month, archive):
    pages = listing_of(busy_month, archive, ".archive-list")
    assert [len(links) for links in pages] == [50, 5]
    assert len({link.rsplit("/", 1)[-1] for links in pages for link in links}) == 55
