"""Guess which encoding a Markdown file that is not UTF-8 was saved in, to tell the editor."""

import codecs
import re

DOUBLE_BYTE = re.compile(rb"[\x81-\xfe][\x40-\xfe]")
# Every Big5 byte pair is also valid GB18030, so decoding alone cannot tell them apart; Big5's
# second bytes often fall below 0x80, GBK-encoded Chinese text's rarely do.
BIG5_LOW_TRAIL_SHARE = 0.2


def decodes(raw: bytes, codec: str) -> bool:
    """Whether `raw` is valid in `codec`."""
    try:
        raw.decode(codec)
    except UnicodeDecodeError:
        return False
    return True


def encoding_guess(raw: bytes) -> str:
    """The name of the encoding `raw` looks like when it is not UTF-8, or ""."""
    if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    pairs = DOUBLE_BYTE.findall(raw)
    if pairs and decodes(raw, "big5") and sum(pair[1] < 0x80 for pair in pairs) / len(pairs) > BIG5_LOW_TRAIL_SHARE:
        return "Big5"
    if decodes(raw, "gb18030"):
        return "GBK/GB18030"
    return "UTF-16" if decodes(raw, "utf-16") else ""
