"""What decides that a page need not be rendered again: the digest of what its template can show,
the names a template can show, and the record of the file the last build left."""

from datetime import datetime, timezone
from types import SimpleNamespace

import jinja2
import pytest
from incremental.kept import file_stamp, load, reusable, save
from incremental.signature import Digests
from incremental.templates import names_used


def story(path: str, title: str, **more) -> SimpleNamespace:
    """A story as templates see one: a source path, metadata, and the addresses Pelican works out."""
    return SimpleNamespace(source_path=path, metadata={"title": title}, title=title, url=path.replace(".md", ".html"),
                           save_as=path.replace(".md", ".html"), content=f"<p>{title}</p>", summary=title, **more)


def page_digest(**values) -> str:
    return Digests().page(values)


@pytest.mark.parametrize("first, second", [
    (1, "1"), (1, 1.0), (True, 1), (None, "None"), ([1, 2], [2, 1]), ("物业", "物业 "),
    (datetime(2026, 11, 24, 8, 0), datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)),
])
def test_different_values_give_different_digests(first, second):
    assert page_digest(value=first) != page_digest(value=second)


def test_equal_values_count_the_same_whether_or_not_they_are_one_object():
    name = "".join(["物业", "管理"])
    assert page_digest(value=[name, name]) == page_digest(value=[name, "".join(["物业", "管理"])])


def test_a_function_counts_by_its_name():
    assert page_digest(value=len) == page_digest(value=len)
    assert page_digest(value=len) != page_digest(value=sorted)


def test_a_mapping_counts_in_its_own_order_as_a_template_looping_over_it_shows_it():
    assert page_digest(value={"a": 1, "b": 2}) == page_digest(value={"a": 1, "b": 2})
    assert page_digest(value={"a": 1, "b": 2}) != page_digest(value={"b": 2, "a": 1})


def test_the_same_inputs_give_the_same_digest_in_another_build():
    assert page_digest(article=story("articles/wuye.md", "健全管理机制")) == page_digest(article=story("articles/wuye.md", "健全管理机制"))


def test_a_page_counts_the_titles_of_the_stories_its_story_relates_to():
    related = story("articles/fuwu.md", "物业服务提质增效")
    before = page_digest(article=story("articles/wuye.md", "健全管理机制", related=[related]))
    related.title = "物业服务全覆盖"
    assert page_digest(article=story("articles/wuye.md", "健全管理机制", related=[related])) != before


def test_a_page_does_not_count_what_its_related_stories_relate_to():
    further = story("articles/jiegan.md", "全面压实责任")
    related = story("articles/fuwu.md", "物业服务提质增效", related=[further])
    before = page_digest(article=story("articles/wuye.md", "健全管理机制", related=[related]))
    further.title = "守牢安全底线"
    assert page_digest(article=story("articles/wuye.md", "健全管理机制", related=[related])) == before


def test_a_listing_counts_its_stories_fields_not_their_related_stories():
    further = story("articles/jiegan.md", "全面压实责任")
    listed = story("articles/fuwu.md", "物业服务提质增效", related=[further])
    before = page_digest(articles=[listed])
    further.title = "守牢安全底线"
    assert page_digest(articles=[listed]) == before
    listed.summary = "小区物业企业加强日常管理。"
    assert page_digest(articles=[listed]) != before


def test_a_story_met_again_inside_itself_is_no_endless_loop():
    first, second = story("articles/a.md", "甲"), story("articles/b.md", "乙")
    first.related, second.related = [second], [first]
    assert page_digest(article=first) == page_digest(article=first)


class Section:
    """Like Pelican's URLWrapper: `name` and `slug` join its attributes once its address is asked for."""

    def __init__(self, name, slug):
        self._name, self._slug = name, slug

    name = property(lambda self: self._name)
    slug = property(lambda self: self._slug)
    url = property(lambda self: f"section/{self._slug}/")
    save_as = property(lambda self: f"section/{self._slug}/index.html")

    def as_dict(self):
        self.__dict__.update(name=self.name, slug=self.slug)
        return self.__dict__


def test_a_section_counts_by_what_it_shows_before_and_after_pelican_adds_attributes():
    section = Section("民生", "minsheng")
    before = page_digest(sections=[section])
    section.as_dict()
    assert page_digest(sections=[section]) == before
    assert page_digest(sections=[Section("民生", "minsheng-fuwu")]) != before


THEME = {
    "base.html": "<title>{{ SITENAME }}</title>{% include '_nav.html' %}{% block content %}{% endblock %}",
    "_nav.html": "{% for section in section_links %}{{ section.name }}{% endfor %}",
    "article.html": "{% extends 'base.html' %}{% block content %}{{ article.title }}{% endblock %}",
    "chosen.html": "{% include chosen_template %}",
}


@pytest.mark.parametrize("template, names", [
    ("article.html", frozenset({"SITENAME", "section_links", "article"})),
    ("_nav.html", frozenset({"section_links"})),
    ("chosen.html", None),
])
def test_the_names_a_template_and_those_it_uses_can_show(template, names):
    env = jinja2.Environment(loader=jinja2.DictLoader(THEME))
    assert names_used(env, template) == names


def test_a_page_is_taken_from_the_last_build_only_as_that_build_left_it(tmp_path):
    page = tmp_path / "2026/11/wuye.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>健全管理机制</h1>", encoding="utf-8")
    record = {"2026/11/wuye.html": ["abc", file_stamp(page)]}
    assert reusable(record, tmp_path, "2026/11/wuye.html", "abc") == "<h1>健全管理机制</h1>"
    assert reusable(record, tmp_path, "2026/11/wuye.html", "other inputs") is None
    assert reusable(record, tmp_path, "2026/11/fuwu.html", "abc") is None
    page.with_name("new").write_text("<h1>预览</h1>", encoding="utf-8")
    page.with_name("new").replace(page)  # written over, as the live preview does
    assert reusable(record, tmp_path, "2026/11/wuye.html", "abc") is None


def test_the_record_is_kept_for_the_same_theme_plugins_and_settings_only(tmp_path):
    path = tmp_path / "cache/pages.json"
    save(path, "salt-1", {"index.html": ["abc", [10, 1, 2]]})
    assert load(path, "salt-1") == {"index.html": ["abc", [10, 1, 2]]}
    assert load(path, "salt-2") == {}
    path.write_text("not json", encoding="utf-8")
    assert load(path, "salt-1") == {}
