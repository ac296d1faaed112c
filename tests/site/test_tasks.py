"""The invoke tasks an editor uses: each is listed with its purpose; serve and livereload really serve."""

import shutil
import subprocess
import sys
from contextlib import contextmanager

import pytest
from servers import fetch_until, free_port
from sitebuild import ROOT

TASKS = ["build", "serve", "livereload", "publish", "test", "desk"]


def invoke(*args: str, **popen) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "invoke", *args], cwd=ROOT, **popen)


def test_every_task_is_listed_with_its_purpose():
    listing = subprocess.run([sys.executable, "-m", "invoke", "--list"], cwd=ROOT, capture_output=True, text=True)
    lines = {line.split()[0]: line for line in listing.stdout.splitlines() if line.startswith("  ")}
    for name in TASKS:
        assert name in lines and len(lines[name].split()) > 2, listing.stdout


def test_build_then_serve_in_one_command_as_the_quickstart_runs_them(tmp_path):
    output = tmp_path / "site"
    port = free_port()
    # one invoke, two tasks: `./pressroom build serve` (a build that exits 0 must not end the command)
    server = invoke("build", "--output", str(output), "serve", "--port", str(port), "--output", str(output), stderr=subprocess.PIPE)
    try:
        fetch_until(f"http://127.0.0.1:{port}/2026/11/wuye-guanli.html", "健全管理机制 破解治理难题", seconds=180)
    finally:
        server.terminate()
        server.wait(10)


def test_livereload_rebuilds_when_an_article_changes(tmp_path):
    content = tmp_path / "content"
    shutil.copytree(ROOT / "content", content)
    port = free_port()
    server = invoke(
        "livereload", "--port", str(port), "--content", str(content), "--output", str(tmp_path / "site"),
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/2026/11/wenyi-yanchu.html"
    try:
        fetch_until(url, "立足群众文化需求")
        article = content / "articles/wenyi-yanchu.md"
        article.write_text(article.read_text(encoding="utf-8").replace("四平植物园", "南湖公园"), encoding="utf-8")
        fetch_until(url, "南湖公园")
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.parametrize("args, says", [
    (["import"], "invoke import 缺少必填的参数：请写上版面文件"),
    (["import", "page.txt", "--dat", "2026-11-24"], "不认识的选项 --dat"),
    (["import", "page.txt", "--date"], "选项 --date 后面要写上它的值"),
    (["biuld"], "不认识“biuld”"),
    (["serve", "--port", "abc"], "端口“abc”无效"),
    (["livereload", "--port", "0"], "端口“0”无效"),
    (["new", "--title", "铁东区召开物业管理推进会", "--section", "体育"], "没有“体育”这个栏目"),
])
def test_a_wrong_command_line_is_answered_in_chinese(tmp_path, args, says):
    process = subprocess.run([sys.executable, "-m", "invoke", *args, *(["--content", str(tmp_path)] if args[0] == "new" else [])],
                             cwd=ROOT, capture_output=True, text=True, timeout=60)
    said = process.stdout + process.stderr
    assert process.returncode != 0 and said.strip().splitlines()[-1].startswith(says), said
    assert "Traceback" not in said and not list(tmp_path.iterdir())


def raw_get(port: int, path: str, host: str) -> tuple[int, bytes]:
    """A GET with the Host header a browser would send for `host` (a rebound name, say)."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host)
    connection.endheaders()
    response = connection.getresponse()
    return response.status, response.read()


@contextmanager
def local_server(tmp_path, task: str):
    """`invoke serve` on a built demo, or `invoke livereload` on a copy of its content; its port once it answers."""
    output = tmp_path / "site"
    if task == "serve":
        assert invoke("build", "--output", str(output)).wait() == 0
    port = free_port()
    extra = ["--content", str(shutil.copytree(ROOT / "content", tmp_path / "content"))] if task == "livereload" else []
    server = invoke(task, "--port", str(port), "--output", str(output), *extra, stderr=subprocess.PIPE, stdout=subprocess.PIPE)
    try:
        fetch_until(f"http://127.0.0.1:{port}/index.html", "</html>", seconds=120)
        yield port
    finally:
        server.terminate()
        server.wait(10)


@pytest.mark.parametrize("task", ["serve", "livereload"])
def test_the_local_servers_answer_only_their_own_names_and_list_no_folder(tmp_path, task):
    with local_server(tmp_path, task) as port:
        assert raw_get(port, "/index.html", f"127.0.0.1:{port}")[0] == 200
        assert raw_get(port, "/index.html", f"localhost:{port}")[0] == 200
        status, body = raw_get(port, "/index.html", f"rebind.attacker.example:{port}")
        assert status == 403 and "健全管理机制".encode() not in body  # not a word of the site
        status, body = raw_get(port, "/theme/", f"127.0.0.1:{port}")
        assert status == 404 and b"Directory listing" not in body


@pytest.mark.parametrize("task", ["serve", "livereload"])
def test_the_local_servers_answer_a_missing_page_with_404_html(tmp_path, task):
    with local_server(tmp_path, task) as port:
        for missing in ("/2026/11/no-such-story.html", "/no-such-folder/", "/section/no-such-section/page/2/"):
            status, body = raw_get(port, missing, f"127.0.0.1:{port}")
            assert status == 404, (missing, status)
            assert "没有找到这个页面".encode() in body, body[:300]
        if task == "serve":  # Pelican's own handler still finds /about as about.html
            assert raw_get(port, "/about", f"127.0.0.1:{port}")[0] == 200
