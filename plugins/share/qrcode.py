"""A story's address as a QR code, drawn as one small SVG path to put inline in its page."""

from html import escape
from typing import NamedTuple

import segno


class QrCode(NamedTuple):
    address: str  # what the code encodes: the story's published absolute address
    svg: str  # <svg role="img" aria-label=…>: one path of dark runs on a white square


def qr_svg(address: str, label: str) -> str:
    """`address` as an inline SVG QR code named `label` for assistive technology.

    segno draws each row's dark modules as runs of one stroked path ("h7m2 0h3…"), about 1.3 KB
    for a story's address, and sizes it by its viewBox alone, so CSS sets the size. The colours
    are fixed (black on white, with the four-module quiet zone) so that a phone can read it in
    the dark scheme and in 高对比度 too.
    """
    code = segno.make_qr(address)
    svg = code.svg_inline(omitsize=True, svgclass="share-qr-code", lineclass=None, dark="#000", light="#fff")
    return svg.replace("<svg ", f'<svg role="img" aria-label="{escape(label)}" ', 1)


def story_qr_code(siteurl: str, path: str, label: str) -> QrCode | None:
    """The QR code of the story at `path` (from the site root) when `siteurl` is an absolute
    http(s) address; None for a local build's relative one, whose address no phone can open."""
    if not siteurl.startswith(("https://", "http://")):
        return None
    address = f"{siteurl.rstrip('/')}/{path.lstrip('/')}"
    return QrCode(address, qr_svg(address, label))
