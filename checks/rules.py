"""The rules for one file's fields and text: each a small function (source, context) → findings."""

import re
from datetime import datetime

import markdown

from editor.scaffold import PLACEHOLDERS
from plugins.editorial.active import disarm, search_word
from plugins.editorial.byline import parse_byline
from plugins.editorial.corrections import parse_corrections
from plugins.editorial.fields import ADDRESS_FIELDS, FALSE_WORDS, TRUE_WORDS, control_characters, unknown_fields, unsafe_address

from .report import Finding, finding
from .settings import Context
from .source import Source
from .text import broken_sentences, halfwidth_edits, prose_lines

# A headline longer than this is a paragraph pasted into Title. Real headlines run long: of 136
# published stories (bench/gate_precision.py) the median has 22 characters, one in ten over 36,
# and a leader's meeting or a State Council notice 45 to 74; at 40 this rule warned on 9 of them.
TITLE_MAX_CHARS = 80
# The dates Pelican reads that the newsroom writes: 2026-11-24, 2026-11-24 08:30, 2026/11/24 08:30:00,
# ISO 8601's T and an offset (2026-11-24T08:30+08:00). Pelican reads "_" as a space.
DATE = re.compile(
    r"^(?P<year>\d{4})(?P<sep>[-/])(?P<month>\d{1,2})(?P=sep)(?P<day>\d{1,2})"
    r"(?:[ T](?P<hour>\d{1,2}):(?P<minute>\d{2})(?::(?P<second>\d{2}))?\s*(?P<zone>Z|[+-]\d{2}:?\d{2})?)?$"
)
DATE_EXAMPLE = "2026-11-24 08:30"


def parse_date(value: str, context: Context) -> datetime | None:
    """The date an editor wrote, in the site's time zone unless it says otherwise; None if unreadable."""
    match = DATE.match(" ".join(value.replace("_", " ").split()))
    if not match:
        return None
    zone = match["zone"]
    try:
        date = datetime(*(int(match[part] or 0) for part in ("year", "month", "day", "hour", "minute", "second")))
        if not zone:
            return date.replace(tzinfo=context.timezone)
        return datetime.fromisoformat(f"{date.isoformat()}{'+00:00' if zone == 'Z' else zone}")
    except ValueError:
        return None


def title_missing(source: Source, context: Context) -> list[Finding]:
    """No Title, or an empty one: Pelican leaves the file out."""
    field = source.field("title")
    if field and field.value.strip():
        return []
    return [finding(
        source.path, field.line if field else 1, "title-missing",
        "缺少 Title 字段，请在开头写上，例如“Title: 健全管理机制 破解治理难题”", "missing Title",
    )]


def title_too_long(source: Source, context: Context) -> list[Finding]:
    """A headline over TITLE_MAX_CHARS characters."""
    field = source.field("title")
    title = field.value.strip() if field else ""
    if len(title) <= TITLE_MAX_CHARS:
        return []
    return [finding(
        source.path, field.line, "title-too-long",
        f"标题有 {len(title)} 个字，超过 {TITLE_MAX_CHARS} 个字，请精简，或把说明文字移到 Subtitle",
        f"headline has {len(title)} characters, more than {TITLE_MAX_CHARS}",
    )]


def date_missing(source: Source, context: Context) -> list[Finding]:
    """An article without Date: Pelican leaves it out (fixed pages need none)."""
    if source.is_page or source.field("date") or context.default_date:
        return []
    return [finding(source.path, 1, "date-missing", f"缺少 Date 字段，请写上，例如“Date: {DATE_EXAMPLE}”", "missing Date")]


def date_invalid(source: Source, context: Context) -> list[Finding]:
    """A Date or Modified that is not a date the site reads."""
    return [
        finding(
            source.path, field.line, "date-invalid",
            f"{field.name} “{field.value}” 无法识别，日期请写作 {DATE_EXAMPLE}", f"cannot read {field.name}",
        )
        for field in source.fields
        if field.key in ("date", "modified") and parse_date(field.value, context) is None
    ]


def modified_before_date(source: Source, context: Context) -> list[Finding]:
    """A Modified earlier than the Date: a story cannot be updated before it was published."""
    date_field, modified_field = source.field("date"), source.field("modified")
    date = parse_date(date_field.value, context) if date_field else None
    modified = parse_date(modified_field.value, context) if modified_field else None
    if date is None or modified is None or modified >= date:
        return []
    return [finding(
        source.path, modified_field.line, "modified-before-date",
        f"{modified_field.name} “{modified_field.value}” 早于 {date_field.name} “{date_field.value}”，更新时间不能早于发布时间",
        f"{modified_field.name} is earlier than {date_field.name}",
    )]


