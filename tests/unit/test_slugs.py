"""Pinyin slugs for section, tag and author names, unique per kind and stable as the site grows."""

import re
from datetime import datetime, timedelta, timezone

import pytest
from plugins.slugs.assign import assign_slugs, earliest
from plugins.slugs.pinyin import item_slug, normalise, pinyin_slug, short_hash
from plugins.slugs.settings import merged
from plugins.slugs.unique import first_at_each_address

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
CST = timezone(timedelta(hours=8))


def day(n: int) -> datetime:
    return datetime(2026, 11, n, 8, 30, tzinfo=CST)


@pytest.mark.parametrize(
    "name, slug",
    [
        ("要闻", "yaowen"),
        ("政务", "zhengwu"),
        ("图片新闻", "tupian-xinwen"),
        ("物业管理", "wuye-guanli"),
        ("法治政府", "fazhi-zhengfu"),
        ("基层治理", "jiceng-zhili"),
        ("金秋助学", "jinqiu-zhuxue"),
        ("全国人民代表大会", "quanguo-renmin-daibiao-dahui"),
        ("中华人民共和国", "zhonghua-renmin-gongheguo"),
        ("社会主义核心价值观", "shehui-zhuyi-hexin-jiazhiguan"),
        ("关工委", "guangongwei"),
        ("依法治区", "yifa-zhi-qu"),
        ("东宣", "dong-xuan"),
        ("常欣月", "chang-xin-yue"),
        ("绿化", "lvhua"),
        ("G20峰会", "g20-fenghui"),
        ("5G基站", "5g-jizhan"),
        ("２０２６年", "2026-nian"),
        ("2026年", "2026-nian"),
        ("Ｇ２０ 峰会", "g20-fenghui"),
        ("“金秋助学”活动", "jinqiu-zhuxue-huodong"),
        ("中国—东盟博览会", "zhongguo-dongmeng-bolanhui"),
        ("  乡村振兴 · 2026  ", "xiangcun-zhenxing-2026"),
        ("Café 文化", "cafe-wenhua"),
    ],
)
def test_pinyin_slug(name, slug):
    assert pinyin_slug(name) == slug


@pytest.mark.parametrize("name", ["！！", "——", "·", "★☆", "🎉"])
def test_a_name_with_nothing_readable_gets_a_short_hash_of_itself(name):
    slug = pinyin_slug(name)
    assert SLUG.fullmatch(slug) and len(slug) == 6
    assert slug == short_hash(normalise(name))
    assert pinyin_slug("？？") != pinyin_slug("！！")


def test_homophones_get_different_slugs_and_the_older_keeps_the_plain_one():
    slugs = assign_slugs({"法治": day(20), "法制": day(24)})
    assert slugs["法治"] == "fazhi"
    assert slugs["法制"] == "fazhi-" + short_hash("法制", 4)


def test_a_newer_homophone_never_moves_an_older_name():
    before = assign_slugs({"法治": day(20), "基层治理": day(21)})
    after = assign_slugs({"法治": day(20), "基层治理": day(21), "法制": day(24), "法治 ": day(25)})
    assert {name: after[name] for name in before} == before
    assert len(set(after.values())) == len({"法治", "基层治理", "法制"})


def test_first_use_decides_not_the_order_the_names_arrive_in():
    assert assign_slugs({"法制": day(1), "法治": day(2)}) == assign_slugs({"法治": day(2), "法制": day(1)})
    assert assign_slugs({"法制": day(1), "法治": day(2)})["法制"] == "fazhi"


def test_same_day_homophones_are_ordered_by_name():
    slugs = assign_slugs({"法制": day(24), "法治": day(24)})
    assert slugs[min("法制", "法治")] == "fazhi"


def test_three_homophones_all_differ():
    slugs = assign_slugs({"时政": day(1), "市政": day(2), "施政": day(3)})
    assert slugs["时政"] == "shizheng"
    assert len(set(slugs.values())) == 3 and all(s.startswith("shizheng") for s in slugs.values())


def test_names_that_differ_only_in_width_or_case_share_a_slug():
    slugs = assign_slugs({"G20峰会": day(1), "Ｇ２０峰会": day(2), "g20峰会": day(3)})
    assert set(slugs.values()) == {"g20-fenghui"}


def test_an_override_wins_and_frees_the_plain_slug_for_no_one():
    slugs = assign_slugs({"法治": day(20), "法制": day(24)}, {"法制": "fazhi-zhidu"})
    assert slugs == {"法治": "fazhi", "法制": "fazhi-zhidu"}


def test_an_older_override_keeps_its_slug_and_a_newer_homophone_moves_aside():
    slugs = assign_slugs({"法制": day(20), "法治": day(24)}, {"法制": "fazhi"})
    assert slugs["法制"] == "fazhi" and slugs["法治"].startswith("fazhi-")


def test_an_override_that_takes_an_older_names_slug_is_an_error():
    with pytest.raises(ValueError, match="法制.*fazhi.*法治"):
        assign_slugs({"法治": day(20), "法制": day(24)}, {"法制": "fazhi"})


