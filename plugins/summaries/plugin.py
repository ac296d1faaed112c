"""Pelican glue: a summary counted in characters and a reading time for every article and page."""

import html

from pelican import signals
from pelican.contents import Article, Page

from plugins.core import startup
from plugins.core.settings import settings_check

from .body import body_text
from .reading import reading_minutes
from .settings import merged
from .summary import plain_text, summary_of


def summarise_content(content) -> None:
    """Set the summary (unless the editor wrote one) and `reading_minutes` from the body."""
    if not isinstance(content, (Article, Page)):
        return
    settings = merged(content.settings)
    text = body_text(content._content or "")
    # Pelican returns metadata["summary"] as the summary and keeps it through link refreshing.
    # An editor's Summary is Markdown rendered to HTML by Pelican: keep only its text, so no
    # markup an editor typed reaches the feeds or the meta description alive.
    if "summary" in content.metadata:
        content.metadata["summary"] = html.escape(plain_text(content.metadata["summary"]))
    else:
        content.metadata["summary"] = html.escape(summary_of(text, settings["SUMMARIES_MAX_CHARS"]))
    content.reading_minutes = reading_minutes(
        text.full, settings["SUMMARIES_CHARS_PER_MINUTE"], settings["SUMMARIES_WORDS_PER_MINUTE"]
    )


check_settings = settings_check(merged)  # at start-up, not half way: a bad value stops the build in one line


def register() -> None:
    """Connect the handlers; photos runs first, so captioned images are figures already."""
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(summarise_content)
