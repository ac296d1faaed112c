"""`invoke check [--fix] [--content DIR]`: read every Markdown file, print one line per finding."""

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from plugins.newsmeta.clock import build_time

from . import collisions, duplicates, media, rules
from .wording import rule as wording_rule
from .fixes import fix_source
from .report import (
    Finding,
    exit_status,
    finding,
    format_finding,
    sorted_findings,
    summary,
)
from .settings import (
    Context,
    content_files,
    content_folder,
    load_settings,
    make_context,
    site_settings,
)
from .source import Source, parse_source, read_source

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = ROOT / "pelicanconf.py"
# Rules on one file at a time, then rules across all of them.
FILE_RULES = (
    rules.title_missing, rules.title_too_long, rules.date_missing, rules.date_invalid, rules.modified_before_date,
    rules.date_future, rules.section_unknown, rules.status_unknown, rules.field_control, rules.address_unsafe, rules.field_missing, rules.placeholder_left, rules.field_unknown, rules.lead_invalid, rules.byline_no_name,
    rules.correction_undated, media.photo_field, media.body_images, media.links_broken,
    rules.body_empty, rules.html_active, wording_rule.wording, rules.punctuation_halfwidth, rules.sentence_broken,
)
SITE_RULES = (collisions.url_duplicate, collisions.tag_near_duplicate, duplicates.story_duplicate, media.content_links, media.static_active, wording_rule.table_problems)


def check_sources(sources: list[Source], context: Context) -> list[Finding]:
    """Every rule's findings on the files read; a rule that fails says so instead of a traceback."""
    found = []
    for source in sources:
        for rule in FILE_RULES:
            found += guarded(rule, source, context, where=source.path)
    for rule in SITE_RULES:
        found += guarded(rule, sources, context, where="")
    return found


def guarded(rule, subject, context: Context, where: str) -> list[Finding]:
    """The rule's findings; an unexpected failure is a finding too, so an editor never sees a traceback."""
    try:
        return rule(subject, context)
    # The promise to editors is one line per problem, whatever the problem is.
    except Exception as problem:  # noqa: BLE001
        return [finding(
            where or ".", 1, "check-failed",
            f"检查 {rule.__name__} 时出错，请把这一行发给网站维护人员", f"{rule.__name__} failed: {problem!r}",
        )]


def read_all(context: Context) -> tuple[list[Source], list[Finding]]:
    """Every content file read, and the findings for those that cannot be."""
    sources, unreadable = [], []
    for file, path, is_page in content_files(context):
        read = read_source(file, path, is_page)
        (unreadable if isinstance(read, Finding) else sources).append(read)
    return sources, unreadable


def fix_all(sources: list[Source]) -> list[Source]:
    """Make the safe fixes in place, print each, and return the sources as they now are."""
    fixed = []
    for source in sources:
        text, changes = fix_source(source)
        for change in changes:
            print(f"{source.path}:{change.line}: 已改正: {change.zh} (fixed {change.rule}: {change.en})")
        if changes:
            write_keeping_mode(source.file, (b"\xef\xbb\xbf" if source.bom else b"") + text.encode("utf-8"))
            source = parse_source(text, source.path, source.file, source.is_page, source.bom)
        fixed.append(source)
    return fixed


def write_keeping_mode(file: Path, data: bytes) -> None:
    """Replace a file's bytes all at once, so an interrupted fix never leaves half an article."""
    handle, temporary = tempfile.mkstemp(dir=file.parent, prefix=f".{file.name}.", suffix=".tmp")
    with os.fdopen(handle, "wb") as out:
        out.write(data)
    shutil.copymode(file, temporary)
    os.replace(temporary, file)


def parse_arguments(argv: list[str] | None) -> argparse.Namespace:
    """--fix, --content and --published."""
    parser = argparse.ArgumentParser(prog="invoke check", description=__doc__)
    parser.add_argument("--fix", action="store_true", help="改正可以安全改正的问题 (apply the safe fixes)")
    parser.add_argument("--content", help="内容文件夹 (content folder; default: PATH in pelicanconf.py)")
    parser.add_argument(
        "--published", action="store_true",
        help="只检查要发布的稿件，跳过草稿 (leave out drafts, as invoke publish does: they are not published)",
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Check (and with --fix mend) a content folder; 1 when anything is an error, 2 when it cannot run."""
    return check(argv)[0]


def check(argv: list[str] | None = None) -> tuple[int, list[Finding]]:
    """main's exit status, and the findings it printed."""
    if hasattr(sys.stdout, "reconfigure"):
        sys.stdout.reconfigure(errors="backslashreplace")  # a console that cannot show Chinese still gets every line
    arguments = parse_arguments(argv)
    content = Path(arguments.content) if arguments.content else content_folder(load_settings(SETTINGS), SETTINGS)
    if not content.is_dir():
        print(f"错误: 找不到内容文件夹 {content} (content folder not found)", file=sys.stderr)
        return 2, []
    try:
        context = make_context(site_settings(SETTINGS, content), content, build_time(os.environ))
    except ValueError as problem:
        print(f"设置有误 (bad setting): {problem}", file=sys.stderr)
        return 2, []
    sources, unreadable = read_all(context)
    if arguments.published:
        drafts = sum(source.is_draft for source in sources)
        sources = [source for source in sources if not source.is_draft]
        if drafts:
            print(f"跳过 {drafts} 篇草稿：草稿不发布，用 invoke check 检查 (skipped {drafts} drafts: not published)")
    if arguments.fix:
        sources = fix_all(sources)
    findings = sorted_findings(unreadable + check_sources(sources, context))
    for found in findings:
        print(format_finding(found))
    print(summary(findings, len(sources) + len(unreadable)))
    return exit_status(findings), findings
