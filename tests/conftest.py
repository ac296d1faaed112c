"""Shared fixtures: a fixture site built from a table of files, the demo site built once and served, and chromium.

Chromium is shared here because Playwright's sync API allows one running instance per process: the browser
tests and the quality gates (tests/quality) use the same one.
"""

import os
import shutil

import pytest
from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, serve
from sitebuild import ROOT, Site, build, run_pelican


@pytest.fixture
def build_site(tmp_path):
    """Build a content folder written from a table of files; fail with Pelican's log if it fails."""

    def build_files(files: dict[str, str | bytes], *extra: str) -> Site:
        return build(tmp_path, files, *extra)

    return build_files


@pytest.fixture(scope="session")
def demo_site(tmp_path_factory) -> Site:
    """The demo site built once from the repository's content/."""
    output = tmp_path_factory.mktemp("demo") / "output"
    process = run_pelican(ROOT / "content", output)
    assert process.returncode == 0, process.stdout + process.stderr
    return Site(output, process.stdout + process.stderr)


@pytest.fixture(scope="session")
def served_demo(demo_site):
    """The demo site on http://127.0.0.1:<free port>/."""
    with serve(demo_site.output) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def published_demo(tmp_path_factory) -> str:
    """The demo site as `invoke publish` builds it (absolute addresses, feeds, QR codes), served on
    http://127.0.0.1:<free port>/, the SITEURL it was built for; yields that address."""
    from servers import free_port

    port = free_port()
    siteurl = f"http://127.0.0.1:{port}"
    output = tmp_path_factory.mktemp("published-demo") / "output"
    process = run_pelican(ROOT / "content", output, "publishconf.py", env=os.environ | {"SITEURL": siteurl})
    assert process.returncode == 0, process.stdout + process.stderr
    with serve(output, port=port) as base_url:
        yield base_url


@pytest.fixture(scope="session")
def browser():
    """A headless chromium; missing, it fails the run under CI=true and skips elsewhere."""
    if not (os.path.exists(CHROMIUM) and shutil.which("chromium")):
        message = f"Debian's chromium is not installed at {CHROMIUM}: apt-get install chromium fonts-noto-cjk"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
