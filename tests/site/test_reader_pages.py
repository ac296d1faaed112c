"""What every page of the demo site promises a reader, read from the built HTML and CSS: a content
security policy with nothing inline to exempt, icons, breadcrumbs, a 404 page that works from any
address, the 复制链接 button's markup, and colours that pass WCAG AA in the light and dark schemes."""

import os
import re

import pytest
from bs4 import BeautifulSoup
from colours import contrast, luminance
from plugins.fingerprint.names import is_fingerprinted
from sitebuild import ROOT, run_pelican

SITEURL = "https://news.example.gov.cn"
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)
SECTIONS = ["要闻", "政务", "民生", "文化", "图片新闻"]


def every_page(site):
    pages = site.pages()
    assert len(pages) > 40
    return [(str(path.relative_to(site.output)), site.html(str(path.relative_to(site.output)))) for path in pages]


def test_every_page_declares_the_content_security_policy_before_it_loads_anything(demo_site):
    for path, page in every_page(demo_site):
        policy = page.select_one('meta[http-equiv="Content-Security-Policy"]')
        assert policy is not None and policy["content"] == CSP, path
        loads = page.head.find_all(["link", "script", "style"])
        assert all(policy.sourceline < tag.sourceline for tag in loads), path


def test_no_page_has_inline_style_script_or_event_handlers(demo_site):
    """What the policy would block: style="", <style>, on…="" handlers, inline and javascript: scripts."""
    for path, page in every_page(demo_site):
        assert not page.find_all(style=True), path
        assert not page.find_all("style"), path
        handlers = [(tag.name, name) for tag in page.find_all(True) for name in tag.attrs if name.lower().startswith("on")]
        assert not handlers, (path, handlers)
        for script in page.find_all("script"):
            # JSON-LD is data, which the policy leaves alone; any script that runs is a file of the site.
            assert script.get("type") == "application/ld+json" or (script.get("src") and not script.string), (path, script)
        assert not page.find_all(href=re.compile(r"^\s*javascript:", re.I)), path


def test_json_ld_is_kept_as_data_on_articles(demo_site):
    page = demo_site.html("2026/11/wuye-guanli.html")
    assert page.select_one('script[type="application/ld+json"]').string.startswith('{"@context"')


def test_every_page_links_the_favicon_and_the_touch_icon(demo_site):
    for path, page in every_page(demo_site):
        icon = page.select_one('link[rel=icon][type="image/svg+xml"]')
        touch = page.select_one("link[rel=apple-touch-icon]")
        assert re.search(r"theme/favicon\.[0-9a-f]{10}\.svg$", icon["href"]), path
        assert re.search(r"theme/apple-touch-icon\.[0-9a-f]{10}\.png$", touch["href"]), path
    page = demo_site.html("index.html")
    assert (demo_site.output / page.select_one("link[rel=icon]")["href"]).is_file()
    assert (demo_site.output / page.select_one("link[rel=apple-touch-icon]")["href"]).read_bytes().startswith(b"\x89PNG")


def breadcrumb(page):
    """The trail as (text, href) pairs, the last one (the page itself) without a link."""
    trail = page.select_one('nav.breadcrumb[aria-label="面包屑"]')
    assert trail is not None
    items = trail.select("ol > li")
    assert [li.get("aria-current") for li in items] == [None] * (len(items) - 1) + ["page"]
    return [(li.get_text(strip=True), li.a["href"] if li.a else None) for li in items]


@pytest.mark.parametrize(
    "path, trail",
    [
        ("2026/11/wuye-guanli.html", [("首页", "../../"), ("要闻", "../../section/yaowen/"), ("正文", None)]),
        ("2026/11/jinqiu-zhuxue.html", [("首页", "../../"), ("图片新闻", "../../section/tupian-xinwen/"), ("正文", None)]),
        ("section/minsheng/index.html", [("首页", "../../"), ("民生", None)]),
        ("tag/wuye-guanli/index.html", [("首页", "../../"), ("标签", "../../tag/"), ("物业管理", None)]),
        ("author/gao-xin/index.html", [("首页", "../../"), ("作者", "../../author/"), ("高欣", None)]),
        ("archives.html", [("首页", "./"), ("归档", None)]),
        ("2026/index.html", [("首页", "../"), ("归档", "../archives.html"), ("2026年", None)]),
        ("2026/11/index.html", [("首页", "../../"), ("归档", "../../archives.html"), ("2026年", "../../2026/"), ("11月", None)]),
    ],
)
def test_breadcrumbs_lead_from_the_home_page_to_the_page(demo_site, path, trail):
    assert breadcrumb(demo_site.html(path)) == trail


def test_breadcrumb_links_lead_to_pages_that_exist(demo_site):
    trails = [(path, breadcrumb(page)) for path, page in every_page(demo_site) if page.select_one("nav.breadcrumb")]
    assert len(trails) > 30
    for path, trail in trails:
        for _, href in trail[:-1]:
            target = (demo_site.output / path).parent / href
            assert (target / "index.html" if href.endswith("/") else target).resolve().is_file(), (path, href)


