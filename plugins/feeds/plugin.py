"""Pelican glue: feed entries titled with the headline as the editor wrote it.

Pelican's writer titles each entry `Markup(item.title).striptags()`, which reads the title as
HTML: 演唱 <<我和我的祖国>> loses its book title and `<script>…` its words. Titles are text
here (templates escape them), so the feed gets the text; the feed library escapes it for XML.
"""

from markupsafe import escape
from pelican import signals
from pelican.writers import Writer


class TitleAsText:
    """An article or page whose `title`, read as HTML and stripped of tags, gives back the text."""

    def __init__(self, item) -> None:
        self._item = item
        self.title = escape(item.title)

    def __getattr__(self, name: str):
        return getattr(self._item, name)


class NewsroomWriter(Writer):
    """Pelican's writer, with entry titles kept as text."""

    def _add_item_to_the_feed(self, feed, item):
        return super()._add_item_to_the_feed(feed, TitleAsText(item))


def newsroom_writer(pelican) -> type[Writer]:
    """The writer class for this build."""
    return NewsroomWriter


def register() -> None:
    """Connect the handler."""
    signals.get_writer.connect(newsroom_writer)
