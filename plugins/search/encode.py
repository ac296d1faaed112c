"""The index as small binary shards the browser fetches one at a time.

A key (one character or a pair) lives in shard fnv1a(key) mod the shard count, so the browser
finds it without a directory. A shard is a sequence of entries, all numbers unsigned LEB128:
  key length in code points, the code points, byte length of the postings, the postings;
postings: number of stories, then for each story the gap from the previous story id, then
  for a pair: number of positions and the gaps between them (the first from 0),
  for a character: count and first position.
Everything is computed on whole numpy arrays: a "stream" is the sequence of numbers to write.
The index arrives a group of keys at a time (index.grouped_occurrences): every group's
characters, then every group's pairs, each encoded as it arrives; the shards are cut from the
encoded groups when their total size is known.
"""

from collections.abc import Iterable
from typing import NamedTuple

import numpy as np

from .index import Occurrences
from .keys import LOW_21, PAIR_SHIFT, fnv1a


class Encoded(NamedTuple):
    """Entries as bytes (one kind of key of one group, or the groups of a bucket of shards): each
    entry's key, and where its bytes start in `data`."""

    keys: np.ndarray  # uint64
    data: np.ndarray  # uint8
    starts: np.ndarray  # int64


def starts_of(values: np.ndarray) -> np.ndarray:
    """True where a run of equal values begins."""
    return np.concatenate(([True], values[1:] != values[:-1])) if len(values) else np.zeros(0, dtype=bool)


def gaps_within(values: np.ndarray, run_starts: np.ndarray) -> np.ndarray:
    """Each value minus the one before it, or itself where a run starts."""
    before = np.concatenate(([0], values[:-1])) if len(values) else values
    return np.where(run_starts, values, values - before)


def lay_out(count: np.ndarray) -> tuple[np.ndarray, int]:
    """For items taking `count` numbers each: where each item's numbers start, and the total."""
    offsets = np.cumsum(count) - count
    return offsets, int(count.sum())


def write_heads(stream: np.ndarray, keys: np.ndarray, at: np.ndarray, stories_per_key: np.ndarray) -> np.ndarray:
    """Write each key's length, code points and number of stories at `at`; return where its postings size goes.

    The size is known only once the postings are written (entry_bytes fills it in).
    """
    pair = keys > LOW_21
    stream[at] = 1 + pair
    stream[at + 1] = np.where(pair, keys >> PAIR_SHIFT, keys)
    stream[at[pair] + 2] = keys[pair] & LOW_21
    size_slot = at + 2 + pair
    stream[size_slot + 1] = stories_per_key
    return size_slot


def pair_entries(pairs: Occurrences) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(keys, the stream of their entries, where each entry starts, where its postings size goes) for pairs."""
    key_start = starts_of(pairs.key)
    story_start = key_start | starts_of(pairs.story)
    group_rows = np.flatnonzero(story_start)
    stories = pairs.story[group_rows].astype(np.uint64)
    positions_per_story = np.diff(np.append(group_rows, len(pairs.key)))
    stories_per_key = np.diff(np.append(np.flatnonzero(key_start[group_rows]), len(group_rows)))

    # Each row writes its position gap, after its story's gap and count when it starts a story,
    # after its key's head (length, two code points, postings size, stories) when it starts a key.
    slots = 5 * key_start.astype(np.int64) + 2 * story_start + 1
    offsets, total = lay_out(slots)
    stream = np.empty(total, dtype=np.uint64)
    size_slot = write_heads(stream, pairs.key[key_start], offsets[key_start], stories_per_key)
    at = offsets + 5 * key_start
    stream[at[story_start]] = gaps_within(stories, key_start[group_rows])
    stream[at[story_start] + 1] = positions_per_story
    at += 2 * story_start
    stream[at] = gaps_within(pairs.position.astype(np.uint64), story_start)
    return pairs.key[key_start], stream, offsets[key_start], size_slot


def character_entries(characters: Occurrences) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """(keys, the stream of their entries, where each entry starts, where its postings size goes) for characters."""
    story_start = starts_of(characters.key) | starts_of(characters.story)
    group_rows = np.flatnonzero(story_start)
    keys, stories = characters.key[group_rows], characters.story[group_rows].astype(np.uint64)
    counts = np.diff(np.append(group_rows, len(characters.key)))
    key_start = starts_of(keys)
    stories_per_key = np.diff(np.append(np.flatnonzero(key_start), len(keys)))

    slots = 4 * key_start.astype(np.int64) + 3  # head: length, code point, postings size, stories
    offsets, total = lay_out(slots)
    stream = np.empty(total, dtype=np.uint64)
    size_slot = write_heads(stream, keys[key_start], offsets[key_start], stories_per_key)
    at = offsets + 4 * key_start
    stream[at] = gaps_within(stories, key_start)
    stream[at + 1] = counts
    stream[at + 2] = characters.position[group_rows]  # rows are in position order: the first
    return keys[key_start], stream, offsets[key_start], size_slot


def varint_sizes(numbers: np.ndarray) -> np.ndarray:
    """Bytes each number takes in LEB128 (numbers below 2**35)."""
    sizes = np.ones(len(numbers), dtype=np.int64)
    for k in range(1, 5):
        sizes += numbers >= (1 << (7 * k))
    return sizes


def varints(numbers: np.ndarray, sizes: np.ndarray) -> np.ndarray:
    """The numbers as unsigned LEB128 bytes, given the bytes each takes."""
    starts = np.cumsum(sizes) - sizes
    out = np.empty(int(sizes.sum()), dtype=np.uint8)
    out[starts] = (numbers & 0x7F) | ((sizes > 1).astype(np.uint64) << 7)
    for k in range(1, 5):
        longer = np.flatnonzero(sizes > k)
        out[starts[longer] + k] = ((numbers[longer] >> (7 * k)) & 0x7F) | ((sizes[longer] > k + 1).astype(np.uint64) << 7)
    return out


def entry_bytes(stream: np.ndarray, entry_starts: np.ndarray, size_slots: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The entries as bytes, each postings size filled in, and where each entry's bytes start."""
    sizes = varint_sizes(stream)
    before = np.concatenate(([0], np.cumsum(sizes)))
    entry_ends = np.append(entry_starts[1:], len(stream))
    stream[size_slots] = before[entry_ends] - before[size_slots + 1]
    sizes[size_slots] = varint_sizes(stream[size_slots])
    starts = np.cumsum(sizes) - sizes
    return varints(stream, sizes), starts[entry_starts]


