"""Markup in a story that would run in a reader's browser: scripts, frames, on… handlers, script links.

Markdown passes raw HTML through, so a line pasted from a web page can carry a `<script>` or an
`onmouseover` onto the site. The site's own pages have no inline script at all (its security
policy forbids it), so none of this is ever wanted in a story.
"""

import re

from bs4 import BeautifulSoup

ACTIVE_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "noscript"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
SCRIPT_URL = re.compile(r"^\s*(?:java|vb)script\s*:|^\s*data\s*:\s*text/html", re.IGNORECASE)
# A quick look first: most stories have no raw HTML, and they are returned untouched, byte for byte.
SUSPECT = re.compile(
    rf"<\s*(?:{'|'.join(sorted(ACTIVE_ELEMENTS))})\b|\son[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text/html|srcdoc",
    re.IGNORECASE,
)


def disarm(html: str) -> tuple[str, list[str]]:
    """The HTML without its active parts, and what was taken out, in order: `<script>`, `onmouseover`, `href=javascript:`."""
    if not SUSPECT.search(html):
        return html, []
    soup = BeautifulSoup(html, "html.parser")
    removed: list[str] = []
    for tag in soup.find_all(True):
        if tag.decomposed:
            continue  # inside an element already taken out
        if tag.name in ACTIVE_ELEMENTS:
            removed.append(f"<{tag.name}>")
            tag.decompose()
            continue
        for name, value in list(tag.attrs.items()):
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or name == "srcdoc":
                removed.append(name)
            elif name in URL_ATTRIBUTES and SCRIPT_URL.match(value):
                removed.append(f"{name}={value.split(':', 1)[0].strip().lower()}:")
            else:
                continue
            del tag[name]
    if not removed:
        return html, []
    return str(soup), list(dict.fromkeys(removed))


def search_word(part: str) -> str:
    """What to look for in the Markdown file to find a removed part: `<script`, `onmouseover`, `javascript:`."""
    if part.startswith("<"):
        return part[:-1]
    return part.split("=", 1)[1] if "=" in part else part
