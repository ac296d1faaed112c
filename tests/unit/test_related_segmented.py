"""The related step's segmenting: kept on disk by a hash of each story, cut on every core when cold."""

import pickle
import subprocess
import sys

import pytest
from plugins.related.keywords import story_text, terms
from plugins.related.segmented import key_of, load, save, split_terms, terms_of_all
from sitebuild import ROOT

PROPERTY = ("健全管理机制 破解治理难题", "<p>铁东区系统推进有物业小区提质增效，补齐无物业小区管理短板，推动实现物业服务全覆盖。</p>")
STRAW = ("全面压实责任 守牢安全底线", "<p>调研组要求，要持续推进秸秆焚烧管控宣传引导工作，做到精准化、常态化。</p>")
PHOTO = ("金秋助学", '<figure><img src="a.jpg" alt=""><figcaption>资助40名学生<span class="credit">本报通讯员 高欣 摄</span></figcaption></figure>')


def term_lists(stories, kept, workers=1):
    """terms_of_all's terms as lists, and what it keeps."""
    joined, kept_next = terms_of_all(stories, kept, workers=workers)
    return [split_terms(terms) for terms in joined], kept_next


def test_cut_stories_give_the_terms_jieba_gives():
    found, kept = term_lists([PROPERTY, STRAW, PHOTO], {})
    assert found == [terms(story_text(*story)) for story in (PROPERTY, STRAW, PHOTO)]
    assert "物业服务" in found[0] or "物业" in found[0]
    assert set(kept) == {key_of(*story) for story in (PROPERTY, STRAW, PHOTO)}


def test_a_kept_story_is_not_cut_again():
    """What is kept is used as it is: a story found in the cache gives the kept terms."""
    kept = {key_of(*PROPERTY): "物业\x1f管理"}
    found, _ = term_lists([PROPERTY, STRAW], kept)
    assert found[0] == ["物业", "管理"]
    assert found[1] == terms(story_text(*STRAW))


@pytest.mark.parametrize(
    "changed",
    [
        (PROPERTY[0] + "（更正）", PROPERTY[1]),  # a new title
        (PROPERTY[0], PROPERTY[1].replace("全覆盖", "全面覆盖")),  # an edited body
    ],
)
def test_an_edited_story_is_cut_again(changed):
    kept = {key_of(*PROPERTY): "物业\x1f管理"}
    found, kept_next = term_lists([changed], kept)
    assert found == [terms(story_text(*changed))]
    assert list(kept_next) == [key_of(*changed)]


def test_only_the_stories_of_this_build_are_kept_for_the_next():
    kept = {key_of(*PROPERTY): "物业", "0" * 32: "已删除的稿件"}
    _, kept_next = terms_of_all([PROPERTY, STRAW], kept, workers=1)
    assert set(kept_next) == {key_of(*PROPERTY), key_of(*STRAW)}


def test_a_story_with_no_terms_gives_an_empty_list():
    found, _ = term_lists([("", "<p>。</p>")], {})
    assert found == [[]]


def test_workers_give_the_same_terms_in_the_same_order():
    stories = [(f"第{n}期 {title}", body.replace("铁东区", f"铁东区第{n}社区")) for n in range(250) for title, body in (PROPERTY, STRAW)]
    in_one, _ = terms_of_all(stories, {}, workers=1)
    in_two, _ = terms_of_all(stories, {}, workers=2)
    assert in_two == in_one


def test_saved_terms_load_back(tmp_path):
    path = tmp_path / "related" / "terms.pickle"
    _, kept = terms_of_all([PROPERTY, STRAW], {}, workers=1)
    save(path, kept)
    assert load(path) == kept
    assert not list(path.parent.glob("*.partial"))


@pytest.mark.parametrize("content", [b"", b"not a pickle", pickle.dumps(["a", "list"])])
def test_a_missing_or_broken_cache_is_an_empty_one(tmp_path, content):
    path = tmp_path / "terms.pickle"
    assert load(path) == {}
    path.write_bytes(content)
    assert load(path) == {}


def test_a_few_stories_are_cut_without_loading_jieba_into_the_build():
    """An edit brings one story to cut: jieba's dictionary stays in a worker that ends, not in the build's process."""
    script = (
        "import sys\n"
        "from plugins.related.segmented import cut_all\n"
        "print(cut_all([('物业管理', '<p>健全管理机制 破解治理难题</p>')], workers=2)[0].count('\\x1f') > 0, 'jieba' in sys.modules)\n"
    )
    process = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert process.stdout.split() == ["True", "False"], process.stderr


def test_with_jieba_loaded_already_a_few_stories_are_cut_here(monkeypatch):
    """The slugs needed jieba (a new name): its dictionary is paid for, so no worker is started."""
    from plugins.related import segmented

    segmented.terms("物业")  # loads jieba here
    monkeypatch.setattr(segmented, "ProcessPoolExecutor", None)  # starting a worker would fail
    assert segmented.cut_all([PROPERTY, STRAW], workers=2) == [segmented.joined_terms(PROPERTY), segmented.joined_terms(STRAW)]
