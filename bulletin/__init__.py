"""Turn a print bulletin page, as plain text, into draft Markdown articles (`invoke import`).

The flow: `layout` rejoins the lines the print layout broke into paragraphs; `parts` says what
each paragraph is (headline, byline, credit, prose); `items` groups them into articles and photo
news; `guess` proposes a section, tags and a photo's headline; `draft` writes the Markdown; `cli`
reads the page, writes the drafts and prints the report. No Pelican here.
"""
