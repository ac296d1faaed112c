"""An imported item as a draft Markdown file: the fields the site reads, the text, and what to check."""

from plugins.editorial.byline import parse_byline

from .items import Item


def doubts_comment(item: Item, page_name: str, extra: list[str]) -> str:
    """An HTML comment (readers never see it) saying where the item came from and what to check."""
    lines = [f"由 invoke import 从 {page_name} 第 {item.line} 行导入。"]
    notes = [*extra, *(f"第 {doubt.line} 行：{doubt.zh}" for doubt in item.doubts)]
    if notes:
        lines.append("发布前请核对：")
        lines += [f"- {note}" for note in notes]
    return "<!--\n" + "\n".join(lines) + "\n-->"


def fields(pairs: list[tuple[str, str]]) -> str:
    """Header lines for the fields that have a value."""
    return "\n".join(f"{name}: {value}" for name, value in pairs if value)


def article_markdown(item: Item, date: str, section: str, tags: list[str], comment: str) -> str:
    """An article's draft: Title, Kicker, Subtitle, Byline…, then paragraphs with ## subheads."""
    header = fields([
        ("Title", item.title), ("Kicker", item.kicker), ("Subtitle", item.subtitle), ("Byline", item.byline),
        ("Date", date), ("Category", section), ("Tags", ", ".join(tags)), ("Status", "draft"),
    ])
    body = "\n\n".join(f"## {text}" if kind == "h" else text for kind, text in item.blocks)
    return f"{header}\n\n{comment}\n\n{body}\n"


def photo_markdown(item: Item, date: str, section: str, tags: list[str], photo: str, comment: str) -> str:
    """A photo item's draft: the photo still to be added (Photo names the file to save it as), then caption and credit."""
    photographers = ", ".join(person.name for person in parse_byline(item.credit))
    header = fields([
        ("Title", item.title), ("Date", date), ("Category", section), ("Tags", ", ".join(tags)),
        ("Authors", photographers), ("Photo", photo),
    ])
    caption = "\n".join(part for part in (item.caption, item.credit) if part)
    return f"{header}\nAlt: \nStatus: draft\n\n{comment}\n\n{caption}\n"
