"""`invoke import`: the bulletin page becomes one draft per item, checked, previewed, never published or overwritten."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from sitebuild import ROOT, run_pelican

from bulletin.layout import clean
from checks.lines import ends_sentence, split_dateline
from checks.source import parse_source

PAGE = ROOT / "tests/fixtures/bulletin-page.txt"
SITEURL = "https://news.example.gov.cn"

# Every item of the seed page: (kind, title, subtitle, byline or credit, section when it is sure)
SEED_ITEMS = [
    ("article", "健全管理机制 破解治理难题", "——铁东区多措并举做好物业管理工作记事", "本报通讯员 东宣"),
    ("article", "提高依法治区水平 助推法治政府建设", "铁东区政协开展专题调研", "本报讯（记者 常欣月 通讯员 高欣）"),
    ("article", "立足群众文化需求 丰富群众文化生活", "铁东区文联举办文艺演出", "本报讯（通讯员 王斌）"),
    ("article", "医疗服务进社区 提升居民获得感", "铁东区金桥社区联合医疗企业开展便民服务活动", "本报讯（通讯员 刘子涵）"),
    ("photo", "铁东区关工委联合四平欧亚商贸党支部、关工委举办第十四届“金秋助学”活动", "", "本报通讯员 高欣 摄"),
    ("photo", "铁东区统战部、区总工会举办“弘扬劳模精神 民族宣讲进校园”主题活动", "", "本报通讯员 东宣 摄"),
    ("photo", "铁东区城市管理综合行政执法局平南街道执法中队在辖区内部开展楼道堆积物集中清理行动", "", "本报通讯员 王东 摄"),
    ("article", "全面压实责任 守牢安全底线", "铁东区开展秸秆焚烧管控工作调研", ""),
]


def run_task(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "invoke", *args], cwd=ROOT, capture_output=True, text=True, env=env)


def import_page(page: Path, content: Path, *extra: str) -> subprocess.CompletedProcess:
    return run_task("import", str(page), "--content", str(content), *extra)


def drafts(content: Path) -> list:
    """The imported drafts as checks.source reads them, in page order (by the line the comment names)."""
    sources = [parse_source(file.read_text(encoding="utf-8"), file.name, file) for file in (content / "drafts").glob("*.md")]
    return sorted(sources, key=lambda source: int(re.search(r"第 (\d+) 行导入", source.text)[1]))


def body_paragraphs(source) -> list[str]:
    """The body's paragraphs, subheads and comments left out."""
    text = "\n".join(line for _, line in source.body())
    return [block for block in re.split(r"\n\s*\n", text) if block.strip() and not block.startswith("## ")]


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    """The demo content with the seed page imported into it again (--again: its items are published
    already), and the import's output."""
    content = tmp_path_factory.mktemp("imported") / "content"
    shutil.copytree(ROOT / "content", content)
    process = import_page(PAGE, content, "--date", "2026-11-24", "--again")
    assert process.returncode == 0, process.stdout + process.stderr
    return content, process.stdout


def test_every_item_of_the_seed_page_is_a_draft_with_its_title_subtitle_byline_and_credit(imported):
    content, _ = imported
    found = []
    for source in drafts(content):
        kind = "photo" if source.field("photo") else "article"
        people = source.text.rstrip().splitlines()[-1] if kind == "photo" else source.value("byline")
        found.append((kind, source.value("title"), source.value("subtitle"), people))
        assert source.value("status") == "draft" and source.value("date") == "2026-11-24 08:00"
    assert found == SEED_ITEMS


def test_photo_items_go_to_photo_news_with_a_placeholder_for_the_picture(imported):
    content, _ = imported
    photos = [source for source in drafts(content) if source.field("photo")]
    assert [source.value("category") for source in photos] == ["图片新闻"] * 3
    assert [source.value("authors") for source in photos] == ["高欣", "东宣", "王东"]
    for source in photos:
        assert source.value("photo") == f"images/{Path(source.path).stem}.jpg"
        assert f"存为 content/images/{Path(source.path).stem}.jpg" in source.text


def test_subheads_become_headings_and_broken_lines_are_one_paragraph(imported):
    content, _ = imported
    feature = drafts(content)[0]
    headings = [line for _, line in feature.body() if line.startswith("## ")]
    assert headings == ["## 三级联动 拧紧责任链条", "## 分类施策 破解治理难题", "## 双向发力 打破恶性循环", "## 协同联动 打通执法堵点", "## 源头治理 提升服务质量"]
    text = feature.text
    for joined in ("调研问题突出小区", "交叉监督、动态清单", "对独栋楼及小型小区", "自我管理能力。", "限期整改或清退", "市场监管、卫健", "针对停车、设施等热点问题"):
        assert joined in text


def test_no_paragraph_stops_mid_sentence_but_the_one_print_cut(imported):
    content, _ = imported
    unfinished = [paragraph for source in drafts(content) for paragraph in body_paragraphs(source) if not ends_sentence(paragraph)]
    credits = [paragraph for paragraph in unfinished if paragraph.endswith(" 摄")]  # a caption's last line is its credit
    assert [paragraph[-3:] for paragraph in unfinished if paragraph not in credits] == ["各行管"]


def test_every_line_of_the_page_is_in_a_draft(imported):
    content, _ = imported
    everything = "".join("".join(source.text.split()) for source in drafts(content))
    lines = [clean(line) for line in PAGE.read_text(encoding="utf-8").splitlines()]
    parts = [part for line in lines for part in split_dateline(line)]  # a dateline goes to Byline, its sentence to the body
    missing = [part for part in parts if part and "".join(part.split()) not in everything]
    assert not missing


