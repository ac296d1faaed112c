"""/search/engine.js in Chromium on a fixture site with known answers: every match, nothing else, best first."""

import re
import shutil
from urllib.request import urlopen

import pytest
from playwright.sync_api import Error as PlaywrightError
from scripts.chromium import serve
from search_stories import STORIES, containing, written_text
from sitebuild import build


@pytest.fixture(scope="module")
def engine(browser, served_search_site):
    """A page of the fixture site that can call search(query, options) and facets()."""
    base = served_search_site
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    page.goto(f"{base}/index.html")

    def call(function: str, *arguments):
        return page.evaluate(
            "async ([url, name, args]) => (await import(url))[name](...args)", [f"{base}/search/engine.js", function, list(arguments)]
        )

    call.base = base
    yield call
    context.close()


def story_of(url: str) -> str:
    """articles/wuye.md from http://…/2026/11/wuye.html."""
    name = url.rsplit("/", 1)[1].removesuffix(".html")
    return next(path for path in STORIES if path.endswith(f"/{name}.md"))


def found(engine, query: str, **options) -> list[str]:
    result = engine("search", query, {"limit": 100, **options})
    hits = [story_of(hit["url"]) for hit in result["hits"]]
    assert result["total"] == len(hits)
    return hits


@pytest.mark.parametrize(
    "query, stories",
    [
        ("物业管理", {"articles/wuye.md"}),  # not 物业…管理 apart, nor across a field or a paragraph
        ("物业", {"articles/wuye.md", "articles/wuye-fuwu.md", "articles/bianjie.md"}),
        ("区政协", {"articles/zhengxie.md"}),  # jieba cuts 铁东区 / 政协; the phrase is still found
        ("东区政", {"articles/zhengxie.md"}),
        ("秸秆焚烧", {"articles/jiegan.md"}),
        ("2025年", {"articles/wuye-fuwu.md", "articles/jiegan.md"}),  # ２０２５年 is 2025年
        ("２０２５年", {"articles/wuye-fuwu.md", "articles/jiegan.md"}),
        ("app", {"articles/app.md"}),
        ("高欣", {"articles/zhengxie.md", "photos/yanchu.md"}),  # a byline and a photo credit
        ("我和我的祖国", {"photos/yanchu.md"}),
        ("协", {"articles/zhengxie.md"}),
        ("秸秆 铁东区", {"articles/jiegan.md", "articles/nongji-cun.md", "articles/nongji-xiang.md"}),
        ("管理 物业", {"articles/wuye.md", "articles/wuye-fuwu.md", "articles/bianjie.md"}),
        ("志愿者", set()),
        ("物业 志愿者", set()),
        ("业管", {"articles/wuye.md"}),  # not from 小区物业 / 管理 in two paragraphs
        ("情况。本报", set()),  # not from a caption into its credit
        ("2个巡查组", {"articles/xuncha.md"}),  # a match may start inside a number; its snippet may not
        ("   ", set()),
    ],
)
def test_a_story_matches_when_it_contains_the_query(engine, query, stories):
    hits = found(engine, query)
    assert len(hits) == len(set(hits))
    assert set(hits) == stories == containing(query)


def test_title_matches_come_first_then_how_often_then_how_early_then_newer(engine):
    assert found(engine, "秸秆") == [
        "articles/jiegan.md",  # in the title
        "articles/qiushou.md",  # three times
        "articles/nongji-xiang.md",  # once, at the start; newer than its twin
        "articles/nongji-cun.md",
        "articles/gongnuan.md",  # once, late
    ]


@pytest.mark.parametrize(
    "query, options, stories",
    [
        ("秸秆", {"section": "要闻"}, ["articles/jiegan.md"]),
        ("物业", {"year": 2025}, ["articles/wuye-fuwu.md"]),
        ("物业", {"year": 2026, "section": "民生"}, []),
        ("秸秆", {"limit": 2}, ["articles/jiegan.md", "articles/qiushou.md"]),
        ("秸秆", {"limit": 2, "offset": 2}, ["articles/nongji-xiang.md", "articles/nongji-cun.md"]),
    ],
)
def test_filters_and_pages_of_results(engine, query, options, stories):
    result = engine("search", query, options)
    assert [story_of(hit["url"]) for hit in result["hits"]] == stories
    if "limit" in options:
        assert result["total"] == 5


