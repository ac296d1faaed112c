"""Tasks for editors, developers and CI; `invoke --list` explains each one."""

import json
import os
import shlex
import sys
from datetime import datetime
from pathlib import Path

from invoke import task

from editor.cli_messages import install as parse_errors_in_chinese

parse_errors_in_chinese()  # invoke reads this file before it parses the task's arguments

SETTINGS = "pelicanconf.py"
PUBLISH_SETTINGS = "publishconf.py"
CONTENT = "content"
OUTPUT = "output"
HOST = "127.0.0.1"
PORT = "8000"  # text: invoke turns an int default into int() of what is typed, a traceback on "abc"


def rules_help() -> str:
    """invoke check's help: what it does, then every rule by its id, level and what it finds."""
    from checks.catalogue import RULES

    rows = [f"  {rule:<22} {'错误' if r.level == 'error' else '警告'}{' --fix' if r.fixable else ''}  {r.finds}" for rule, r in RULES.items()]
    return (
        "Check content/ for editors' mistakes, one line each; exit 1 on an error; --fix mends what is marked --fix.\n\n"
        "规则 (rules):\n" + "\n".join(rows)
    )


def port_number(port: str) -> int:
    """The port an editor typed, or a line in Chinese saying what a port is."""
    if not str(port).isdigit() or not 0 < int(port) < 65536:
        sys.exit(f"端口“{port}”无效，请写 1 到 65535 之间的数字，例如 --port 8000 (bad port: {port})")
    return int(port)


def pelican_command(settings: str, content: str, output: str, cache="") -> list[str]:
    """Pelican on `content` with `settings` into `output`, in a new process as CI runs it."""
    args = [sys.executable, "-m", "pelican", content, "-s", settings, "-o", output]
    if cache:
        args += ["-e", f"CACHE_PATH={json.dumps(cache)}"]
    return args


def pelican(c, settings: str, content: str, output: str, cache="") -> None:
    """Run Pelican; it has already said what went wrong, so a failure exits with its status, no traceback."""
    result = c.run(shlex.join(pelican_command(settings, content, output, cache)), pty=False, warn=True)
    if result.exited:
        sys.exit(result.exited)


@task
def build(c, content=CONTENT, output=OUTPUT):
    """Check, then build content/ into output/ with pelicanconf.py; an error stops it, output/ untouched."""
    from editor.build import run

    status = run(pelican_command(SETTINGS, content, output), content, output)
    if status:
        sys.exit(status)  # only a failure stops: `invoke build serve` goes on to serve


@task
def serve(c, host=HOST, port=PORT, output=OUTPUT):
    """Serve the built site at http://127.0.0.1:8000/ (run `invoke build` first); a missing page gets 404.html."""
    from pelican.server import RootedHTTPServer

    from preview.static import SiteHandler

    class ReusableServer(RootedHTTPServer):
        allow_reuse_address = True

    class Handler(SiteHandler):  # loopback names only, no folder listings
        served_as = host

    server = ReusableServer(output, (host, port_number(port)), Handler)
    print(f"网站预览 Serving {output}/ at http://{host}:{port}/ (Ctrl-C 停止)", file=sys.stderr)
    server.serve_forever()


@task
def livereload(c, host=HOST, port=PORT, content=CONTENT, output=OUTPUT, cache=""):
    """Build, serve, and on any change show the edited story at once, then rebuild the site; the page reloads.
    Pages show invoke check's wording problems marked (in the preview only)."""
    from preview.serve import run

    build_command = pelican_command(SETTINGS, content, output, cache)
    quick_command = [sys.executable, "-m", "preview.quick", SETTINGS, content, output, *([cache] if cache else [])]
    run(build_command, quick_command, SETTINGS, content, output, host, port_number(port),
        watched=[content, "theme", "plugins", SETTINGS])


@task(help={"port": "编辑台的端口（默认 8080）", "proxy_port": "本地 git 代理的端口（默认 8081）",
            "preview_port": "旁边的实时预览的端口（默认 8000；0 不启动）"})
def desk(c, host=HOST, port="8080", proxy_port="8081", preview_port=PORT, content=CONTENT, output=OUTPUT):
    """The editing desk in the browser at http://127.0.0.1:8080/admin/: write, send for review (三审) and
    publish; stories are git branches of this repository, merged when published. The live preview runs beside it."""
    from desk.run import run

    preview = [sys.executable, "-m", "invoke", "livereload", "--host", host, "--port", str(port_number(preview_port)),
               "--content", content, "--output", output] if str(preview_port) != "0" else []
    sys.exit(run(SETTINGS, content, host, port_number(port), port_number(proxy_port), preview))


@task
def publish(c, content=CONTENT, output=OUTPUT):
    """Strict build for publishing: invoke check first, then publishconf.py; any error or warning fails."""
    if not os.environ.get("SITEURL", "").startswith(("http://", "https://")):
        sys.exit(
            "发布需要网站地址：请设置 SITEURL，例如 SITEURL=https://news.example.gov.cn invoke publish "
            "(publishing needs the site's address in $SITEURL)"
        )
    from editor.build import run

    status = run(pelican_command(PUBLISH_SETTINGS, content, output), content, output, publishing=True)
    if status:
        sys.exit(status)


@task(help={"target": "部署目标，空格或逗号分隔；默认 DEPLOY_TARGETS 中的全部", "dry_run": "只列出将要上传和删除的文件",
             "built": "不重新构建，部署 output/ 中已有的网站"})
