"""The share plugin's QR code: the story's published address, one small SVG, none for a local build."""

import re

import pytest
import segno
from plugins.share.qrcode import qr_svg, story_qr_code
from plugins.share.settings import merged

LABEL = "本文网址的二维码"


def modules_of(svg: str) -> set[tuple[int, int]]:
    """The dark modules an SVG path of horizontal runs draws ("M4 4.5h7m2 0h3…": moves and runs)."""
    path = re.search(r'<path stroke="#000" d="([^"]+)"', svg)[1]
    dark, x, y = set(), 0.0, 0.0
    for command, dx, dy in re.findall(r"([Mmh])(-?[\d.]+)(?: (-?[\d.]+))?", path):
        if command == "M":
            x, y = float(dx), float(dy)
        elif command == "m":
            x, y = x + float(dx), y + float(dy)
        else:
            dark.update((int(x) + step, int(y)) for step in range(int(float(dx))))
            x += float(dx)
    return dark


@pytest.mark.parametrize("siteurl, path, address", [
    ("https://news.tiedong.gov.cn", "2026/11/wuye-guanli.html", "https://news.tiedong.gov.cn/2026/11/wuye-guanli.html"),
    ("https://xinwen.example.gov.cn/", "/2026/12/yiliao-fuwu-jinshequ.html", "https://xinwen.example.gov.cn/2026/12/yiliao-fuwu-jinshequ.html"),
    ("http://127.0.0.1:8000", "2027/1/a.html", "http://127.0.0.1:8000/2027/1/a.html"),
])
def test_the_code_draws_the_published_address_as_the_qr_standard_lays_it_out(siteurl, path, address):
    code = story_qr_code(siteurl, path, LABEL)
    assert code.address == address
    expected = segno.make_qr(address)
    rows = list(expected.matrix_iter(border=4))
    assert f'viewBox="0 0 {len(rows)} {len(rows)}"' in code.svg
    assert modules_of(code.svg) == {(x, y) for y, row in enumerate(rows) for x, dark in enumerate(row) if dark}


@pytest.mark.parametrize("siteurl", ["", "/", "output", "file:///srv/site"])
def test_a_local_build_has_no_code(siteurl):
    assert story_qr_code(siteurl, "2026/11/wuye-guanli.html", LABEL) is None


def test_the_svg_is_one_path_named_for_assistive_technology_with_fixed_colours():
    svg = qr_svg("https://news.tiedong.gov.cn/2026/11/tiedongqu-zhaokai-wuye-guanli-gongzuo.html", "二维码 <&>")
    assert svg.startswith('<svg role="img" aria-label="二维码 &lt;&amp;&gt;" ')
    assert svg.count("<path") == 2 and "<rect" not in svg and "style=" not in svg
    assert 'fill="#fff"' in svg and 'stroke="#000"' in svg  # black on white in every colour scheme
    assert " width=" not in svg.split(">")[0]  # sized by CSS
    assert len(svg.encode()) < 2500


@pytest.mark.parametrize("value", [False, True])
def test_the_setting_takes_true_or_false(value):
    assert merged({"SHARE_QR_CODE": value})["SHARE_QR_CODE"] is value


@pytest.mark.parametrize("value", ["false", 0, None])
def test_anything_else_is_refused_in_chinese_and_english(value):
    with pytest.raises(ValueError, match="SHARE_QR_CODE.*True 或 False.*True or False"):
        merged({"SHARE_QR_CODE": value})
