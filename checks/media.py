"""The rules for pictures and links: a file that must exist, be inside content/ and be a photo."""

import re
from pathlib import Path

from plugins.core.paths import active_static_files, links_in
from plugins.photos.caption import split_credit
from plugins.photos.images import PhotoProblem, checked_size, missing_hint, resolve_src

from .report import Finding, finding
from .settings import MARKDOWN_SUFFIXES, Context
from .source import Source

# ![alt](src "caption"): Markdown's inline image, its title being the caption and credit.
IMAGE = re.compile(r"!\[(?P<alt>[^\]]*)\]\(\s*(?P<src><[^>\n]*>|[^\s)]+)(?:\s+(?P<quote>[\"'])(?P<title>.*?)(?P=quote))?\s*\)")
# [text](target) that is not an image, and href/src in HTML written into the body.
LINK = re.compile(r"(?<!!)\[[^\]]*\]\(\s*(?P<target><[^>\n]*>|[^\s)]+)(?:\s+[\"'].*?[\"'])?\s*\)")
HTML_LINK = re.compile(r"""\b(?:href|src)\s*=\s*["'](?P<target>[^"'\n]+)["']""")
# Pelican's internal links: {filename} for content, {static} and {attach} for other files; the
# old |filename| spelling still works.
INTERNAL = re.compile(r"^[{|](filename|static|attach)[}|]")


def image_problem(path: Path, context: Context) -> tuple[str, str] | None:
    """The rule a picture breaks and the photos plugin's words for it, or None when it can be published."""
    try:
        checked_size(path, context.content_root, context.max_pixels)
    except PhotoProblem as problem:
        if not path.resolve().is_relative_to(context.content_root.resolve()):
            return "image-outside", str(problem)
        if not path.is_file():
            return "image-missing", str(problem)
        return "image-not-image", str(problem)
    return None


def photo_field(source: Source, context: Context) -> list[Finding]:
    """A photo item's `Photo:` (relative to content/), its `Alt:`, and its caption (the body)."""
    field = source.field("photo")
    if not field:
        return []
    name = field.value.strip()
    found = unpublishable(source, field.line, name, context.content_root / name.lstrip("/"), context)  # Alt: field-missing
    caption = split_credit("\n".join(line for _, line in source.body() if not IMAGE.match(line.strip())))
    if not (caption.text or caption.credit):
        found.append(finding(
            source.path, field.line, "image-no-caption",
            f"图片 {name} 缺少图片说明，图片新闻的正文就是说明", f"photo {name} has no caption (the body)",
        ))
    return found


def body_images(source: Source, context: Context) -> list[Finding]:
    """Each `![alt](src "caption")` in the body: the file, its alt text and its caption."""
    found = []
    for number, line in source.body():
        for image in IMAGE.finditer(line):
            src = image["src"].strip("<>")
            path = resolve_src(src, source.file.parent, context.content_root)
            if path is None:
                continue  # a picture on another site is not ours to check
            found += unpublishable(source, number, src, path, context, missing_hint(src, source.file.parent, context.content_root))
            if not image["alt"].strip():
                found.append(finding(
                    source.path, number, "image-no-alt",
                    f"图片 {src} 缺少替代文字，请在方括号里写明图片内容", f"photo {src} has no alt text",
                ))
            caption = split_credit(image["title"] or "")
            if not (caption.text or caption.credit):
                found.append(finding(
                    source.path, number, "image-no-caption",
                    f"图片 {src} 缺少图片说明，请在地址后的引号里写说明", f"photo {src} has no caption",
                ))
    return found


def unpublishable(source: Source, line: int, src: str, path: Path, context: Context, hint: str = "") -> list[Finding]:
    """A finding for a picture that cannot be published, in the photos plugin's words (with the
    fix, when only `{static}/` is missing), or none."""
    problem = image_problem(path, context)
    if not problem:
        return []
    rule, message = problem
    zh, _, en = message.rpartition(" (")
    hint_zh, _, hint_en = hint.rpartition(" (")
    extra_en = f"; {hint_en.rstrip(')')}" if hint and rule == "image-missing" else ""
    return [finding(source.path, line, rule, f"图片 {src}：{zh}{hint_zh if rule == 'image-missing' else ''}", f"{en.rstrip(')')}: {src}{extra_en}")]


def links_broken(source: Source, context: Context) -> list[Finding]:
    """An internal link ({filename}, {static}, {attach}, or a plain .md link) to a file that does not exist."""
    found = []
    for number, line in source.body():
        targets = [match["target"] for pattern in (LINK, HTML_LINK) for match in pattern.finditer(line)]
        for target in targets:
            message = link_problem(target.strip("<>"), source, context)
            if message:
                found.append(finding(source.path, number, "link-broken", *message))
    return found


def link_problem(target: str, source: Source, context: Context) -> tuple[str, str] | None:
    """What is wrong with an internal link, in Chinese and English, or None."""
    address = re.split(r"[#?]", target, maxsplit=1)[0]
    internal = INTERNAL.match(address)
    plain_markdown = not internal and "://" not in address and Path(address).suffix in MARKDOWN_SUFFIXES
    if not (internal or plain_markdown) or not address:
        return None
    if internal:
        address = "{" + internal[1] + "}" + address[internal.end() :]
    path = resolve_src(address.replace("%20", " "), source.file.parent, context.content_root)
    if path is None or not path.resolve().is_relative_to(context.content_root.resolve()) or not path.is_file():
        return f"链接 {target} 指向的文件不存在", f"no such file in content/: {target}"
    if plain_markdown:
        return (
            f"链接 {target} 在网站上打不开，站内链接请写作 {{filename}}{target}",
            f"a plain .md link is not rewritten by Pelican; write {{filename}}{target}",
        )
    return None


def content_links(sources: list[Source], context: Context) -> list[Finding]:
    """Every symbolic link in the content folder: the build refuses to run while one is there."""
    return [
        finding(
            path, 1, "file-symlink",
            f"这是指向 {target} 的符号链接，构建会停止（它可能把别处的文件发布出去）；请换成文件本身",
            f"a symbolic link to {target}: replace it with the file itself",
        )
        for path, target in links_in(context.content_root)
        if (context.content_root / path).exists()  # one that points nowhere is file-unreadable's
    ]


def static_active(sources: list[Source], context: Context) -> list[Finding]:
    """An SVG or HTML file under STATIC_PATHS: opened from the site, it runs script as the site."""
    return [
        finding(
            path, 1, "file-active",
            "SVG、HTML 文件在本站打开时可以运行脚本，构建会停止；请把 SVG 转成 PNG，HTML 写成稿件",
            "an SVG or HTML file under STATIC_PATHS would run script on the site's origin",
        )
        for path in active_static_files(context.content_root, context.static_paths)
    ]
