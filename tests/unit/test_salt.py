"""What the incremental build's salt covers: a change to any of it reads and renders everything again."""

import pytest

from plugins.incremental.salt import installed, salt_of


def salt(**settings) -> str:
    return salt_of(settings, [], "packages")


def test_the_python_and_every_installed_distribution_are_named():
    names = installed().splitlines()
    assert names[0].startswith("cpython 3.")
    assert any(line.startswith("pelican 4.12") for line in names) and any(line.startswith("jieba ") for line in names)


@pytest.mark.parametrize("first, second", [
    (lambda s: s.replace("年", "-"), lambda s: s.replace("年", "/")),  # the same bytecode, other constants
    (lambda s: s[:20], lambda s: s[:30]),
    (lambda s, width=20: s[:width], lambda s, width=30: s[:width]),  # a default
])
def test_a_function_in_the_settings_counts_by_all_of_its_code(first, second):
    assert salt(JINJA_FILTERS={"short": first}) != salt(JINJA_FILTERS={"short": second})


def test_a_closure_counts_by_what_it_holds():
    def cut_at(width):
        return lambda s: s[:width]

    assert salt(SUMMARY=cut_at(20)) != salt(SUMMARY=cut_at(30))
    assert salt(SUMMARY=cut_at(20)) == salt(SUMMARY=cut_at(20))


def test_the_packages_and_the_files_count(tmp_path):
    theme = tmp_path / "theme"
    theme.mkdir()
    (theme / "base.html").write_text("<title>铁东新闻网</title>", encoding="utf-8")
    before = salt_of({}, [theme], "pelican 4.12.0")
    assert salt_of({}, [theme], "pelican 4.12.1") != before
    (theme / "base.html").write_text("<title>铁东新闻</title>", encoding="utf-8")
    assert salt_of({}, [theme], "pelican 4.12.0") != before
