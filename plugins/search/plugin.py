"""Pelican glue: each article's body text while it is read (kept with the story between builds), and
after the articles are written, the search index under /search/<version>/ and its engine, which
names that version, at /search/engine.js."""

import logging
import shutil
import time
from pathlib import Path

from pelican import signals
from pelican.contents import Article

from plugins.core import startup
from plugins.core.errors import BuildError
from plugins.core.settings import settings_check

from .document import Story, body_text
from .files import IndexFiles, engine_for, index_key, search_files, version_of
from .kept import (
    code_stamp,
    files_listed,
    forget_all_but,
    keep,
    last_kept,
    place,
    version_kept,
    write_files,
)
from .normalise import clean
from .settings import merged

logger = logging.getLogger(__name__)
ENGINE = Path(__file__).with_name("engine.js")
MADE_BY = code_stamp(Path(__file__).parent)


def keep_body_text(content) -> None:
    """`search_text`: the body's text, once the body is final (photos and editorial run first)."""
    if isinstance(content, Article):
        content.search_text = body_text(content._content)  # links resolved later change no text


def story_of(article) -> Story:
    """What the index holds of one published article."""
    category = getattr(article, "category", None)
    metadata = article.metadata
    fields = (
        clean(metadata.get("kicker", "")),
        clean(metadata.get("subtitle", "")),
        article.search_text,  # clean already, and the longest: not copied for every story
        clean(getattr(article, "byline", "") or metadata.get("byline", "")),
        clean(" ".join(tag.name for tag in getattr(article, "tags", []))),
    )
    return Story(
        url=article.url,
        title=clean(article.title),
        date=article.date.isoformat(),
        section=category.name if category else "",
        fields=tuple(field for field in fields if field),
    )


def write_index(generator, writer) -> None:
    """Put the index (made now, or kept from the last build when the stories are the same) under
    /search/<version>/ and /search/engine.js, which names that version, into the output."""
    started = time.perf_counter()
    settings = merged(generator.settings)
    stories, shard_bytes = [story_of(article) for article in generator.articles], settings["SEARCH_SHARD_BYTES"]
    root, key = Path(settings["SEARCH_CACHE_PATH"]), index_key(stories, shard_bytes, MADE_BY)
    files = None
    if not (root / key).is_dir():
        files = made_index(stories, shard_bytes)
        keep(root / key, files, like=last_kept(root, key))
        forget_all_but(root, key)
    search_root = Path(writer.output_path) / "search"
    shutil.rmtree(search_root, ignore_errors=True)  # an output built into again keeps no earlier build's index
    version = placed_index(root / key, search_root)
    if version is None:  # removed meanwhile by another build sharing the cache
        shutil.rmtree(search_root, ignore_errors=True)
        files = files or made_index(stories, shard_bytes)
        version = version_of(files["index.json"])
        write_files(search_root / version, files)
    manifest = (search_root / version / "index.json").read_bytes()
    (search_root / "engine.js").write_text(engine_for(ENGINE.read_text(encoding="utf-8"), manifest), encoding="utf-8")
    logger.info(
        "搜索索引 (search index): %d 篇, %d 个文件, %s, %.2f s",
        len(stories), files_listed(search_root / version), "新建 (made)" if files is not None else "沿用上次 (kept)", time.perf_counter() - started,
    )


def made_index(stories: list[Story], shard_bytes: int) -> IndexFiles:
    """The index's files made from `stories`; a build error if they cannot be."""
    try:
        return search_files(stories, shard_bytes)
    except ValueError as error:  # more sections than the index can mark
        raise BuildError(str(error)) from None


def placed_index(kept: Path, search_root: Path) -> str | None:
    """Put the index kept in `kept` under `search_root`/<its version>/ and return the version;
    None when it could not be placed whole."""
    version = version_kept(kept)
    if version is not None and place(kept, search_root / version, files_listed(kept)):
        return version
    return None


check_settings = settings_check(merged)  # at start-up, not half way: a bad value stops the build in one line


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(check_settings)
    signals.content_object_init.connect(keep_body_text)
    signals.article_writer_finalized.connect(write_index)