def test_a_hit_has_its_address_title_date_section_and_a_highlighted_snippet(engine):
    [hit] = engine("search", "区政协", {})["hits"]
    assert hit["url"] == f"{engine.base}/2026/11/zhengxie.html"
    assert (hit["title"], hit["date"], hit["section"]) == ("提高依法治区水平 助推法治政府建设", "2026-11-20T09:00:00+08:00", "政务")
    assert hit["snippet"].startswith("近日，铁东区政协组织")
    assert [hit["snippet"][start:end] for start, end in hit["highlights"]] == ["区政协"]


SNIPPETS = {
    # The window would open on the 2 of 12个巡查组: it opens on the whole number.
    "网式排查": "…12个巡查组，对主次干道、背街小巷和老旧小区开展拉网式排查，重点整治乱堆乱放、私搭乱建、占道经营等突出问题，"
    "对发现的问题建立台账、限期整改，整改情况每周通报，确保城区环境持续向好，群众满意度稳步…",
    # … and on “清洁家园”，: it opens after them, on the clause the match is in.
    "全区共清理": "…沿街商户主动清理门前积雪，居民参与热情高涨，全区共清理积雪杂物一百余吨，出动清雪车辆三十余台次，"
    "铲冰除雪人员五百余人次，确保主要道路在雪停后二十四小时内全部通行，背街小巷和居民小区出入口四…",
    # … and on the i of WiFi: it opens on the word.
    "服务大厅均可": "…WiFi覆盖率已达九成，市民在广场、公园、图书馆和政务服务大厅均可便捷上网，平均下载速率较去年提升三倍，"
    "高峰时段也能流畅观看高清视频，老年人使用智能手机办事更加方便，相关投诉明显减少，群众获得感不断…",
    # It would end inside 12800: it ends before it.
    "据统计": "据统计，改造后各场所日均接入用户数持续增长，其中政务服务大厅的无线网络使用最为集中，"
    "工作日午间高峰时段在线设备数量明显增多，区图书馆、文化馆和体育馆等场馆的接入量也稳步上升，全区日均接入达…",
    # A caption is one block: not its credit, not the subhead after it, not the paragraph before.
    "堆放情况": "工作人员清理楼道内杂物，检查垃圾堆放情况。",
    "常欣月 摄": "本报记者 常欣月 摄",  # the credit, a block of its own; the byline with 常欣月 has no 摄
    "死角": "白天查 夜间守 巡查不留死角",
    "乱堆乱放": "…查组，对主次干道、背街小巷和老旧小区开展拉网式排查，重点整治乱堆乱放、私搭乱建、占道经营等突出问题，"
    "对发现的问题建立台账、限期整改，整改情况每周通报，确保城区环境持续向好，群众满意度稳步提升。",
    # The block with every term, though another has one of them earlier.
    "巡查 死角": "白天查 夜间守 巡查不留死角",
    # With no block holding both, the one with more matches (积雪 three times), though 巡查 comes first.
    "巡查 积雪": "各社区同步开展“清洁家园”，沿街商户主动清理门前积雪，居民参与热情高涨，全区共清理积雪杂物一百余吨，"
    "出动清雪车辆三十余台次，铲冰除雪人员五百余人次，确保主要道路在雪停后二十四小时内全部通行，背…",
    # Only in the headline: the story's first block.
    "整治全面铺开": "本报讯 为持续改善城区人居环境，铁东区组建12个巡查组，对主次干道、背街小巷和老旧小区开展拉网式排查，"
    "重点整治乱堆乱放、私搭乱建、占道经营等突出问题，对发现的问题建立台账、限期整改，整改情况每…",
}