def test_the_404_page_offers_search_and_the_sections(demo_site):
    page = demo_site.html("404.html")
    assert page.h1.get_text() == "没有找到这个页面"
    assert "页面不存在" in page.select_one("main").get_text()
    assert page.select_one('meta[name=robots]')["content"] == "noindex"
    form = page.select_one("main form[role=search]")
    assert form["action"] == "/search.html" and form["method"] == "get"
    assert form.select_one("input[name=q][type=search]")["id"] == form.select_one("label")["for"]
    links = {a.get_text(strip=True): a["href"] for a in page.select("main a")}
    assert links["首页"] == "/" and links["归档"] == "/archives.html"
    assert [name for name in links if name in SECTIONS] == SECTIONS


def test_the_404_page_links_from_the_site_root_so_it_works_at_any_depth(demo_site):
    """A server sends it for /2026/11/missing.html too, where "./theme/…" would point into /2026/11/."""
    page = demo_site.html("404.html")
    addresses = [tag.get("href") or tag.get("src") or tag.get("action") for tag in page.select("[href], [src], [action]")]
    local = [address for address in addresses if not re.match(r"#|mailto:|tel:|https://", address)]
    assert local and all(address.startswith("/") for address in local), local
    stylesheet = page.select_one("link[rel=stylesheet]")["href"]
    assert stylesheet.startswith("/theme/css/site.") and is_fingerprinted(stylesheet)
    assert (demo_site.output / stylesheet[1:]).is_file()


@pytest.fixture(scope="module")
def published_404(tmp_path_factory):
    """The 404 page of the demo site built as `invoke publish` builds it, with an absolute SITEURL."""
    output = tmp_path_factory.mktemp("published404") / "output"
    env = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"} | {"SITEURL": SITEURL}
    process = run_pelican(ROOT / "content", output, "publishconf.py", env=env)
    assert process.returncode == 0, process.stdout + process.stderr
    return BeautifulSoup((output / "404.html").read_text(encoding="utf-8"), "html.parser")


def test_the_published_404_page_links_with_the_absolute_site_address(published_404):
    stylesheet = published_404.select_one("link[rel=stylesheet]")["href"]
    assert stylesheet.startswith(f"{SITEURL}/theme/css/site.") and is_fingerprinted(stylesheet)
    assert published_404.select_one("main form[role=search]")["action"] == f"{SITEURL}/search.html"


def test_articles_carry_a_hidden_copy_link_button_and_its_script(demo_site):
    for path in ("2026/11/wuye-guanli.html", "2026/11/jinqiu-zhuxue.html"):
        page = demo_site.html(path)
        share = page.select_one("[data-share]")
        assert share.has_attr("hidden"), "shown only by the script, which can make it work"
        assert share.select_one("button[type=button]").get_text(strip=True) == "复制链接"
        assert share.select_one("input[readonly]")["id"] == share.select_one("label")["for"]
        assert share.select_one("[role=status][aria-live=polite]") is not None
        scripts = [script["src"] for script in page.select("script[type=module][src]")]
        assert any(re.search(r"theme/js/share\.[0-9a-f]{10}\.js$", src) for src in scripts), scripts
    assert demo_site.html("index.html").select_one("[data-share]") is None


# --- Colours: every pair the stylesheet sets text in, in both schemes (WCAG 2.1: 4.5:1, focus 3:1) ---

TEXT_PAIRS = [
    ("--c-text", "--c-bg"),
    ("--c-text", "--c-tint"),
    ("--c-text-soft", "--c-bg"),
    ("--c-text-soft", "--c-tint"),
    ("--c-muted", "--c-bg"),
    ("--c-muted", "--c-tint"),
    ("--c-accent", "--c-bg"),
    ("--c-accent", "--c-tint"),
    ("--c-accent-strong", "--c-bg"),
    ("--c-on-accent", "--c-accent"),
    ("--c-text", "--c-mark"),
]


def custom_properties(block: str) -> dict[str, str]:
    return dict(re.findall(r"(--c-[a-z-]+):\s*(#[0-9a-f]{6})", block))


def schemes() -> dict[str, dict[str, str]]:
    """The light colours of the first :root block, and the same with the dark scheme's changes."""
    css = (ROOT / "theme/static/css/site.css").read_text(encoding="utf-8")
    light = custom_properties(re.search(r":root \{(.*?)\n\}", css, re.S).group(1))
    dark_block = re.search(r"@media \(prefers-color-scheme: dark\) \{\s*:root \{(.*?)\}", css, re.S).group(1)
    return {"light": light, "dark": light | custom_properties(dark_block)}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_text_colours_pass_aa_in_both_schemes(scheme):
    colours = schemes()[scheme]
    for text, background in TEXT_PAIRS:
        ratio = contrast(colours[text], colours[background])
        assert ratio >= 4.5, f"{scheme}: {text} on {background} is {ratio:.2f}:1"
    assert contrast(colours["--c-focus"], colours["--c-bg"]) >= 3, "the focus ring stands out"


def test_the_dark_scheme_is_dark():
    light, dark = schemes()["light"], schemes()["dark"]
    assert luminance(light["--c-bg"]) > 0.9 and luminance(dark["--c-bg"]) < 0.02
    assert [name for name in light if dark[name] == light[name]] == [], "the dark scheme sets every colour"
