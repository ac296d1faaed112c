"""linkchecker, crawling the served site from its home page and sitemap, finds no broken link among the site's own URLs."""

from scripts.chromium import serve
from quality_gates import WelcomesLinkChecker, broken_links
from quality_pages import plant


def test_no_link_is_broken(linkchecker, demo_site):
    with serve(demo_site.output, WelcomesLinkChecker) as base_url:
        broken = broken_links([f"{base_url}/index.html", f"{base_url}/sitemap.xml"])
    assert not broken, "\n".join(broken)


def test_linkchecker_finds_a_planted_broken_link(linkchecker, site_copy):
    plant(site_copy / "index.html", '<a id="planted" href="2026/11/no-such-story.html">不存在的新闻</a>')
    with serve(site_copy, WelcomesLinkChecker) as base_url:
        broken = broken_links([f"{base_url}/index.html", f"{base_url}/sitemap.xml"])
    assert any("2026/11/no-such-story.html" in line and "404" in line for line in broken), broken
