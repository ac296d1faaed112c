"""The fingerprint plugin's pure parts: fingerprinted names, which names are fingerprinted, the theme's file table."""

import hashlib

import pytest
from plugins.fingerprint.names import FINGERPRINT_CHARS, fingerprinted, is_fingerprinted
from plugins.fingerprint.settings import merged
from plugins.fingerprint.theme import theme_static_files, write_fingerprinted_copies

CSS = b":root { --c-accent: #b3121b; }"  # sha256 9699e9e5eb…
SEARCH_PAGE = b'import { search } from "../../search/engine.js";'  # sha256 790fed0e38…
SVG = b'<svg xmlns="http://www.w3.org/2000/svg"/>'  # sha256 900fbe9342…


@pytest.mark.parametrize(
    "path, data, expected",
    [
        ("css/site.css", CSS, "css/site.9699e9e5eb.css"),
        ("js/search-page.js", SEARCH_PAGE, "js/search-page.790fed0e38.js"),
        ("favicon.svg", SVG, "favicon.900fbe9342.svg"),
        ("apple-touch-icon.png", b"", "apple-touch-icon.e3b0c44298.png"),
        ("js/vendor/jieba.min.js", b"", "js/vendor/jieba.min.e3b0c44298.js"),  # before the last suffix only
        ("LICENSE", b"", "LICENSE.e3b0c44298"),  # no suffix: the fingerprint goes at the end
    ],
)
def test_fingerprinted_puts_the_hash_before_the_last_suffix(path, data, expected):
    assert fingerprinted(path, data) == expected


def test_the_fingerprint_is_the_start_of_the_sha256():
    name = fingerprinted("css/site.css", CSS)
    assert name.split(".")[-2] == hashlib.sha256(CSS).hexdigest()[:FINGERPRINT_CHARS]
    assert fingerprinted("css/site.css", CSS + b"\n") != name


@pytest.mark.parametrize(
    "path, expected",
    [
        ("theme/css/site.9699e9e5eb.css", True),
        ("theme/js/reading.0a1b2c3d4e.js", True),
        ("theme/apple-touch-icon.e3b0c44298.png", True),
        ("theme/css/site.css", False),
        ("theme/js/search-page.js", False),
        ("search/engine.js", False),
        ("theme/css/site.9699E9E5EB.css", False),  # upper-case hex is not ours
        ("theme/css/site.9699e9e5e.css", False),  # nine digits
        ("theme/js/share.9699e9e5eb.js.map", False),  # the fingerprint is not before the last suffix
        ("2026/11/wuye-guanli.html", False),
        ("images/2026/11/yiyuan-zhiyuanzhe.1200.jpg", False),
    ],
)
def test_is_fingerprinted(path, expected):
    assert is_fingerprinted(path) is expected


@pytest.mark.parametrize("path, data", [("css/site.css", CSS), ("js/search-page.js", SEARCH_PAGE), ("favicon.svg", SVG)])
def test_every_fingerprinted_name_with_a_suffix_is_recognised(path, data):
    assert is_fingerprinted(fingerprinted(path, data)) and not is_fingerprinted(path)


@pytest.mark.parametrize("value", [True, False])
def test_accepted_settings(value):
    assert merged({"FINGERPRINT_ASSETS": value}) == {"FINGERPRINT_ASSETS": value}


@pytest.mark.parametrize("value", ["yes", 1, None])
def test_refused_settings(value):
    with pytest.raises(ValueError, match="FINGERPRINT_ASSETS"):
        merged({"FINGERPRINT_ASSETS": value})


def test_the_theme_table_lists_files_as_pelican_copies_them(tmp_path):
    """A folder's contents land at the top, a single file by its base name, a later path wins, ignored names are left out."""
    theme = tmp_path / "theme"
    for relative, data in {
        "static/css/site.css": CSS,
        "static/js/search-page.js": SEARCH_PAGE,
        "static/js/.#search-page.js": b"an editor's lock file",
        "static/favicon.svg": b"old",
        "extra/favicon.svg": SVG,
    }.items():
        (theme / relative).parent.mkdir(parents=True, exist_ok=True)
        (theme / relative).write_bytes(data)
    files = theme_static_files(theme, ["static", "extra/favicon.svg"], [".#*"])
    assert {name: path.relative_to(theme).as_posix() for name, path in files.items()} == {
        "css/site.css": "static/css/site.css",
        "js/search-page.js": "static/js/search-page.js",
        "favicon.svg": "extra/favicon.svg",
    }
    output = tmp_path / "output/theme"
    written = write_fingerprinted_copies(files, output)
    assert sorted(path.relative_to(output).as_posix() for path in written) == [
        "css/site.9699e9e5eb.css",
        "favicon.900fbe9342.svg",
        "js/search-page.790fed0e38.js",
    ]
    assert (output / "favicon.900fbe9342.svg").read_bytes() == SVG
