"""A body's HTML read from html.parser's events, nested as BeautifulSoup's html.parser tree builder
nests it, without building the tree (summaries and search each read every body once).

An end tag closes the latest open element of its name and all opened inside it (with none open it
is ignored, as is a </br> after a <br>); a void element (<br>, <img>) closes at once; the text of
<script>, <style>, <template> and ruby annotations is not text (`muted`). Character references are
read as a browser reads them (HTML5's table: `R&D;` stays `R&D;`, where BeautifulSoup dropped the
semicolon). A reader says what it does at each step: `opened`, `closing`, `text`, `markup` (any
markup ends the string being read) and `cdata` (text even where other text is not).
"""

from html.parser import HTMLParser

VOID = frozenset(
    "area base br col embed hr img input keygen link menuitem meta param source track wbr "
    "basefont bgsound command frame image isindex nextid spacer".split()
)
NOT_TEXT = frozenset({"script", "style", "template", "rt", "rp"})
CDATA = "CDATA["


class NestedReader(HTMLParser):
    """The parser's events as elements nested the tree builder's way; `tags` the open elements."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.closed_void: list[str] = []  # a later </br> closes nothing
        self.muted = 0  # open elements whose text is not text

    def opened(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        """An element opens (pushed on `tags` already)."""

    def closing(self, tag: str) -> None:
        """An element closes (still on `tags`)."""

    def text(self, data: str) -> None:
        """Text between two pieces of markup (several calls may make one string)."""

    def markup(self) -> None:
        """A tag, comment or declaration: the string being read ends here."""

    def cdata(self, data: str) -> None:
        """A CDATA section's text."""

    def handle_data(self, data: str) -> None:
        self.text(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]], void_closes: bool = True) -> None:
        self.markup()
        self.tags.append(tag)
        self.opened(tag, attrs)
        self.muted += tag in NOT_TEXT
        if void_closes and tag in VOID:
            self.close_to(len(self.tags) - 1)
            self.closed_void.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs, void_closes=False)
        self.handle_endtag(tag, after_void=False)

    def handle_endtag(self, tag: str, after_void: bool = True) -> None:
        if after_void and tag in self.closed_void:
            self.closed_void.remove(tag)
            return
        self.markup()
        for depth in range(len(self.tags) - 1, -1, -1):
            if self.tags[depth] == tag:
                self.close_to(depth)
                return

    def close_to(self, depth: int) -> None:
        """Close every element opened at `depth` or deeper."""
        while len(self.tags) > depth:
            self.closing(self.tags[-1])
            self.muted -= self.tags.pop() in NOT_TEXT

    def handle_comment(self, data: str) -> None:
        self.markup()

    def handle_decl(self, decl: str) -> None:
        self.markup()

    def handle_pi(self, data: str) -> None:
        self.markup()

    def unknown_decl(self, data: str) -> None:
        self.markup()
        if data.upper().startswith(CDATA):
            self.cdata(data[len(CDATA):])

    def read_all(self, html: str) -> None:
        """Feed the whole body and close every element left open."""
        self.feed(html)
        self.close()
        self.markup()
        self.close_to(0)
