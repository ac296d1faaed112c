"""axe-core finds no violation in any reading mode (长辈模式, each 字号, 高对比度 in either scheme, all at once),
nor once 朗读全文 has had to say that it cannot read."""

import json

import pytest
from quality_gates import axe_violations, describe_violation
from quality_pages import ARTICLE, DESKTOP, PAGES, PHONE, READY

# The choices as prefs.js reads them from localStorage ("pressroom-" + name), and the system scheme.
MODES = {
    "elder": ({"elder": "on"}, "light"),
    "large": ({"text-size": "large"}, "light"),
    "xlarge": ({"text-size": "xlarge"}, "light"),
    "contrast-light": ({"contrast": "high"}, "light"),
    "contrast-dark": ({"contrast": "high"}, "dark"),
    "combined": ({"elder": "on", "text-size": "xlarge", "contrast": "high"}, "dark"),
}
MODE_PAGES = ("home", "article", "photo", "search")


def with_prefs(prefs: dict) -> str:
    """An init script that puts the reader's choices in localStorage before the page's own scripts run."""
    return "".join(f"localStorage.setItem('pressroom-{name}', {json.dumps(value)});" for name, value in prefs.items())


@pytest.mark.parametrize("page_name", MODE_PAGES)
@pytest.mark.parametrize("mode", MODES)
def test_no_axe_violation_in_a_reading_mode(new_page, served_demo, axe_script, mode, page_name):
    prefs, scheme = MODES[mode]
    # axe goes in as an inline script: only with the page's CSP set aside can it run.
    page = new_page(PHONE, bypass_csp=True, color_scheme=scheme)
    page.add_init_script(with_prefs(prefs))
    violations = axe_violations(page, f"{served_demo}/{PAGES[page_name]}", axe_script, READY.get(page_name))
    assert page.evaluate("document.documentElement.dataset.elder ?? null") == prefs.get("elder"), "the mode is on"
    assert not violations, f"{page_name} in {mode}:\n" + "\n".join(violations)


@pytest.mark.parametrize("mode", ["standard", "combined"])
def test_no_axe_violation_with_the_read_aloud_message_shown(new_page, served_demo, axe_script, mode):
    prefs, scheme = MODES.get(mode, ({}, "light"))
    page = new_page(DESKTOP, bypass_csp=True, color_scheme=scheme)
    page.add_init_script(with_prefs(prefs) + "Object.defineProperty(window, 'speechSynthesis', {get: () => undefined});")
    page.goto(f"{served_demo}/{ARTICLE}", wait_until="load")
    page.get_by_role("button", name="朗读全文").press("Enter")
    page.get_by_role("status").filter(has_text="朗读").wait_for()
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    violations = [describe_violation(violation) for violation in result["violations"]]
    assert not violations, "\n".join(violations)