def shard_count(total_bytes: int, target_bytes: int) -> int:
    """The power of two that brings shards nearest the target size on average (at least 1)."""
    count = 1
    while total_bytes / (count * 2) >= target_bytes * 0.7:
        count *= 2
    return count


def part(keys: np.ndarray, stream: np.ndarray, entry_starts: np.ndarray, size_slots: np.ndarray) -> Encoded:
    """Entries (character_entries or pair_entries) as bytes."""
    data, starts = entry_bytes(stream, entry_starts, size_slots)
    return Encoded(keys, data, starts)


ENCODERS = {"characters": character_entries, "pairs": pair_entries}


def encoded_groups(grouped: Iterable[tuple[str, int, Occurrences]]) -> list[list[Encoded]]:
    """Each group's parts, from index.grouped_occurrences (every group's characters, then every
    group's pairs), each part encoded as it arrives."""
    groups: list[list[Encoded]] = []
    for kind, group, occurrences in grouped:
        if group == len(groups):
            groups.append([])
        groups[group].append(part(*ENCODERS[kind](occurrences)))
    return groups


def in_shards(entries: Encoded, count: int, homes: range) -> list[bytes]:
    """The shards numbered `homes` (of `count`), from entries that all belong in them: in key order
    within a shard, so characters (keys below 2**21) come before pairs."""
    keys, data, starts = entries
    sizes = np.diff(np.append(starts, len(data)))
    home = fnv1a(keys) % count
    order = np.lexsort((keys, home))
    ordered_sizes = sizes[order]
    gather = np.repeat(starts[order] - (np.cumsum(ordered_sizes) - ordered_sizes), ordered_sizes) + np.arange(len(data))
    ordered = data[gather].tobytes()
    ends = np.cumsum(np.bincount(home, weights=sizes, minlength=count).astype(np.int64))
    bounds = np.concatenate(([0], ends))
    return [ordered[bounds[shard] : bounds[shard + 1]] for shard in homes]


def shards(groups: list[list[Encoded]], target_bytes: int) -> list[bytes]:
    """The index split into shards of about `target_bytes`, from its groups of keys (group g holds
    the keys whose hash is g mod the number of groups, a power of two), each group in parts whose
    bytes follow each other. Each group in `groups` is replaced by [] once its bucket's entries are
    put together, so its arrays are let go before its shards are cut.

    The shard count is a power of two too: with at least as many shards as groups, each shard's
    keys are all in one group (shard s in group s mod groups); with fewer, each group's keys are
    all in one shard (group g in shard g mod shards). Either way the shards are cut a bucket of
    groups at a time.
    """
    count = shard_count(sum(len(piece.data) for group in groups for piece in group), target_bytes)
    buckets = min(len(groups), count)
    split: list[bytes] = [b""] * count
    for bucket in range(buckets):
        members = [piece for number in range(bucket, len(groups), buckets) for piece in groups[number]]
        for number in range(bucket, len(groups), buckets):
            groups[number] = []
        offsets = np.cumsum([0] + [len(piece.data) for piece in members])
        entries = Encoded(
            np.concatenate([piece.keys for piece in members]),
            np.concatenate([piece.data for piece in members]),
            np.concatenate([piece.starts + offset for piece, offset in zip(members, offsets)]),
        )
        del members
        homes = range(bucket, count, buckets)
        for shard, data in zip(homes, in_shards(entries, count, homes)):
            split[shard] = data
        del entries  # before the next bucket's are put together
    return split
