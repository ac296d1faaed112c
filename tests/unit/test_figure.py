"""Images become <figure>/<picture> with WebP and JPEG sources; credits stand apart; galleries group."""

import pytest
from bs4 import BeautifulSoup
from plugins.photos.caption import split_credit
from plugins.photos.figure import Photo, figure_html, rewrite_images, shape
from plugins.photos.pipeline import Derivative

CAPTION = "近日，铁东区城市管理综合行政执法局开展楼道堆积物集中清理行动。本报通讯员 王东 摄"
SOURCES = tuple(
    Derivative(f"images/a-k-{w}.{ext}", w, w * 2 // 3, fmt) for w in (480, 960) for fmt, ext in (("webp", "webp"), ("jpeg", "jpg"))
)
PHOTO = Photo("images/a-k-960.jpg", "", "", "", 960, 640, SOURCES, "100vw")


def url(path: str) -> str:
    return f"../../{path}"


def photo_for(img):
    """What the plugin does: derivatives for local images, the caption from the title."""
    if img["src"].startswith("http"):
        return None
    caption = split_credit(img.attrs.pop("title", ""))
    return Photo(**{**PHOTO.__dict__, "alt": img.get("alt", ""), "caption": caption.text, "credit": caption.credit})


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_image_alone_in_a_paragraph_becomes_a_figure_with_picture_and_credit():
    html = f'<p>清理前后对比：</p>\n<p><img alt="执法队员清理楼道" src="{{static}}/images/a.jpg" title="{CAPTION}"></p>'
    soup = parse(rewrite_images(html, photo_for, url))
    figure = soup.select_one("figure.photo")
    source = figure.select_one("picture > source")
    assert source["type"] == "image/webp"
    assert source["srcset"] == "../../images/a-k-480.webp 480w, ../../images/a-k-960.webp 960w"
    img = figure.select_one("picture > img")
    assert img["src"] == "../../images/a-k-960.jpg"
    assert img["srcset"] == "../../images/a-k-480.jpg 480w, ../../images/a-k-960.jpg 960w"
    assert (img["alt"], img["width"], img["height"]) == ("执法队员清理楼道", "960", "640")
    assert img["loading"] == "lazy" and img["decoding"] == "async" and img["sizes"] == "100vw"
    assert not img.has_attr("title")
    assert figure.select_one("figcaption .caption-text").get_text() == CAPTION.removesuffix("本报通讯员 王东 摄")
    assert figure.select_one("figcaption .credit").get_text() == "本报通讯员 王东 摄"
    assert soup.select_one("p").get_text() == "清理前后对比："


def test_image_inside_text_gets_a_picture_but_no_figure():
    soup = parse(rewrite_images('<p>图标<img alt="图标" src="icon.png">说明</p>', photo_for, url))
    assert soup.select_one("p > picture > img")["alt"] == "图标" and not soup.figure


@pytest.mark.parametrize(
    "html",
    [
        "<h2>健全管理机制</h2>\n<p>各小区物业费公示率达到百分之百<br />“三项举措”落地。</p>",
        '<table>\n<thead>\n<tr>\n<th>项目</th>\n</tr>\n</thead>\n</table>\n<p><a href="/2026/11/wuye.html">物业</a></p>',
    ],
)
def test_a_body_without_images_is_given_back_unparsed(html):
    asked = []
    assert rewrite_images(html, lambda img: asked.append(img), url) is html
    assert asked == []


def test_an_image_typed_in_capitals_is_found():
    soup = parse(rewrite_images('<P><IMG alt="图" src="a.jpg" title="说明。东宣 摄"></P>', photo_for, url))
    assert soup.figure is not None


def test_images_the_plugin_does_not_know_stay_as_they_are():
    html = '<p><img alt="远程图片" src="https://example.com/a.jpg"></p>'
    assert rewrite_images(html, photo_for, url) == html


def test_adjacent_figures_make_a_gallery():
    html = "".join(f'<p><img alt="图{i}" src="{i}.jpg" title="说明{i}。东宣 摄"></p>\n' for i in range(3)) + "<p>正文。</p>"
    soup = parse(rewrite_images(html, photo_for, url))
    gallery = soup.select_one("div.gallery")
    assert [f.img["alt"] for f in gallery.select("figure")] == ["图0", "图1", "图2"]
    assert soup.select("p")[-1].get_text() == "正文。"


def test_one_figure_is_no_gallery():
    assert "gallery" not in rewrite_images('<p><img alt="图" src="a.jpg" title="说明"></p>', photo_for, url)


def test_lead_photo_is_not_lazy_and_text_is_escaped():
    photo = Photo("images/a.jpg", "示意图", "标题含<script>与&符号", "东宣 摄", 800, 600)
    html = figure_html(photo, lazy=False)
    assert "loading" not in html and "<picture" not in html, "no derivatives: a bare <img>"
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert parse(html).select_one(".credit").get_text() == "东宣 摄"


@pytest.mark.parametrize(
    "width, height, expected",
    [
        (1600, 1067, "3x2"),  # a camera's landscape photo
        (1067, 1600, "2x3"),  # the same, upright
        (1080, 1920, "9x16"),  # a phone's upright screen-shaped photo
        (1600, 1200, "4x3"),
        (1200, 1600, "3x4"),
        (1000, 1000, "1x1"),
        (1920, 1080, "16x9"),
        (3000, 1000, "3x1"),  # a panorama
        (960, 0, ""),
        (None, None, ""),
    ],
)
def test_shape_is_the_nearest_named_ratio(width, height, expected):
    assert shape(width, height) == expected


def test_a_figure_is_named_by_its_shape():
    assert parse(figure_html(PHOTO)).figure["class"] == ["photo", "photo--3x2"]
    assert parse(figure_html(Photo("a.jpg", "图", "", "", None, None))).figure["class"] == ["photo"]
