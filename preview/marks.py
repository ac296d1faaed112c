"""The live preview's wording marks: each wording hit in a page's text wrapped in <mark>, a notice at
the top of <body> and the marks' stylesheet in <head>; every other byte of the page kept as it is.

The page is walked as text and tags, never parsed and written out again: what the editor sees is
the built page, with the marks in it and nothing else changed.
"""

import re
from collections.abc import Callable, Iterator
from html import escape

from checks.wording.find import HAN, MARKER_AFTER, Finder, Hit
from checks.wording.rule import said

STYLESHEET_PATH = "/__preview/marks.css"
MARK_CLASS = "pressroom-wording"
RULES = {"wrong": "wording-wrong", "protected": "wording-protected"}
# Elements whose content is not text a reader reads in the page (<title> is in <head> anyway).
NOT_READ = frozenset({"script", "style", "textarea", "template", "noscript", "title"})
END_TAG = {name: re.compile(rf"</{name}[\s/>]", re.IGNORECASE) for name in NOT_READ}
# A comment, a declaration or processing instruction, or a tag (a quoted attribute value may hold ">").
TOKEN = re.compile(r"""<!--.*?-->|<![^>]*>|<\?[^>]*>|<(/?)([A-Za-z][^\s/>]*)(?:[^"'>]|"[^"]*"|'[^']*')*>""", re.DOTALL)
ENTITY = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?")
HAN_CHARACTER = re.compile(f"[{HAN}]")


def tags(page: str) -> Iterator[tuple[re.Match, int]]:
    """Each comment, declaration and tag in order, with where text may start after it: an element of
    NOT_READ is passed over to its end tag."""
    position = 0
    while (token := TOKEN.search(page, position)) is not None:
        position = token.end()
        name = (token[2] or "").lower()
        if name in NOT_READ and not token[1]:
            end = END_TAG[name].search(page, position)
            position = end.start() if end else len(page)
        yield token, position


def is_body(token: re.Match) -> bool:
    return (token[2] or "").lower() == "body"


def text_runs(page: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each run of text inside <body>: not a tag, comment or attribute, nor inside an element of NOT_READ."""
    position, in_body = 0, False
    for token, resume in tags(page):
        if in_body and token.start() > position:
            yield position, token.start()
        position = resume
        if is_body(token):
            in_body = not token[1]
    if in_body and position < len(page):
        yield position, len(page)


def body_opened(page: str) -> int | None:
    """Where the text of <body> starts: the end of its start tag."""
    return next((token.end() for token, _ in tags(page) if is_body(token) and not token[1]), None)


def page_hits(page: str, finder: Finder) -> list[Hit]:
    """The finder's hits in the page's text, at their places in the page; none across an entity, none
    followed by the marker comment <!-- 原文如此 -->."""
    found = []
    for start, end in text_runs(page):
        run = page[start:end]
        if not HAN_CHARACTER.search(run):
            continue
        entities = [(entity.start(), entity.end()) for entity in ENTITY.finditer(run)] if "&" in run else []
        for hit in finder.hits(run):
            if any(hit.start < entity_end and entity_start < hit.end for entity_start, entity_end in entities):
                continue
            if MARKER_AFTER.match(page, start + hit.end):
                continue
            found.append(Hit(start + hit.start, start + hit.end, hit.written, hit.right, hit.kind))
    return found


def mark(hit: Hit, finder: Finder) -> str:
    chinese, english = said(hit, finder)
    title = escape(f"{chinese} ({english})", quote=True)
    return f'<mark class="{MARK_CLASS}" data-rule="{RULES[hit.kind]}" title="{title}">{hit.written}</mark>'


def notice(count: int) -> str:
    """What the top of a page with marks says, Chinese first, announced by a screen reader."""
    return (
        f'<div class="{MARK_CLASS}-notice" role="status" lang="zh-CN">'
        f"<p>预览提示：本页有 {count} 处用语问题（已用底色标出；仅预览可见，读者看不到）。发布前请改正，或运行 invoke check 查看。</p>"
        f'<p lang="en">Preview only: {count} wording problem{"s" if count != 1 else ""} on this page '
        "highlighted; readers never see them. Correct them before publishing, or run invoke check to list them.</p>"
        "</div>"
    )


def marked(page: bytes, finder: Finder, shown: Callable[[Hit], bool] = lambda hit: True) -> tuple[bytes, int]:
    """The page with each hit `shown` accepts wrapped in a mark, the notice and the stylesheet; and
    how many marks. A page with none, or that is not UTF-8, comes back as it was."""
    try:
        text = page.decode("utf-8")
    except UnicodeDecodeError:
        return page, 0
    hits = [hit for hit in page_hits(text, finder) if shown(hit)]
    if not hits:
        return page, 0
    pieces, position = [], 0
    for hit in hits:
        pieces += [text[position:hit.start], mark(hit, finder)]
        position = hit.end
    pieces.append(text[position:])
    text = "".join(pieces)
    body = body_opened(text)
    if body is not None:
        text = text[:body] + notice(len(hits)) + text[body:]
    head_end = text.find("</head>")
    if head_end >= 0:
        text = text[:head_end] + f'<link rel="stylesheet" href="{STYLESHEET_PATH}">' + text[head_end:]
    return text.encode("utf-8"), len(hits)
