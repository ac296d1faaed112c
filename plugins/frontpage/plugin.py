"""Pelican glue: put the ordered sections, the home page plan and the archive's periods into the
template context."""


from pelican import signals

from plugins.core import startup
from plugins.core.settings import settings_check

from .periods import count_periods
from .plan import order_sections, plan_front_page
from .settings import merged


def plan_site(generator) -> None:
    """After articles are read: `sections` (with their stories) and `section_links` (the sections
    alone, for the header of every page), `front_page` for the home page, and `archive_periods`
    (years and months with their counts, for the archive and a month's trail)."""
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
    generator.context["archive_periods"] = count_periods(generator.context.get("period_archives", {}))


check_settings = settings_check(merged)  # at start-up, not half way: a bad value stops the build in one line


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.article_generator_finalized.connect(plan_site)
