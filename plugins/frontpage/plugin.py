"""Pelican glue: put the ordered sections and the home page plan into the template context."""

import sys

from pelican import signals

from .plan import order_sections, plan_front_page
from .settings import merged


def plan_site(generator) -> None:
    """After articles are read: `sections` (with their stories) and `section_links` (the sections
    alone, for the header of every page), and `front_page` for the home page."""
    settings = merged(generator.settings)
    by_name = {category.name: (category, articles) for category, articles in generator.categories}
    order = order_sections(list(by_name), settings["FRONTPAGE_SECTIONS"])
    sections = [by_name[name] for name in order]
    generator.context["sections"] = sections
    generator.context["section_links"] = [section for section, _ in sections]
    generator.context["front_page"] = plan_front_page(
        generator.articles,
        sections,
        settings["FRONTPAGE_ITEMS_PER_SECTION"],
        settings["FRONTPAGE_PHOTO_STRIP"],
    )


def check_settings(pelican) -> None:
    """Fail at start-up, not half way, on a bad FRONTPAGE_* value."""
    try:
        merged(pelican.settings)
    except ValueError as error:
        sys.exit(f"设置有误 (bad setting): {error}")  # one line, not Pelican's traceback


def register() -> None:
    """Connect the handlers."""
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(plan_site)
