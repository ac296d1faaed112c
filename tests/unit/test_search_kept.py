"""The search index kept between builds: under a key of what it was made from, placed into the
output by hard links, and never placed half."""

import json

import pytest
from plugins.search.document import Story
from plugins.search.files import index_key, search_files
from plugins.search.kept import code_stamp, files_listed, forget_all_but, keep, last_kept, place, version_kept

STORIES = [
    Story("2026/11/wuye.html", "健全管理机制 破解治理难题", "2026-11-24T08:00:00+08:00", "要闻", ("物业管理全覆盖",)),
    Story("2025/06/fuwu.html", "物业服务提质增效", "2025-06-10T09:00:00+08:00", "民生", ("小区物业企业加强日常管理。",)),
    Story("2026/11/tupian.html", "邻里节上的歌声", "2026-11-23T16:00:00+08:00", "图片新闻", ("居民合唱。\n本报通讯员 高欣 摄",)),
]
EDITED = [STORIES[0], STORIES[1]._replace(fields=("小区物业企业加强日常管理和服务。",)), STORIES[2]]


@pytest.mark.parametrize("first, second, same", [
    ((STORIES, 8192), (list(reversed(STORIES)), 8192), True),  # the order stories come in does not matter
    ((STORIES, 8192), (EDITED, 8192), False),  # one story's text
    ((STORIES, 8192), (STORIES[:2], 8192), False),  # a story fewer
    ((STORIES, 8192), (STORIES, 4096), False),  # the shard size
    ((STORIES, 8192, "code a"), (STORIES, 8192, "code b"), False),  # the code that makes the files
])
def test_the_key_is_what_the_files_are_made_from(first, second, same):
    assert (index_key(*first) == index_key(*second)) is same


@pytest.fixture
def kept(tmp_path):
    folder = tmp_path / "cache/search" / index_key(STORIES, 8192)
    keep(folder, search_files(STORIES, 8192))
    return folder


def test_a_kept_index_is_placed_by_hard_links(kept, tmp_path):
    target = tmp_path / "output/search"
    assert files_listed(kept) == 5  # the manifest, one shard, three stories
    assert place(kept, target, files_listed(kept))
    assert (target / "stories/1.json").stat().st_ino == (kept / "stories/1.json").stat().st_ino
    assert (target / "index.json").read_bytes() == search_files(STORIES, 8192)["index.json"]


def test_a_kept_index_names_the_version_it_is_served_under(kept):
    assert version_kept(kept) == json.loads(search_files(STORIES, 8192)["index.json"])["version"]


@pytest.mark.parametrize("manifest", [None, b"", b'{"format": 1', b"[]", b'{"format": 1}'])
def test_a_kept_index_without_a_readable_manifest_names_no_version(kept, manifest):
    if manifest is None:
        (kept / "index.json").unlink()
    else:
        (kept / "index.json").write_bytes(manifest)
    assert version_kept(kept) is None


def test_an_index_missing_a_file_is_not_placed(kept, tmp_path):
    (kept / "stories/2.json").unlink()
    assert not place(kept, tmp_path / "output/search", files_listed(kept))


def test_an_index_removed_by_another_build_is_not_placed(kept, tmp_path):
    forget_all_but(kept.parent, "another key")
    assert not kept.exists()
    assert not place(kept, tmp_path / "output/search", files_listed(kept))


def test_keeping_what_another_build_kept_first_leaves_its_files(kept):
    before = (kept / "index.json").stat().st_ino
    keep(kept, search_files(STORIES, 8192))
    assert (kept / "index.json").stat().st_ino == before
    assert sorted(path.name for path in kept.parent.iterdir()) == [kept.name]  # no half-written folder left


def test_a_new_index_links_the_files_it_shares_with_the_last_and_writes_the_rest(kept):
    edited = kept.parent / index_key(EDITED, 8192)
    assert last_kept(kept.parent, edited.name) == kept
    keep(edited, search_files(EDITED, 8192), like=kept)
    assert (edited / "stories/2.json").stat().st_ino == (kept / "stories/2.json").stat().st_ino  # untouched story
    assert (edited / "stories/0.json").stat().st_ino != (kept / "stories/0.json").stat().st_ino  # the edited one (oldest: id 0)
    assert {str(p.relative_to(edited)): p.read_bytes() for p in edited.rglob("*") if p.is_file()} == search_files(EDITED, 8192)


def test_the_code_stamp_changes_with_any_of_the_plugins_files(tmp_path):
    (tmp_path / "normalise.py").write_text("FORM = 'NFKC'\n", encoding="utf-8")
    before = code_stamp(tmp_path)
    (tmp_path / "normalise.py").write_text("FORM = 'NFC'\n", encoding="utf-8")
    assert code_stamp(tmp_path) != before
