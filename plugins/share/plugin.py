"""Pelican glue: the `share_qr` template filter, an article's QR code as its page is rendered.

Like newsmeta's JSON-LD, the code is made from what the page is given (the story's address and the
settings) when the page is rendered, not kept on every story, so the incremental plugin's digest
of the page covers it and a page taken from the last build costs nothing.
"""

from markupsafe import Markup
from pelican import signals

from plugins.core import startup
from plugins.core.errors import bad_setting

from .qrcode import QrCode, story_qr_code
from .settings import merged

LABEL = "本文网址的二维码"


def check_settings(pelican) -> None:
    """Stop at start-up on a bad SHARE_* value; give the templates the `share_qr` filter."""
    try:
        merged(pelican.settings)
    except ValueError as error:
        raise bad_setting(error) from None
    # A new dict: never change the one Pelican's defaults may share between runs.
    pelican.settings["JINJA_FILTERS"] = {**pelican.settings["JINJA_FILTERS"], "share_qr": share_qr}


def share_qr(article) -> QrCode | None:
    """Jinja filter: the QR code of `article`'s published address; None in a local build (a
    relative SITEURL), for a draft, or with SHARE_QR_CODE off."""
    settings = article.settings
    if article.status == "draft" or not merged(settings)["SHARE_QR_CODE"]:
        return None
    code = story_qr_code(settings["SITEURL"], article.url, LABEL)
    return code._replace(svg=Markup(code.svg)) if code else None


def register() -> None:
    """Connect the handlers."""
    startup.connect()
    signals.initialized.connect(check_settings)
