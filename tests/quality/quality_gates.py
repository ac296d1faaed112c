"""The quality gates of issue 7, one function each: the problems a gate finds on a page or a site, one line each.

A gate's test runs it on the demo site and expects no problem; a planted-defect test runs the same
function on a copy with one defect and expects that defect back, so no gate can pass vacuously.
"""

import csv
import gzip
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS, QuietHandler
from playwright.sync_api import Page, Route

ROOT = Path(__file__).resolve().parents[2]
QA_PACKAGES = ROOT / "qa" / "node_modules"
LIGHTHOUSE = QA_PACKAGES / ".bin" / "lighthouse"
VNU_JAR = QA_PACKAGES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LINKCHECKER = Path(sys.executable).parent / "linkchecker"

LIGHTHOUSE_CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
LIGHTHOUSE_MINIMUM = 0.95
# 40 KB read the strict way (40,000 bytes), so the site is under the budget whichever way it is read.
PAGE_WEIGHT_BUDGET = 40_000
# What the budget leaves aside: pictures, and fonts (the theme uses the system's, so none are expected).
UNBUDGETED_TYPES = {"image", "media", "font"}


# axe-core


def axe_violations(page: Page, url: str, axe_script: Path, ready: str | None = None) -> list[str]:
    """axe-core's violations on the page at `url`: rule (impact), what it asks, and each element's selector and failure."""
    response = page.goto(url, wait_until="load")
    if not response or not response.ok:
        return [f"{url}: HTTP {response.status if response else 'no response'}"]
    if ready:
        page.wait_for_selector(ready)
    page.add_script_tag(path=str(axe_script))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return [describe_violation(violation) for violation in result["violations"]]


def describe_violation(violation: dict) -> str:
    """One axe violation as a line: its rule, impact, help text, and per element its selector and first failed check."""
    nodes = "; ".join(f"{' '.join(node['target'])} — {first_failure(node)}" for node in violation["nodes"])
    return f"{violation['id']} ({violation['impact']}): {violation['help']}: {nodes}"


def first_failure(node: dict) -> str:
    """The message of the first check an element failed (axe lists checks under any, all and none)."""
    checks = [check for kind in ("any", "all", "none") for check in node.get(kind, [])]
    return checks[0]["message"] if checks else node.get("failureSummary", "")


# Lighthouse


def run_lighthouse(url: str, report_prefix: Path, categories=LIGHTHOUSE_CATEGORIES) -> dict:
    """Run Lighthouse (mobile emulation, Debian's chromium) on `url`; write PREFIX.report.json and .html; return the report."""
    report_json = report_prefix.with_name(report_prefix.name + ".report.json")
    for stale in (report_json, report_json.with_suffix(".html")):
        stale.unlink(missing_ok=True)
    command = [
        str(LIGHTHOUSE),
        url,
        "--quiet",
        "--output=json",
        "--output=html",
        f"--output-path={report_prefix}",
        f"--only-categories={','.join(categories)}",
        f"--chrome-flags={' '.join([*CHROMIUM_ARGS, '--headless'])}",
    ]
    environment = {**os.environ, "CHROME_PATH": CHROMIUM}
    process = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=300)
    if not report_json.exists():
        raise RuntimeError(f"Lighthouse wrote no report (exit {process.returncode}): {process.stderr[-3000:]}")
    return json.loads(report_json.read_text(encoding="utf-8"))


def lighthouse_shortfalls(report: dict, minimum: float = LIGHTHOUSE_MINIMUM) -> list[str]:
    """Each category scoring under `minimum`, with the audits that cost it points; a run that failed is one too."""
    problems = [f"runtime error: {report['runtimeError']}"] if report.get("runtimeError") else []
    for name, category in report["categories"].items():
        if category["score"] is None or category["score"] < minimum:
            audits = "; ".join(failing_audits(report, category)) or "no weighted audit failed"
            problems.append(f"{name} {category['score']} < {minimum}: {audits}")
    return problems


def failing_audits(report: dict, category: dict) -> list[str]:
    """The weighted audits of a category that did not score 1: id (score): title, and Lighthouse's figure."""
    failing = []
    for reference in category["auditRefs"]:
        audit = report["audits"][reference["id"]]
        if reference["weight"] and audit["score"] is not None and audit["score"] < 1:
            figure = f" [{audit['displayValue']}]" if audit.get("displayValue") else ""
            targets = audit_targets(audit)
            failing.append(f"{audit['id']} ({audit['score']}): {audit['title']}{figure}" + (f" at {targets}" if targets else ""))
    return failing


def audit_targets(audit: dict, shown: int = 5) -> str:
    """The elements (by selector) or URLs an audit names in its details, the first few of them."""
    items = (audit.get("details") or {}).get("items") or []
    targets = [item["node"].get("selector", "") if "node" in item else item.get("url", "") for item in items]
    targets = [target for target in targets if target]
    return ", ".join(targets[:shown]) + (f" and {len(targets) - shown} more" if len(targets) > shown else "")


def lighthouse_scores(report: dict) -> dict[str, float | None]:
    """A report's category scores by category id."""
    return {name: category["score"] for name, category in report["categories"].items()}


# The Nu HTML checker


