"""The desk's Decap configuration is made from the settings: a new section, an office's own field,
a forge, a content folder elsewhere show in the desk with no second edit."""

from pathlib import Path

from checks.settings import site_settings
from desk.config import Site, desk_config
from desk.server import site_of

ROOT = Path(__file__).resolve().parents[2]
DEMO = Site(sections=["要闻", "政务", "民生", "文化", "图片新闻"], content="content")


def collection(config: dict, name: str) -> dict:
    return next(one for one in config["collections"] if one["name"] == name)


def field(config: dict, collection_name: str, name: str) -> dict:
    return next(one for one in collection(config, collection_name)["fields"] if one["name"] == name)


def test_the_demo_settings_make_articles_photo_news_and_pages_in_chinese():
    config = desk_config(site_of(site_settings(ROOT / "pelicanconf.py", ROOT / "content"), ROOT / "content", ROOT, "http://127.0.0.1:8081/api/v1"))
    assert config["locale"] == "zh_Hans" and config["publish_mode"] == "editorial_workflow"
    assert [(one["name"], one["folder"], one["format"]) for one in config["collections"]] == [
        ("articles", "content/articles", "pelican"), ("photos", "content/photos", "pelican"), ("pages", "content/pages", "pelican")]
    assert field(config, "articles", "Category")["options"] == ["要闻", "政务", "民生", "文化"]
    assert field(config, "photos", "Category")["default"] == "图片新闻"
    assert config["local_backend"]["url"] == config["backend"]["proxy_url"] == "http://127.0.0.1:8081/api/v1"
    assert config["backend"]["branch"] == "main"


def test_every_field_of_a_story_is_asked_for_in_the_order_a_header_has_them():
    names = [one["name"] for one in collection(desk_config(DEMO), "articles")["fields"]]
    assert names == ["Title", "Kicker", "Subtitle", "Byline", "Authors", "Date", "Scheduled", "Category", "Tags", "Topic", "Lead", "Summary",
                     "Note", "Source", "Correction", "Modified", "Follows", "body", "filename"]
    photos = [one["name"] for one in collection(desk_config(DEMO), "photos")["fields"]]
    assert photos == ["Title", "Date", "Scheduled", "Category", "Tags", "Topic", "Photo", "Alt", "Caption", "Credit", "body", "filename"]
    pages = [one["name"] for one in collection(desk_config(DEMO), "pages")["fields"]]
    assert pages == ["Title", "Topic", "Summary", "Current", "Order", "body", "filename"]


def test_dates_are_beijing_time_as_the_site_writes_them():
    date = field(desk_config(DEMO), "articles", "Date")
    assert (date["widget"], date["format"], date["picker_utc"]) == ("datetime", "YYYY-MM-DD HH:mm", False)


def test_a_new_section_in_the_settings_shows_in_the_desk(tmp_path):
    settings = tmp_path / "pelicanconf.py"
    settings.write_text((ROOT / "pelicanconf.py").read_text(encoding="utf-8").replace(
        'FRONTPAGE_SECTIONS = ["要闻", "政务", "民生", "文化", "图片新闻"]',
        'FRONTPAGE_SECTIONS = ["要闻", "政务", "民生", "文化", "乡村振兴", "图片新闻"]'), encoding="utf-8")
    config = desk_config(site_of(site_settings(settings, ROOT / "content"), ROOT / "content", ROOT, "http://127.0.0.1:8081/api/v1"))
    assert "乡村振兴" in field(config, "articles", "Category")["options"]


def test_an_office_field_shows_in_the_desk():
    config = desk_config(Site(sections=DEMO.sections, content="content", extra_fields=["reviewer"]))
    assert field(config, "articles", "Reviewer") == {"name": "Reviewer", "label": "Reviewer", "widget": "string", "required": False}


def test_photo_news_goes_in_the_section_the_settings_name():
    config = desk_config(Site(sections=["图片新闻", "要闻"], content="content", photo_section="图片新闻"))
    assert field(config, "photos", "Category")["default"] == "图片新闻"
    assert field(config, "articles", "Category")["options"] == ["要闻"]


def test_pictures_go_into_the_content_folder_wherever_it_is():
    config = desk_config(Site(sections=DEMO.sections, content="site/content"))
    assert config["media_folder"] == "site/content/images" and config["public_folder"] == "{static}/images"
    assert field(config, "photos", "Photo")["media_folder"] == "/site/content/images"
    assert collection(config, "articles")["folder"] == "site/content/articles"


def test_with_a_forge_the_desk_works_through_it_and_not_the_local_proxy():
    forge = {"name": "gitea", "repo": "xinwen/site", "base_url": "https://git.example.gov.cn", "api_root": "https://git.example.gov.cn/api/v1"}
    config = desk_config(Site(sections=DEMO.sections, content="content", backend=forge, branch="main"))
    assert config["backend"] == {**forge, "branch": "main"}
    assert "local_backend" not in config
