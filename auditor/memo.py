"""One size for every per-process memo of the rules.

Rules memoise pure functions of a word or a name (its phonetic key, its
one-edit neighbours, the known surnames near it) because the same names come
back in document after document. Over an archive, though, new distinct words
keep arriving, so a memo without a bound grows with the archive in every
worker process; with many generous bounds, a long run's workers end up
several times larger than a short run's.

Every memo is therefore bounded by :data:`MEMO_ENTRIES`. Word and name
frequencies are Zipfian: the entries that matter are met again soon after
being evicted and come straight back, so a modest bound costs little
recomputation. Measured on 10,000 AllSides articles in one process: 16,384
entries end at 171 MB and 43.7 s of CPU, 32,768 at 200 MB and 42.3 s,
8,192 at 150 MB but 58.4 s.
"""

from __future__ import annotations

from collections.abc import Hashable
from itertools import islice
from typing import TypeVar

#: Entries per memo (``functools.lru_cache(maxsize=...)`` or :func:`remember`).
MEMO_ENTRIES = 16_384

V = TypeVar("V")


def remember(memo: dict, key: Hashable, value: V) -> V:
    """Store ``value`` under ``key`` and return it; when ``memo`` is full,
    first drop its older half (dicts keep insertion order), so recent
    entries survive where clearing everything would start cold."""
    if len(memo) >= MEMO_ENTRIES:
        for old in list(islice(memo, len(memo) // 2)):
            del memo[old]
    memo[key] = value
    return value
