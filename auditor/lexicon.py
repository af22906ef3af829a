"""English word frequencies from wordfreq, loaded in milliseconds.

Several rules ask "is this an ordinary English word?" (a stray word after a
reporting clause, a capitalised word that is not a name). wordfreq answers
that from real corpus statistics, but importing it and unpacking its English
table costs about 0.6 s, more than auditing a one-file commit. Its bucketed
list (bucket ``i`` holds the words of Zipf frequency ``9 - i/100``) is
therefore compiled once into the data cache (:mod:`auditor.datacache`), keyed
by wordfreq's data file, and read back with one unpickle.

Lookups are for single lower-case words: "is it at least this frequent?"
(:func:`words_above`), as the rules ask it.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

from auditor import datacache

LANGUAGE = "en"


def _stamp() -> str:
    """wordfreq's English data file (path, size, mtime), found without importing wordfreq."""
    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("wordfreq is not installed")
    data = Path(spec.origin).parent / "data"
    files = sorted(data.glob(f"*_{LANGUAGE}.msgpack.gz"))
    return "lexicon|" + "|".join(datacache.file_stamp(f) for f in files)


def _build() -> list[str]:
    from wordfreq import get_frequency_list

    # One newline-joined string per bucket: unpickling ~800 strings is far
    # faster than 300,000. Multi-digit sequences are left out, as wordfreq's
    # own top_n_list does (it estimates numbers separately).
    multi_digit = re.compile(r"\d[\d.,]+")
    return ["\n".join(w for w in bucket if not multi_digit.match(w)) for bucket in get_frequency_list(LANGUAGE)]


@lru_cache(maxsize=1)
def _packed() -> tuple[str, ...]:
    return tuple(datacache.cached("lexicon", _stamp(), _build))


def bucket(i: int) -> tuple[str, ...]:
    """The words of Zipf frequency ``9 - i/100`` (bucket ``i`` of wordfreq's list)."""
    packed = _packed()
    return tuple(packed[i].split("\n")) if i < len(packed) and packed[i] else ()


def bucket_count() -> int:
    return len(_packed())


@lru_cache(maxsize=8)
def words_above(threshold: float) -> frozenset[str]:
    """Every listed word of Zipf frequency >= ``threshold`` (lower case)."""
    out: set[str] = set()
    for i in range(bucket_count()):
        if 9 - i / 100 < threshold:
            break
        out.update(bucket(i))
    return frozenset(out)


def top_n(n: int) -> list[str]:
    """The ``n`` most frequent words, most frequent first (wordfreq's ``top_n_list``)."""
    out: list[str] = []
    for i in range(bucket_count()):
        out.extend(bucket(i))
        if len(out) >= n:
            break
    return out[:n]
