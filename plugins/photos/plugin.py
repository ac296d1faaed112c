"""Pelican glue: every content image becomes upright, metadata-free derivatives in a <picture>.

content_object_init plans each photo (checks, size, cache key), rewrites the HTML and keeps the
plan on the item (`photo_jobs`, and the photo files in `read_also`, so a story kept from the last
build is read again when a photo changes). Once every item is read, the plans are gathered and the
missing derivatives made in worker processes on every core but one, while the build writes pages
on that one; a small generator then makes what is left on both (the build taking the last ones;
making.py), and copies every derivative into the output. The originals are taken out of the
static files, so no GPS position is ever published.
"""

import functools
import html
import logging
import os
import posixpath
import time
from pathlib import Path

from bs4 import BeautifulSoup
from pelican import signals
from pelican.contents import Article, Page

from plugins.core import startup
from plugins.core.errors import bad_setting

from .cache import PhotoCache, photo_key, planned
from .caption import split_credit
from .figure import Photo, figure_html, rewrite_images
from .images import (
    IMAGE_SUFFIXES,
    PhotoProblem,
    checked_size,
    missing_hint,
    resolve_src,
)
from .making import Making
from .pipeline import make_into_cache
from .settings import merged, recipe

logger = logging.getLogger(__name__)


class Build:
    """This build's photo settings, and each photo checked so far: a photo used twice is read once."""

    making: Making | None = None  # derivatives being made while pages are written

    def start(self, settings: dict) -> None:
        self.settings = merged(settings)
        self.recipe = recipe(self.settings)
        self.cache = PhotoCache(Path(self.settings["PHOTOS_CACHE_PATH"]))
        self.keys: dict[Path, tuple[tuple[int, int], str]] = {}
        self.seconds = 0.0  # the build's own time on photos: checking, hashing, waiting, making and copying

    def stop_making(self) -> None:
        """Let the workers go (a build stopped half way leaves none behind)."""
        if self.making is not None:
            self.making.stop()
        self.making = None

    def plan(self, path: Path, content_root: Path, jobs: dict) -> Photo:
        """Check a photo, plan its derivatives into `jobs` (key → file, derivatives); raise PhotoProblem when it cannot be published."""
        started = time.perf_counter()
        if path not in self.keys:
            size = checked_size(path, content_root, self.settings["PHOTOS_MAX_PIXELS"])
            self.keys[path] = size, photo_key(path, self.recipe)
        size, key = self.keys[path]
        self.seconds += time.perf_counter() - started
        derivatives = planned(path.stem, key, size, self.recipe, self.settings["PHOTOS_OUTPUT_DIR"])
        named = jobs.setdefault(key, (path, []))[1]  # the same bytes under two names: both published
        named.extend(d for d in derivatives if d not in named)
        jpegs = [d for d in derivatives if d.format == "jpeg"]
        fallback = max((d for d in jpegs if d.width <= self.settings["PHOTOS_FALLBACK_WIDTH"]), key=lambda d: d.width, default=jpegs[0])
        return Photo(fallback.path, "", "", "", fallback.width, fallback.height, tuple(derivatives), self.settings["PHOTOS_SIZES"])


BUILD = Build()


def start_build(pelican) -> None:
    """Check the PHOTOS_* settings at start-up and forget the previous build's photos."""
    BUILD.stop_making()
    try:
        BUILD.start(pelican.settings)
    except ValueError as error:
        raise bad_setting(error) from None


def url_maker(content):
    """Turn a path from the site root into a URL as this page needs it (relative or absolute).

    The page's own address is worked out at the first photo: Pelican formats it anew on each
    use (0.1 ms), and nineteen stories in twenty have no photo."""

    @functools.cache
    def base() -> str:
        if content.settings["RELATIVE_URLS"]:
            return posixpath.relpath(".", posixpath.dirname(content.url) or ".")
        return content.settings["SITEURL"]

    return lambda path: f"{base()}/{path}"


