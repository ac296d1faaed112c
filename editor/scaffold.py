"""Write the skeleton of a new article or photo item, every field explained; no Pelican here."""

from datetime import datetime
from pathlib import Path

MAX_SLUG = 40  # characters of pinyin in a file name: readable in a URL, short enough to type

# The text a new file starts with where the editor is to write their own: `invoke check` finds any
# of it left (the placeholder-left rule), from this one table.
PLACEHOLDERS = {
    "byline": "本报讯（记者 ）",
    "body": "正文第一段。",
    "caption": "图片说明：时间、地点、人物、事件。",
    "credit": "本报通讯员 姓名 摄",
}

GUIDE = """<!--
写稿说明（读者看不到这一段，可以保留，也可以删除）：
- Title 标题，必填；Kicker 引题、Subtitle 副题（如“——……记事”），没有就留空。
- Byline 按印刷版写，如“本报讯（记者 常欣月 通讯员 高欣）”或“本报通讯员 东宣”；Authors 可代替 Byline，如“记者 常欣月, 通讯员 高欣”。
- Date 北京时间；写将来的时间并加“Scheduled: true”即为定时发布。Status: draft 为草稿，只在预览中可见。
- Category 栏目：{sections}。Tags 标签，用逗号分隔。
- 可选字段：Summary 摘要、Note 编者注、Source 来源、Modified 更新时间、Correction 更正（以日期开头）、Lead: true 设为头条。
- 小标题用“## ”开头；图片写作 ![图片内容]({{static}}/images/文件名.jpg "图片说明。本报通讯员 姓名 摄")。
- 写完运行 invoke check 检查，invoke livereload 预览。
-->
"""

ARTICLE = """Title: {title}
Kicker:
Subtitle:
Byline: {byline}
Date: {date}
Category: {section}
Tags:
Status: draft

{guide}
{body}
"""

PHOTO = """Title: {title}
Date: {date}
Category: {section}
Tags:
Photo: images/{slug}.jpg
Alt: 
Status: draft

{guide}
{caption}
{credit}
"""


def file_slug(pinyin: str) -> str:
    """The pinyin slug cut at a word boundary to at most MAX_SLUG characters."""
    if len(pinyin) <= MAX_SLUG:
        return pinyin
    return pinyin[:MAX_SLUG].rsplit("-", 1)[0]


def scaffold(title: str, section: str, photo: bool, now: datetime, slug: str, sections: list[str]) -> tuple[Path, str]:
    """The new file's path inside content/ and its text."""
    folder, template = ("photos", PHOTO) if photo else ("articles", ARTICLE)
    text = template.format(
        title=title.strip(),
        date=now.strftime("%Y-%m-%d %H:%M"),
        section=section,
        slug=slug,
        guide=GUIDE.format(sections="、".join(sections)),
        **PLACEHOLDERS,
    )
    return Path(folder) / f"{slug}.md", text
