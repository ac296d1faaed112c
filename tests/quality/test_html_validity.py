"""The Nu HTML checker finds no error in any page or stylesheet of the built site (warnings are listed, not failed)."""

import shutil
from pathlib import Path

from quality_gates import nu_checker_errors, nu_checker_messages, nu_checker_warnings
from quality_pages import ARTICLE, plant

SHOWN_ERRORS = 30


def test_every_page_and_stylesheet_is_valid(vnu_jar, demo_site, results_folder):
    messages = nu_checker_messages(demo_site.output)
    errors = nu_checker_errors(messages, demo_site.output)
    report = write_report(results_folder / "nu-html-checker.txt", errors, nu_checker_warnings(messages, demo_site.output))
    assert not errors, f"{len(errors)} errors (all of them, and the warnings, in {report}):\n" + "\n".join(errors[:SHOWN_ERRORS])


def test_nu_checker_finds_a_planted_invalid_element(vnu_jar, demo_site, tmp_path):
    # One real page with a <div> where only phrasing content may go, checked alone to save a second full run.
    page = tmp_path / "article.html"
    shutil.copy(demo_site.output / ARTICLE, page)
    plant(page, '<span id="planted"><div>块级元素</div></span>')
    errors = nu_checker_errors(nu_checker_messages(tmp_path), tmp_path)
    assert any(line.startswith("article.html:") and "“div” not allowed as child of element “span”" in line for line in errors), errors


def write_report(path: Path, errors: list[str], warnings: list[str]) -> Path:
    """Write the checker's errors, then its warnings, one a line under a count."""
    sections = [f"{len(errors)} errors", *errors, "", f"{len(warnings)} warnings", *warnings]
    path.write_text("\n".join(sections) + "\n", encoding="utf-8")
    return path
