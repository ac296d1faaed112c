"""Captioned images become <figure> with the credit marked up on its own; other images stay."""

import pytest
from bs4 import BeautifulSoup

from photos.figure import Photo, captioned_images_to_figures, figure_html

CAPTION = "近日，铁东区城市管理综合行政执法局开展楼道堆积物集中清理行动。本报通讯员 王东 摄"


def parse(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser")


def test_captioned_image_becomes_figure_with_credit():
    html = f'<p>清理前后对比：</p>\n<p><img alt="执法队员清理楼道" src="{{static}}/images/a.jpg" title="{CAPTION}"></p>'
    soup = parse(captioned_images_to_figures(html, lambda src: (1600, 1067)))
    img = soup.select_one("figure.photo > img")
    assert img["alt"] == "执法队员清理楼道"
    assert (img["width"], img["height"]) == ("1600", "1067")
    assert img["loading"] == "lazy" and img["decoding"] == "async"
    assert not img.has_attr("title")
    assert soup.select_one("figcaption .caption-text").get_text() == CAPTION.removesuffix("本报通讯员 王东 摄")
    assert soup.select_one("figcaption .credit").get_text() == "本报通讯员 王东 摄"
    assert soup.select_one("p").get_text() == "清理前后对比："


@pytest.mark.parametrize(
    "html",
    [
        '<p><img alt="无说明的图" src="a.jpg"></p>',
        '<p>文字中的图标<img alt="图标" src="icon.png" title="说明"></p>',
    ],
)
def test_images_without_caption_or_inside_text_stay_as_they_are(html):
    assert "<figure" not in captioned_images_to_figures(html)


def test_size_is_left_out_when_unknown():
    img = parse(captioned_images_to_figures('<p><img alt="图" src="x.jpg" title="说明"></p>')).img
    assert not img.has_attr("width") and not img.has_attr("height")


def test_lead_photo_is_not_lazy_and_text_is_escaped():
    photo = Photo("images/a.jpg", "示意图", "标题含<script>与&符号", "东宣 摄", 800, 600)
    html = figure_html(photo, lazy=False)
    assert "loading" not in html
    assert "&lt;script&gt;" in html and "&amp;" in html
    assert parse(html).select_one(".credit").get_text() == "东宣 摄"
