"""What a template may read of the values a page is given without going past the page digest, and
that the wrappers it is checked with render exactly as the values they wrap."""

from collections import namedtuple
from types import SimpleNamespace

import jinja2
import pytest

from plugins.incremental.tripwire import given, read_past


class Story(SimpleNamespace):
    """A story as the digest knows one: it has a source path and metadata."""


class Tag(SimpleNamespace):
    """A tag as Pelican's URLWrapper: named, with an address."""

    def as_dict(self):
        return vars(self)


Pair = namedtuple("Pair", "story weight")


def stories():
    far = Story(source_path="c.md", metadata={}, title="秸秆禁烧", url="c.html", related=[])
    near = Story(source_path="b.md", metadata={}, title="法治调研", url="b.html", related=[far])
    tag = Tag(_name="物业管理", name="物业管理", slug="wuye", url="tag/wuye/", save_as="tag/wuye/index.html", page_name="tag/wuye/", colour="红")
    own = Story(source_path="a.md", metadata={"kicker": "物业管理全覆盖"}, title="健全管理机制", url="a.html", related=[near], tags=[tag],
                pairs=[Pair(near, 2)])
    return own, near


WITHIN = [
    "{{ article.title }}",
    "{{ article.metadata.kicker }}",
    "{% for other in article.related %}<a href='{{ other.url }}'>{{ other.title }}</a>{% endfor %}",
    "{{ article.related|length }} {{ other.related|length }}",
    "{% for other in article.related %}{% if other.related %}有相关{% endif %}{% endfor %}",
    "{% for tag in article.tags %}{{ tag.name }} {{ tag.url }}{% endfor %}",
    "{{ articles|map(attribute='title')|join('、') }}",
    "{% for a in articles|sort(attribute='title') %}{{ a.title }}{% endfor %}",
    "{% if article in articles %}在列表中{% endif %}{{ article == articles[0] }}",
    "{% for pair in article.pairs %}{{ pair.story.title }} {{ pair.weight }}{% endfor %}",
]
PAST = [
    ("{% for other in article.related %}{% for far in other.related %}{{ far.title }}{% endfor %}{% endfor %}", "title"),
    ("{{ articles[1].related[0].url }}", "url"),
    ("{% for a in articles %}{{ a.related[0].title }}{% endfor %}", "title"),
    ("{{ article.related[0].related[0] }}", "__html__"),  # autoescape asks for it first
    ("{% for tag in article.tags %}{{ tag.colour }}{% endfor %}", "colour"),
    ("{% for pair in article.pairs %}{{ pair.story.related[0].title }}{% endfor %}", "title"),
]


def context():
    own, near = stories()
    return {"article": own, "other": near, "articles": [own, near]}


@pytest.mark.parametrize("source", WITHIN)
def test_reading_what_the_digest_records_trips_nothing_and_renders_the_same(source):
    template = jinja2.Environment(autoescape=True).from_string(source)
    names = frozenset(context())
    assert read_past(template, names, context()) == []
    trips: list[str] = []
    assert template.render({key: given(key, value, trips) for key, value in context().items()}) == template.render(context())
    assert trips == []


@pytest.mark.parametrize("source, read", PAST)
def test_reading_past_the_digest_is_noted(source, read):
    template = jinja2.Environment(autoescape=True).from_string(source)
    trips = read_past(template, frozenset(context()), context())
    assert trips and trips[0].endswith(read)