def date_future(source: Source, context: Context) -> list[Finding]:
    """A Date later than now, unless the item is Scheduled: true or Status: draft."""
    field = source.field("date")
    date = parse_date(field.value, context) if field else None
    scheduled = source.value("scheduled").lower() in TRUE_WORDS or source.is_draft
    if date is None or date <= context.now or scheduled:
        return []
    now = context.now.strftime("%Y-%m-%d %H:%M")
    return [finding(
        source.path, field.line, "date-future",
        f"Date “{field.value}” 晚于现在（{now}）；若是定时发布，请加一行“Scheduled: true”",
        f"Date is in the future (now {now}); add 'Scheduled: true' to publish it then",
    )]


def section_unknown(source: Source, context: Context) -> list[Finding]:
    """A Category that is not one of the site's sections (FRONTPAGE_SECTIONS)."""
    field = source.field("category")
    if source.is_page or not field or not field.value.strip() or not context.sections or field.value.strip() in context.sections:
        return []
    sections = "、".join(context.sections)
    return [finding(
        source.path, field.line, "section-unknown",
        f"栏目“{field.value.strip()}”不存在，Category 请写 {sections} 之一",
        f"Category '{field.value.strip()}' is not a section: {', '.join(context.sections)}",
    )]


def field_control(source: Source, context: Context) -> list[Finding]:
    """A field with a control character in it (pasted from elsewhere); the build refuses the file."""
    return [
        finding(
            source.path, field.line, "field-control",
            f"{field.name} 含有看不见的控制字符 {'、'.join(controls)}（多从别处复制而来），请删去后重新输入",
            f"control characters {' '.join(controls)} in {field.name}",
        )
        for field in source.fields
        if (controls := control_characters(field.value))
    ]


def address_unsafe(source: Source, context: Context) -> list[Finding]:
    """A URL or Save_as that leads out of the site (javascript:, //host, ..); the build refuses the file."""
    return [
        finding(
            source.path, field.line, "address-unsafe",
            f"{field.name} “{field.value.strip()}” 不是本站的地址，只能写本站内的路径（如 2026/11/x.html）"
            + ("或 http(s):// 网址" if field.key == "url" else ""),
            f"{field.name} '{field.value.strip()}' leads out of the site",
        )
        for field in source.fields
        if field.key in ADDRESS_FIELDS and unsafe_address(field.key, field.value)
    ]


# Pelican's statuses (contents.Article.default_status and _valid_statuses, Pelican 4.12).
STATUSES = ("published", "draft", "hidden", "skip")


def status_unknown(source: Source, context: Context) -> list[Finding]:
    """A Status Pelican does not know: it leaves the item out of the site, with a line in English."""
    field = source.field("status")
    if not field or field.value.strip().lower() in STATUSES:
        return []
    return [finding(
        source.path, field.line, "status-unknown",
        f"Status “{field.value.strip()}” 无法识别，这篇稿件不会生成；请写 draft（草稿）、published（发布）或 hidden（隐藏）",
        f"unknown Status '{field.value.strip()}': the item is left out; write draft, published or hidden",
    )]


def field_missing(source: Source, context: Context) -> list[Finding]:
    """A field the README marks required, left out or empty: an article's Category (Pelican would
    file it under DEFAULT_CATEGORY), a photo item's Alt. Title and Date have rules of their own."""
    found = []
    category = source.field("category")
    if not source.is_page and not (category and category.value.strip()):
        sections = "、".join(context.sections)
        found.append(finding(
            source.path, category.line if category else 1, "field-missing",
            f"缺少 Category（栏目），请写 {sections} 之一" if sections else "缺少 Category（栏目），请写上栏目",
            f"missing Category: one of {', '.join(context.sections)}" if sections else "missing Category",
        ))
    photo, alt = source.field("photo"), source.field("alt")
    if photo and not (alt and alt.value.strip()):
        found.append(finding(
            source.path, alt.line if alt else photo.line, "field-missing",
            f"图片新闻缺少 Alt（替代文字），请写明图片 {photo.value.strip()} 的内容，供看不到图片的读者使用",
            "a photo item needs Alt: what the photo shows",
        ))
    return found


def placeholder_left(source: Source, context: Context) -> list[Finding]:
    """Text `invoke new` wrote for the editor to replace, still in the file (editor/scaffold.py)."""
    found = []
    byline = source.field("byline")
    if byline and byline.value.strip() == PLACEHOLDERS["byline"]:
        found.append(placeholder(source, byline.line, f"{byline.name} 还是模板的“{PLACEHOLDERS['byline']}”", "Byline"))
    for number, line in source.body():
        for part in ("body", "caption", "credit"):
            if PLACEHOLDERS[part] in line:
                found.append(placeholder(source, number, f"“{PLACEHOLDERS[part]}”是模板文字", part))
    return found


def placeholder(source: Source, line: int, what: str, part: str) -> Finding:
    return finding(source.path, line, "placeholder-left", f"{what}，请换成稿件的内容", f"template text left in the {part}")


