"""A page's paragraphs grouped into items: articles (headlines, byline, subheads, paragraphs) and photo news.

The rules are print's: a headline is one to three short lines (引题, 主题, 副题) that stand
before a byline or before another headline line; a short line alone between paragraphs is a
subhead; a photo's caption is the paragraph just before its credit (本报通讯员 高欣 摄), or the
paragraph that ends in one, with a short line just above it as its headline.
What the rules cannot settle is written down as a doubt, with its line, for the report.
"""

from dataclasses import dataclass, field

from checks.lines import (
    is_byline,
    is_credit,
    is_deck,
    is_headline,
    split_dateline,
    starts_mid_sentence,
)
from plugins.photos.caption import split_credit

from .layout import Paragraph


@dataclass
class Doubt:
    line: int
    zh: str
    en: str


@dataclass
class Item:
    kind: str  # "article" or "photo"
    line: int
    title: str = ""
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""
    blocks: list[tuple[str, str]] = field(default_factory=list)  # ("p", text) or ("h", subhead)
    caption: str = ""
    credit: str = ""
    title_guessed: bool = False
    doubts: list[Doubt] = field(default_factory=list)

    def text(self) -> str:
        """Everything a reader reads in the item, for guessing its section and tags."""
        parts = [self.kicker, self.title, self.subtitle, self.caption, *(text for _, text in self.blocks)]
        return "\n".join(part for part in parts if part)

    def doubt(self, line: int, zh: str, en: str) -> None:
        self.doubts.append(Doubt(line, zh, en))


def photo_spans(paragraphs: list[Paragraph]) -> dict[int, tuple[int, int]]:
    """For each photo item, the index of its first paragraph → (index of its caption, index of its last paragraph)."""
    spans = {}
    for index, paragraph in enumerate(paragraphs):
        caption = split_credit(paragraph.text)
        if not caption.credit:
            continue
        first = index
        if is_credit(paragraph.text) and index > 0 and is_caption(paragraphs[index - 1].text):
            first = index - 1
        caption_index = first
        if first > 0 and is_headline(paragraphs[first - 1].text) and not (first > 1 and is_headline(paragraphs[first - 2].text)):
            first -= 1  # a photo's own headline: one short line just above its caption
        spans[first] = (caption_index, index)
    return spans


def is_caption(text: str) -> bool:
    """A paragraph that can be a photo's caption: prose, not a headline, byline or credit."""
    return not (is_headline(text) or is_byline(text) or split_credit(text).credit)


def photo_item(paragraphs: list[Paragraph], first: int, caption_index: int, last: int) -> Item:
    """A photo item from its headline (if any), caption and credit paragraphs."""
    item = Item("photo", paragraphs[first].line)
    if first < caption_index:
        item.title = paragraphs[first].text
    if caption_index < last:  # the caption, then its credit alone
        item.caption, item.credit = paragraphs[caption_index].text, split_credit(paragraphs[last].text).credit
    else:
        caption = split_credit(paragraphs[last].text)
        item.caption, item.credit = caption.text, caption.credit
    if not item.caption:
        item.doubt(paragraphs[last].line, f"署名“{item.credit}”前没有图片说明", "a photo credit with no caption before it")
    return item


def headline_run(paragraphs: list[Paragraph], start: int, stop: int) -> int:
    """The index after the run of headline lines that begins at `start` (not beyond `stop`)."""
    end = start
    while end < stop and is_headline(paragraphs[end].text):
        end += 1
    return end


def starts_an_item(paragraphs: list[Paragraph], start: int, end: int, stop: int) -> bool:
    """Whether the headline lines [start, end) begin a new story rather than a subhead of the current one.

    Two or more lines together are a headline with its kicker or subtitle; one line is a story's
    headline when a byline, a dateline or a ——subtitle follows it.
    """
    if end - start >= 2:
        return True
    following = paragraphs[end].text if end < stop else ""
    return bool(following) and (is_byline(following) or bool(split_dateline(following)[0]))


