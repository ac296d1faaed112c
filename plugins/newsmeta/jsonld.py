"""schema.org JSON-LD for one story: a NewsArticle and its BreadcrumbList, safe inside <script>."""

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

# Google's limit for NewsArticle.headline, in characters.
HEADLINE_MAX = 110
ELLIPSIS = "…"
# Who took the pictures or edited the copy contributed; everyone else in a byline wrote it.
CONTRIBUTOR_ROLES = {"摄影", "编辑"}
HOME = "首页"
# Escaped in the JSON text so nothing inside a string can close the <script> or open a comment.
SCRIPT_SAFE = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


@dataclass(frozen=True)
class Person:
    """One person of a byline: role one of 记者, 通讯员, 摄影, 编辑, 实习生, or "" when not said."""

    name: str
    role: str = ""
    url: str = ""


@dataclass(frozen=True)
class Image:
    """The story's picture: its address, size when known, and the print credit (本报通讯员 高欣 摄)."""

    url: str
    width: int | None = None
    height: int | None = None
    credit: str = ""


@dataclass(frozen=True)
class Publisher:
    """The news organisation: its name, home page and logo."""

    name: str
    url: str
    logo: str


@dataclass(frozen=True)
class Story:
    """What the JSON-LD says about one article, as plain values; dates are timezone-aware."""

    url: str
    title: str
    summary: str
    published: datetime
    modified: datetime | None = None
    language: str = "zh-CN"
    section: str = ""
    section_url: str = ""
    keywords: tuple[str, ...] = ()
    people: tuple[Person, ...] = ()
    image: Image | None = None


def compact(node: dict[str, Any]) -> dict[str, Any]:
    """The node without its empty values (None, "", [])."""
    return {key: value for key, value in node.items() if value not in (None, "", [], ())}


def headline(title: str, limit: int = HEADLINE_MAX) -> str:
    """The title, cut to `limit` characters with an ellipsis when it is longer."""
    title = " ".join(title.split())
    return title if len(title) <= limit else title[: limit - len(ELLIPSIS)].rstrip() + ELLIPSIS


def timestamp(moment: datetime) -> str:
    """ISO 8601 to the second with the zone's offset: 2026-11-24T08:30:00+08:00."""
    return moment.isoformat(timespec="seconds")


def language_tag(code: str) -> str:
    """A language code in BCP 47's usual case (Pelican lowers it): zh-cn → zh-CN, zh-hant-tw → zh-Hant-TW."""
    first, *rest = code.replace("_", "-").split("-")
    parts = [first.lower()]
    for part in rest:
        parts.append(part.upper() if len(part) == 2 else part.title() if len(part) == 4 else part.lower())
    return "-".join(parts)


def person_node(person: Person) -> dict[str, Any]:
    """A schema.org Person; the byline role is the jobTitle."""
    return compact({"@type": "Person", "name": person.name, "jobTitle": person.role, "url": person.url})


def image_node(image: Image) -> dict[str, Any]:
    """A schema.org ImageObject."""
    return compact(
        {
            "@type": "ImageObject",
            "url": image.url,
            "width": image.width,
            "height": image.height,
            "creditText": image.credit,
        }
    )


def authors_and_contributors(people) -> tuple[list, list]:
    """Writers are authors, photographers and editors contributors; a photo alone is its photographer's."""
    writers = [p for p in people if p.role not in CONTRIBUTOR_ROLES]
    others = [p for p in people if p.role in CONTRIBUTOR_ROLES]
    if not writers:
        writers = [p for p in others if p.role == "摄影"]
        others = [p for p in others if p.role != "摄影"]
    return writers, others


def news_article(story: Story, publisher: Publisher) -> dict[str, Any]:
    """The NewsArticle node: headline, dates, section, keywords, people, picture and publisher."""
    authors, contributors = authors_and_contributors(story.people)
    return compact(
        {
            "@type": "NewsArticle",
            "headline": headline(story.title),
            "description": story.summary,
            "datePublished": timestamp(story.published),
            "dateModified": timestamp(story.modified or story.published),
            "inLanguage": language_tag(story.language),
            "articleSection": story.section,
            "keywords": list(story.keywords),
            "url": story.url,
            "mainEntityOfPage": story.url,
            "image": image_node(story.image) if story.image else None,
            "author": [person_node(p) for p in authors],
            "contributor": [person_node(p) for p in contributors],
            "publisher": compact(
                {
                    "@type": "Organization",
                    "name": publisher.name,
                    "url": publisher.url,
                    "logo": {"@type": "ImageObject", "url": publisher.logo},
                }
            ),
        }
    )


def breadcrumbs(story: Story, publisher: Publisher) -> dict[str, Any]:
    """The BreadcrumbList the page shows: 首页 › section › headline."""
    trail = [(HOME, publisher.url)]
    if story.section:
        trail.append((story.section, story.section_url))
    trail.append((headline(story.title), story.url))
    items = [
        compact({"@type": "ListItem", "position": position, "name": name, "item": url})
        for position, (name, url) in enumerate(trail, start=1)
    ]
    return {"@type": "BreadcrumbList", "itemListElement": items}


def json_ld(story: Story, publisher: Publisher) -> dict[str, Any]:
    """The page's whole JSON-LD: one @graph holding the NewsArticle and its breadcrumbs."""
    return {"@context": "https://schema.org", "@graph": [news_article(story, publisher), breadcrumbs(story, publisher)]}


def script_json(data: Any) -> str:
    """Deterministic, compact JSON that can stand inside <script>: no <, > or & appears raw."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for raw, escaped in SCRIPT_SAFE:  # str.replace: translate looks up every character of Chinese text, 15× slower
        text = text.replace(raw, escaped)
    return text
