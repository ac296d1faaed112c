"""The files of the search index: a manifest, the shards, one small file per story, served from
/search/<version>/, a folder named by their content, beside the engine (/search/engine.js) that names it."""

import hashlib
import json
from collections.abc import Iterator, Mapping, Sequence
from itertools import chain

from .document import TITLE_SPAN, Story, laid_out
from .encode import encoded_groups, shards
from .index import grouped_occurrences

FORMAT = 1
# One character per story names its section in the manifest; 62 sections is far more than a news site has.
SECTION_MARKS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


def in_id_order(stories: Sequence[Story]) -> list[Story]:
    """Oldest first, so a new story takes the next id and older stories keep theirs (and their files)."""
    return sorted(stories, key=lambda story: (story.date, story.url))


def index_key(stories: Sequence[Story], target_shard_bytes: int, made_by: str = "") -> str:
    """What the index files are made from, as a short key: the same stories (in any order), shard
    size and code (`made_by`: kept.code_stamp) give the same files, so the same key."""
    digest = hashlib.blake2b(f"{FORMAT} {TITLE_SPAN} {target_shard_bytes} {made_by}".encode(), digest_size=12)
    for story in in_id_order(stories):
        digest.update(json.dumps(story, ensure_ascii=False).encode() + b"\n")
    return digest.hexdigest()


def story_file(story: Story) -> bytes:
    """What the browser fetches to show a hit: address, title, date, section and the text for a snippet."""
    record = {"url": story.url, "title": story.title, "date": story.date, "section": story.section, "fields": list(story.fields)}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def years(stories: Sequence[Story]) -> list[list[int]]:
    """[year, first id, last id] for each year, in id order (ids are in date order)."""
    spans: dict[int, list[int]] = {}
    for story_id, story in enumerate(stories):
        year = int(story.date[:4])
        spans.setdefault(year, [year, story_id, story_id])[2] = story_id
    return list(spans.values())


class IndexFiles(Mapping):
    """Every file of the index by its path in its folder: the shards and the manifest held, each
    story's file made when it is asked for. At 10,000 stories the story files are 13 MB that a
    build writes once and never needs together."""

    def __init__(self, held: dict[str, bytes], ordered: Sequence[Story]) -> None:
        self.held = held
        self.stories = {f"stories/{story_id}.json": story for story_id, story in enumerate(ordered)}

    def __getitem__(self, path: str) -> bytes:
        story = self.stories.get(path)
        return self.held[path] if story is None else story_file(story)

    def __iter__(self) -> Iterator[str]:
        return chain(self.held, self.stories)

    def __len__(self) -> int:
        return len(self.held) + len(self.stories)


def content_version(files: Mapping[str, bytes], described: dict) -> str:
    """The index's version, 12 hex: a digest of every file and of what the manifest says of them
    (`described`, all of it but the version). It names the folder the files are served from, so
    it changes whenever any of their bytes do, the manifest's format and title span too, which
    the shards alone need not show."""
    digest = hashlib.sha1()
    for path in sorted(files):
        digest.update(path.encode() + b"\0" + files[path])
    digest.update(b"index.json\0" + json.dumps(described, ensure_ascii=False, sort_keys=True).encode("utf-8"))
    return digest.hexdigest()[:12]


def version_of(manifest_bytes: bytes) -> str:
    """The version a manifest names: its index's folder under /search/."""
    return json.loads(manifest_bytes)["version"]


def search_files(stories: Sequence[Story], target_shard_bytes: int) -> IndexFiles:
    """Every file of the index by its path in its folder; the same stories give the same bytes."""
    ordered = in_id_order(stories)
    sections = sorted({story.section for story in ordered if story.section})
    if len(sections) > len(SECTION_MARKS):
        raise ValueError(f"搜索索引最多支持 {len(SECTION_MARKS)} 个栏目 (at most {len(SECTION_MARKS)} sections)")
    groups = grouped_occurrences([laid_out(story.title, story.fields) for story in ordered])  # texts not held here
    index_shards = shards(encoded_groups(groups), target_shard_bytes)
    files = IndexFiles({f"shards/{number}.bin": shard for number, shard in enumerate(index_shards)}, ordered)
    described = {
        "titleSpan": TITLE_SPAN,
        "shards": len(index_shards),
        "stories": len(ordered),
        "sections": sections,
        "storySections": "".join(SECTION_MARKS[sections.index(s.section)] if s.section else "-" for s in ordered),
        "years": years(ordered),
    }
    manifest = {"format": FORMAT, "version": content_version(files, {"format": FORMAT, **described}), **described}
    files.held["index.json"] = json.dumps(manifest, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return files


def engine_for(engine_source: str, manifest_bytes: bytes) -> str:
    """The engine as served: what a query needs of the manifest written in (the version, which
    names the folder it reads the index from, so an engine only ever reads its own build's index;
    the shard count, so a query waits for one request less), and without its comment lines, which
    are a quarter of what it would send."""
    manifest = json.loads(manifest_bytes)
    build = {key: manifest[key] for key in ("version", "shards", "titleSpan")}
    placeholder = "const BUILD = /* build */ null;"
    if placeholder not in engine_source:
        raise ValueError("engine.js has lost its BUILD line")
    return without_comment_lines(engine_source.replace(placeholder, f"const BUILD = {json.dumps(build)};"))


def without_comment_lines(source: str) -> str:
    """JavaScript without its whole-line comments: lines that start with // and blocks that start a
    line with /* (the engine's own style; comments after code stay, as does every line of code)."""
    kept, in_block = [], False
    for line in source.splitlines(keepends=True):
        text = line.strip()
        if in_block or text.startswith("/*"):
            in_block = not text.endswith("*/")
        elif not text.startswith("//"):
            kept.append(line)
    return "".join(kept)
