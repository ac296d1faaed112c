"""An image link in a content file resolves to the file on disk; its size is read from the file."""

from pathlib import Path

import pytest
from PIL import Image

from photos.images import image_size, resolve_src

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
        ("data:image/png;base64,AAAA", None),
    ],
)
def test_resolve_src(src, expected):
    assert resolve_src(src, SOURCE_DIR, ROOT) == expected


def test_image_size_reads_a_real_jpeg(tmp_path):
    path = tmp_path / "a.jpg"
    Image.new("RGB", (640, 427), (180, 40, 40)).save(path, quality=80)
    assert image_size(path) == (640, 427)


@pytest.mark.parametrize("data", [None, b"not an image", b"\xff\xd8\xff\xe0 truncated"])
def test_image_size_of_missing_or_broken_file_is_none(tmp_path, data):
    path = tmp_path / "broken.jpg"
    if data is not None:
        path.write_bytes(data)
    assert image_size(path) is None