def unwritten_draft(content) -> bool:
    """A draft in a build that writes no drafts (publishconf.py): its photos, placeholders or not, are not published."""
    save_as = "DRAFT_PAGE_SAVE_AS" if isinstance(content, Page) else "DRAFT_SAVE_AS"
    return getattr(content, "status", "") == "draft" and not content.settings.get(save_as)


def build_photos(content) -> None:
    """Rewrite the body's images as published photos; a photo item's body becomes its photo.

    `first_photo` is the photo lists and the home page show beside the story: a photo item's own,
    else the body's first (None without one)."""
    if not isinstance(content, (Article, Page)) or unwritten_draft(content):
        return
    where = content.relative_source_path
    content_root = Path(content.settings["PATH"])
    source_dir = Path(content.source_path).parent
    url = url_maker(content)
    jobs: dict[str, tuple[Path, list]] = {}
    found: list[Photo] = []

    def photo_for(img):
        path = resolve_src(img.get("src", ""), source_dir, content_root)
        if path is None:
            return None
        try:
            photo = BUILD.plan(path, content_root, jobs)
        except PhotoProblem as problem:
            logger.error("%s: 错误: 图片 %s：%s%s", where, img.get("src"), problem, missing_hint(img.get("src", ""), source_dir, content_root))
            return None
        caption = split_credit(img.attrs.pop("title", ""))
        check_words(where, img.get("src"), img.get("alt", ""), caption.text or caption.credit)
        found.append(Photo(**{**photo.__dict__, "alt": img.get("alt", ""), "caption": caption.text, "credit": caption.credit}))
        return found[-1]

    if content._content:
        content._content = rewrite_images(content._content, photo_for, url)
    # The story's picture in lists and on the home page: rewrite_images asks for the photos standing
    # on their own (figures) first, in the body's order, then for those inside text.
    content.first_photo = found[0] if found else None
    if "photo" in content.metadata:
        photo_item(content, content_root, url, jobs)
        content.first_photo = content.photo
    content.photo_jobs = jobs
    content.read_also = sorted({str(source) for source, _ in jobs.values()})


def photo_item(content, content_root: Path, url, jobs: dict) -> None:
    """A photo news item: the photo from `Photo:`, its caption the body's text, then any more photos."""
    where = content.relative_source_path
    name = content.metadata["photo"].strip()
    content.photo = None  # Pelican set it to the field's text; it is a Photo only once it is planned
    soup = BeautifulSoup(content._content or "", "html.parser")
    more = [node.extract() for node in soup.find_all(["figure", "div"], recursive=False)]
    caption = split_credit(soup.get_text("\n"))
    alt = content.metadata.get("alt", "").strip()
    check_words(where, name, alt, caption.text or caption.credit, field="Photo")
    try:
        planned_photo = BUILD.plan(content_root / name.lstrip("/"), content_root, jobs)
    except PhotoProblem as problem:
        logger.error("%s: 错误: Photo 字段的图片 %s：%s", where, name, problem)
        return
    content.photo = Photo(**{**planned_photo.__dict__, "alt": alt, "caption": caption.text, "credit": caption.credit})
    content._content = figure_html(content.photo, url, lazy=False) + "".join(str(node) for node in more)
    content.metadata.setdefault("summary", html.escape(caption.text))


def check_words(where: str, image: str, alt: str, caption: str, field: str = "") -> None:
    """Warn about a photo without alt text or caption (a publish build fails on warnings)."""
    hint = "Alt 字段" if field else "方括号里的文字"
    if not alt.strip():
        logger.warning("%s: 警告: 图片 %s 缺少替代文字，请填写%s (photo has no Alt text)", where, image, hint)
    if not caption.strip():
        where_caption = "正文即说明" if field else "引号里写说明"
        logger.warning("%s: 警告: 图片 %s 缺少图片说明，%s (photo has no caption)", where, image, where_caption)


