"""The index as small binary shards the browser fetches one at a time.

A key (one character or a pair) lives in shard fnv1a(key) mod the shard count, so the browser
finds it without a directory. A shard is a sequence of entries, all numbers unsigned LEB128:
  key length in code points, the code points, byte length of the postings, the postings;
postings: number of stories, then for each story the gap from the previous story id, then
  for a pair: number of positions and the gaps between them (first from 0),
  for a character: count and first position.
"""

from collections.abc import Iterable

from .index import Occurrences, Postings

FNV_OFFSET, FNV_PRIME = 0x811C9DC5, 0x01000193


def fnv1a(key: str) -> int:
    """32-bit FNV-1a over the key's code points (engine.js computes the same with Math.imul)."""
    value = FNV_OFFSET
    for char in key:
        value = ((value ^ ord(char)) * FNV_PRIME) & 0xFFFFFFFF
    return value


def varint(number: int) -> bytes:
    """Unsigned LEB128: seven bits a byte, the high bit set on all but the last."""
    out = bytearray()
    while True:
        low, number = number & 0x7F, number >> 7
        out.append(low | (0x80 if number else 0))
        if not number:
            return bytes(out)


def gaps(numbers: Iterable[int]) -> list[int]:
    """Ascending numbers as the differences from the one before (the first from 0)."""
    previous, out = 0, []
    for number in numbers:
        out.append(number - previous)
        previous = number
    return out


def encode_postings(postings: Postings) -> bytes:
    """One key's postings, stories in id order."""
    stories = sorted(postings)
    out = bytearray(varint(len(stories)))
    for story, gap in zip(stories, gaps(stories)):
        out += varint(gap)
        entry = postings[story]
        if isinstance(entry, Occurrences):
            out += varint(entry.count) + varint(entry.first)
        else:
            out += varint(len(entry)) + b"".join(map(varint, gaps(entry)))
    return bytes(out)


def encode_entry(key: str, postings: Postings) -> bytes:
    """A key and its postings, as a shard holds them."""
    body = encode_postings(postings)
    return varint(len(key)) + b"".join(varint(ord(char)) for char in key) + varint(len(body)) + body


def shard_count(total_bytes: int, target_bytes: int) -> int:
    """The power of two that brings shards nearest the target size on average (at least 1)."""
    count = 1
    while total_bytes / (count * 2) >= target_bytes * 0.7:
        count *= 2
    return count


def shards(index: dict[str, Postings], target_bytes: int) -> list[bytes]:
    """The index split into shards of about `target_bytes`; keys in a stable order within each."""
    entries = {key: encode_entry(key, postings) for key, postings in index.items()}
    count = shard_count(sum(map(len, entries.values())), target_bytes)
    out = [bytearray() for _ in range(count)]
    for key in sorted(entries):
        out[fnv1a(key) % count] += entries[key]
    return [bytes(shard) for shard in out]
