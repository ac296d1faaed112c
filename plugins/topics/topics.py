"""专题 (topics): the stories of a campaign gathered on a page of their own. No Pelican here.

A story joins a topic with its `Topic` field (the topic's name). A topic is introduced by a page in
content/ with the same `Topic` field: its title, text, `Banner` (a picture), `Current: true` (on the
home page) and `Order` (stories to put first, by file, in that order; the rest newest first).
"""

from dataclasses import dataclass, field


@dataclass
class TopicPlan:
    """A topic as the build writes it: its name, the page introducing it (or None), its stories in order."""

    name: str
    intro: object | None = None
    stories: list = field(default_factory=list)


def topic_names(value: str) -> list[str]:
    """The topics a `Topic` field names: one, or several separated by commas (中文逗号 too)."""
    return [name.strip() for name in value.replace("，", ",").split(",") if name.strip()]


def in_topic_order(stories: list, pinned: list[str], path_of, date_of) -> list:
    """`pinned` paths first, in that order; then the others, newest first."""
    by_path = {path_of(story): story for story in stories}
    first = [by_path[path] for path in pinned if path in by_path]
    rest = sorted((story for story in stories if path_of(story) not in pinned), key=date_of, reverse=True)
    return first + rest


def pinned_paths(value: str) -> list[str]:
    """An intro page's `Order`: content paths separated by commas or lines, {filename} allowed."""
    parts = value.replace("，", ",").replace("\n", ",").split(",")
    return [part.strip().removeprefix("{filename}").lstrip("/") for part in parts if part.strip()]


def plan_topics(stories: list, intros: list, topic_of, intro_topic_of) -> list[TopicPlan]:
    """Every topic a story or an intro page names, with its intro and stories; in the order of names
    first met on intro pages, then on stories."""
    plans: dict[str, TopicPlan] = {}
    for intro in intros:
        for name in topic_names(intro_topic_of(intro)):
            plan = plans.setdefault(name, TopicPlan(name))
            plan.intro = plan.intro or intro
    for story in stories:
        for name in topic_names(topic_of(story)):
            plans.setdefault(name, TopicPlan(name)).stories.append(story)
    return list(plans.values())
