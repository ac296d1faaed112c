"""Every item of the bulletin page (tests/fixtures/bulletin-page.txt) is on the built demo site.

Two checks that fail independently: a table of what each item must show (title, subtitle,
byline, subheads, caption credit), and every block of the print text found in the site's
article text, so no paragraph, caption or credit can go missing unnoticed.
"""

import re
import unicodedata
from pathlib import Path

import pytest
from sitebuild import text

BULLETIN = Path(__file__).resolve().parent.parent / "fixtures" / "bulletin-page.txt"
DATELINE = re.compile(r"^本报讯\([^)]*\)")

ITEMS = [
    {
        "page": "2026/11/wuye-guanli.html",
        "title": "健全管理机制 破解治理难题",
        "subtitle": "——铁东区多措并举做好物业管理工作记事",
        "byline": "本报通讯员 东宣",
        "subheads": [
            "三级联动 拧紧责任链条",
            "分类施策 破解治理难题",
            "双向发力 打破恶性循环",
            "协同联动 打通执法堵点",
            "源头治理 提升服务质量",
        ],
    },
    {
        "page": "2026/11/fazhi-diaoyan.html",
        "title": "提高依法治区水平 助推法治政府建设",
        "subtitle": "铁东区政协开展专题调研",
        "byline": "本报讯（记者 常欣月 通讯员 高欣）",
    },
    {
        "page": "2026/11/wenyi-yanchu.html",
        "title": "立足群众文化需求 丰富群众文化生活",
        "subtitle": "铁东区文联举办文艺演出",
        "byline": "本报讯（通讯员 王斌）",
    },
    {
        "page": "2026/11/jinqiao-bianmin.html",
        "title": "医疗服务进社区 提升居民获得感",
        "subtitle": "铁东区金桥社区联合医疗企业开展便民服务活动",
        "byline": "本报讯（通讯员 刘子涵）",
    },
    {
        "page": "2026/11/jiegan-fenshao.html",
        "title": "全面压实责任 守牢安全底线",
        "subtitle": "铁东区开展秸秆焚烧管控工作调研",
        "note": "印刷版开头部分未见于版面",
    },
    {"page": "2026/11/jinqiu-zhuxue.html", "credit": "本报通讯员 高欣 摄", "caption": "第十四届“金秋助学”活动"},
    {"page": "2026/11/minzu-xuanjiang.html", "credit": "本报通讯员 东宣 摄", "caption": "民族宣讲进校园"},
    {"page": "2026/11/loudao-qingli.html", "credit": "本报通讯员 王东 摄", "caption": "楼道堆积物集中清理行动"},
]


def normalise(text: str) -> str:
    """Compare print and web text as a reader would: NFKC width, no spaces or line breaks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


@pytest.mark.parametrize("item", ITEMS, ids=lambda item: item["page"])
def test_item_shows_what_print_shows(demo_site, item):
    page = demo_site.html(item["page"])
    main = page.select_one("main")
    if "title" in item:
        assert [text(h1) for h1 in page.find_all("h1")] == [item["title"]]
        assert text(main.select_one(".subtitle")) == item["subtitle"]
    if "byline" in item:
        assert text(main.select_one(".byline")) == item["byline"]
    if "subheads" in item:
        assert [text(h2) for h2 in main.select(".article-body h2")] == item["subheads"]
    if "note" in item:
        assert item["note"] in text(main.select_one(".editor-note"))
    if "credit" in item:
        figure = main.select_one("figure")
        assert text(figure.select_one("figcaption .credit")) == item["credit"]
        assert item["caption"] in text(figure.select_one("figcaption .caption-text"))
        assert figure.img["alt"]


def bulletin_blocks() -> list[str]:
    """The print page's blocks of text, as the layout separates them by blank lines."""
    return [block.strip() for block in re.split(r"\n\s*\n", BULLETIN.read_text(encoding="utf-8")) if block.strip()]


def test_bulletin_has_the_blocks_this_test_expects():
    assert len(bulletin_blocks()) == 56


def test_every_block_of_print_text_is_published(demo_site):
    published = "".join(
        normalise(text(demo_site.html(str(path.relative_to(demo_site.output))).select_one("main")))
        for path in demo_site.pages("2026/11/*.html")
    )
    missing = []
    for block in bulletin_blocks():
        block = normalise(block)
        dateline = DATELINE.match(block)
        for part in (dateline.group(), block[dateline.end() :]) if dateline else (block,):
            if part not in published:
                missing.append(part)
    assert not missing, missing
