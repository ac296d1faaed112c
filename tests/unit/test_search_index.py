"""The search index builder: normalised text, laid-out stories, postings, shards and files."""

import json

import numpy as np
import pytest
import plugins.search.index
from plugins.search.document import TITLE_SPAN, Story, body_text, laid_out
from plugins.search.encode import encoded_groups, shard_count, shards, varint_sizes, varints
from plugins.search.files import content_version, search_files, without_comment_lines
from plugins.search.index import NO_GROUP, corpus, grouped_occurrences, key_groups, occurrences, pair_groups
from plugins.search.keys import PAIR_SHIFT, fnv1a
from plugins.search.normalise import clean, normalise, query_terms
from plugins.search.settings import merged


@pytest.mark.parametrize(
    "text, normalised",
    [
        ("２０１２年", "2012年"),
        ("ＡＰＰ上线", "app上线"),
        ("G20峰会", "g20峰会"),
        ("“两会”精神", "“两会”精神"),  # Chinese quotation marks stay as they are
        ("（记者　常欣月）", "(记者 常欣月)"),  # full-width brackets and the ideographic space
        ("㈠物业", "(一)物业"),  # one character may become several
        ("𠀋村", "𠀋村"),  # beyond the basic plane
    ],
)
def test_normalise(text, normalised):
    assert normalise(text) == normalised


@pytest.mark.parametrize(
    "query, terms",
    [
        ("物业管理", ["物业管理"]),
        ("  物业　管理 物业 ", ["物业", "管理"]),
        ("２０２５年 APP", ["2025年", "app"]),
        ("", []),
        ("\u3000\t", []),
    ],
)
def test_query_terms(query, terms):
    assert query_terms(query) == terms


def test_clean_keeps_line_breaks_and_makes_every_space_one():
    assert clean("  铁东区\u3000政协\t开展\r\n\n  调研 \u00a0 ") == "铁东区 政协 开展\n调研"


@pytest.mark.parametrize(
    "html, text",
    [
        ("<p>铁东区<strong>政协</strong>开展调研。</p>", "铁东区政协开展调研。"),
        ("<p>第一段</p><h2>三级联动</h2><p>第二段</p>", "第一段\n三级联动\n第二段"),
        (  # as plugins/photos writes a figure: a caption and its credit are two blocks
            (
                '<figure><img alt="现场"><figcaption><span class="caption-text">居民观看演出。</span><span class="credit">本报通讯员 高欣 摄</span></figcaption></figure>'
                "<h2>白天查 夜间守</h2>"
            ),
            "居民观看演出。\n本报通讯员 高欣 摄\n白天查 夜间守",
        ),
        ('<p>文艺演出<span class="credit">东宣 摄</span>在社区举行。</p>', "文艺演出\n东宣 摄\n在社区举行。"),
        ("<ul><li>建立台账</li><li>压实责任</li></ul>", "建立台账\n压实责任"),
        ("<p>上一行<br>下一行</p>", "上一行\n下一行"),
    ],
    ids=["inline", "blocks", "caption-and-credit", "credit-anywhere", "list", "line-break"],
)
def test_body_text(html, text):
    assert body_text(html) == text


def test_the_title_is_padded_and_fields_follow_on_lines_of_their_own():
    text = laid_out("物业管理", ("——记事", "铁东区政协\n开展调研"))
    assert text[:4] == "物业管理" and set(text[4:TITLE_SPAN]) == {"\n"}
    assert text[TITLE_SPAN:] == "——记事\n铁东区政协\n开展调研\n"


def test_a_very_long_title_never_runs_into_the_body():
    text = laid_out("长" * 400, ("正文",))
    assert text[TITLE_SPAN - 1] == "\n" and text[TITLE_SPAN:] == "正文\n"


def test_characters_and_pairs_with_their_stories_and_positions_in_key_order():
    characters, pairs = occurrences(["物业 管理\n物业", "管理"])
    assert [(chr(key >> PAIR_SHIFT) + chr(key & 0x1FFFFF), story, at) for key, story, at in zip(*pairs)] == sorted(
        [("物业", 0, 0), ("管理", 0, 3), ("物业", 0, 6), ("管理", 1, 0)], key=lambda row: (ord(row[0][0]) << PAIR_SHIFT | ord(row[0][1]), row[1], row[2])
    )
    assert [(chr(key), story, at) for key, story, at in zip(*characters) if chr(key) == "业"] == [("业", 0, 1), ("业", 0, 7)]
    assert not any(key in (ord(" "), ord("\n")) for key in characters.key)


def test_no_pair_spans_two_stories():
    _, pairs = occurrences(["物业", "管理"])
    assert len(pairs.key) == 2


