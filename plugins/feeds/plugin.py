"""Pelican glue: feed entries titled with the headline as the editor wrote it.

Pelican's writer titles each entry `Markup(item.title).striptags()`, which reads the title as
HTML: 演唱 <<我和我的祖国>> loses its book title and `<script>…` its words. Titles are text
here (templates escape them), so once a feed is made (feed_generated, before it is written)
each entry gets its story's title back; the feed library escapes it for XML.
"""

from pelican import signals

from plugins.core import startup

from .entries import address_in


def titles_as_text(context: dict, feed) -> None:
    """Give each entry of a feed the title of the story or page it links to, as text."""
    published = [item for name in ("articles", "pages") for item in context.get(name, ())]
    titles = {item.url: item.title for story in published for item in (story, *getattr(story, "translations", ()))}
    for entry in feed.items:
        address = address_in(entry["link"], titles)
        if address is not None:
            entry["title"] = titles[address]


def register() -> None:
    """Connect the handler."""
    startup.connect()
    signals.feed_generated.connect(titles_as_text)