def new_article(paragraphs: list[Paragraph], start: int, end: int) -> Item:
    """An article from its headline lines: the title; a subtitle after it; a kicker before it when there are three.

    Deck lines (——……) are the subtitle, however many: the title is the line above the first of them.
    """
    lines = [paragraph.text for paragraph in paragraphs[start:end]]
    item = Item("article", paragraphs[start].line)
    first_deck = next((index for index, line in enumerate(lines) if index and is_deck(line)), None)
    if first_deck is not None:
        last_deck = first_deck
        while last_deck + 1 < len(lines) and is_deck(lines[last_deck + 1]):
            last_deck += 1
        item.kicker = " ".join(lines[: first_deck - 1])
        item.title = lines[first_deck - 1]
        item.subtitle = " ".join(lines[first_deck : last_deck + 1])
        extras = paragraphs[start + last_deck + 1 : end]
    else:
        if len(lines) >= 3:
            item.kicker, lines = lines[0], lines[1:]
        item.title = lines[0]
        if len(lines) > 1:
            item.subtitle = lines[1]
        extras = paragraphs[start + 3 : end]
    for extra in extras:
        item.blocks.append(("h", extra.text))
        item.doubt(extra.line, f"标题下多出一行“{extra.text}”，暂作小标题", "a fourth headline line, kept as a subhead")
    return item


def add_byline(item: Item, paragraph: Paragraph) -> str:
    """Take the byline at the head of `paragraph` into `item`; return the text after it."""
    byline, rest = split_dateline(paragraph.text)
    if not byline:
        byline, rest = paragraph.text, ""
    if item.byline or any(kind == "p" for kind, _ in item.blocks):
        item.doubt(paragraph.line, f"正文中又出现署名“{byline}”，请核对是否为另一篇稿件", "a second byline inside the story")
        return paragraph.text
    item.byline = byline
    return rest


def articles_and_photos(paragraphs: list[Paragraph]) -> list[Item]:
    """Every item on the page, in page order."""
    spans = photo_spans(paragraphs)
    items: list[Item] = []
    article: Item | None = None
    index, stop = 0, len(paragraphs)
    while index < stop:
        if index in spans:
            caption_index, last = spans[index]
            items.append(photo_item(paragraphs, index, caption_index, last))
            article, index = None, last + 1
            continue
        next_photo = min((start for start in spans if start > index), default=stop)
        paragraph = paragraphs[index]
        end = headline_run(paragraphs, index, next_photo)
        if end > index and (article is None or starts_an_item(paragraphs, index, end, next_photo)):
            article = new_article(paragraphs, index, end)
            items.append(article)
            index = end
            continue
        if article is None:  # prose with no headline above it: the rest of a story from another page
            article = Item("article", paragraph.line, title_guessed=True)
            article.doubt(paragraph.line, "这段文字上方没有标题，可能是上一版稿件的后半部分", "text with no headline above it")
            items.append(article)
        if end > index:
            article.blocks.append(("h", paragraph.text))
        else:
            add_paragraph(article, paragraph)
        index += 1
    for item in items:
        review(item, paragraphs)
    return items


def add_paragraph(article: Item, paragraph: Paragraph) -> None:
    """A byline, a dateline with the first paragraph, or a paragraph of the story."""
    text = paragraph.text
    if is_byline(text) or split_dateline(text)[0]:
        text = add_byline(article, paragraph)
        if not text:
            return
    if not any(kind == "p" for kind, _ in article.blocks) and starts_mid_sentence(text):
        article.doubt(
            paragraph.line, f"正文从句子中间开始（“{text[:10]}…”），前文可能在别的版面，请补全或删去残句",
            "the story starts mid-sentence",
        )
    if paragraph.cut:
        article.doubt(
            paragraph.line, f"这段在句子中间结束（“…{text[-10:]}”），印刷版可能转版或截断，请核对",
            "a paragraph ends mid-sentence",
        )
    article.blocks.append(("p", text))


def review(item: Item, paragraphs: list[Paragraph]) -> None:
    """Doubts about an item as a whole: no byline, no text."""
    if item.kind == "article" and not item.byline and not item.title_guessed:
        item.doubt(item.line, "没有找到署名（如“本报讯（记者 张三）”），请补上 Byline", "no byline found")
    if item.kind == "article" and not any(kind == "p" for kind, _ in item.blocks):
        item.doubt(item.line, "标题下没有正文", "a headline with no text under it")
