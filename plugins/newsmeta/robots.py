"""robots.txt: every crawler may read everything; where the sitemaps are, when that is known."""

from collections.abc import Iterable


def robots_txt(sitemap_urls: Iterable[str]) -> str:
    """Allow all, then one `Sitemap:` line per absolute URL (relative ones mean nothing there)."""
    lines = ["User-agent: *", "Allow: /"]
    absolute = [url for url in sitemap_urls if url.startswith(("https://", "http://"))]
    if absolute:
        lines += [""] + [f"Sitemap: {url}" for url in absolute]
    return "\n".join(lines) + "\n"
