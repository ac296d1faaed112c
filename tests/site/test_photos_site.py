"""Photos on a built site: derivatives in <picture>, no GPS anywhere, a cache, and bad photos named."""

import io
import os

import pytest
from PIL import Image
from sitebuild import Site, run_pelican, write_files

SITEURL = "https://news.example.gov.cn"


def phone_jpeg(size=(2400, 1600), orientation=6, seed=0) -> bytes:
    """A phone photo: stored landscape with EXIF orientation 6 and a GPS position."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((37 * seed % 256, 90, 160), (0, 0, size[0] // 3, size[1] // 3))
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif.get_ifd(0x8825).update({1: "N", 2: (43.0, 10.0, 0.0), 3: "E", 4: (124.0, 22.0, 0.0)})
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=88, exif=exif.tobytes())
    return buffer.getvalue()


NEWSROOM = {
    "articles/loudao.md": """
        Title: 平南街道集中清理楼道堆积物
        Byline: 本报讯（通讯员 王东）
        Date: 2026-11-24 09:20
        Category: 民生

        近日，平南街道执法中队开展楼道堆积物集中清理行动。

        ![执法队员搬运楼道杂物]({static}/images/loudao.jpg "执法队员清理楼道。本报通讯员 王东 摄")

        ![清理后的楼道]({static}/images/loudao-2.jpg "清理后的楼道。本报通讯员 王东 摄")
        ![居民查看清理成果]({static}/images/loudao-3.jpg "居民查看清理成果。本报通讯员 王东 摄")
        """,
    "photos/jinqiu.md": """
        Title: 第十四届“金秋助学”活动资助40名学生
        Date: 2026-11-24 10:00
        Category: 图片新闻
        Photo: images/jinqiu.jpg
        Alt: 学生们手捧助学金站成一排

        近日，铁东区关工委举办第十四届“金秋助学”活动。
        本报通讯员 高欣 摄
        """,
    "photos/yanchu.md": """
        Title: 文艺演出走进四平植物园
        Date: 2026-11-24 11:00
        Category: 图片新闻
        Photo: images/yanchu.jpg
        Alt: 舞台上的开场舞

        开场舞《欢乐家庭》拉开演出序幕。本报通讯员 王斌 摄

        ![合唱《我的中国心》]({static}/images/yanchu-2.jpg "合唱《我的中国心》。本报通讯员 王斌 摄")
        ![舞蹈《化蝶》]({static}/images/yanchu-3.jpg "舞蹈《化蝶》。本报通讯员 王斌 摄")
        """,
    "images/yanchu.jpg": phone_jpeg((1200, 800), orientation=1, seed=6),
    "images/yanchu-2.jpg": phone_jpeg((1200, 800), orientation=1, seed=7),
    "images/yanchu-3.jpg": phone_jpeg((1200, 800), orientation=1, seed=8),
    "images/loudao.jpg": phone_jpeg(seed=1),
    "images/loudao-2.jpg": phone_jpeg(orientation=1, seed=2),
    "images/loudao-3.jpg": phone_jpeg(orientation=1, seed=3),
    "images/jinqiu.jpg": phone_jpeg((1200, 800), orientation=1, seed=4),
    "images/unused.jpg": phone_jpeg(seed=5),
}


def build(root, files, *extra, settings="pelicanconf.py"):
    content = write_files(root / "content", files)
    env = dict(os.environ, SITEURL=SITEURL, COLUMNS="400")
    process = run_pelican(content, root / "output", settings, "-v", "-e", f'CACHE_PATH="{root / "cache"}"', *extra, env=env)
    return process, Site(root / "output", process.stdout + process.stderr)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    process, built = build(tmp_path_factory.mktemp("photos"), NEWSROOM)
    assert process.returncode == 0, built.log
    return built


def test_inline_photo_is_a_picture_with_webp_and_jpeg_at_each_width(site):
    figure = site.html("2026/11/loudao.html").select_one("main figure")
    webp = figure.select_one("picture source[type='image/webp']")["srcset"].split(", ")
    img = figure.select_one("picture img")
    assert [entry.split()[-1] for entry in webp] == ["480w", "960w", "1600w"]
    assert [entry.split()[-1] for entry in img["srcset"].split(", ")] == ["480w", "960w", "1600w"]
    assert (img["width"], img["height"]) == ("960", "1440"), "portrait: the EXIF orientation is applied"
    assert img["loading"] == "lazy" and img["decoding"] == "async" and img["alt"] == "执法队员搬运楼道杂物"
    for entry in webp + img["srcset"].split(", "):
        assert (site.output / "2026/11" / entry.split()[0]).resolve().is_file()


def test_derivatives_are_upright_and_as_wide_as_set(site):
    for path in site.output.glob("images/loudao-*-*.*"):
        if "-2-" in path.name or "-3-" in path.name:
            continue
        with Image.open(path) as image:
            width = int(path.stem.rsplit("-", 1)[1])
            assert image.size == (width, width * 3 // 2)


def test_no_published_file_has_exif_or_gps_and_no_original_is_copied(site):
    images = sorted(site.output.glob("images/*"))
    assert images and all("-" in p.stem and len(p.stem.rsplit("-", 2)[1]) == 12 for p in images), images
    assert not [p for p in images if "unused" in p.name], "a photo no article uses is not published"
    for path in images:
        with Image.open(path) as image:
            assert not image.getexif(), path
        assert b"Exif" not in path.read_bytes()[:4096], path


def test_adjacent_photos_make_a_gallery(site):
    gallery = site.html("2026/11/loudao.html").select_one("main div.gallery")
    assert [f.img["alt"] for f in gallery.select("figure")] == ["执法队员搬运楼道杂物", "清理后的楼道", "居民查看清理成果"]


def test_photo_item_leads_with_its_photo_not_lazy(site):
    page = site.html("2026/11/jinqiu.html")
    img = page.select_one("main figure picture img")
    assert not img.has_attr("loading") and img["width"] == "960"
    assert page.select_one("main figure .credit").get_text() == "本报通讯员 高欣 摄"
    assert img["src"].startswith("../../images/jinqiu-")


def test_photo_item_with_more_photos_shows_them_as_a_gallery_after_its_own(site):
    main = site.html("2026/11/yanchu.html").select_one("main .article-body")
    lead, gallery = main.find_all(["figure", "div"], recursive=False)
    assert lead.img["alt"] == "舞台上的开场舞"
    assert lead.select_one(".caption-text").get_text() == "开场舞《欢乐家庭》拉开演出序幕。"
    assert [f.img["alt"] for f in gallery.select("figure")] == ["合唱《我的中国心》", "舞蹈《化蝶》"]


def test_rebuild_with_unchanged_photos_does_no_image_work_and_a_changed_photo_is_remade(tmp_path):
    first, _ = build(tmp_path, NEWSROOM)
    assert "新处理 7 张，沿用缓存 0 张" in " ".join(first.stdout.split())
    cached = {p: p.stat().st_mtime_ns for p in (tmp_path / "cache/photos").rglob("*.*")}
    second, _ = build(tmp_path, NEWSROOM)
    assert "新处理 0 张，沿用缓存 7 张" in " ".join(second.stdout.split())
    assert {p: p.stat().st_mtime_ns for p in (tmp_path / "cache/photos").rglob("*.*")} == cached
    changed = NEWSROOM | {"images/jinqiu.jpg": phone_jpeg((1200, 800), orientation=1, seed=40)}
    third, site = build(tmp_path, changed)
    assert "新处理 1 张，沿用缓存 6 张" in " ".join(third.stdout.split())
    new_src = site.html("2026/11/jinqiu.html").select_one("main figure img")["src"]
    assert new_src.rsplit("/", 1)[1] not in {p.name for p in cached}, "the page shows the new photo's files"
    assert (site.output / "2026/11" / new_src).resolve().is_file()


def truncated() -> bytes:
    return phone_jpeg()[:30_000]


BAD_PHOTOS = [
    ("missing", "![现场]({static}/images/nowhere.jpg \"说明。东宣 摄\")", {}, (), "images/nowhere.jpg", "图片文件不存在"),
    ("outside", "![现场]({static}/../outside.jpg \"说明。东宣 摄\")", {"../outside.jpg": phone_jpeg()}, (), "outside.jpg", "不在 content/ 文件夹内"),
    ("not-image", "![现场]({static}/images/note.jpg \"说明。东宣 摄\")", {"images/note.jpg": "这是一段文字"}, (), "images/note.jpg", "不是可以读取的图片"),
    ("truncated", "![现场]({static}/images/cut.jpg \"说明。东宣 摄\")", {"images/cut.jpg": truncated()}, (), "images/cut.jpg", "无法处理"),
    ("bomb", "![现场]({static}/images/big.jpg \"说明。东宣 摄\")", {"images/big.jpg": phone_jpeg()}, ("-e", "PHOTOS_MAX_PIXELS=1000000"), "images/big.jpg", "超过上限 1000000 像素"),
    ("no-caption", "![现场]({static}/images/a.jpg)", {"images/a.jpg": phone_jpeg()}, (), "images/a.jpg", "缺少图片说明"),
    ("no-alt", "![]({static}/images/a.jpg \"说明。东宣 摄\")", {"images/a.jpg": phone_jpeg()}, (), "images/a.jpg", "缺少替代文字"),
    ("no-static", "![现场](images/a.jpg \"说明。东宣 摄\")", {"images/a.jpg": phone_jpeg()}, (), "images/a.jpg",
     "文件在 content/images/a.jpg，请写作 {static}/images/a.jpg"),
]


@pytest.mark.parametrize("name, markdown, files, extra, image, words", BAD_PHOTOS, ids=[row[0] for row in BAD_PHOTOS])
def test_bad_photo_is_named_and_stops_a_publish_build(tmp_path, name, markdown, files, extra, image, words):
    article = {"articles/zhaopian.md": f"Title: 有问题的图片\nDate: 2026-11-24\nCategory: 民生\n\n正文。\n\n{markdown}\n"}
    extra_files = {f"content/{path}" if not path.startswith("..") else path.removeprefix("../"): data for path, data in files.items()}
    write_files(tmp_path, extra_files)
    process, site = build(tmp_path, article, *extra, settings="publishconf.py")
    log = " ".join(site.log.split())
    assert process.returncode == 1, log
    assert "articles/zhaopian.md" in log and image in log and words in log, log
    assert "Traceback" not in log and "严格构建未通过" in log


def test_originals_are_published_only_when_a_setting_asks(tmp_path):
    process, site = build(tmp_path, NEWSROOM, "-e", "PHOTOS_PUBLISH_ORIGINALS=true")
    assert process.returncode == 0, site.log
    original = site.output / "images/loudao.jpg"
    assert original.read_bytes() == NEWSROOM["images/loudao.jpg"], "as the editor gave it, GPS and all"


def test_one_photo_saved_under_two_names_is_published_under_both(tmp_path):
    # An editor copies 现场.jpg to a second name for another story: the bytes, and so the cache key,
    # are the same, and each page names its own files.
    same = phone_jpeg((1200, 800), orientation=1, seed=9)
    files = {
        "articles/a.md": "Title: 甲\nDate: 2026-11-24 08:00\n\n正文。\n\n![现场]({static}/images/a.jpg \"现场。东宣 摄\")\n",
        "articles/b.md": "Title: 乙\nDate: 2026-11-24 09:00\n\n正文。\n\n![现场]({static}/images/b.jpg \"现场。东宣 摄\")\n\n"
        "正文。\n\n![又一张]({static}/images/c.jpg \"又一张。东宣 摄\")\n",
        "images/a.jpg": same,
        "images/b.jpg": same,
        "images/c.jpg": same,
    }
    process, site = build(tmp_path, files)
    assert process.returncode == 0, site.log
    for page in ("2026/11/a.html", "2026/11/b.html"):
        for img in site.html(page).select("main figure img"):
            assert (site.output / "2026/11" / img["src"]).resolve().is_file(), (page, img["src"])