def nu_checker_messages(folder: Path) -> list[dict]:
    """Every message of the Nu HTML checker (vnu.jar) on the HTML and CSS files under `folder`."""
    command = ["java", "-jar", str(VNU_JAR), "--skip-non-html", "--also-check-css", "--format", "json", "--stdout"]
    process = subprocess.run([*command, "--exit-zero-always", str(folder)], capture_output=True, text=True, timeout=300)
    if not process.stdout.strip():
        raise RuntimeError(f"the Nu HTML checker printed no report (exit {process.returncode}): {process.stderr[-3000:]}")
    return json.loads(process.stdout)["messages"]


def nu_checker_errors(messages: list[dict], folder: Path) -> list[str]:
    """The checker's errors (and files it could not read), one line each: file:line: message."""
    return [describe_nu_message(message, folder) for message in messages if message["type"] != "info"]


def nu_checker_warnings(messages: list[dict], folder: Path) -> list[str]:
    """The checker's warnings, which the gate allows, one line each: file:line: message."""
    return [describe_nu_message(message, folder) for message in messages if message.get("subType") == "warning"]


def describe_nu_message(message: dict, folder: Path) -> str:
    """file:line: message «extract» for one checker message, the file relative to the checked folder."""
    path = urlsplit(message.get("url", "")).path
    relative = os.path.relpath(path, folder) if path.startswith(str(folder)) else path
    extract = " ".join(message.get("extract", "").split())
    return f"{relative}:{message.get('lastLine', '?')}: {message['message']}" + (f" «{extract}»" if extract else "")


# linkchecker

# linkchecker waits 0.1-0.6 s between two requests to a host unless the host answers with a
# LinkChecker header; then it keeps to `maxrequestspersecond`: the demo site in 4 s, not 25.
LINKCHECKER_CONFIG = "[checking]\nmaxrequestspersecond=200\n"


class WelcomesLinkChecker(QuietHandler):
    """Serve files with the header that lets linkchecker go at full speed."""

    def end_headers(self):
        self.send_header("LinkChecker", "welcome")
        super().end_headers()


def broken_links(start_urls: list[str]) -> list[str]:
    """Every broken link linkchecker finds crawling the site from `start_urls` (its own URLs only): link, page, why."""
    with tempfile.TemporaryDirectory() as folder:
        config = Path(folder) / "linkcheckerrc"
        config.write_text(LINKCHECKER_CONFIG, encoding="utf-8")
        # linkchecker drops root to 'nobody', who may not write files here: its report comes through stdout.
        command = [str(LINKCHECKER), "--config", str(config), "--no-status", "--timeout", "10", "--verbose", "--output", "csv"]
        process = subprocess.run([*command, *start_urls], capture_output=True, text=True, timeout=300)
    rows = list(csv.DictReader((line for line in process.stdout.splitlines() if not line.startswith("#")), delimiter=";"))
    if process.returncode not in (0, 1) or not rows:
        return [f"linkchecker checked nothing (exit {process.returncode}): {process.stderr[-3000:]}"]
    return [f"{row['urlname']} on {row['parentname']}: {row['result']}" for row in rows if row["valid"] != "True"]


# Page weight and requests


def compressed_sizes(page: Page, url: str) -> dict[str, int]:
    """Load `url` in chromium; each response but pictures and fonts, by URL: its body's size gzipped at level 9."""
    responses = []
    # Playwright cannot call a built-in method such as responses.append as a handler: a lambda it can.
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return {
        response.url: len(gzip.compress(response.body(), compresslevel=9))
        for response in responses
        if response.status == 200 and not unbudgeted(response)
    }


def unbudgeted(response) -> bool:
    """Whether a response is a picture, a font or media, by how it was asked for or what it says it is (a favicon)."""
    content_type = response.headers.get("content-type", "")
    return response.request.resource_type in UNBUDGETED_TYPES or content_type.startswith(("image/", "font/", "audio/", "video/"))


def over_budget(sizes: dict[str, int], budget: int = PAGE_WEIGHT_BUDGET) -> list[str]:
    """The page's weight as one problem when its compressed HTML, CSS and JavaScript add up past `budget` bytes."""
    total = sum(sizes.values())
    if total <= budget:
        return []
    parts = ", ".join(f"{urlsplit(url).path} {size}" for url, size in sorted(sizes.items(), key=lambda item: -item[1]))
    return [f"{total} bytes gzipped > {budget}: {parts}"]


def requests_leaving(page: Page, url: str) -> list[str]:
    """Every request loading `url` makes to anywhere but 127.0.0.1 (stopped, so none goes out), in order."""
    requested = []
    page.on("request", lambda request: requested.append(request.url))
    page.route("**/*", stop_if_leaving)
    page.goto(url, wait_until="load")
    page.wait_for_load_state("networkidle")
    return [address for address in requested if leaves_the_machine(address)]


def stop_if_leaving(route: Route) -> None:
    """Let a request to loopback through; stop any other."""
    if leaves_the_machine(route.request.url):
        route.abort()
    else:
        route.continue_()


def leaves_the_machine(address: str) -> bool:
    """Whether fetching `address` goes over the network to another host (data: and blob: URLs do not)."""
    parts = urlsplit(address)
    return parts.scheme not in ("data", "blob", "about") and parts.hostname != "127.0.0.1"
