"""A field that could run script (URL: javascript:…) or crash a writer (a control character in a
Title) is refused by the build in one line, in a local build and a publish, with feeds written."""

import os

import pytest
from sitebuild import run_pelican, write_files

STORY = """Title: {title}
Date: 2026-11-24 08:00
Category: 要闻
{extra}

铁东区召开物业管理工作推进会，部署下一阶段工作。
"""


@pytest.mark.parametrize("title, extra, says", [
    ("推进会召开", "URL: javascript:alert(document.cookie)", "articles/x.md:4: 错误: URL “javascript:alert(document.cookie)” 不是本站的地址"),
    ("推进会召开", "URL: java\tscript:alert(1)", "articles/x.md:4: 错误: URL"),
    ("推进会召开", "Save_as: ../../.git/config", "articles/x.md:4: 错误: Save_as “../../.git/config” 不是本站的地址"),
    ("推进会\x1b召开", "", "articles/x.md:1: 错误: Title 含有看不见的控制字符 U+001B"),
])
def test_an_unsafe_field_is_refused_in_one_line(tmp_path, title, extra, says):
    content = write_files(tmp_path / "content", {"articles/x.md": STORY.format(title=title, extra=extra), "articles/ok.md": STORY.format(title="正常稿件", extra="")})
    env = dict(os.environ, SITEURL="https://news.example.gov.cn")
    published = run_pelican(content, tmp_path / "pub", "publishconf.py", env=env)
    said = published.stdout + published.stderr
    assert published.returncode == 1 and "Traceback" not in said
    assert says in said, said
    local = run_pelican(content, tmp_path / "out", "pelicanconf.py")
    assert "Traceback" not in local.stdout + local.stderr and (tmp_path / "out/2026/11/ok.html").is_file()
    for written in (tmp_path / "out").rglob("*"):
        if written.is_file() and written.suffix in (".html", ".xml", ".json"):
            assert "javascript:" not in written.read_text(encoding="utf-8", errors="replace"), written


@pytest.mark.parametrize("link, target", [
    ("images/passwd.txt", "/etc/passwd"),
    ("images/keys", "/etc/ssh"),  # a folder
    ("images/config", "../../.git/config"),  # a checkout's, with CI's token in it
])
def test_a_symbolic_link_in_content_stops_the_build_in_one_line(tmp_path, link, target):
    content = write_files(tmp_path / "content", {"articles/ok.md": STORY.format(title="正常稿件", extra="")})
    (content / link).parent.mkdir(parents=True, exist_ok=True)
    (content / link).symlink_to(target)
    output = tmp_path / "out"
    output.mkdir()
    (output / "index.html").write_text("上次的网站", encoding="utf-8")
    process = run_pelican(content, output, "pelicanconf.py")
    said = process.stdout + process.stderr
    assert process.returncode == 1 and "Traceback" not in said
    assert "内容文件夹中有 1 个符号链接，构建已停止" in said and f"{link} → {target}" in said
    assert [path.name for path in output.iterdir()] == ["index.html"]  # the last site, untouched


def test_an_svg_or_html_file_among_the_pictures_stops_the_build(tmp_path):
    content = write_files(tmp_path / "content", {
        "articles/ok.md": STORY.format(title="正常稿件", extra=""),
        "images/logo.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>',
    })
    process = run_pelican(content, tmp_path / "out", "pelicanconf.py")
    said = process.stdout + process.stderr
    assert process.returncode == 1 and "Traceback" not in said
    assert "images/logo.svg：SVG、HTML 文件在本站打开时可以运行脚本，构建已停止" in said
    assert not (tmp_path / "out/images/logo.svg").exists()
