"""An article's HTML, CSS and JavaScript weigh under 40 KB gzipped together, and no page asks anything of another host.

The article's weight, file by file, is written to test-results/page-weight.txt.
"""

import random
from urllib.parse import urlsplit

import pytest
from scripts.chromium import serve
from quality_gates import PAGE_WEIGHT_BUDGET, compressed_sizes, over_budget, requests_leaving
from quality_pages import ARTICLE, DESKTOP, PAGES, PHONE, plant

PAGES_THAT_STAY_HOME = ("home", "article", "photo", "search")


def test_article_weighs_under_budget(new_page, served_demo, results_folder):
    sizes = compressed_sizes(new_page(PHONE), f"{served_demo}/{ARTICLE}")
    write_weight_report(results_folder / "page-weight.txt", sizes)
    problems = over_budget(sizes)
    assert not problems, problems[0]


def test_a_published_article_with_its_qr_code_weighs_under_budget(new_page, published_demo):
    # Only a publish build has absolute addresses, so only its articles carry the QR code (plugins/share).
    page = new_page(DESKTOP)
    sizes = compressed_sizes(page, f"{published_demo}/{ARTICLE}")
    assert page.locator(".share-qr svg").count() == 1
    problems = over_budget(sizes)
    assert not problems, problems[0]
    assert not requests_leaving(new_page(DESKTOP), f"{published_demo}/{ARTICLE}")


def test_page_weight_counts_a_planted_heavy_article(new_page, site_copy):
    # Random letters hardly compress: 64,000 of them gzip to about 48 KB, past the budget on their own.
    letters = random.Random(7).choices("abcdefghijklmnopqrstuvwxyz0123456789", k=64_000)
    plant(site_copy / ARTICLE, f"<p hidden>{''.join(letters)}</p>")
    with serve(site_copy) as base_url:
        problems = over_budget(compressed_sizes(new_page(PHONE), f"{base_url}/{ARTICLE}"))
    assert problems and urlsplit(ARTICLE).path in problems[0], problems


@pytest.mark.parametrize("page_name", PAGES_THAT_STAY_HOME)
def test_no_request_leaves_the_site(new_page, served_demo, page_name):
    leaving = requests_leaving(new_page(DESKTOP), f"{served_demo}/{PAGES[page_name]}")
    assert not leaving, leaving


def test_requests_leaving_finds_a_planted_external_request(new_page, site_copy):
    plant(site_copy / ARTICLE, '<img src="http://example.invalid/pixel.gif" alt="外部图片">')
    with serve(site_copy) as base_url:
        leaving = requests_leaving(new_page(DESKTOP), f"{base_url}/{ARTICLE}")
    assert leaving == ["http://example.invalid/pixel.gif"]


def write_weight_report(path, sizes: dict[str, int]) -> None:
    """The article's total gzipped weight against the budget, then each file's, heaviest first."""
    total = sum(sizes.values())
    lines = [f"{ARTICLE}: {total} bytes of HTML, CSS and JavaScript, gzip -9 each (budget {PAGE_WEIGHT_BUDGET})"]
    lines += [f"{size:>8}  {urlsplit(url).path}" for url, size in sorted(sizes.items(), key=lambda item: -item[1])]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
