"""An image link resolves to a file in content/; a file that cannot be published says why."""

from pathlib import Path

import pytest
from plugins.photos.images import PhotoProblem, checked_size, resolve_src
from PIL import Image

ROOT = Path("/site/content")
SOURCE_DIR = ROOT / "articles"


@pytest.mark.parametrize(
    "src, expected",
    [
        ("{static}/images/a.jpg", ROOT / "images/a.jpg"),
        ("{attach}photo.jpg", SOURCE_DIR / "photo.jpg"),
        ("/images/a.jpg", ROOT / "images/a.jpg"),
        ("../images/a.jpg", SOURCE_DIR / "../images/a.jpg"),
        ("https://example.com/a.jpg", None),
        ("//example.com/a.jpg", None),
        ("data:image/png;base64,AAAA", None),
    ],
)
def test_resolve_src(src, expected):
    assert resolve_src(src, SOURCE_DIR, ROOT) == expected


def test_size_of_a_real_jpeg(tmp_path):
    Image.new("RGB", (640, 427), (180, 40, 40)).save(tmp_path / "a.jpg", quality=80)
    assert checked_size(tmp_path / "a.jpg", tmp_path, 10_000_000) == (640, 427)


def test_size_follows_exif_orientation(tmp_path):
    exif = Image.Exif()
    exif[0x0112] = 6  # stored landscape, shown portrait
    Image.new("RGB", (640, 427)).save(tmp_path / "a.jpg", exif=exif.tobytes())
    assert checked_size(tmp_path / "a.jpg", tmp_path, 10_000_000) == (427, 640)


@pytest.mark.parametrize(
    "name, data, words",
    [
        ("missing.jpg", None, "图片文件不存在"),
        ("text.jpg", b"not an image", "不是可以读取的图片"),
        ("empty.jpg", b"", "不是可以读取的图片"),
    ],
)
def test_files_that_cannot_be_published(tmp_path, name, data, words):
    if data is not None:
        (tmp_path / name).write_bytes(data)
    with pytest.raises(PhotoProblem, match=words):
        checked_size(tmp_path / name, tmp_path, 10_000_000)


def test_image_outside_content_is_refused(tmp_path):
    content = tmp_path / "content"
    content.mkdir()
    Image.new("RGB", (10, 10)).save(tmp_path / "secret.jpg")
    with pytest.raises(PhotoProblem, match="不在 content/"):
        checked_size(content / ".." / "secret.jpg", content, 10_000_000)


@pytest.mark.parametrize("size", [(3000, 2000), (9000, 9000)])
def test_decompression_bomb_is_refused(tmp_path, size):
    """Over the limit by a little (our check) or by far (Pillow's own error): one plain message."""
    Image.new("L", size).save(tmp_path / "bomb.png")
    with pytest.raises(PhotoProblem, match="超过上限 1000000 像素"):
        checked_size(tmp_path / "bomb.png", tmp_path, 1_000_000)
