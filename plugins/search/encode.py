"""The index as small binary shards the browser fetches one at a time.

A key (one character or a pair) lives in shard fnv1a(key) mod the shard count, so the browser
finds it without a directory. A shard is a sequence of entries, all numbers unsigned LEB128:
  key length in code points, the code points, byte length of the postings, the postings;
postings: number of stories, then for each story the gap from the previous story id, then
  for a pair: number of positions and the gaps between them (the first from 0),
  for a character: count and first position.
Everything is computed on whole numpy arrays: a "stream" is the sequence of numbers to write.
"""

import numpy as np

from .index import PAIR_SHIFT, Occurrences

FNV_OFFSET, FNV_PRIME, LOW_32 = 0x811C9DC5, 0x01000193, 0xFFFFFFFF
LOW_21 = (1 << PAIR_SHIFT) - 1


def starts_of(values: np.ndarray) -> np.ndarray:
    """True where a run of equal values begins."""
    return np.concatenate(([True], values[1:] != values[:-1])) if len(values) else np.zeros(0, dtype=bool)


def gaps_within(values: np.ndarray, run_starts: np.ndarray) -> np.ndarray:
    """Each value minus the one before it, or itself where a run starts."""
    before = np.concatenate(([0], values[:-1])) if len(values) else values
    return np.where(run_starts, values, values - before)


def lay_out(count: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items taking `count` numbers each: the stream's length per item start, and its total."""
    offsets = np.cumsum(count) - count
    return offsets, int(count.sum())


def pair_postings(pairs: Occurrences) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(keys, numbers, where each key's numbers start) for the pairs' postings."""
    key_start = starts_of(pairs.key)
    story_start = key_start | starts_of(pairs.story)
    group_rows = np.flatnonzero(story_start)
    stories = pairs.story[group_rows]
    positions_per_story = np.diff(np.append(group_rows, len(pairs.key)))
    stories_per_key = np.diff(np.append(np.flatnonzero(key_start[group_rows]), len(group_rows)))

    # Each row writes its position gap, after its story's gap and count when it starts a story,
    # after its key's number of stories when it starts a key.
    slots = key_start.astype(np.int64) + 2 * story_start + 1
    offsets, total = lay_out(slots)
    numbers = np.empty(total, dtype=np.uint64)
    at = offsets.copy()
    numbers[at[key_start]] = stories_per_key
    at += key_start
    numbers[at[story_start]] = gaps_within(stories, key_start[group_rows])
    numbers[at[story_start] + 1] = positions_per_story
    at += 2 * story_start
    numbers[at] = gaps_within(pairs.position, story_start)
    return pairs.key[key_start], numbers, offsets[key_start]


def character_postings(characters: Occurrences) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(keys, numbers, where each key's numbers start) for single characters: count and first position."""
    story_start = starts_of(characters.key) | starts_of(characters.story)
    group_rows = np.flatnonzero(story_start)
    keys, stories = characters.key[group_rows], characters.story[group_rows]
    counts = np.diff(np.append(group_rows, len(characters.key)))
    key_start = starts_of(keys)
    stories_per_key = np.diff(np.append(np.flatnonzero(key_start), len(keys)))

    slots = key_start.astype(np.int64) + 3
    offsets, total = lay_out(slots)
    numbers = np.empty(total, dtype=np.uint64)
    at = offsets.copy()
    numbers[at[key_start]] = stories_per_key
    at += key_start
    numbers[at] = gaps_within(stories, key_start)
    numbers[at + 1] = counts
    numbers[at + 2] = characters.position[group_rows]  # rows are in position order: the first
    return keys[key_start], numbers, offsets[key_start]


def varint_sizes(numbers: np.ndarray) -> np.ndarray:
    """Bytes each number takes in LEB128 (numbers below 2**35)."""
    return 1 + sum((numbers >= (1 << (7 * k))).astype(np.int64) for k in range(1, 5))


def varints(numbers: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The numbers as unsigned LEB128 bytes, and where each number's bytes start."""
    sizes = varint_sizes(numbers)
    starts = np.cumsum(sizes) - sizes
    out = np.empty(int(sizes.sum()), dtype=np.uint8)
    for k in range(5):
        has = sizes > k
        more = (sizes > k + 1).astype(np.uint64) << 7
        out[starts[has] + k] = (((numbers[has] >> (7 * k)) & 0x7F) | more[has]).astype(np.uint8)
    return out, starts


def fnv1a(keys: np.ndarray) -> np.ndarray:
    """32-bit FNV-1a over each key's code points, as engine.js computes it."""
    pair = keys > LOW_21
    first = np.where(pair, keys >> PAIR_SHIFT, keys)
    value = ((FNV_OFFSET ^ first) * FNV_PRIME) & LOW_32
    return np.where(pair, ((value ^ (keys & LOW_21)) * FNV_PRIME) & LOW_32, value)


def entries(keys: np.ndarray, postings: np.ndarray, postings_starts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Each key's entry (length, code points, postings size, postings) as one stream, and where each starts."""
    postings_count = np.diff(np.append(postings_starts, len(postings)))
    sizes = varint_sizes(postings)
    postings_bytes = np.add.reduceat(sizes, postings_starts) if len(postings) else sizes
    pair = keys > LOW_21
    head = 3 + pair.astype(np.int64)  # length, one or two code points, postings size
    starts, total = lay_out(head + postings_count)
    stream = np.empty(total, dtype=np.uint64)
    stream[starts] = 1 + pair
    stream[starts + 1] = np.where(pair, keys >> PAIR_SHIFT, keys)
    stream[starts[pair] + 2] = keys[pair] & LOW_21
    stream[starts + head - 1] = postings_bytes
    owner = np.repeat(np.arange(len(keys)), postings_count)
    stream[np.arange(len(postings)) - postings_starts[owner] + starts[owner] + head[owner]] = postings
    return stream, starts


def shard_count(total_bytes: int, target_bytes: int) -> int:
    """The power of two that brings shards nearest the target size on average (at least 1)."""
    count = 1
    while total_bytes / (count * 2) >= target_bytes * 0.7:
        count *= 2
    return count


def shards(characters: Occurrences, pairs: Occurrences, target_bytes: int) -> list[bytes]:
    """The index split into shards of about `target_bytes`."""
    parts = [character_postings(characters), pair_postings(pairs)]
    keys = np.concatenate([part[0] for part in parts])
    offsets = np.cumsum([0] + [len(part[1]) for part in parts[:-1]])
    postings = np.concatenate([part[1] for part in parts])
    postings_starts = np.concatenate([part[2] + offset for part, offset in zip(parts, offsets)])
    stream, entry_starts = entries(keys, postings, postings_starts)
    data, number_starts = varints(stream)
    byte_starts = number_starts[entry_starts]
    byte_sizes = np.diff(np.append(byte_starts, len(data)))
    count = shard_count(len(data), target_bytes)
    home = fnv1a(keys) % count
    order = np.argsort(home, kind="stable")
    sizes = byte_sizes[order]
    gather = np.repeat(byte_starts[order] - (np.cumsum(sizes) - sizes), sizes) + np.arange(int(sizes.sum()))
    ordered = data[gather].tobytes()
    ends = np.cumsum(np.bincount(home, weights=byte_sizes, minlength=count).astype(np.int64))
    return [ordered[start:end] for start, end in zip(np.concatenate(([0], ends[:-1])), ends)]
