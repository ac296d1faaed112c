"""The identity footer and the accessibility statement on a built site, from the GOVSITE_* settings."""

import pytest
from sitebuild import build, run_pelican, write_files

STORY = {
    "articles/juanzeng.md": """
        Title: 铁西区举行无偿献血活动
        Date: 2026-11-20 09:00
        Category: 民生
        Byline: 本报讯（记者 刘洋）

        近日，铁西区在英雄广场举行无偿献血活动，两百余名市民参加。
        """,
}
SETTINGS = {
    "GOVSITE_SPONSOR": "铁西区人民政府办公室",
    "GOVSITE_ORGANIZER": "铁西区融媒体中心",
    "GOVSITE_PHONE": "0434-3201234",
    "GOVSITE_EMAIL": "xinwen@tiexi.example.cn",
    "GOVSITE_ADDRESS": "",
    "GOVSITE_ICP": "吉ICP备05001234号-2",
    "GOVSITE_PSB": "吉公网安备22030202000123号",
    "GOVSITE_SITE_CODE": "2203020001",
}


def overrides(settings: dict) -> list[str]:
    """Pelican's -e with every setting after it (a second -e would replace the first)."""
    return ["-e", *(f'{key}="{value}"' for key, value in settings.items())]


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(tmp_path_factory.mktemp("govsite"), STORY, *overrides(SETTINGS))


@pytest.mark.parametrize("page", ["index.html", "2026/11/juanzeng.html", "accessibility.html", "404.html"])
def test_every_page_carries_the_identity_with_its_links(site, page):
    footer = site.html(page).find("footer", class_="site-footer")
    lines = {item.dt.get_text(): item.dd for item in footer.find("dl", class_="site-identity").find_all("div")}
    assert list(lines) == ["主办单位", "承办单位", "联系电话", "联系邮箱", "网站标识码", "ICP 备案号", "公安机关备案号"]
    assert lines["主办单位"].get_text() == "铁西区人民政府办公室"
    assert lines["ICP 备案号"].a["href"] == "https://beian.miit.gov.cn/"
    assert lines["ICP 备案号"].a.get_text() == "吉ICP备05001234号-2"
    assert lines["公安机关备案号"].a["href"] == "https://beian.mps.gov.cn/#/query/webSearch?code=22030202000123"
    assert lines["联系电话"].a["href"] == "tel:04343201234"
    assert footer.find("a", string="无障碍声明")


def test_empty_settings_print_no_identity_and_no_placeholder(tmp_path):
    empty = {key: "" for key in SETTINGS}
    site = build(tmp_path, STORY, *overrides(empty))
    footer = site.html("index.html").find("footer", class_="site-footer")
    assert footer.find("dl", class_="site-identity") is None
    for label in ("主办单位", "备案", "标识码", "联系"):
        assert label not in footer.get_text()


def test_the_accessibility_statement_tells_readers_what_the_site_offers_and_whom_to_ask(site):
    page = site.html("accessibility.html")
    assert [h1.get_text() for h1 in page.find_all("h1")] == ["无障碍声明"]
    text = page.find("article").get_text()
    for feature in ("长辈模式", "字号", "高对比度", "语音阅读", "Tab", "跳到正文", "GB/T 37668"):
        assert feature in text
    assert page.find("article").find("a", href="mailto:xinwen@tiexi.example.cn")


@pytest.mark.parametrize(
    "key, value, words",
    [
        ("GOVSITE_ICP", "吉ICP证050012号", "GOVSITE_ICP"),
        ("GOVSITE_PSB", "吉公网安备123号", "14 位数字"),
    ],
)
def test_a_filing_number_in_the_wrong_shape_stops_the_build_in_one_line(tmp_path, key, value, words):
    content = write_files(tmp_path / "content", STORY)
    process = run_pelican(content, tmp_path / "output", "pelicanconf.py", "-e", f'{key}="{value}"')
    assert process.returncode != 0
    assert "设置有误 (bad setting)" in process.stderr and words in process.stderr
    assert "Traceback" not in process.stderr
    assert not (tmp_path / "output").exists()
