"""`invoke import PAGE.txt`: one draft per item of a print page under content/drafts/, and a report."""

import argparse
import logging
import re
import sys
from datetime import datetime
from pathlib import Path
from typing import NamedTuple
from zoneinfo import ZoneInfo

import jieba
import jieba.analyse

from checks.duplicates import runs_of, same_story
from checks.settings import content_folder, load_settings
from checks.source import parse_source
from editor.scaffold import file_slug
from plugins.editorial.encoding import encoding_guess
from plugins.slugs.pinyin import pinyin_slug

from .draft import article_markdown, doubts_comment, photo_markdown
from .guess import common_words, guess_section, suggest_tags, title_from_caption
from .items import Item, articles_and_photos
from .layout import paragraphs
from .settings import import_settings

jieba.setLogLevel(logging.WARNING)
ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
TAGS_FIELD = re.compile(r"^Tags:[ \t]*(.+)$", re.MULTILINE)
KEYWORD_PARTS_OF_SPEECH = ("n", "nz", "ns", "nt", "nw", "vn")


def read_page(path: Path) -> tuple[str, str]:
    """The page's text and a note on its encoding ("" for UTF-8); ValueError with a message an editor can act on."""
    try:
        raw = path.read_bytes()
    except OSError as problem:
        raise ValueError(f"{path}: 无法读取 ({problem.strerror}) (cannot read the page)") from None
    try:
        return raw.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        guess = encoding_guess(raw)
    codec = {"GBK/GB18030": "gb18030", "Big5": "big5", "UTF-16": "utf-16"}.get(guess)
    if not codec:
        raise ValueError(f"{path}: 不是文本文件，或编码无法识别；请另存为 UTF-8 (not text in a known encoding)")
    return raw.decode(codec), f"{path}: 按 {guess} 编码读取 (read as {guess})"


def known_tags(content: Path) -> list[str]:
    """Every tag the site's Markdown files already use."""
    tags = set()
    for file in content.rglob("*.md"):
        for line in TAGS_FIELD.findall(file.read_text(encoding="utf-8", errors="replace")):
            tags.update(tag.strip() for tag in re.split(r"[,，、]", line) if tag.strip())
    return sorted(tags)


class Published(NamedTuple):
    """A story already in content/ and not a draft, as an imported item is compared with it."""

    path: str
    title: str
    runs: frozenset[str]


def published_stories(content: Path) -> list[Published]:
    """Every story in content/ that is not a draft (fixed pages left out)."""
    found = []
    for file in sorted(content.rglob("*.md")):
        path = file.relative_to(content).as_posix()
        source = parse_source(file.read_text(encoding="utf-8", errors="replace"), path)
        if not source.is_draft and source.value("title") and not path.startswith("pages/"):
            found.append(Published(path, source.value("title"), runs_of("\n".join(line for _, line in source.body()))))
    return found


def already_published(item: Item, stories: list[Published]) -> tuple[str, str, str] | None:
    """(path, why in Chinese, in English) of the published story the item already is; None if none."""
    runs = runs_of("\n".join([item.caption, *(text for _, text in item.blocks)]))
    for story in stories:
        why = same_story(item.title, runs, story.title, story.runs)
        if why:
            return story.path, *why
    return None


def free_path(folder: Path, slug: str, taken: set[Path]) -> Path:
    """folder/slug.md, or slug-2.md… when another item of this page took that name."""
    path, number = folder / f"{slug}.md", 2
    while path in taken:
        path, number = folder / f"{slug}-{number}.md", number + 1
    return path


