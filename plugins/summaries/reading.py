"""Reading time of a Chinese article: characters and Latin words read at their own speeds."""

import re

# Han ideographs (with extensions), kana and Hangul syllables: each is read as one character.
CJK = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0003134f]")
WORD = re.compile(r"[^\W_]+")


def reading_minutes(text: str, chars_per_minute: int = 400, words_per_minute: int = 200) -> int:
    """Minutes to read `text`, rounded up and at least 1: CJK characters plus Latin words."""
    latin, chars = CJK.subn(" ", text)
    words = len(WORD.findall(latin))
    # chars / cpm + words / wpm, rounded up in integers so that 400 characters are exactly 1 minute.
    numerator = chars * words_per_minute + words * chars_per_minute
    return max(1, -(-numerator // (chars_per_minute * words_per_minute)))