@pytest.mark.parametrize("number, encoded", [(0, b"\x00"), (127, b"\x7f"), (128, b"\x80\x01"), (300, b"\xac\x02"), (2**32, b"\x80\x80\x80\x80\x10")])
def test_varints(number, encoded):
    numbers = np.array([5, number], dtype=np.uint64)
    assert varints(numbers, varint_sizes(numbers)).tobytes() == b"\x05" + encoded


def fnv1a_reference(key: str) -> int:
    """32-bit FNV-1a over code points, one at a time, as the standard defines it."""
    value = 0x811C9DC5
    for char in key:
        value = ((value ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return value


@pytest.mark.parametrize("key", ["a", "物", "物业", "𠀋村", "2"])
def test_fnv1a_is_the_standard_32_bit_hash(key):
    packed = ord(key[0]) if len(key) == 1 else ord(key[0]) << PAIR_SHIFT | ord(key[1])
    assert int(fnv1a(np.array([packed], dtype=np.uint64))[0]) == fnv1a_reference(key)


def test_fnv1a_of_a():
    assert fnv1a_reference("a") == 0xE40C292C  # the published test vector


def decode_shard(data: bytes) -> dict[str, tuple]:
    """The reading engine.js does, in Python: key → [(story, positions)] for pairs, [(story, count, first)] for characters."""
    def number():
        nonlocal at
        value = shift = 0
        while True:
            byte = data[at]
            at += 1
            value |= (byte & 0x7F) << shift
            shift += 7
            if not byte & 0x80:
                return value

    at, entries = 0, {}
    while at < len(data):
        key = "".join(chr(number()) for _ in range(number()))
        end = number() + at
        story, postings = 0, []
        for _ in range(number()):
            story += number()
            if len(key) == 1:
                postings.append((story, number(), number()))
            else:
                positions, position = [], 0
                for _ in range(number()):
                    position += number()
                    positions.append(position)
                postings.append((story, positions))
        assert at == end, key
        entries[key] = tuple(postings)
    return entries


def index_reference(texts: list[str]) -> dict[str, tuple]:
    """What the index must hold, worked out the slow and obvious way."""
    found: dict[str, dict[int, list[int]]] = {}
    for story, text in enumerate(texts):
        for at, char in enumerate(text):
            if char not in " \n":
                found.setdefault(char, {}).setdefault(story, []).append(at)
                if at + 1 < len(text) and text[at + 1] not in " \n":
                    found.setdefault(text[at : at + 2], {}).setdefault(story, []).append(at)
    return {
        key: tuple((story, len(at), at[0]) if len(key) == 1 else (story, at) for story, at in sorted(stories.items()))
        for key, stories in found.items()
    }


TEXTS = [laid_out(f"第{n}篇 铁东区政协调研", (f"正文{n}：物业管理提质增效。2025年，ＡＰＰ上线。", "𠀋村 物业")) for n in range(40)] + [laid_out("空", ())]


def one_group(texts: list[str]) -> list:
    """Every key of `texts` encoded in one group."""
    return encoded_groups(grouped_occurrences(texts, rows_per_group=10**9))


@pytest.mark.parametrize("target", [256, 8192])
def test_every_key_is_in_the_shard_its_hash_names_with_every_occurrence(target):
    split = shards(one_group(TEXTS), target_bytes=target)
    assert len(split) & (len(split) - 1) == 0 and (len(split) > 1) == (target == 256)
    decoded = {}
    for number, shard in enumerate(split):
        for key, postings in decode_shard(shard).items():
            assert fnv1a_reference(key) % len(split) == number
            decoded[key] = postings
    assert decoded == index_reference(TEXTS)


@pytest.mark.parametrize("rows_per_group, groups", [(10**9, 1), (4000, 4), (500, 32), (50, 128)])
@pytest.mark.parametrize("target", [256, 2048, 8192])
def test_the_shards_are_the_same_bytes_however_many_groups_the_keys_are_cut_into(rows_per_group, groups, target):
    parts = encoded_groups(grouped_occurrences(TEXTS, rows_per_group))
    assert len(parts) == groups
    assert shards(parts, target_bytes=target) == shards(one_group(TEXTS), target_bytes=target)
    assert parts == [[]] * groups  # each group let go once cut


@pytest.mark.parametrize("rows_per_chunk", [1, 7, 64, 1 << 20])
@pytest.mark.parametrize("count", [1, 8, 128])
def test_each_pair_s_group_is_its_key_s_hash_however_many_rows_are_worked_out_at_a_time(monkeypatch, rows_per_chunk, count):
    monkeypatch.setattr(plugins.search.index, "ROWS_PER_CHUNK", rows_per_chunk)
    text = corpus(TEXTS)
    row_group = pair_groups(text, key_groups(text.alphabet, count), count)
    points = text.alphabet[text.dense]
    blank = np.isin(points, [ord(" "), ord("\n")])
    keys = (points[:-1] << np.uint64(PAIR_SHIFT)) | points[1:]
    expected = np.where(blank[:-1] | blank[1:], NO_GROUP, fnv1a(keys) % count)
    assert row_group.tolist() == expected.tolist()


def test_an_empty_site_has_one_empty_shard():
    assert shards(one_group([]), target_bytes=8192) == [b""]


@pytest.mark.parametrize("total, target, count", [(0, 8192, 1), (8000, 8192, 1), (12000, 8192, 2), (1_000_000, 8192, 128)])
def test_shard_count(total, target, count):
    assert shard_count(total, target) == count


STORIES = [
    Story("2026/11/wuye.html", "健全管理机制 破解治理难题", "2026-11-24T08:00:00+08:00", "要闻", ("物业管理全覆盖",)),
    Story("2025/06/fuwu.html", "物业服务提质增效", "2025-06-10T09:00:00+08:00", "民生", ("小区物业企业加强日常管理。",)),
    Story("2026/11/tupian.html", "邻里节上的歌声", "2026-11-23T16:00:00+08:00", "图片新闻", ("居民合唱。\n本报通讯员 高欣 摄",)),
]


def test_files_number_stories_oldest_first_and_describe_them_in_the_manifest():
    files = search_files(STORIES, 8192)
    manifest = json.loads(files["index.json"])
    assert manifest["stories"] == 3 and manifest["titleSpan"] == TITLE_SPAN
    assert manifest["sections"] == ["图片新闻", "民生", "要闻"]
    assert manifest["storySections"] == "102"
    assert manifest["years"] == [[2025, 0, 0], [2026, 1, 2]]
    assert json.loads(files["stories/0.json"]) == {
        "url": "2025/06/fuwu.html", "title": "物业服务提质增效", "date": "2025-06-10T09:00:00+08:00", "section": "民生",
        "fields": ["小区物业企业加强日常管理。"],
    }
    assert sorted(files) == ["index.json", "shards/0.bin", "stories/0.json", "stories/1.json", "stories/2.json"]


def test_files_are_the_same_bytes_whatever_order_the_stories_come_in():
    assert search_files(STORIES, 256) == search_files(list(reversed(STORIES)), 256)


def test_a_new_story_leaves_older_story_files_alone():
    before = search_files(STORIES, 8192)
    after = search_files([*STORIES, Story("2026/11/xin.html", "新稿件", "2026-11-25T08:00:00+08:00", "要闻", ("正文。",))], 8192)
    assert all(after[f"stories/{n}.json"] == before[f"stories/{n}.json"] for n in range(3))
    assert json.loads(after["index.json"])["version"] != json.loads(before["index.json"])["version"]


FILES = {"shards/0.bin": b"\x01\x02", "stories/0.json": '{"title":"物业服务提质增效"}'.encode()}
DESCRIBED = {"format": 1, "titleSpan": 256, "shards": 1, "stories": 1}


@pytest.mark.parametrize(
    "files, described, same",
    [
        (dict(reversed(FILES.items())), DESCRIBED, True),  # the order files come in does not matter
        ({**FILES, "stories/0.json": '{"title":"物业服务提质增效。"}'.encode()}, DESCRIBED, False),  # one story file's bytes
        ({**FILES, "shards/0.bin": b"\x01\x03"}, DESCRIBED, False),  # a shard's bytes
        ({"shards/1.bin": FILES["shards/0.bin"], "stories/0.json": FILES["stories/0.json"]}, DESCRIBED, False),  # a file's name
        (FILES, {**DESCRIBED, "format": 2}, False),  # the format, which the files need not show
        (FILES, {**DESCRIBED, "titleSpan": 512}, False),
    ],
)
def test_the_version_changes_with_any_byte_the_index_folder_holds(files, described, same):
    assert (content_version(files, described) == content_version(FILES, DESCRIBED)) is same


@pytest.mark.parametrize("value", [0, 255, "8192", True, 8.5])
def test_a_bad_shard_size_is_refused(value):
    with pytest.raises(ValueError, match="SEARCH_SHARD_BYTES"):
        merged({"SEARCH_SHARD_BYTES": value})


@pytest.mark.parametrize(
    "source, served",
    [
        ("// 说明\nconst a = 1;\n", "const a = 1;\n"),
        ("/** 一行说明 */\nfunction f() {}\n", "function f() {}\n"),
        ("/**\n * 多行\n * 说明\n */\nexport const b = 2;\n", "export const b = 2;\n"),
        ("const c = 3; // 行尾说明留下\n", "const c = 3; // 行尾说明留下\n"),
        ("const BUILD = /* build */ null;\n", "const BUILD = /* build */ null;\n"),
        ('const url = "https://example.cn/a";\n', 'const url = "https://example.cn/a";\n'),
        ("  return x\n    * y;\n", "  return x\n    * y;\n"),  # a line of code may start with *
    ],
)
def test_the_served_engine_loses_whole_line_comments_only(source, served):
    assert without_comment_lines(source) == served
