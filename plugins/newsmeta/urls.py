"""Addresses on the site: absolute when SITEURL is, else paths from the site root."""

from urllib.parse import urljoin


def is_absolute(url: str) -> bool:
    """True for an http(s) URL with a host."""
    return url.startswith(("https://", "http://"))


def site_root(siteurl: str) -> str:
    """SITEURL without its trailing slash when it is absolute, else "" (a local preview)."""
    return siteurl.rstrip("/") if is_absolute(siteurl) else ""


def on_site(root: str, path: str) -> str:
    """The address of `path` (from the site root) under `root`; an absolute URL stays as it is."""
    if is_absolute(path):
        return path
    return f"{root}/{path.lstrip('/')}"


def resolve(page_url: str, src: str) -> str:
    """Where a link `src` on the page at `page_url` points, as a browser resolves it."""
    return urljoin(page_url, src)