def deploy(c, target="", dry_run=False, built=False, output=OUTPUT):
    """Strict build (invoke publish), then upload to the targets in DEPLOY_TARGETS; --dry-run lists what would change."""
    if not built:
        publish(c, output=output)
    from deploy.cli import main

    sys.exit(main(["--output", output, "--target", target, *(["--dry-run"] if dry_run else [])]))


@task(help={"target": "要回滚的服务器目标；默认全部自有服务器"})
def rollback(c, target=""):
    """Switch the live site on each server target back to the release before it."""
    from deploy.cli import main

    sys.exit(main(["--target", target], rollback=True))


@task
def test(c, browser=True):
    """Run the whole test suite (unit, build and browser tests) on both cores."""
    marks = [] if browser else ["-m", "not browser"]
    result = c.run(shlex.join([sys.executable, "-m", "pytest", "-n", "2", *marks]), pty=False, warn=True)
    sys.exit(result.exited)


@task
def screenshots(c, content=CONTENT, output=OUTPUT):
    """Build the site and photograph it in chromium for the README (docs/screenshots/*.png)."""
    build(c, content=content, output=output)
    c.run(shlex.join([sys.executable, "-m", "scripts.screenshots", output, "docs/screenshots"]))


@task
def desk_screenshots(c):
    """Photograph the editing desk for docs/editors-guide.md (docs/screenshots/desk-*.png), on a throwaway
    copy of this repository; needs desk/node_modules (./pressroom desk installs it) and chromium."""
    c.run(shlex.join([sys.executable, "-m", "scripts.desk_screenshots", "docs/screenshots"]))


@task
def new(c, title="", section="要闻", photo=False, slug="", content=CONTENT):
    """Start a new article (or --photo item) as a draft from its title; never overwrites a file."""
    if not title.strip():
        sys.exit('请给出标题，例如：invoke new --title "铁东区召开物业管理工作推进会" (a title is needed: --title)')
    from zoneinfo import ZoneInfo

    from editor.scaffold import file_slug, scaffold
    from pelicanconf import FRONTPAGE_SECTIONS, TIMEZONE
    from plugins.slugs.pinyin import pinyin_slug

    if section not in FRONTPAGE_SECTIONS and not photo:
        sys.exit(f"没有“{section}”这个栏目；--section 请写 {'、'.join(FRONTPAGE_SECTIONS)} 之一 (unknown section: {section})")
    now = datetime.now(ZoneInfo(TIMEZONE))
    name = slug or file_slug(pinyin_slug(title))
    relative, text = scaffold(title, section, photo, now, name, FRONTPAGE_SECTIONS)
    path = Path(content) / relative
    if path.exists():
        sys.exit(f"{path} 已经存在，没有覆盖；请换个标题或用 --slug 指定文件名 (exists, not overwritten)")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"已创建 {path}（草稿，发布前删去 Status: draft）(created, as a draft)")


@task
def bench(c, search_sizes="300", build_sizes="1000", build_scaling=""):
    """Run the benchmarks in bench/ against stock Pelican and Pagefind in the same run (figures: BENCHMARKS.md).

    --build-sizes "1000 10000" and --search-sizes "300 10000" add the archive-sized runs (about
    30 and 25 minutes here); --build-scaling 50000 adds cold builds up to that size, to see how
    time and memory grow.
    """
    c.run(shlex.join([sys.executable, "-m", "pip", "install", "--quiet", "--require-hashes", "-r", "requirements/bench.lock"]))
    c.run(shlex.join([sys.executable, "-m", "bench.photo_pipeline"]))
    c.run(shlex.join([sys.executable, "-m", "bench.build_bench", "--sizes", *build_sizes.split(),
                      *(["--scaling", build_scaling] if build_scaling else []), "--out", "bench/results/build.json"]))
    c.run(shlex.join([sys.executable, "-m", "bench.related_options", "--count", max(build_sizes.split(), key=int)]))
    c.run(shlex.join([sys.executable, "-m", "bench.search_bench", "--sizes", *search_sizes.split(), "--out", "bench/results/search.json"]))


@task
def lock(c):
    """Pin again, with hashes, what pyproject.toml lists: requirements/build.lock, test.lock and bench.lock (needs pip-tools)."""
    for extra in ("build", "test", "bench"):
        extras = [] if extra == "build" else ["--extra", extra]
        c.run(shlex.join([sys.executable, "-m", "piptools", "compile", "--quiet", "--generate-hashes", "--allow-unsafe", "--strip-extras",
                          "--no-emit-index-url", "--no-emit-find-links", *extras, "-o", f"requirements/{extra}.lock", "pyproject.toml"]))


@task(name="import")
def import_page(c, page, date="", content=CONTENT, again=False):
    """Turn a print page (plain text) into one draft per item under content/drafts/, with a report; never overwrites,
    and leaves out items already published (--again drafts them too)."""
    from bulletin.cli import main

    sys.exit(main([page, "--content", content, *(["--date", date] if date else []), *(["--again"] if again else [])]))


def check(c, fix=False, content=CONTENT):
    from checks.cli import main

    sys.exit(main(["--content", content, *(["--fix"] if fix else [])]))


check.__doc__ = rules_help()
check = task(help={"fix": "改正可以安全改正的问题（标有 --fix 的规则）", "content": "内容文件夹，默认 content/"})(check)
