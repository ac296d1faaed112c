"""Which folders a build may replace: never the content, the project, or a folder it did not make."""

from pathlib import Path


def is_within(inner: Path, outer: Path) -> bool:
    return inner == outer or outer in inner.parents


def output_refusal(output: Path, content: Path, project: Path) -> str | None:
    """Why a build must not replace `output` (in the editor's words, with English beside), or None.

    The build replaces its output folder whole: given the content folder, the project, a folder
    holding either, or a folder of other files (`--output ~`), it would delete them.
    """
    output, content, project = output.resolve(), content.resolve(), project.resolve()
    if is_within(output, content) or is_within(content, output):
        return f"输出文件夹 {output} 与内容文件夹 {content} 重合，构建会删掉稿件；请另选输出文件夹 (the output overlaps the content folder)"
    if is_within(project, output) or output == project:
        return f"输出文件夹 {output} 包含整个项目，构建会删掉它；请另选输出文件夹 (the output holds the project)"
    if output.is_dir() and any(output.iterdir()) and not is_a_site(output):
        return f"输出文件夹 {output} 里已有别的文件，不是构建生成的网站，没有覆盖；请用空文件夹或原来的输出文件夹 (not a built site: left alone)"
    return None


def is_a_site(folder: Path) -> bool:
    """Whether a folder looks like a built site: a page at its top (index.html, 404.html, a stale one)."""
    return any(path.suffix == ".html" and path.is_file() for path in folder.iterdir())
