"""Checks every build makes once at start-up, whichever of this project's plugins are listed."""

from pathlib import Path

from pelican import signals

from .errors import BuildError
from .order import order_problems
from .paths import active_static_files, links_in
from .pelican_api import (
    check_version,
    fold_pelican_messages,
    new_build_log,
    quiet_build_errors,
)


def check_start(pelican) -> None:
    """Stop in one line on a Pelican these plugins were not written for, plugins out of order, a
    symbolic link in the content folder, or an SVG or HTML file among the static files."""
    new_build_log()
    check_version()
    problems = order_problems([str(name) for name in pelican.settings["PLUGINS"]])
    if problems:
        raise BuildError("插件顺序有误 (PLUGINS in the wrong order): " + "；".join(problems))
    links = links_in(Path(pelican.settings["PATH"]))
    if links:
        shown = "；".join(f"{path} → {target}" for path, target in links[:5]) + ("……" if len(links) > 5 else "")
        raise BuildError(
            f"内容文件夹中有 {len(links)} 个符号链接，构建已停止（它们可能把别处的文件发布出去）：{shown}；"
            f"请换成文件本身 ({len(links)} symbolic links in the content folder: replace each with the file itself)"
        )
    active = active_static_files(Path(pelican.settings["PATH"]), pelican.settings["STATIC_PATHS"])
    if active:
        raise BuildError(
            f"{'、'.join(active[:5])}{'……' if len(active) > 5 else ''}：SVG、HTML 文件在本站打开时可以运行脚本，构建已停止；"
            f"请把 SVG 转成 PNG，HTML 写成稿件 (SVG and HTML under STATIC_PATHS would run script on the site: refused)"
        )


def connect() -> None:
    """Connect the start-up checks (once: Pelican's signals take a handler once however often connected)."""
    quiet_build_errors()
    fold_pelican_messages()
    signals.initialized.connect(check_start)
