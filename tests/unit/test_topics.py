"""专题's pure functions: which topics a field names, the stories an editor pins first, the plan."""

from types import SimpleNamespace as Story

import pytest

from plugins.topics.topics import in_topic_order, pinned_paths, plan_topics, topic_names


@pytest.mark.parametrize("value, names", [
    ("物业管理全覆盖", ["物业管理全覆盖"]),
    ("物业管理全覆盖, 法治铁东", ["物业管理全覆盖", "法治铁东"]),
    ("物业管理全覆盖，法治铁东", ["物业管理全覆盖", "法治铁东"]),  # a Chinese comma too
    ("  ", []),
    ("", []),
])
def test_topic_names(value, names):
    assert topic_names(value) == names


@pytest.mark.parametrize("value, paths", [
    ("articles/b.md, articles/a.md", ["articles/b.md", "articles/a.md"]),
    ("{filename}/articles/b.md\n    articles/a.md", ["articles/b.md", "articles/a.md"]),
    ("articles/b.md，articles/a.md", ["articles/b.md", "articles/a.md"]),
    ("", []),
])
def test_pinned_paths(value, paths):
    assert pinned_paths(value) == paths


STORIES = [Story(path="articles/a.md", date=1), Story(path="articles/b.md", date=3), Story(path="articles/c.md", date=2)]


@pytest.mark.parametrize("pinned, order", [
    ([], ["articles/b.md", "articles/c.md", "articles/a.md"]),  # newest first
    (["articles/a.md"], ["articles/a.md", "articles/b.md", "articles/c.md"]),  # pinned first, the rest newest first
    (["articles/c.md", "articles/a.md"], ["articles/c.md", "articles/a.md", "articles/b.md"]),
    (["articles/gone.md", "articles/a.md"], ["articles/a.md", "articles/b.md", "articles/c.md"]),  # a pin to no story is left out
])
def test_stories_in_topic_order(pinned, order):
    assert [story.path for story in in_topic_order(STORIES, pinned, lambda s: s.path, lambda s: s.date)] == order


def test_every_topic_named_gets_its_intro_and_stories():
    intro = Story(topic="物业管理全覆盖")
    stories = [Story(topic="物业管理全覆盖", path="a"), Story(topic="法治铁东, 物业管理全覆盖", path="b"), Story(topic="", path="c")]
    plans = plan_topics(stories, [intro], lambda s: s.topic, lambda s: s.topic)
    assert [(plan.name, plan.intro is intro, [s.path for s in plan.stories]) for plan in plans] == [
        ("物业管理全覆盖", True, ["a", "b"]),
        ("法治铁东", False, ["b"]),  # a topic with no intro page still has its page
    ]
