"""The listings plugin: each tag's, section's, author's and period's stories, found through one
index, are exactly the lists Pelican's own one-pass-per-name code finds."""


import pytest
from plugins.listings.order import in_order_of, places_in
from plugins.listings.plugin import IndexedArticlesGenerator, use_index
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from sitebuild import write_files

STORIES = ["物业", "法治", "文艺", "义诊", "秸秆", "图片"]


@pytest.mark.parametrize("members", [
    [],
    ["文艺"],
    ["图片", "物业"],  # given out of order
    ["义诊", "义诊", "法治"],  # a story twice (a tag written twice in its metadata)
    ["通知"],  # not in the archive
    STORIES,
])
def test_members_come_once_each_in_the_archive_order(members):
    ordered = [object() for _ in STORIES]
    by_title = dict(zip(STORIES, ordered))
    given = [by_title.get(title, object()) for title in members]
    assert in_order_of(ordered, places_in(ordered), given) == [item for item in ordered if item in given]


def story(title: str, date: str, category: str, tags: str, authors: str) -> str:
    return f"Title: {title}\nDate: {date}\nCategory: {category}\nTags: {tags}\nAuthors: {authors}\n\n{title}的正文。\n"


CONTENT = {
    "a/wuye.md": story("健全管理机制", "2026-11-24 08:00", "民生", "物业, 社区", "王敏; 高欣"),
    "a/fazhi.md": story("法治政府建设", "2026-10-03 09:00", "要闻", "法治, 法治", "李强"),
    "a/wenyi.md": story("文艺演出进社区", "2025-12-31 20:00", "文化", "社区", "高欣"),
    "a/yizhen.md": story("送医下乡义诊", "2026-11-24 08:00", "民生", "义诊, 社区", "王敏"),
    "a/jiegan.md": story("秸秆禁烧", "2026-03-15 10:30", "要闻", "环保", "李强; 王敏"),
    "a/jianxun.md": story("社区简讯", "2026-11-02 16:00", "民生", "社区", "高欣"),
}


@pytest.fixture
def generator(tmp_path):
    """Pelican's own articles generator, its context worked out, on a small archive."""
    root = tmp_path
    content = write_files(root / "content", CONTENT)
    settings = read_settings(override={"PATH": str(content), "OUTPUT_PATH": str(root / "output"), "CACHE_CONTENT": False, "NEWEST_FIRST_ARCHIVES": False,
                                       "YEAR_ARCHIVE_SAVE_AS": "{date:%Y}/index.html", "MONTH_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/index.html",
                                       "DAY_ARCHIVE_SAVE_AS": "{date:%Y}/{date:%m}/{date:%d}/index.html"})
    context = {**settings, "generated_content": {}, "static_links": set(), "static_content": {}, "localsiteurl": ""}
    made = ArticlesGenerator(context=context, settings=settings, path=str(content), theme=settings["THEME"], output_path=str(root / "output"))
    made.generate_context()
    return made


def writes(method) -> list:
    """What a generator method hands the writer, call by call."""
    calls = []
    method(lambda *args, **kwargs: calls.append((args[0], kwargs)))
    return calls


@pytest.mark.parametrize("name", ["generate_tags", "generate_categories", "generate_authors"])
def test_each_name_gets_the_lists_pelican_gives_it(generator, name):
    pelicans = writes(getattr(generator, name))
    use_index(generator)
    assert type(generator) is IndexedArticlesGenerator
    ours = writes(getattr(generator, name))
    assert len(ours) == len(pelicans) > 1
    assert ours == pelicans


def test_each_period_gets_the_lists_pelican_gives_it(generator):
    pelicans = generator._build_period_archives(generator.dates, generator.articles, generator.settings)
    use_index(generator)
    ours = generator._build_period_archives(generator.dates, generator.articles, generator.settings)
    assert {granularity: len(periods) for granularity, periods in ours.items()} == {"year": 2, "month": 4, "day": 5}
    assert ours == pelicans
