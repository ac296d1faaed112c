"""Text handed to pickle as UTF-8 bytes, so the text does not keep a copy.

Asked to pickle a string, CPython encodes it with the call that caches the UTF-8 form on the
string for the rest of its life: for Chinese, 1.5 times the text's own size, on every story's
body, summary and fields a build pickles (a page's digest, a story kept). Encoding it here makes
the same bytes and caches nothing: a rebuild of 10,000 unchanged stories peaked 36 MiB lower.
ASCII text is its own UTF-8 and is left to pickle. A lone surrogate (a story can hold one, say
from a numeric character reference) is written as pickle writes it, with "surrogatepass".
"""

ERRORS = "surrogatepass"


def utf8_of(obj) -> bytes | None:
    """A non-ASCII string as UTF-8 bytes, for a Pickler's persistent_id; None for anything else."""
    if type(obj) is str and not obj.isascii():
        return obj.encode("utf-8", ERRORS)
    return None


def text_of(data: bytes) -> str:
    """The text utf8_of gave as bytes."""
    return data.decode("utf-8", ERRORS)
