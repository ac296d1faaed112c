"""The publish workflow as a government site's CI should be: actions pinned to commits, no
expression pasted into a shell line, nothing installed where the deploy keys are."""

import re

from sitebuild import ROOT

WORKFLOW = (ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8")


def steps(text: str) -> list[str]:
    """Each step of the workflow as its text, from its `- ` line to the next step or job."""
    return re.split(r"\n(?=\s+- (?:uses|name|id|if|run):)", text)


def test_every_action_is_pinned_to_a_commit():
    uses = re.findall(r"uses:\s*(\S+)", WORKFLOW)
    assert uses and all(re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action) for action in uses), uses


def test_no_expression_is_pasted_into_a_shell_line():
    for step in steps(WORKFLOW):
        run = re.search(r"run:\s*(\|[\s\S]*|.*)", step)
        if run:
            assert "${{" not in run[1], step  # variables and secrets reach a shell through env:


def test_the_deploy_step_with_the_keys_installs_nothing():
    job = WORKFLOW.split("deploy-targets:", 1)[1]
    with_keys = [step for step in steps(job) if "secrets." in step]
    assert with_keys and all(not re.search(r"setup\.sh|pip install|\./pressroom|apt-get", step) for step in with_keys), with_keys
    assert job.index("scripts/setup.sh") < job.index("secrets.")  # the build lock went in before