def write_new(path: Path, text: str) -> bool:
    """Write a new file; False, and nothing written, when it exists already."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as out:
            out.write(text)
    except FileExistsError:
        return False
    return True


def summary_line(item: Item, section: str, tags: list[str]) -> str:
    """What the importer found in an item, in one line."""
    if item.kind == "photo":
        found = [f"图片新闻《{item.title}》", f"署名 {item.credit}" if item.credit else "没有署名"]
    else:
        found = [f"文章《{item.title}》"]
        found += [f"引题“{item.kicker}”"] if item.kicker else []
        found += [f"副题“{item.subtitle}”"] if item.subtitle else []
        found.append(f"署名 {item.byline}" if item.byline else "没有署名")
        subheads = sum(kind == "h" for kind, _ in item.blocks)
        found.append(f"{subheads} 个小标题、{sum(kind == 'p' for kind, _ in item.blocks)} 段")
    found += [f"栏目 {section}", f"标签 {'、'.join(tags) or '无'}"]
    return "，".join(found)


def import_page(page: Path, content: Path, date: str, site_settings: dict, again: bool = False) -> tuple[list[str], int]:
    """Write the page's items as drafts, but for those already published (unless `again`); return
    the report's lines and the exit status."""
    text, encoding_note = read_page(page)
    settings = import_settings(site_settings)
    sections = list(site_settings.get("FRONTPAGE_SECTIONS") or ["要闻"])
    folder = content / settings["IMPORT_FOLDER"]
    items = articles_and_photos(paragraphs(text))
    report = [encoding_note] if encoding_note else []
    if not items:
        return [*report, f"{page}: 没有找到任何稿件：页面是空的，或没有标题和正文 (no items found)"], 1
    tags_in_use = known_tags(content)
    keywords = [jieba.analyse.extract_tags(item.text(), topK=20, allowPOS=KEYWORD_PARTS_OF_SPEECH) for item in items]
    common = common_words([item.text() for item in items], {word for words in keywords for word in words})
    written, skipped, doubts, published = [], 0, 0, 0
    stories = [] if again else published_stories(content)
    for item, item_keywords in zip(items, keywords):
        extra = []
        if not item.title:
            item.title = title_from_caption(item.caption or next(text for kind, text in item.blocks if kind == "p"))
            item.title_guessed = True
        if item.title_guessed:
            extra.append("标题由图片说明或正文生成，请核改")
        words = item.text()
        if item.kind == "photo" and settings["IMPORT_PHOTO_SECTION"] in sections:
            section, sure = settings["IMPORT_PHOTO_SECTION"], True
        else:
            section, sure = guess_section(words, item.title, settings["IMPORT_SECTION_WORDS"], sections)
        if not sure:
            extra.append(f"栏目无从判断，暂放“{section}”，请选定")
        tags = suggest_tags(words, tags_in_use, item_keywords, settings["IMPORT_TAG_COUNT"], common)
        path = free_path(folder, file_slug(pinyin_slug(item.title)) or "gaojian", set(written))
        photo = f"images/{path.stem}.jpg"
        todo = [f"照片待补：存为 content/{photo}，并在 Alt 写明图片内容"] if item.kind == "photo" else []
        comment = doubts_comment(item, page.name, [*todo, *extra])
        markdown = (
            photo_markdown(item, date, section, tags, photo, comment)
            if item.kind == "photo"
            else article_markdown(item, date, section, tags, comment)
        )
        where = f"{page}:{item.line}"
        shown = path.relative_to(content.parent) if path.is_relative_to(content.parent) else path
        existing = already_published(item, stories)
        if existing:
            published += 1
            story, zh, en = existing
            report.append(f"{where}: 《{item.title}》已经发布：与 {story} {zh}，没有再生成草稿；确要再导入请加 --again "
                          f"(already published as {story}: {en}; no draft written)")
            continue
        if not write_new(path, markdown):
            skipped += 1
            report.append(f"{where}: {shown} 已经存在，没有覆盖；请先改名或删去旧文件 (exists, not overwritten)")
            continue
        written.append(path)
        report.append(f"{where}: {summary_line(item, section, tags)} → {shown} (written)")
        report += [f"{page}:{doubt.line}: 待核实：{doubt.zh} ({doubt.en})" for doubt in item.doubts]
        report += [f"{where}: 待核实：{note}" for note in extra]
        doubts += len(item.doubts) + len(extra)
    articles = sum(item.kind == "article" for item in items)
    report.append(
        f"共 {len(items)} 条：{articles} 篇文章、{len(items) - articles} 条图片新闻；写入 {len(written)} 个草稿，"
        f"{doubts} 处待核实{f'，{skipped} 个已存在未覆盖' if skipped else ''}{f'，{published} 条已发布未导入' if published else ''}。"
        f"草稿不会发布，核对后删去 Status: draft "
        f"({len(written)} drafts written, {doubts} doubts, {skipped} skipped{f', {published} already published' if published else ''})"
    )
    return report, 1 if skipped else 0


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="invoke import", description=__doc__)
    parser.add_argument("page", help="版面文字文件 (the print page as plain text)")
    parser.add_argument("--date", help="见报日期 YYYY-MM-DD (the bulletin's date; default: today, Beijing time)")
    parser.add_argument("--content", help="内容文件夹 (content folder; default: PATH in pelicanconf.py)")
    parser.add_argument("--again", action="store_true", help="已发布的稿件也生成草稿 (draft items already published too)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Import a page; 0 when every item was written, 1 when one was not, 2 when the page could not be read."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")
    arguments = parse_arguments(argv)
    site_settings = load_settings(SETTINGS)
    content = Path(arguments.content) if arguments.content else content_folder(site_settings, SETTINGS)
    now = datetime.now(ZoneInfo(site_settings.get("TIMEZONE", "Asia/Shanghai")))
    day = arguments.date or now.strftime("%Y-%m-%d")
    try:
        date = datetime.strptime(day, "%Y-%m-%d").strftime("%Y-%m-%d 08:00")
    except ValueError:
        print(f"错误: 日期“{day}”应写作 YYYY-MM-DD，例如 2026-11-24 (bad --date)", file=sys.stderr)
        return 2
    try:
        report, status = import_page(Path(arguments.page), content, date, site_settings, again=arguments.again)
    except ValueError as problem:
        print(f"错误: {problem}", file=sys.stderr)
        return 2
    print("\n".join(report))
    return status