def test_the_report_names_each_item_and_its_doubts_by_line(imported):
    _, report = imported
    page = str(PAGE)
    assert f"{page}:3: 文章《健全管理机制 破解治理难题》" in report and "5 个小标题" in report
    assert f"{page}:90: 图片新闻《" in report and "署名 本报通讯员 高欣 摄" in report
    assert re.search(rf"{re.escape(page)}:21: 待核实：这段在句子中间结束（“….*各行管”）", report)
    assert re.search(rf"{re.escape(page)}:108: 待核实：正文从句子中间开始（“实进展", report)
    assert f"{page}:104: 待核实：没有找到署名" in report
    assert "共 8 条：5 篇文章、3 条图片新闻；写入 8 个草稿" in report


def test_check_finds_nothing_to_fix_in_the_drafts_but_their_placeholders(imported):
    content, _ = imported
    process = run_task("check", "--content", str(content))
    findings = [line for line in process.stdout.splitlines() if re.match(r"^\S+:\d+: ", line)]
    assert findings, process.stdout
    placeholders = [line for line in findings if re.search(r"\((image-missing|field-missing):", line)]
    assert len(placeholders) == 6 and all(line.startswith("drafts/tiedongqu-") for line in placeholders)  # three photos: no file, no Alt yet
    duplicates = [line for line in findings if "(story-duplicate:" in line]
    assert len(duplicates) == len(SEED_ITEMS) and all(line.startswith("drafts/") for line in duplicates), "each draft, imported again, is named"
    assert len(findings) == len(placeholders) + len(duplicates)


def test_the_drafts_preview_and_do_not_stop_a_publish(imported, tmp_path):
    content, _ = imported
    preview = run_pelican(content, tmp_path / "preview")
    assert preview.returncode == 0, preview.stderr
    assert (tmp_path / "preview/drafts/quanmian-yashi-zeren-shou-lao-anquan.html").exists()
    env = {key: value for key, value in os.environ.items() if key != "SITEURL"} | {"SITEURL": SITEURL}
    published = run_task("publish", "--content", str(content), "--output", str(tmp_path / "site"), env=env)
    assert published.returncode == 0, published.stdout + published.stderr
    assert "跳过 8 篇草稿" in published.stdout
    assert not (tmp_path / "site/drafts").exists()


def test_import_never_overwrites_a_file(tmp_path):
    content = tmp_path / "content"
    assert import_page(PAGE, content, "--date", "2026-11-24").returncode == 0
    edited = content / "drafts/jianquan-guanli-jizhi-pojie-zhili-nanti.md"
    edited.write_text("Title: 编辑改过的稿件\n", encoding="utf-8")
    again = import_page(PAGE, content, "--date", "2026-11-24")
    assert again.returncode == 1
    assert f"{PAGE}:3: content/drafts/jianquan-guanli-jizhi-pojie-zhili-nanti.md 已经存在，没有覆盖" in again.stdout
    assert "写入 0 个草稿" in again.stdout and "8 个已存在未覆盖" in again.stdout
    assert edited.read_text(encoding="utf-8") == "Title: 编辑改过的稿件\n"


def test_a_page_saved_in_gbk_is_read_and_said_so(tmp_path):
    page = tmp_path / "page.txt"
    page.write_bytes(PAGE.read_text(encoding="utf-8").encode("gb18030"))
    process = import_page(page, tmp_path / "content", "--date", "2026-11-24")
    assert process.returncode == 0, process.stderr
    assert f"{page}: 按 GBK/GB18030 编码读取" in process.stdout
    assert len(list((tmp_path / "content/drafts").glob("*.md"))) == 8


@pytest.mark.parametrize(
    "page_bytes, args, status, message",
    [
        (None, [], 2, "无法读取"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\xff\xfe\x00", [], 2, "编码无法识别"),
        ("\n\n  \n".encode(), [], 1, "没有找到任何稿件"),
        ("铁东区召开会议\n\n本报讯（记者 张三）近日，铁东区召开会议。\n".encode(), ["--date", "2026年11月24日"], 2, "日期“2026年11月24日”应写作 YYYY-MM-DD"),
    ],
    ids=["missing file", "not text", "empty page", "bad date"],
)
def test_bad_input_gets_one_clear_line_and_no_traceback(tmp_path, page_bytes, args, status, message):
    page = tmp_path / "page.txt"
    if page_bytes is not None:
        page.write_bytes(page_bytes)
    process = import_page(page, tmp_path / "content", *args)
    assert process.returncode == status
    assert message in process.stdout + process.stderr
    assert "Traceback" not in process.stderr
    assert not (tmp_path / "content/drafts").exists()


def test_items_already_published_are_not_drafted_again(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    process = import_page(PAGE, content, "--date", "2026-11-24")
    assert process.returncode == 0, process.stdout + process.stderr
    assert not (content / "drafts").exists()
    said = [line for line in process.stdout.splitlines() if "已经发布" in line]
    assert len(said) == len(SEED_ITEMS)
    assert "《健全管理机制 破解治理难题》已经发布：与 articles/wuye-guanli.md 标题相同" in process.stdout
    assert f"{len(SEED_ITEMS)} already published" in process.stdout


def test_an_item_with_a_new_headline_but_the_published_body_is_found_too(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    story = content / "articles/wenyi-yanchu.md"
    story.write_text(story.read_text(encoding="utf-8").replace("Title: 立足群众文化需求 丰富群众文化生活", "Title: 区文联举办文艺演出"), encoding="utf-8")
    process = import_page(PAGE, content, "--date", "2026-11-24")
    assert "《立足群众文化需求 丰富群众文化生活》已经发布：与 articles/wenyi-yanchu.md 正文有" in process.stdout
