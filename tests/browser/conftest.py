"""Browser fixtures: pages of a site served on loopback, opened in the shared chromium (tests/conftest.py)."""

import pytest
from scripts.chromium import serve


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture
def open_page(browser, served_demo):
    """Open a page of the demo site at a viewport size; record every request it makes."""
    contexts = []

    def open_(path: str, viewport: dict):
        context = browser.new_context(viewport=viewport, locale="zh-CN")
        contexts.append(context)
        page = context.new_page()
        page.requests, page.errors = [], []
        page.on("request", lambda request: page.requests.append(request.url))
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
        response = page.goto(f"{served_demo}/{path}", wait_until="load")
        assert response.ok, (path, response.status)
        return page

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def served_search_site(tmp_path_factory):
    """The search fixture site (tests/search_stories.py), built once and served on loopback."""
    from search_stories import STORIES
    from sitebuild import build_once

    site = build_once(tmp_path_factory, "search", STORIES)
    with serve(site.output) as base_url:
        yield base_url
