"""Every rule `invoke check` knows: its id, its level, whether --fix mends it, and what it finds."""

from typing import NamedTuple

ERROR = "error"
WARNING = "warning"


class Rule(NamedTuple):
    level: str
    fixable: bool
    finds: str


RULES = {
    "file-active": Rule(ERROR, False, "an SVG or HTML file under STATIC_PATHS: opened from the site, it would run script as the site"),
    "file-symlink": Rule(ERROR, False, "a symbolic link in the content folder (it could publish a file from elsewhere: /etc/passwd, .git/config)"),
    "encoding": Rule(ERROR, False, "a file that is not UTF-8 (says which encoding it looks like)"),
    "file-unreadable": Rule(ERROR, False, "a file that cannot be opened at all"),
    "title-missing": Rule(ERROR, False, "no Title, or an empty one"),
    "title-too-long": Rule(WARNING, False, "a headline over 80 characters: a paragraph pasted into Title"),
    "date-missing": Rule(ERROR, False, "an article without Date (Pelican would leave it out)"),
    "date-invalid": Rule(ERROR, False, "a Date or Modified that is not YYYY-MM-DD [HH:MM]"),
    "modified-before-date": Rule(ERROR, False, "a Modified earlier than the Date"),
    "date-future": Rule(ERROR, False, "a Date later than now, without Scheduled: true or Status: draft"),
    "section-unknown": Rule(ERROR, False, "a Category that is not in FRONTPAGE_SECTIONS"),
    "status-unknown": Rule(ERROR, False, "a Status other than draft, published or hidden (Pelican would leave the item out)"),
    "field-control": Rule(ERROR, False, "a control character in a field (pasted from elsewhere; the feed writer would stop on it)"),
    "address-unsafe": Rule(ERROR, False, "a URL or Save_as leading out of the site: javascript:, data:, //host, .., a backslash"),
    "field-missing": Rule(ERROR, False, "a required field left out or empty: Category (articles), Alt (photo news)"),
    "placeholder-left": Rule(ERROR, False, "text invoke new wrote for the editor to replace, still there (正文第一段。, 本报通讯员 姓名 摄 …)"),
    "field-unknown": Rule(WARNING, False, "a field the site does not know, with the likely one"),
    "lead-invalid": Rule(WARNING, False, "a Lead that is not true/false (是/否)"),
    "byline-no-name": Rule(WARNING, False, "a Byline with no person's name in it"),
    "correction-undated": Rule(WARNING, False, "a Correction line that does not start with a date"),
    "url-duplicate": Rule(ERROR, False, "two items that would be published at the same address"),
    "story-duplicate": Rule(ERROR, False, "two stories with one headline, or nearly one body (unless the later Follows the earlier)"),
    "tag-near-duplicate": Rule(WARNING, False, "a tag that differs from another only by spaces, width or case"),
    "image-missing": Rule(ERROR, False, "a picture (Photo or ![…](…)) whose file does not exist"),
    "image-outside": Rule(ERROR, False, "a picture outside content/"),
    "image-not-image": Rule(ERROR, False, "a picture file that is not an image that can be published"),
    "image-no-alt": Rule(WARNING, False, "a picture without alt text (Alt, or the text in ![…])"),
    "image-no-caption": Rule(WARNING, False, "a picture without a caption"),
    "link-broken": Rule(ERROR, False, "an internal link to a file that does not exist, or a plain .md link"),
    "body-empty": Rule(ERROR, False, "an article with no text under its fields (only front matter)"),
    "html-active": Rule(ERROR, False, "<script>, <iframe>, on… handlers or javascript: links in the body"),
    "wording-wrong": Rule(ERROR, False, "a wrong form from the wording tables (错别字、异形词), with the form to write"),
    "wording-protected": Rule(ERROR, False, "a protected expression written one character off (严重表述错误): a known confusion, or a character standing alone"),
    "wording-table": Rule(ERROR, False, "a line of wording.txt (or a WORDING_FILES table) that is neither an entry nor a comment"),
    "punctuation-halfwidth": Rule(WARNING, True, "half-width , : ; ? ! ( ) inside Chinese text"),
    "sentence-broken": Rule(WARNING, True, "a sentence cut in two by a blank line (问题突 / 出小区)"),
    "check-failed": Rule(ERROR, False, "a rule that failed on a file: a bug in checks/, for the maintainers"),
}
