"""The kept stories: an item comes back as it was read, with this build's settings and context, only
while every file it was read from is unchanged; a new salt forgets them all; an unusable file is
never a failed build."""

import os
import sys

import pytest
from plugins.incremental.stories import Shelf, stamps_of


class Story:
    """Shaped like a Pelican item: its own fields, and the build's settings and context."""

    def __init__(self, title, settings, context):
        self.title, self.settings, self._context = title, settings, context
        self.people = [("常欣月", "记者")]


@pytest.fixture
def files(tmp_path):
    story = tmp_path / "wuye-guanli.md"
    story.write_text("Title: 健全管理机制 破解治理难题\n", encoding="utf-8")
    photo = tmp_path / "wuye.jpg"
    photo.write_bytes(b"\xff\xd8 a photo")
    return story, photo


def shelf(tmp_path, salt="salt-1", settings=None, context=None):
    shared = {"settings": settings if settings is not None else {"SITENAME": "铁东新闻网"}, "context": context if context is not None else {}}
    return Shelf(tmp_path / "cache" / "stories.sqlite", salt, shared)


def keep(tmp_path, files, **options):
    first = shelf(tmp_path, **options)
    item = Story("健全管理机制 破解治理难题", first.shared["settings"], first.shared["context"])
    first.put("Article:wuye", stamps_of(files), item)
    first.get("Article:wuye")
    first.close()


def test_an_item_comes_back_with_this_builds_settings_and_context(tmp_path, files):
    keep(tmp_path, files)
    settings, context = {"SITENAME": "新的设置"}, {"articles": []}
    story = shelf(tmp_path, settings=settings, context=context).get("Article:wuye")
    assert story.title == "健全管理机制 破解治理难题" and story.people == [("常欣月", "记者")]
    assert story.settings is settings and story._context is context


def test_a_kept_story_s_text_comes_back_whole_and_takes_no_more_memory_for_being_kept(tmp_path, files):
    first = shelf(tmp_path)
    item = Story("健全管理机制 破解治理难题", first.shared["settings"], first.shared["context"])
    item.body = "".join(["<p>物业服务企业进驻小区，业主委员会依法履职。</p>"] * 200)
    item.url, item.raw, item.odd = "2026/11/wuye-guanli.html", "物业".encode(), "物业\ud800"  # a lone surrogate, as pickle allows
    size = sys.getsizeof(item.body)
    first.put("Article:wuye", stamps_of(files), item)
    assert sys.getsizeof(item.body) == size  # pickle would keep a UTF-8 copy on the text: 1.5× its size
    first.get("Article:wuye")  # asked for by this build, so kept
    first.close()
    story = shelf(tmp_path).get("Article:wuye")
    assert (story.body, story.url, story.raw, story.odd, story.people) == (item.body, item.url, item.raw, item.odd, item.people)
    assert type(story.body) is str and type(story.raw) is bytes


@pytest.mark.parametrize(
    "change",
    [
        pytest.param(lambda story, photo: story.write_text("Title: 新标题\n", encoding="utf-8"), id="story edited"),
        pytest.param(lambda story, photo: photo.write_bytes(b"\xff\xd8 another photo"), id="photo replaced"),
        pytest.param(lambda story, photo: photo.unlink(), id="photo deleted"),
        pytest.param(lambda story, photo: story.write_text("Title: 健全管理机制 破解治理难局\n", encoding="utf-8"), id="story edited, same size"),
        pytest.param(lambda story, photo: photo.write_bytes(b"\xff\xd8 another photo"), id="photo replaced"),
        pytest.param(lambda story, photo: photo.unlink(), id="photo deleted"),
    ],
)
def test_an_item_whose_files_changed_is_not_given_back(tmp_path, files, change):
    keep(tmp_path, files)
    change(*files)
    assert shelf(tmp_path).get("Article:wuye") is None


def rewritten(path):
    """The file written anew with its own bytes (new time and inode), as a git checkout leaves it."""
    data = path.read_bytes()
    path.unlink()
    path.write_bytes(data)


@pytest.mark.parametrize("change", [
    pytest.param(lambda story, photo: os.utime(story, ns=(0, 0)), id="story touched"),
    pytest.param(lambda story, photo: (rewritten(story), rewritten(photo)), id="checked out anew"),
])
def test_an_item_whose_files_have_the_same_bytes_is_given_back(tmp_path, files, change):
    keep(tmp_path, files)
    change(*files)
    assert shelf(tmp_path).get("Article:wuye") is not None


def test_a_new_salt_forgets_every_item(tmp_path, files):
    keep(tmp_path, files)
    assert shelf(tmp_path, salt="salt-2").get("Article:wuye") is None


def test_an_item_no_build_asked_for_is_forgotten(tmp_path, files):
    keep(tmp_path, files)
    second = shelf(tmp_path)
    second.close()  # a build without that story (deleted or renamed)
    assert shelf(tmp_path).get("Article:wuye") is None


def test_an_item_that_cannot_be_pickled_is_not_kept(tmp_path, files):
    first = shelf(tmp_path)
    item = Story("健全管理机制", first.shared["settings"], first.shared["context"])
    item.later = (line for line in ["a generator cannot be pickled"])
    first.put("Article:wuye", stamps_of(files), item)
    first.get("Article:wuye")
    first.close()
    assert shelf(tmp_path).get("Article:wuye") is None


def test_an_unusable_file_means_reading_everything_not_a_failed_build(tmp_path, files):
    (tmp_path / "cache" / "stories.sqlite").mkdir(parents=True)  # a folder where the file should be
    broken = shelf(tmp_path)
    broken.put("Article:wuye", stamps_of(files), Story("标题", {}, {}))
    assert broken.get("Article:wuye") is None
    broken.close()
