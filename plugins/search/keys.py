"""A key of the index is one character (its code point) or a pair (first << 21 | second); its shard
is its 32-bit FNV-1a hash, over its code points, mod the shard count, as engine.js computes it."""

import numpy as np

PAIR_SHIFT = 21  # a code point fits in 21 bits
LOW_21 = (1 << PAIR_SHIFT) - 1
FNV_OFFSET, FNV_PRIME, LOW_32 = 0x811C9DC5, 0x01000193, 0xFFFFFFFF


def fnv1a(keys: np.ndarray) -> np.ndarray:
    """32-bit FNV-1a over each key's code points."""
    pair = keys > LOW_21
    first = np.where(pair, keys >> PAIR_SHIFT, keys)
    value = ((FNV_OFFSET ^ first) * FNV_PRIME) & LOW_32
    return np.where(pair, ((value ^ (keys & LOW_21)) * FNV_PRIME) & LOW_32, value)
