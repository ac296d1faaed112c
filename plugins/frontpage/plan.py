"""Plan the home page and the section order from a list of articles; no Pelican here."""

from dataclasses import dataclass, field
from typing import Any, Sequence


@dataclass
class FrontPage:
    """What the home page shows: the lead story, the latest by section, and the photo strip."""

    lead: Any = None
    sections: list[tuple[Any, list[Any]]] = field(default_factory=list)
    photos: list[Any] = field(default_factory=list)


def is_lead(article: Any) -> bool:
    """True when the editor marked the article `Lead: true` (头条; the editorial plugin reads it)."""
    return getattr(article, "lead", False) is True


def order_sections(names: Sequence[str], preferred: Sequence[str]) -> list[str]:
    """Sections in the editor's preferred order, then any others alphabetically."""
    known = [name for name in preferred if name in names]
    return known + sorted(set(names) - set(known))


def plan_front_page(
    articles: Sequence[Any],
    sections: Sequence[tuple[Any, Sequence[Any]]],
    per_section: int,
    photo_strip: int,
) -> FrontPage:
    """Pick the lead, the newest items per section (lead and photos aside) and the photo strip.

    `articles` are newest first, as Pelican sorts them; an article with a `photo` is photo news.
    A photo item leads only when the editor marks it so; it then leaves the photo strip.
    """
    stories = [article for article in articles if not getattr(article, "photo", None)]
    lead = next((a for a in articles if is_lead(a)), stories[0] if stories else None)
    latest = []
    for section, section_articles in sections:
        items = [a for a in section_articles if a is not lead and not getattr(a, "photo", None)]
        if items:
            latest.append((section, items[:per_section]))
    photos = [article for article in articles if getattr(article, "photo", None) and article is not lead]
    return FrontPage(lead, latest, photos[:photo_strip])
