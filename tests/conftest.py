"""Shared fixtures: a fixture site built from a table of files, and the demo site built once."""

import pytest
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