def field_unknown(source: Source, context: Context) -> list[Finding]:
    """A field the site does not know, with the known field it most resembles."""
    found = []
    for key, suggestion in unknown_fields([field.key for field in source.fields], context.known_fields):
        field = source.field(key)
        if suggestion:
            zh, en = f"未知字段“{field.name}”，是否想写 {suggestion}？", f"unknown field '{field.name}'; did you mean {suggestion}?"
        else:
            zh, en = f"未知字段“{field.name}”，请删除或改正", f"unknown field '{field.name}'"
        found.append(finding(source.path, field.line, "field-unknown", zh, en))
    return found


def lead_invalid(source: Source, context: Context) -> list[Finding]:
    """A Lead that is neither true nor false (是/否 count too)."""
    field = source.field("lead")
    if not field or field.value.strip().lower() in TRUE_WORDS | FALSE_WORDS:
        return []
    return [finding(source.path, field.line, "lead-invalid", f"{field.name} 应为 true 或 false", f"{field.name} must be true or false")]


def byline_no_name(source: Source, context: Context) -> list[Finding]:
    """A Byline in which no person's name can be found."""
    field = source.field("byline")
    if not field or not field.value.strip() or parse_byline(field.value) or field.value.strip() == PLACEHOLDERS["byline"]:
        return []  # the template's own byline is placeholder-left's
    return [finding(
        source.path, field.line, "byline-no-name",
        f"{field.name} 中没有找到人名，例如“本报讯（记者 常欣月）”", f"no name found in {field.name}",
    )]


def correction_undated(source: Source, context: Context) -> list[Finding]:
    """A Correction line that does not start with its date."""
    field = source.field("correction")
    if not field:
        return []
    try:
        parse_corrections(field.value)
    except ValueError as line:
        return [finding(
            source.path, field.line, "correction-undated",
            f"{field.name} {line} 应以日期开头，如“2026-11-25 原稿……已更正。”", f"each {field.name} line starts with a date",
        )]
    return []


def punctuation_halfwidth(source: Source, context: Context) -> list[Finding]:
    """Half-width , : ; ? ! ( ) inside Chinese text, one finding per line; --fix makes them full-width."""
    found = []
    for number, column in prose_lines(source):
        edits = halfwidth_edits(source.lines[number - 1][column:])
        if edits:
            marks = dict.fromkeys((edit.mark, edit.text) for edit in edits)
            found.append(finding(
                source.path, number, "punctuation-halfwidth",
                f"中文里用了半角标点{''.join(f'“{half}”' for half, _ in marks)}，应为全角"
                f"{''.join(f'“{full}”' for _, full in marks)}（invoke check --fix 可自动改正）",
                f"half-width {' '.join(half for half, _ in marks)} in Chinese text; use {' '.join(full for _, full in marks)}",
            ))
    return found


def sentence_broken(source: Source, context: Context) -> list[Finding]:
    """A paragraph cut off mid-sentence by a blank line; --fix joins it to the next."""
    found = []
    for end, start in broken_sentences(source):
        tail, head = source.lines[end - 1].rstrip()[-6:], source.lines[start - 1].strip()[:6]
        found.append(finding(
            source.path, end, "sentence-broken",
            f"段落在“{tail}”处断开，下一段“{head}”接着同一句话，请删去中间的空行（invoke check --fix 可自动合并）",
            f"sentence cut in two by a blank line; join line {end} and line {start}",
        ))
    return found


def body_empty(source: Source, context: Context) -> list[Finding]:
    """An article with nothing under its header (a photo item's caption is checked with its photo)."""
    if source.is_page or not source.fields or source.field("photo") or any(line.strip() for _, line in source.body()):
        return []  # a file with no fields at all is told it lacks a Title
    return [finding(
        source.path, source.fields[-1].line, "body-empty",
        "正文是空的，请在字段下空一行后写上正文", "the article has no text under its fields",
    )]


def html_active(source: Source, context: Context) -> list[Finding]:
    """Raw HTML in the body that would run in a reader's browser; the build takes it out of the page."""
    # Read as the build reads it, through Markdown: <script> inside a caption's quotes is text.
    body = source.body()
    removed = disarm(markdown.markdown("\n".join(line for _, line in body)))[1]
    by_line: dict[int, list[str]] = {}
    for part in removed:
        word = search_word(part).casefold()
        number = next((number for number, line in body if word in line.casefold()), source.body_start)
        by_line.setdefault(number, []).append(part)
    return [
        finding(
            source.path, number, "html-active",
            f"正文中的 {'、'.join(parts)} 会在读者的浏览器里运行，请删除这段 HTML", f"{', '.join(parts)} would run in readers' browsers",
        )
        for number, parts in sorted(by_line.items())
    ]
