"""axe-core in chromium finds no accessibility violation on any kind of page, on a phone or a desktop."""

import pytest
from scripts.chromium import serve
from quality_gates import axe_violations
from quality_pages import ARTICLE, DESKTOP, IMAGE_WITHOUT_ALT, PAGES, PHONE, READY, plant

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("page_name", PAGES)
def test_page_has_no_axe_violation(new_page, served_demo, axe_script, page_name, viewport):
    # axe is put into the page as an inline script: only with the page's CSP set aside can it run.
    page = new_page(VIEWPORTS[viewport], bypass_csp=True)
    violations = axe_violations(page, f"{served_demo}/{PAGES[page_name]}", axe_script, READY.get(page_name))
    assert not violations, f"{PAGES[page_name] or 'home'} at {viewport} size:\n" + "\n".join(violations)


@pytest.mark.parametrize("viewport", VIEWPORTS)
def test_a_published_article_with_its_qr_code_has_no_axe_violation(new_page, published_demo, axe_script, viewport):
    # Only a publish build has absolute addresses, so only its articles carry the QR code (plugins/share).
    page = new_page(VIEWPORTS[viewport], bypass_csp=True)
    violations = axe_violations(page, f"{published_demo}/{ARTICLE}", axe_script)
    assert page.locator(".share-qr svg").count() == 1
    assert not violations, f"published {ARTICLE} at {viewport} size:\n" + "\n".join(violations)


def test_axe_finds_a_planted_image_without_alt(new_page, site_copy, axe_script):
    plant(site_copy / ARTICLE, IMAGE_WITHOUT_ALT)
    page = new_page(PHONE, bypass_csp=True)
    with serve(site_copy) as base_url:
        violations = axe_violations(page, f"{base_url}/{ARTICLE}", axe_script)
    assert any(line.startswith("image-alt") and "#planted" in line for line in violations), violations
