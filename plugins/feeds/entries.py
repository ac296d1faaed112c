"""Which story a feed entry links to. No Pelican here."""

from collections.abc import Container


def address_in(link: str, addresses: Container[str]) -> str | None:
    """The site address (as `addresses` hold them: 2026/11/wuye.html) that `link` ends with, the
    site's own URL before it and any query after it (?ref=feed) aside; None if there is none."""
    parts = link.split("?", 1)[0].split("/")
    for start in range(len(parts)):
        address = "/".join(parts[start:])
        if address in addresses:
            return address
    return None
