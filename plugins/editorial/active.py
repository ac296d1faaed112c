"""Markup in a story that would run in a reader's browser: scripts, frames, on… handlers, script links.

Markdown passes raw HTML through, so a line pasted from a web page can carry a `<script>` or an
`onmouseover` onto the site. The site's own pages have no inline script at all (its security
policy forbids it), so none of this is ever wanted in a story. Every body is re-made by nh3
(ammonia on html5ever, the parser a browser uses) from an allowlist; Python's html.parser reads
some markup otherwise (<![CDATA[…]]>, <!-->), so it only names what went, for the editor.
"""

import re

import nh3
from bs4 import BeautifulSoup

ACTIVE_ELEMENTS = frozenset(
    {"script", "iframe", "frame", "frameset", "object", "embed", "applet", "base", "meta", "link", "style", "noscript"}
)
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"})
SCRIPT_URL = re.compile(r"^(?:java|vb)script:|^data:text/html", re.IGNORECASE)
# A browser reads a scheme through tabs, line ends and other controls: java&#x09;script: runs.
CONTROLS_AND_SPACE = re.compile(r"[\x00-\x20\x7f]+")
# Where markup hides from a Python parser but not from a browser: CDATA in HTML, abrupt comments.
HIDING_PLACES = (
    ("<![CDATA[", re.compile(r"<!\[CDATA\[", re.IGNORECASE)),
    ("<!-->", re.compile(r"<!---?>")),
)
# What a story's body may hold: what Markdown writes (tables, footnotes, code) and the photos'
# figures; every other element is dropped with its markup kept out, attributes likewise.
ALLOWED_TAGS = {
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark",
    "small", "sub", "sup", "abbr", "cite", "q", "blockquote", "code", "pre", "kbd", "samp", "var", "span", "div",
    "ul", "ol", "li", "dl", "dt", "dd", "a", "img", "figure", "figcaption", "picture", "source",
    "table", "thead", "tbody", "tfoot", "tr", "th", "td", "caption", "colgroup", "col", "details", "summary", "time",
}
ALLOWED_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "name"},
    "img": {"src", "alt", "width", "height", "loading", "srcset", "sizes"},
    "source": {"srcset", "sizes", "type", "media"},
    "ol": {"start", "reversed", "type"},
    "td": {"colspan", "rowspan", "align"}, "th": {"colspan", "rowspan", "align", "scope"},
    "col": {"span"}, "colgroup": {"span"}, "time": {"datetime"}, "abbr": {"title"}, "q": {"cite"}, "blockquote": {"cite"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}
# Elements dropped with everything in them (a frame's fallback text, a script's code).
GONE_WITH_CONTENT = {"script", "style", "iframe", "frame", "frameset", "object", "embed", "applet", "noscript", "noembed",
                     "noframes", "template", "textarea", "title", "xmp", "plaintext", "math", "svg"}
# Only a body with one of these is read a second time, to name what went.
SUSPECT = re.compile(
    rf"<\s*(?:{'|'.join(sorted(ACTIVE_ELEMENTS))})\b|\son[a-z]+\s*=|(?:java|vb)script\s*:|data\s*:\s*text/html|srcdoc|&#",
    re.IGNORECASE,
)


def disarm(html: str) -> tuple[str, list[str]]:
    """The HTML as an allowlist keeps it (always re-made, on a browser's own parser), and what was
    taken out that would have run, in order: `<script>`, `onmouseover`, `href=javascript:`, `<![CDATA[`."""
    return clean(html), removed_parts(html)


def clean(html: str) -> str:
    """The body with only the elements, attributes and link schemes a story needs; no comments."""
    return nh3.clean(
        html, tags=ALLOWED_TAGS, clean_content_tags=GONE_WITH_CONTENT, attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES, attribute_filter=no_script_address, strip_comments=True, link_rel=None,
    )


def no_script_address(tag: str, name: str, value: str) -> str | None:
    """An address attribute that reads as javascript: once spaces and controls are out goes too
    (a browser would not run " JavaScript :", but the editor is told it went, so it goes)."""
    return None if name in URL_ATTRIBUTES and SCRIPT_URL.match(CONTROLS_AND_SPACE.sub("", value)) else value


def removed_parts(html: str) -> list[str]:
    """What `clean` takes out that would run in a reader's browser, named for the editor."""
    removed: list[str] = [mark for mark, pattern in HIDING_PLACES if pattern.search(html)]
    if not SUSPECT.search(html):
        return removed
    soup = BeautifulSoup(html, "html.parser")
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
            elif name in URL_ATTRIBUTES and SCRIPT_URL.match(CONTROLS_AND_SPACE.sub("", value)):
                removed.append(f"{name}={CONTROLS_AND_SPACE.sub('', value).split(':', 1)[0].lower()}:")
    return list(dict.fromkeys(removed))


def search_word(part: str) -> str:
    """What to look for in the Markdown file to find a removed part: `<script`, `onmouseover`, `javascript:`."""
    if part.startswith("<"):
        return part[:-1]
    return part.split("=", 1)[1] if "=" in part else part
