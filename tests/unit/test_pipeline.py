"""The Pillow pipeline on real image files: upright, converted, resized, never upscaled, no metadata."""

import errno
import os

import pytest
from plugins.photos.cache import PhotoCache, photo_key, planned
from plugins.photos.pipeline import Recipe, derivative_widths, make_derivatives, make_into_cache, oriented_size
from PIL import Image, ImageCms

RECIPE = Recipe((480, 960, 1600), ("webp", "jpeg"), 82, 80, 50_000_000)
GPS = 0x8825


def phone_photo(path, size=(2000, 1500), orientation=6):
    """A camera-like JPEG: stored landscape, EXIF orientation, GPS position, an sRGB profile."""
    image = Image.linear_gradient("L").resize(size).convert("RGB")
    image.paste((200, 30, 30), (0, 0, size[0] // 4, size[1] // 4))  # a red mark at the stored top left
    exif = Image.Exif()
    exif[0x0112] = orientation
    exif[0x013B] = "高欣"  # Artist
    gps = exif.get_ifd(GPS)
    gps.update({1: "N", 2: (43.0, 10.0, 0.0), 3: "E", 4: (124.0, 22.0, 0.0)})
    icc = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    image.save(path, "JPEG", quality=90, exif=exif.tobytes(), icc_profile=icc)
    return path


@pytest.mark.parametrize(
    "width, widths, expected",
    [
        (4000, (480, 960, 1600), [480, 960, 1600]),
        (1200, (480, 960, 1600), [480, 960, 1200]),
        (960, (480, 960, 1600), [480, 960]),
        (300, (480, 960, 1600), [300]),
    ],
)
def test_derivative_widths_never_upscale(width, widths, expected):
    assert derivative_widths(width, widths) == expected


def test_derivatives_are_upright_sized_and_carry_no_metadata(tmp_path):
    source = phone_photo(tmp_path / "phone.jpg")
    assert Image.open(source).getexif().get_ifd(GPS), "the source does carry GPS"
    assert oriented_size(source) == (1500, 2000)
    written = make_derivatives(source, RECIPE, tmp_path / "out")
    assert sorted(p.name for p in written) == sorted(f"{w}.{e}" for w in (480, 960, 1500) for e in ("jpg", "webp"))
    for path in written:
        with Image.open(path) as image:
            width = int(path.stem)
            assert image.size == (width, round(2000 * width / 1500)), "portrait, as shown"
            assert not image.getexif() and not image.getexif().get_ifd(GPS)
            assert "icc_profile" not in image.info and "exif" not in image.info and "xmp" not in image.info
            red_corner = image.convert("RGB").getpixel((image.width - 3, 3))
            assert red_corner[0] > 150 > red_corner[1], "the stored top-left is now top-right: turned 90°"
    assert b"GPS" not in b"".join(p.read_bytes() for p in written)


@pytest.mark.parametrize(
    "mode, extra",
    [("CMYK", {}), ("P", {}), ("I;16", {}), ("RGBA", {}), ("LA", {}), ("L", {})],
)
def test_every_colour_mode_becomes_rgb(tmp_path, mode, extra):
    image = Image.linear_gradient("L").resize((640, 480)).convert(mode)
    fmt = "JPEG" if mode in ("CMYK", "L") else "PNG"
    source = tmp_path / f"in.{fmt.lower()}"
    image.save(source, fmt)
    for path in make_derivatives(source, RECIPE, tmp_path / "out"):
        with Image.open(path) as derivative:
            assert derivative.mode == "RGB" and derivative.width in (480, 640)


def test_truncated_jpeg_is_an_error_and_leaves_no_half_set(tmp_path):
    source = phone_photo(tmp_path / "whole.jpg")
    broken = tmp_path / "broken.jpg"
    broken.write_bytes(source.read_bytes()[:20_000])
    error = make_into_cache(broken, RECIPE, tmp_path / "cache" / "key")
    assert error and "truncated" in error
    assert not list((tmp_path / "cache").glob("*")), "nothing half-made is left to be taken for cached"


def test_key_changes_with_the_bytes_and_the_recipe(tmp_path):
    first = phone_photo(tmp_path / "a.jpg")
    same = tmp_path / "b.jpg"
    same.write_bytes(first.read_bytes())
    other = phone_photo(tmp_path / "c.jpg", orientation=1)
    assert photo_key(first, RECIPE) == photo_key(same, RECIPE)
    assert photo_key(first, RECIPE) != photo_key(other, RECIPE)
    assert photo_key(first, RECIPE) != photo_key(first, RECIPE._replace(jpeg_quality=70))


def test_cache_publishes_under_fingerprinted_names(tmp_path):
    source = phone_photo(tmp_path / "jinqiu.jpg", size=(1200, 800), orientation=1)
    key = photo_key(source, RECIPE)
    derivatives = planned("jinqiu", key, (1200, 800), RECIPE, "images")
    assert [d.path for d in derivatives][:2] == [f"images/jinqiu-{key}-480.webp", f"images/jinqiu-{key}-480.jpg"]
    cache = PhotoCache(tmp_path / "cache")
    assert not cache.has(key, derivatives)
    assert make_into_cache(source, RECIPE, cache.folder(key)) is None
    assert cache.has(key, derivatives)
    cache.publish(key, derivatives, tmp_path / "site")
    for derivative in derivatives:
        with Image.open(tmp_path / "site" / derivative.path) as image:
            assert image.size == (derivative.width, derivative.height)


def no_hard_links(source, target):
    """os.link on a file system without hard links, or with the cache on another one."""
    raise OSError(errno.EXDEV, os.strerror(errno.EXDEV))


@pytest.mark.parametrize("links", [True, False])
def test_a_published_derivative_is_the_cached_file_linked_or_else_copied(tmp_path, monkeypatch, links):
    source = phone_photo(tmp_path / "jinqiu.jpg", size=(1200, 800), orientation=1)
    key = photo_key(source, RECIPE)
    derivatives = planned("jinqiu", key, (1200, 800), RECIPE, "images")
    cache = PhotoCache(tmp_path / "cache")
    make_into_cache(source, RECIPE, cache.folder(key))
    if not links:
        monkeypatch.setattr("plugins.photos.cache.os.link", no_hard_links)
    site = tmp_path / "site"
    (site / "images").mkdir(parents=True)
    (site / derivatives[0].path).write_bytes(b"left by an earlier build")
    cache.publish(key, derivatives, site)
    for derivative in derivatives:
        cached, published = cache.cached_file(key, derivative), site / derivative.path
        assert published.read_bytes() == cached.read_bytes()
        assert published.samefile(cached) == links