def test_overrides_for_names_not_in_use_are_ignored():
    assert assign_slugs({"要闻": day(1)}, {"法制": "fazhi-zhidu"}) == {"要闻": "yaowen"}


def test_no_names_no_slugs():
    assert assign_slugs({}) == {}


def test_earliest_keeps_each_names_first_use():
    uses = [("法治", day(24)), ("要闻", day(21)), ("法治", day(20)), ("法治", day(22))]
    assert earliest(uses) == {"法治": day(20), "要闻": day(21)}


@pytest.mark.parametrize(
    "overrides",
    [
        {"法制": "fazhi-zhidu"},
        {"东宣": "dongxuan", "法制": "fazhi-zhidu", "G20峰会": "g20"},
        {},
    ],
)
def test_good_overrides_pass(overrides):
    assert merged({"SLUGS_OVERRIDES": overrides})["SLUGS_OVERRIDES"] == overrides


def test_overrides_default_to_none():
    assert merged({}) == {"SLUGS_OVERRIDES": {}, "SLUGS_CACHE_PATH": "cache/slugs.json"}


@pytest.mark.parametrize(
    "overrides, message",
    [
        (["法制", "fazhi-zhidu"], "字典"),
        ({"法制": "法制"}, "小写字母"),
        ({"法制": "Fazhi"}, "小写字母"),
        ({"法制": "fazhi zhidu"}, "小写字母"),
        ({"法制": "fazhi--zhidu"}, "小写字母"),
        ({"法制": "-fazhi"}, "小写字母"),
        ({"法制": ""}, "小写字母"),
        ({"法制": None}, "小写字母"),
        ({"": "fazhi"}, "字典"),
        ({"法制": "fazhi", "法治": "fazhi"}, "同一个网址"),
    ],
)
def test_bad_overrides_are_named_in_chinese_first(overrides, message):
    with pytest.raises(ValueError, match=message):
        merged({"SLUGS_OVERRIDES": overrides})


@pytest.mark.parametrize(
    "pelican_slug, written, named_from, slug",
    [
        ("wuye-guanli", None, "wuye-guanli", "wuye-guanli"),  # an ASCII file name stays as Pelican has it
        ("yi-liao-fu-wu-jin-she-qu", None, "医疗服务进社区", "yiliao-fuwu-jinshequ"),  # not one syllable at a time
        ("医疗服务", "医疗服务", "yiliao", "yiliao-fuwu"),  # a Chinese Slug is not published as %E5%8C%BB…
        ("g20-summit", "g20-summit", "G20峰会", "g20-summit"),  # a written ASCII Slug wins over the file name
        ("2026-g20", None, "2026年Ｇ２０峰会", "2026-nian-g20-fenghui"),
    ],
)
def test_item_slugs_are_ascii_pinyin_words(pelican_slug, written, named_from, slug):
    assert item_slug(pelican_slug, written, named_from) == slug


@pytest.mark.parametrize(
    "items, clashes",
    [
        ([("2026/11/a.html", 1, "a.md"), ("2026/11/b.html", 1, "b.md")], {}),
        ([("2026/11/a.html", 2, "b.md"), ("2026/11/a.html", 1, "a.md")], {"a.md": ["b.md"]}),
        ([("x.html", (True, 1), "c.md"), ("x.html", (False, 9), "b.md"), ("x.html", (True, 0), "a.md")], {"b.md": ["a.md", "c.md"]}),
    ],
    ids=["apart", "lowest-rank-keeps", "three-at-one"],
)
def test_the_first_item_at_an_address_keeps_it(items, clashes):
    assert first_at_each_address(items) == clashes


# A cold build's authors: more than FRESH_PROCESS_FROM names to work out at once.
AUTHORS = [f"{surname}{given}" for surname in "王李张刘陈杨赵黄周吴" for given in ("欣", "明远", "子涵", "国庆", "斌", "东")]


def test_many_new_names_are_worked_out_in_a_fresh_process_never_loading_jieba_here():
    import json
    import subprocess
    import sys

    from sitebuild import ROOT

    learn_there = (
        "import json, sys; import slugs.pinyin as p; p.learn(json.loads(sys.argv[1]) + ['G20峰会', 'Pelican']); "
        "print(json.dumps({'jieba here': 'jieba' in sys.modules, 'pypinyin here': 'pypinyin' in sys.modules, 'known': p.KNOWN}))"
    )
    process = subprocess.run(
        [sys.executable, "-c", learn_there, json.dumps(AUTHORS)], cwd=ROOT / "plugins", capture_output=True, text=True, check=True
    )
    learned = json.loads(process.stdout)
    assert learned["jieba here"] is False and learned["pypinyin here"] is False
    assert learned["known"] == {name: pinyin_slug(name) for name in [*AUTHORS, "G20峰会"]}, "the same slugs, Latin-only names not sent"


def test_a_few_new_names_are_worked_out_here():
    from plugins.slugs import pinyin

    pinyin.learn(["供热保障", "民生实事"])
    assert {name: pinyin.KNOWN[name] for name in ["供热保障", "民生实事"]} == {"供热保障": "gongre-baozhang", "民生实事": "minsheng-shishi"}
