"""invoke check and the build agree on every item's address: the check's url-duplicate rule is only
as good as its idea of the URL, so for file names and Slug values an editor may well type (Chinese,
mixed, punctuation, full width, spaces) the address the check predicts is the file the build writes."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from sitebuild import ROOT, build_once

from checks.cli import read_all
from checks.collisions import url_of
from checks.settings import make_context, site_settings

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=ZoneInfo("Asia/Shanghai"))

# (file in content/, its Slug line or None, the address the build writes: what both must say)
ADDRESSES = [
    ("articles/wuye-guanli.md", None, "2026/11/wuye-guanli.html"),
    ("articles/医疗服务进社区.md", None, "2026/11/yiliao-fuwu-jinshequ.html"),
    ("articles/G20峰会在杭州召开.md", None, "2026/11/g20-fenghui-zai-hangzhou-zhaokai.html"),
    ("articles/Ｇ２０ｆｅｎｇｈｕｉ.md", None, "2026/11/g20fenghui.html"),
    ("articles/2026年11月工作会议.md", None, "2026/11/2026-nian-11-yue-gongzuo-huiyi.html"),
    ("articles/tie_dong  qu!(xin).md", None, "2026/11/tie_dong-quxin.html"),
    ("articles/Café-Ölmühle.md", None, "2026/11/cafe-olmuhle.html"),
    ("articles/slug-chinese.md", "法治政府建设", "2026/11/fazhi-zhengfu-jianshe.html"),
    ("articles/slug-fullwidth.md", "「两会」专题！", "2026/11/lianghui-zhuanti.html"),
    ("articles/slug-mixed.md", "5G基站 建设", "2026/11/5g-jizhan-jianshe.html"),
    ("articles/slug-ascii.md", "  xiaofang-anquan-2026  ", "2026/11/xiaofang-anquan-2026.html"),
    ("articles/slug-empty.md", "", "2026/11/slug-empty.html"),
    ("pages/关于本站.md", None, "guanyu-benzhan.html"),
]


def item(path: str, slug: str | None, number: int) -> str:
    """A dated article (or a page) with a title of its own and the given Slug line."""
    head = [f"Title: 地址测试第{number}篇", "Date: 2026-11-24 08:30", "Category: 要闻"]
    if path.startswith("pages/"):
        head = [f"Title: 地址测试第{number}篇"]
    if slug is not None:
        head.append(f"Slug: {slug}")
    return "\n".join(head) + "\n\n铁东区坚持以“标准化+便民化”为主线，推动实现物业服务全覆盖。\n"


FILES = {path: item(path, slug, number) for number, (path, slug, _) in enumerate(ADDRESSES)}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build_once(tmp_path_factory, "addresses", FILES)


@pytest.fixture(scope="module")
def predicted(site) -> dict[str, str | None]:
    """The address invoke check works out for each file of the built content folder."""
    content = site.output.parent / "content"
    context = make_context(site_settings(ROOT / "pelicanconf.py", content), content, NOW)
    sources, unreadable = read_all(context)
    assert unreadable == []
    return {source.path: url_of(source, context) for source in sources}


@pytest.mark.parametrize(("path", "slug", "address"), ADDRESSES, ids=[path for path, _, _ in ADDRESSES])
def test_the_check_predicts_the_address_the_build_writes(site, predicted, path, slug, address):
    number = [p for p, _, _ in ADDRESSES].index(path)
    assert predicted[path] == address
    page = site.output / address
    assert page.is_file(), sorted(str(p.relative_to(site.output)) for p in site.pages("**/*.html"))
    assert site.html(address).h1.get_text(strip=True) == f"地址测试第{number}篇"