@pytest.mark.parametrize("query, snippet", SNIPPETS.items())
def test_a_snippet_is_one_block_cut_where_nothing_is_split(engine, query, snippet):
    [hit] = engine("search", query, {})["hits"]
    assert hit["snippet"] == snippet
    marked = [hit["snippet"][start:end] for start, end in hit["highlights"]]
    assert sorted(set(marked)) == sorted(term for term in query.split() if term in snippet)


CLOSING = set("”’」』〉》】〕）)]}，,。.、；;：:！!？?…%％ \u3000")
WORD = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ]")


def cuts_a_word(line: str, at: int) -> bool:
    """Whether line[at - 1] and line[at] are one number or Latin word (2.5 and 1,000 are one number)."""
    if not 0 < at < len(line):
        return False
    pair = line[at - 1 : at + 1]
    return all(WORD.match(char) for char in pair) or bool(re.fullmatch(r"\d[.,:]|[.,:]\d", pair) and re.search(r"\d[.,:]\d", line[at - 2 : at + 2]))


@pytest.mark.parametrize("query", ["。", "，", "区", "的", "1", "2", "i", "a", "摄", "管理", "铁东区", "社区 物业", "”", "（"])
def test_every_snippet_is_a_whole_stretch_of_one_line_as_written(engine, query):
    for hit in engine("search", query, {"limit": 100})["hits"]:
        snippet, lines = hit["snippet"], written_text(STORIES[story_of(hit["url"])])
        shown = snippet.removeprefix("…").removesuffix("…")
        placed = [
            (line, at) for line in lines for at in range(len(line)) if line.startswith(shown, at)
            and (at > 0) == snippet.startswith("…") and (at + len(shown) < len(line)) == snippet.endswith("…")
        ]
        assert placed, f"{snippet!r} is not a stretch of one line of {story_of(hit['url'])}"
        line, at = placed[0]
        assert not cuts_a_word(line, at) and not cuts_a_word(line, at + len(shown)), snippet
        assert at == 0 or shown[0] not in CLOSING, snippet  # a match that starts with 。 is shown with what it closes


def test_a_highlight_shows_the_text_as_written(engine):
    [hit] = engine("search", "2025年秋收", {})["hits"]
    assert [hit["snippet"][start:end] for start, end in hit["highlights"]] == ["２０２５年秋收"]
    [hit] = engine("search", "app", {"section": "政务"})["hits"]
    assert [hit["title"][start:end] for start, end in hit["titleHighlights"]] == ["APP"]
    assert [hit["snippet"][start:end] for start, end in hit["highlights"]] == ["App"]


def test_facets_list_sections_and_years(engine):
    assert engine("facets") == {"sections": ["图片新闻", "政务", "民生", "要闻"], "years": [2026, 2025, 2024]}


def test_the_browser_normalises_a_query_as_the_index_builder_does(engine):
    from plugins.search.normalise import query_terms

    query = "２０２５年 ＡＰＰ ㈠物业 Ⅻ ﬁ 𠀋村 ΣΑΣ İstanbul 铁东区\u3000政协"
    assert engine("queryTerms", query) == query_terms(query)


def test_a_limit_larger_than_the_results_returns_every_hit(engine):
    result = engine("search", "。", {"limit": 10_000})
    assert result["total"] == len(result["hits"]) == len(containing("。"))


def test_a_query_waits_for_no_manifest_unless_it_filters(browser, served_search_site):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url.rsplit("/search/", 1)[-1]))
    page.goto(f"{served_search_site}/index.html")
    search = "async ([url, options]) => (await import(url)).search('秸秆', options)"
    engine = f"{served_search_site}/search/engine.js"
    assert page.evaluate(search, [engine, {}])["total"] == 5
    assert not any(path.endswith("/index.json") for path in requested)
    assert page.evaluate(search, [engine, {"section": "要闻"}])["total"] == 1
    assert any(path.endswith("/index.json") for path in requested)
    context.close()


