"""The one line that ends a failed strict build (the count is plugins.core.tally's)."""

FAILED = "严格构建未通过"


def verdict(count: int, level_name: str) -> str:
    """The one line that ends a failed strict build."""
    what = "警告或错误" if level_name == "warning" else "错误"
    return (
        f"{FAILED}：以上共 {count} 条{what}，请先改正 "
        f"(strict build failed: {count} {'problem' if count == 1 else 'problems'} above)"
    )