def keep_originals_private(generator) -> None:
    """Take original photos out of the static files, unless PHOTOS_PUBLISH_ORIGINALS asks for them."""
    if BUILD.settings["PHOTOS_PUBLISH_ORIGINALS"]:
        return
    generator.staticfiles[:] = [s for s in generator.staticfiles if Path(s.source_path).suffix.lower() not in IMAGE_SUFFIXES]


def jobs_of(items) -> dict[str, tuple[Path, list, set[str]]]:
    """The photos the items planned, each with the items that use it: key → (file, derivatives, users)."""
    jobs: dict[str, tuple[Path, list, set[str]]] = {}
    for item in items:
        for key, (source, derivatives) in getattr(item, "photo_jobs", {}).items():
            _, named, users = jobs.setdefault(key, (source, [], set()))
            named.extend(d for d in derivatives if d not in named)  # one photo's bytes under each of its names
            users.add(item.relative_source_path)
    return jobs


def start_making(generators) -> None:
    """Every item is read: start making the missing derivatives while the build writes pages."""
    started = time.perf_counter()
    generated = generators[0].context.get("generated_content", {})  # the context every generator shares
    missing = {key: job for key, job in jobs_of(generated.values()).items() if not BUILD.cache.has(key, job[1])}
    if missing:
        BUILD.cache.root.mkdir(parents=True, exist_ok=True)
        workers = BUILD.settings["PHOTOS_WORKERS"] or max(1, (os.cpu_count() or 1) - 1)
        calls = {key: call_of(key, source) for key, (source, _, _) in missing.items()}
        BUILD.making = Making(make_into_cache, calls, min(workers, len(missing)))
    BUILD.seconds += time.perf_counter() - started


def call_of(key: str, source: Path) -> tuple:
    """make_into_cache's arguments for one photo."""
    return source, BUILD.recipe, BUILD.cache.folder(key)


class PhotoGenerator:
    """Finishes the derivatives being made (the build taking those not started yet), then publishes them all."""

    def __init__(self, context, settings, path, theme, output_path, *args, **kwargs) -> None:
        self.context = context
        self.content_root = path
        self.output_path = Path(output_path)

    def generate_context(self) -> None:
        """Nothing to read: photos are planned while articles are read."""

    def generate_output(self, writer) -> None:
        """Wait for what is being made, report what failed, copy every derivative into the output."""
        started = time.perf_counter()
        jobs = jobs_of(self.context.get("generated_content", {}).values())
        try:
            errors = BUILD.making.finish() if BUILD.making else {}  # photo → its error, or None: made
        finally:
            BUILD.stop_making()
        late = {key: job for key, job in jobs.items() if key not in errors and not BUILD.cache.has(key, job[1])}
        errors.update((key, make_into_cache(*call_of(key, source))) for key, (source, _, _) in late.items())
        for key, error in sorted(errors.items()):
            if error and key in jobs:
                source, _, users = jobs[key]
                shown = os.path.relpath(source, self.content_root)  # as the editor names it: images/x.jpg
                logger.error("%s: 错误: 图片 %s 无法处理，文件可能已损坏 (cannot process photo: %s)", "、".join(sorted(users)), shown, error)
        for key, (source, derivatives, _) in sorted(jobs.items()):
            if not errors.get(key):
                BUILD.cache.publish(key, derivatives, self.output_path)
        BUILD.seconds += time.perf_counter() - started
        made, reused = len(errors), len(jobs) - len(errors)
        logger.info("照片：新处理 %d 张，沿用缓存 %d 张，用时 %.2f 秒 (photos: %d made, %d from cache, %.2f s)", made, reused, BUILD.seconds, made, reused, BUILD.seconds)


def add_generator(pelican):
    """Pelican asks plugins for extra generators."""
    return PhotoGenerator


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(start_build)
    signals.content_object_init.connect(build_photos)
    signals.static_generator_finalized.connect(keep_originals_private)
    signals.all_generators_finalized.connect(start_making)
    signals.get_generators.connect(add_generator)
