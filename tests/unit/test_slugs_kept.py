"""Slugs kept between builds: read back as written, and never trusted when of another format."""

import json

import pytest
from plugins.slugs.kept import FORMAT, load, save


def test_kept_slugs_load_back(tmp_path):
    slugs = {"法治政府": "fazhi-zhengfu", "物业管理": "wuye-guanli", "G20峰会": "g20-fenghui"}
    path = tmp_path / "cache" / "slugs.json"
    save(path, slugs)
    assert load(path) == slugs
    assert not list(path.parent.glob("*.partial"))


@pytest.mark.parametrize(
    "content",
    [
        "",
        "{not json",
        json.dumps(["法治政府", "fazhi-zhengfu"]),
        json.dumps({"format": "0 jieba 0.1 pypinyin 0.1", "slugs": {"法治政府": "fa-zhi"}}),  # made by other versions
        json.dumps({"format": FORMAT, "slugs": ["法治政府"]}),
    ],
)
def test_a_missing_broken_or_outdated_file_keeps_nothing(tmp_path, content):
    path = tmp_path / "slugs.json"
    assert load(path) == {}
    path.write_text(content, encoding="utf-8")
    assert load(path) == {}
