"""Pelican glue for 专题: a page with a `Topic` field introduces its topic (it is not written as a
page of its own, nor listed in the footer); each topic gets a page like a section's (topic.html,
paginated, at TOPIC_URL), the list of topics (topics.html, at TOPICS_URL), a feed when publishing
(TOPIC_FEED_ATOM), each story its `topics`, and the home page `current_topics` (intro pages with
`Current: true`). Only signals sent once per generator: a rebuild that keeps stories keeps this.
"""

import logging
import os
from typing import NamedTuple

from pelican import signals

from plugins.core import startup
from plugins.editorial.fields import TRUE_WORDS
from plugins.slugs.pinyin import pinyin_slug

from .topics import in_topic_order, pinned_paths, plan_topics

logger = logging.getLogger(__name__)


class Topic:
    """A topic, at TOPIC_URL / TOPIC_SAVE_AS as a section is at CATEGORY_URL; `intro` is its page or
    None. A plain object, not Pelican's URLWrapper: a rebuild's page digest counts a URLWrapper by its
    name and address only, and a topic's page shows its introduction and stories too."""

    def __init__(self, name: str, slug: str, settings: dict, intro, stories: list) -> None:
        self.name, self.slug, self.intro, self.stories = name, slug, intro, stories
        self.url = settings["TOPIC_URL"].format(slug=slug)
        self.save_as = settings["TOPIC_SAVE_AS"].format(slug=slug)
        self.page_name = os.path.splitext(settings["TOPIC_URL"])[0].format(slug=slug)  # paginated pages' base, as Pelican's


class TopicLink(NamedTuple):
    """What a story shows of a topic it belongs to."""

    name: str
    url: str


def field(content, name: str) -> str:
    """A field's text; a field over several lines (Order) comes from Pelican as a list of them."""
    value = content.metadata.get(name, "") or ""
    return "\n".join(map(str, value)) if isinstance(value, list) else str(value)


def gather_topics(generator) -> None:
    """After pages are read (stories are read already): take the intro pages out of the pages, plan
    each topic, and put `topics` and `current_topics` into the context."""
    intros = [page for page in generator.pages if field(page, "topic")]
    for page in intros:
        generator.pages.remove(page)
    stories = generator.context.get("articles", [])
    topics = []
    for plan in plan_topics(stories, intros, lambda story: field(story, "topic"), lambda page: field(page, "topic")):
        pinned = pinned_paths(field(plan.intro, "order")) if plan.intro else []
        ordered = in_topic_order(plan.stories, pinned, lambda story: story.relative_source_path, lambda story: story.date)
        slug = plan.intro.slug if plan.intro else pinyin_slug(plan.name)
        topics.append(Topic(plan.name, slug, generator.settings, plan.intro, ordered))
    for topic in topics:
        for story in topic.stories:
            story.topics = [*getattr(story, "topics", []), TopicLink(topic.name, topic.url)]
    generator.context["topics"] = topics
    generator.context["current_topics"] = [
        topic for topic in topics if topic.intro and field(topic.intro, "current").strip().lower() in TRUE_WORDS
    ]


def write_topics(generator, writer) -> None:
    """Each topic's page (paginated like a section's), the list of topics, and topic feeds when set."""
    topics = generator.context.get("topics", [])
    settings = generator.settings
    if not topics:
        return
    template = generator.get_template("topic")
    for topic in topics:
        writer.write_file(
            topic.save_as, template, generator.context, relative_urls=settings["RELATIVE_URLS"], url=topic.url,
            paginated={"articles": topic.stories, "dates": topic.stories}, template_name="topic",
            topic=topic, articles=topic.stories, dates=topic.stories, page_name=topic.page_name, blog=True,
            all_articles=generator.articles,
        )
        if settings.get("TOPIC_FEED_ATOM"):
            writer.write_feed(topic.stories, generator.context, settings["TOPIC_FEED_ATOM"].format(slug=topic.slug),
                              feed_title=f"{settings['SITENAME']} - 专题：{topic.name}")
    if settings.get("TOPICS_SAVE_AS"):
        writer.write_file(settings["TOPICS_SAVE_AS"], generator.get_template("topics"), generator.context,
                          relative_urls=settings["RELATIVE_URLS"], url=settings.get("TOPICS_URL", ""), template_name="topics",
                          page_name="topics")


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.page_generator_finalized.connect(gather_topics)
    signals.article_writer_finalized.connect(write_topics)