def test_every_index_file_comes_from_the_folder_the_engine_names(browser, served_search_site):
    context = browser.new_context(locale="zh-CN")
    page = context.new_page()
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{served_search_site}/index.html")
    engine = f"{served_search_site}/search/engine.js"
    page.evaluate("async (url) => { const engine = await import(url); await engine.search('物业'); await engine.facets(); }", engine)
    context.close()
    version = re.search(r'"version": "([0-9a-f]{12})"', urlopen(engine).read().decode()).group(1)
    index_files = [url for url in requested if "/search/" in url and not url.endswith("/search/engine.js")]
    assert index_files and all(url.startswith(f"{served_search_site}/search/{version}/") and "?" not in url for url in index_files)


RELEASE = {
    "articles/wuye.md": """
        Title: 健全管理机制 破解治理难题
        Date: 2026-11-24 08:00
        Category: 要闻

        铁东区坚持以“标准化+便民化”为主线，系统推进物业管理提质增效。
        """,
    "articles/wuye-fuwu.md": """
        Title: 物业服务提质增效
        Date: 2026-06-10 09:00
        Category: 民生

        小区物业企业加强日常管理，居民满意度持续提升。
        """,
}
# Older than both: in the next release it takes story id 0 and moves theirs up by one.
OLDER_STORY = {
    "articles/wuye-tiaoli.md": """
        Title: 《物业管理条例》修订座谈会召开
        Date: 2025-03-02 09:00
        Category: 政务

        座谈会听取了业主代表和物业企业对条例修订的意见。
        """,
}


def test_a_page_loaded_before_a_deploy_keeps_reading_its_own_builds_index(browser, tmp_path):
    """A reader's page keeps the engine it loaded. After the site switches to a build whose story
    numbers all moved, that engine still finds its own build's stories (its folder is carried into
    the new release, as deploys carry content-named files), and once the folder is gone it fails
    rather than mix in the new build's files."""
    extra = ("-e", "SEARCH_SHARD_BYTES=256")  # several shards, so a later query fetches new ones
    first, second = build(tmp_path / "first", RELEASE, *extra), build(tmp_path / "second", RELEASE | OLDER_STORY, *extra)
    [first_index] = [folder for folder in (first.output / "search").iterdir() if folder.is_dir()]
    shutil.copytree(first_index, second.output / "search" / first_index.name)
    current = tmp_path / "current"
    current.symlink_to(first.output)
    titles = "async ([url, query]) => (await (await import(url)).search(query)).hits.map((hit) => hit.title)"
    with serve(current) as base:
        engine = f"{base}/search/engine.js"
        context = browser.new_context(locale="zh-CN")
        reader = context.new_page()
        reader.goto(f"{base}/index.html")
        assert reader.evaluate(titles, [engine, "健全"]) == ["健全管理机制 破解治理难题"]
        current.unlink()
        current.symlink_to(second.output)  # the deploy's switch
        assert reader.evaluate(titles, [engine, "物业"]) == ["物业服务提质增效", "健全管理机制 破解治理难题"]
        assert reader.evaluate(titles, [engine, "条例"]) == []
        newcomer = browser.new_context(locale="zh-CN").new_page()  # a browser cache of its own
        newcomer.goto(f"{base}/index.html")
        assert newcomer.evaluate(titles, [engine, "条例"]) == ["《物业管理条例》修订座谈会召开"]
        newcomer.context.close()
        shutil.rmtree(second.output / "search" / first_index.name)  # pruned by a later deploy
        with pytest.raises(PlaywrightError, match="搜索索引文件无法读取"):
            reader.evaluate("async (url) => (await import(url)).facets()", engine)
        context.close()


@pytest.mark.parametrize("query", ["。", "区", "秸秆"])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_a_page_of_results_is_that_slice_of_the_whole_ranking(engine, query, limit):
    # A short page is picked without sorting every hit; it must agree with the full sort.
    ranking = [hit["url"] for hit in engine("search", query, {"limit": 100})["hits"]]
    for offset in range(0, len(ranking), limit):
        page = engine("search", query, {"limit": limit, "offset": offset})
        assert [hit["url"] for hit in page["hits"]] == ranking[offset : offset + limit]
        assert page["total"] == len(ranking)
