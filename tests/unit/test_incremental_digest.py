"""What decides that a page need not be rendered again: the digest of what its template can show,
the names a template can show, and the record of the file the last build left."""

import os
import sys
from collections import Counter, OrderedDict
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import jinja2
import pytest
from markupsafe import Markup
from pelican.paginator import Paginator
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from plugins.incremental.kept import file_stamp, link_into, load, reusable, save
from plugins.incremental.signature import Digests
from plugins.incremental.templates import names_used

THEME_TEMPLATES = Path(__file__).parents[2] / "theme" / "templates"


def story(path: str, title: str, **more) -> SimpleNamespace:
    """A story as templates see one: a source path, metadata, and the addresses Pelican works out."""
    return SimpleNamespace(source_path=path, metadata={"title": title}, title=title, url=path.replace(".md", ".html"),
                           save_as=path.replace(".md", ".html"), content=f"<p>{title}</p>", summary=title, **more)


def page_digest(**values) -> str:
    return Digests().page(values)


@pytest.mark.parametrize("first, second", [
    (1, "1"), (1, 1.0), (True, 1), (None, "None"), ([1, 2], [2, 1]), ("物业", "物业 "), ("物业", "物业".encode()),
    (datetime(2026, 11, 24, 8, 0), datetime(2026, 11, 24, 8, 0, tzinfo=timezone.utc)),
    (SafeDatetime(2026, 11, 24, 8, 0, 0), SafeDatetime(2026, 11, 24, 8, 0, 30)),  # a story's date, to the second
    (Markup("<p>物业</p>"), Markup("<p>物业 </p>")),
])
def test_different_values_give_different_digests(first, second):
    assert page_digest(value=first) != page_digest(value=second)


def test_equal_values_count_the_same_whether_or_not_they_are_one_object():
    name = "".join(["物业", "管理"])
    assert page_digest(value=[name, name]) == page_digest(value=[name, "".join(["物业", "管理"])])


def test_a_story_s_text_takes_no_more_memory_once_counted():
    # Pickle would keep a UTF-8 copy of every Chinese text it writes on the text itself (1.5× its size).
    body = "".join(["<p>物业服务企业进驻小区，业主委员会依法履职。</p>"] * 200)
    size = sys.getsizeof(body)
    page_digest(article=story("articles/wuye.md", "健全管理机制", body=body))
    assert sys.getsizeof(body) == size


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


class Stories(list):
    """A list of stories of a plugin's own kind."""


@pytest.mark.parametrize("holder", [Stories, lambda items: OrderedDict((item.title, item) for item in items),
                                    lambda items: Counter({item.title: 1 for item in items})])
def test_a_subclass_of_a_list_or_a_mapping_counts_by_what_it_holds(holder):
    listed = story("articles/fuwu.md", "物业服务提质增效")
    before = page_digest(article=story("articles/wuye.md", "健全管理机制", series=holder([listed])))
    listed.title = "物业服务全覆盖"
    assert page_digest(article=story("articles/wuye.md", "健全管理机制", series=holder([listed]))) != before


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


def listing_page(stories: list, number: int) -> dict:
    """What Pelican's writer gives page `number` of a section listed two stories a page."""
    paginator = Paginator("category/minsheng.html", "category/minsheng.html", stories, DEFAULT_CONFIG, 2)
    return {
        "articles_paginator": paginator,
        "articles_page": paginator.page(number),
        "articles_previous_page": paginator.page(number - 1) if number > 1 else None,
        "articles_next_page": paginator.page(number + 1) if number < paginator.num_pages else None,
    }


SECTION_TITLES = ["健全管理机制", "物业服务提质增效", "全面压实责任", "守牢安全底线", "送医下乡", "文艺演出进社区"]


@pytest.mark.parametrize("number, changes", [(1, False), (2, False), (3, True)])
def test_an_edit_changes_only_the_listing_page_the_story_is_on(number, changes):
    stories = [story(f"articles/{n}.md", title) for n, title in enumerate(SECTION_TITLES)]
    before = page_digest(**listing_page(stories, number))
    stories[5].title = "文艺演出进社区（更正）"
    assert (page_digest(**listing_page(stories, number)) != before) is changes


