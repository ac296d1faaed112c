"""Quality-gate fixtures: the tools (axe-core, Lighthouse, the Nu checker, linkchecker), pages in the shared chromium,
and copies of the demo site to plant defects in (chromium and the served demo site are in tests/conftest.py).

A missing tool fails the test under CI=true and skips it elsewhere, naming the command that installs it.
"""

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
import sitebuild
from scripts.chromium import CHROMIUM
from quality_gates import LIGHTHOUSE, LINKCHECKER, VNU_JAR

INSTALL_QA_TOOLS = "sh scripts/qa_tools.sh"
INSTALL_REQUIREMENTS = ".venv/bin/pip install -r requirements.txt"
INSTALL_CHROMIUM = "apt-get install chromium fonts-noto-cjk"
# The fixtures that need chromium, Java or Node.js: tests using them are `browser` tests.
TOOL_FIXTURES = {"browser", "lighthouse", "vnu_jar"}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/quality/" in str(item.path) and TOOL_FIXTURES & set(item.fixturenames):
            item.add_marker(pytest.mark.browser)


def require(present: bool, tool: str, install: str) -> None:
    """Go on if `tool` is present; otherwise fail under CI=true and skip elsewhere, saying how to install it."""
    if present:
        return
    message = f"{tool} is missing: install it with `{install}`"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def require_chromium() -> None:
    """Go on if Debian's chromium is installed (Lighthouse starts its own)."""
    require(os.path.exists(CHROMIUM), f"Debian's chromium ({CHROMIUM})", INSTALL_CHROMIUM)


@pytest.fixture
def new_page(browser):
    """Open a fresh page at a viewport size (and other context options); closed after the test."""
    contexts = []

    def open_page(viewport: dict, **options):
        contexts.append(browser.new_context(viewport=viewport, locale="zh-CN", **options))
        return contexts[-1].new_page()

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def axe_script() -> Path:
    """axe-core's browser script, as axe-playwright-python ships it (only the script is used)."""
    spec = importlib.util.find_spec("axe_playwright_python")
    script = Path(spec.origin).parent / "axe.min.js" if spec else None
    require(bool(script and script.exists()), "axe-playwright-python (axe.min.js)", INSTALL_REQUIREMENTS)
    return script


@pytest.fixture(scope="session")
def lighthouse() -> Path:
    """Lighthouse from qa/node_modules, with the Node.js and chromium it runs on."""
    require(bool(shutil.which("node")), "Node.js (node)", INSTALL_QA_TOOLS)
    require(LIGHTHOUSE.exists(), f"Lighthouse ({LIGHTHOUSE.relative_to(sitebuild.ROOT)})", INSTALL_QA_TOOLS)
    require_chromium()
    return LIGHTHOUSE


@pytest.fixture(scope="session")
def vnu_jar() -> Path:
    """The Nu HTML checker's vnu.jar from qa/node_modules, with the Java it runs on."""
    require(bool(shutil.which("java")), "Java (java)", INSTALL_QA_TOOLS)
    require(VNU_JAR.exists(), f"the Nu HTML checker ({VNU_JAR.relative_to(sitebuild.ROOT)})", INSTALL_QA_TOOLS)
    return VNU_JAR


@pytest.fixture(scope="session")
def linkchecker() -> Path:
    """linkchecker from the virtual environment."""
    require(LINKCHECKER.exists(), f"linkchecker ({LINKCHECKER})", INSTALL_REQUIREMENTS)
    return LINKCHECKER


@pytest.fixture
def site_copy(demo_site, tmp_path) -> Path:
    """A copy of the built demo site, to plant a defect in."""
    return Path(shutil.copytree(demo_site.output, tmp_path / "site"))


@pytest.fixture(scope="session")
def results_folder() -> Path:
    """test-results/ at the repository root, where the gates write their reports."""
    folder = sitebuild.ROOT / "test-results"
    folder.mkdir(exist_ok=True)
    return folder
