"""Rules across files: two items at one address, two spellings of one tag."""

import re
import unicodedata
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import PurePosixPath

from pelican.utils import slugify

from plugins.slugs.pinyin import HAN, item_slug, normalise, pinyin_slug
from plugins.slugs.unique import first_at_each_address

from .report import Finding, finding
from .rules import parse_date
from .settings import Context
from .source import Source

LATEST = datetime.max
SPACE_BETWEEN_HAN = re.compile(rf"[{HAN}]\s+[{HAN}]")


def slug_of(source: Source, context: Context) -> str:
    """The item's slug as the build makes it: Pelican's (contents.py) from its Slug field, else from its
    file name or title (SLUGIFY_SOURCE), then the slugs plugin's pinyin for a Chinese one."""
    written = source.value("slug") or None  # Pelican drops an empty Slug (METADATA_PROCESSORS)
    options = context.slugify
    named_from = PurePosixPath(source.path).stem if options["SLUGIFY_SOURCE"] == "basename" else source.value("title")
    pelican_slug = written if written is not None else slugify(
        named_from,
        regex_subs=options["SLUG_REGEX_SUBSTITUTIONS"],
        preserve_case=options["SLUGIFY_PRESERVE_CASE"],
        use_unicode=options["SLUGIFY_USE_UNICODE"],
    )
    return item_slug(pelican_slug, written, named_from)


def url_of(source: Source, context: Context) -> str | None:
    """The address the item will be published at, or None when its date cannot be read."""
    draft = source.is_draft
    key = ("DRAFT_PAGE_URL" if draft else "PAGE_URL") if source.is_page else ("DRAFT_URL" if draft else "ARTICLE_URL")
    date = parse_date(source.value("date"), context) if source.field("date") else None
    if date is None and not source.is_page:
        return None  # date-missing or date-invalid says why
    pattern = context.urls[key]
    values = {field.key: field.value for field in source.fields}
    values |= {"slug": slug_of(source, context), "date": date or context.now, "path": source.path}
    values["lang"] = source.value("lang") or context.lang
    if "{category" in pattern:
        values["category"] = pinyin_slug(source.value("category"))
    try:
        return pattern.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError):
        return None  # a URL pattern this check cannot fill in; the build will say more


def url_duplicate(sources: list[Source], context: Context) -> list[Finding]:
    """Two items that would be written to one address: the one that took it second is named."""
    urls = {source.path: url_of(source, context) for source in sources}
    ranked = (
        (urls[source.path], (source.field("slug") is not None, item_date(source, context), source.path), source)
        for source in sources
        if urls[source.path] is not None
    )
    found = []
    for keeper, others in first_at_each_address(ranked).items():
        url = urls[keeper.path]
        for other in others:
            slug = other.field("slug")
            found.append(finding(
                other.path, slug.line if slug else 1, "url-duplicate",
                f"网址 {url} 与 {keeper.path} 相同，两篇会互相覆盖；请改文件名或 Slug",
                f"same URL {url} as {keeper.path}; rename the file or change its Slug",
            ))
    return found


def item_date(source: Source, context: Context) -> datetime:
    """The item's Date without its zone, for ordering; undated items come last."""
    date = parse_date(source.value("date"), context) if source.field("date") else None
    return date.astimezone(context.timezone).replace(tzinfo=None) if date else LATEST


def tags_of(source: Source) -> list[str]:
    """The item's tags as Pelican splits them: by ";" when there is one, else by ","."""
    value = source.value("tags")
    if "\n" in value:
        parts = value.splitlines()  # one tag a line, as Pelican keeps a list's items whole
    else:
        parts = value.split(";") if ";" in value else value.split(",")
    return [part.strip() for part in parts if part.strip()]


def tag_key(tag: str) -> str:
    """What two spellings of one tag share: NFKC (full-width → half-width), case folded, no spaces."""
    return "".join(normalise(tag).split())


def tag_near_duplicate(sources: list[Source], context: Context) -> list[Finding]:
    """A tag written differently from another only by spaces, width or case."""
    uses: dict[str, list[tuple[str, Source]]] = defaultdict(list)
    for source in sources:
        for tag in tags_of(source):
            uses[tag_key(tag)].append((tag, source))
    found = []
    for spellings in uses.values():
        if len({tag for tag, _ in spellings}) < 2:
            continue
        preferred, where = preferred_spelling(spellings, context)
        for tag, source in spellings:
            if tag != preferred:
                found.append(finding(
                    source.path, source.field("tags").line, "tag-near-duplicate",
                    f"标签“{tag}”与 {where.path} 的“{preferred}”只差空格、全半角或大小写，请统一写作“{preferred}”",
                    f"tag '{tag}' differs from '{preferred}' in {where.path} only by spaces, width or case",
                ))
    return found


def preferred_spelling(spellings: list[tuple[str, Source]], context: Context) -> tuple[str, Source]:
    """The spelling to keep: the most used, then one already in normal form, then the earliest used."""
    count = Counter(tag for tag, _ in spellings)

    def rank(use: tuple[str, Source]):
        tag, source = use
        normal = tag == " ".join(unicodedata.normalize("NFKC", tag).split()) and not has_space_between_han(tag)
        return (-count[tag], not normal, item_date(source, context), source.path)

    return min(spellings, key=rank)


def has_space_between_han(tag: str) -> bool:
    """Whether a space stands between two Chinese characters (社区 服务), which Chinese never writes."""
    return SPACE_BETWEEN_HAN.search(tag) is not None