@pytest.mark.parametrize("number", [1, 2, 3])
def test_a_story_more_changes_every_page_of_its_listing(number):
    """Each page shows the count (共 N 篇) and the number of pages."""
    stories = [story(f"articles/{n}.md", title) for n, title in enumerate(SECTION_TITLES)]
    before = page_digest(**listing_page(stories, number))
    assert page_digest(**listing_page([*stories, story("articles/6.md", "秸秆禁烧")], number)) != before


@pytest.mark.parametrize("template", ["category.html", "tag.html", "author.html", "index.html", "period_archives.html", "archives.html"])
def test_no_listing_template_names_a_list_of_every_story(template):
    """A listing that named the whole list (even for its length) would change with any story's edit."""
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(THEME_TEMPLATES))
    env.filters["asset"] = str  # the fingerprint plugin's filter; only its name matters here
    assert names_used(env, template).isdisjoint({"articles", "dates", "period_archives", "all_articles"})


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


def test_a_page_is_linked_into_the_new_site_only_as_the_last_build_left_it(tmp_path):
    old, new = tmp_path / "output", tmp_path / ".output.building"
    page = old / "2026/11/wuye.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>健全管理机制</h1>", encoding="utf-8")
    record = {"2026/11/wuye.html": ["abc", file_stamp(page)]}
    assert not link_into(record, old, new, "2026/11/wuye.html", "other inputs")
    assert not link_into(record, old, new, "2026/11/fuwu.html", "abc")
    assert link_into(record, old, new, "2026/11/wuye.html", "abc")
    assert (new / "2026/11/wuye.html").stat().st_ino == page.stat().st_ino  # the same file: no bytes copied
    (new / "2026/11/wuye.html").unlink()
    page.with_name("new").write_text("<h1>预览</h1>", encoding="utf-8")
    page.with_name("new").replace(page)  # written over, as the live preview does
    assert not link_into(record, old, new, "2026/11/wuye.html", "abc")
    assert not (new / "2026/11/wuye.html").exists()


def test_the_record_is_kept_for_the_same_theme_plugins_and_settings_only(tmp_path):
    path = tmp_path / "cache/pages.json"
    save(path, "salt-1", {"index.html": ["abc", [10, 1, 2]]})
    assert load(path, "salt-1") == {"index.html": ["abc", [10, 1, 2]]}
    assert load(path, "salt-2") == {}
    path.write_text("not json", encoding="utf-8")
    assert load(path, "salt-1") == {}


def test_the_writer_never_writes_through_a_page_linked_from_the_last_build(tmp_path, monkeypatch):
    from pelican.writers import FileOverwriteFailedError

    from plugins.incremental import plugin

    old, new = tmp_path / "output", tmp_path / ".output.building"
    page = old / "tag/index.html"
    page.parent.mkdir(parents=True)
    page.write_text("<h1>标签</h1>", encoding="utf-8")
    monkeypatch.setattr(plugin.BUILD, "output", old.resolve(), raising=False)
    monkeypatch.setattr(plugin.BUILD, "linked", set(), raising=False)
    writer = plugin.LinkedPagesWriter(str(new), settings={})
    linked = os.path.abspath(new / "tag/index.html")
    (new / "tag").mkdir(parents=True)
    os.link(page, linked)
    plugin.BUILD.linked.add(linked)
    with writer._open_w(linked, "utf-8") as file:  # the page itself: nothing written
        file.write("")
    with pytest.raises(FileOverwriteFailedError):  # written again without override: refused, as Pelican does
        writer._open_w(linked, "utf-8")
    assert os.path.samefile(page, linked)
    with writer._open_w(linked, "utf-8", override=True) as file:  # written again with override: a file of its own
        file.write("<h1>新</h1>")
    assert page.read_text(encoding="utf-8") == "<h1>标签</h1>"
    assert Path(linked).read_text(encoding="utf-8") == "<h1>新</h1>"
