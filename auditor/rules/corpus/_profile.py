"""Per-document fingerprints shared by the corpus rules.

Computed once per document (kept in ``doc.cache`` for the other corpus
rule) on an ASCII byte copy of the text, because byte regexes and splits
run several times faster than their ``str`` versions on the mostly-ASCII
news text with curly quotes:

* ``entities``: distinctive capitalised names in order of first mention,
  as CRC32 hashes of their lower-case form (a word counts as distinctive
  unless it is among the most frequent English words: "However",
  "President", "Russia" are not; "Peskov", "Barrot" are);
* ``capitalised``: every capitalised word (to see whether a text names an
  outlet), and ``credited``: whether it carries a wire credit;
* ``clauses``: hashes of the text between sentence punctuation marks
  (lower-cased, at least a few words long) — the shingles for near-copy
  detection, robust to re-wrapping and to edits elsewhere in the text;
* ``signature``: a MinHash signature of the clauses by one-permutation
  hashing with densification (Shrivastava & Li 2014): one hash per shingle
  instead of one per shingle and permutation, so it costs O(shingles + k).

Hashes are CRC32, never Python's ``hash()``: summaries are computed in
worker processes with different hash seeds.
"""

from __future__ import annotations

import bisect
import re
import sys
import zlib
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, NamedTuple

from auditor.lexicon import top_n
from auditor.memo import remember
from auditor.resources import load_yaml_resource

_NAME = re.compile(rb"[A-Z][A-Za-z]+(?:-[A-Z][a-z]+)*")
_CLAUSE_SPLIT = bytes.maketrans(b'.!?;:"\n', b"\n" * 7)
_MASK32 = 0xFFFFFFFF


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return load_yaml_resource("corpus.yml")


@lru_cache(maxsize=1)
def _common_words() -> frozenset[bytes]:
    n = int(settings()["profile"]["common_words"])
    return frozenset(w.encode("ascii", "ignore") for w in top_n(n))


@dataclass(slots=True)
class Profile:
    entities: array  # 'I' CRC32 of lower-case names, in order of first mention
    capitalised: array  # 'I' sorted CRC32 of every lower-cased capitalised word (outlet credit)
    clauses: int  # number of distinct clause shingles
    signature: array  # 'I' MinHash (OPH) of the clause shingles
    credited: bool  # carries a wire or syndication credit (rules/corpus.yml)


@lru_cache(maxsize=1)
def _credits() -> tuple[tuple[tuple[int, ...], ...], tuple[bytes, ...]]:
    """Credits by name (all capitalised words present: "Associated Press",
    "AFP") and credit phrases (substrings: "originally published")."""
    spec = settings()["rewrite"]
    names = tuple(
        tuple(zlib.crc32(w.lower().encode("ascii", "ignore")) for w in re.findall(r"[A-Za-z]+", c))
        for c in spec["wire_credits"]
    )
    return names, tuple(p.encode("ascii", "ignore") for p in spec["credit_phrases"])


def profile(doc) -> Profile:
    """The fingerprint of ``doc``, computed once and shared by the corpus
    rules through the document's cache."""
    cached = doc.cache.get("corpus.profile")
    if cached is None:
        cached = doc.cache["corpus.profile"] = build_profile(doc.text)
    return cached


_NAME_HASHES: dict[bytes, int] = {}  # word -> CRC32 of its lower case (negative: common word)


def build_profile(text: str) -> Profile:
    cfg = settings()["profile"]
    data = text.replace("’", "'").encode("ascii", "ignore")
    common = _common_words()
    # one hash per distinct capitalised word, memoised across documents;
    # negative for common words (kept for outlet credit, not as names)
    words = list(dict.fromkeys(_NAME.findall(data)))
    get = _NAME_HASHES.get
    hashes = [get(w) for w in words]
    for i, h in enumerate(hashes):
        if h is None:
            low = words[i].lower()
            h = hashes[i] = remember(_NAME_HASHES, words[i], zlib.crc32(low) * (-1 if low in common else 1))
    seen = dict.fromkeys(hashes)
    entities = array("I", [h for h in seen if h > 0][: int(cfg["max_entities"])])
    capitalised = array("I", sorted({abs(h) for h in seen}))
    min_chars = int(cfg["min_clause_chars"])
    crc = zlib.crc32
    shingles = {crc(p.strip()) for p in data.lower().translate(_CLAUSE_SPLIT).split(b"\n") if len(p) >= min_chars}
    names, phrases = _credits()
    credited = any(all(_in_sorted(capitalised, h) for h in name) for name in names) or any(
        p in data for p in phrases)
    return Profile(entities, capitalised, len(shingles), minhash(shingles, int(cfg["signature_size"])), credited)


def minhash(hashes: set[int], k: int) -> array:
    """One-permutation MinHash with rotation densification."""
    empty = _MASK32
    mixed = [(y ^ (y >> 15)) for y in ((h * 0x9E3779B1 + 0x7F4A7C15) & _MASK32 for h in hashes)]  # CRC32 is linear
    mixed.sort(reverse=True)
    smallest = {x % k: x for x in mixed}  # descending order: the last, smallest value of each bin wins
    bins = [smallest.get(b, empty) for b in range(k)]
    if hashes and empty in bins:
        # densify: an empty bin borrows the value of the next non-empty bin
        # (circularly); values are copied unchanged so that a template
        # sentence's value is recognisable wherever it was borrowed
        out = list(bins)
        last = None
        for i in range(2 * k - 1, -1, -1):
            b = i % k
            if bins[b] != empty:
                last = bins[b]
            elif i < k and last is not None:
                out[b] = last
        bins = out
    return array("I", bins)


def _in_sorted(values: array, h: int) -> bool:
    i = bisect.bisect_left(values, h)
    return i < len(values) and values[i] == h


def jaccard(a: array, b: array, ignore: set[int] | None = None) -> float:
    """Estimated Jaccard similarity of two signatures; bins whose shared
    value is in ``ignore`` (values of template text) are left out."""
    if not a or not b:
        return 0.0
    if not ignore:
        return sum(1 for x, y in zip(a, b) if x == y) / len(a)
    same = total = 0
    for x, y in zip(a, b):
        if x == y and x in ignore:
            continue
        total += 1
        same += x == y
    return same / total if total else 0.0


def containment(sig_a: array, n_a: int, sig_b: array, n_b: int, ignore: set[int] | None = None) -> float:
    """Estimated share of B's shingles that are in A (from Jaccard and sizes)."""
    if not n_a or not n_b:
        return 0.0
    j = jaccard(sig_a, sig_b, ignore)
    inter = j * (n_a + n_b) / (1 + j)
    return min(1.0, inter / n_b)


class Origin(NamedTuple):
    """What the passes below read of a document's ``DocRef``: its run order
    and its source. The fingerprint lists of ``finish`` hold one per
    document; a whole ``DocRef`` (path, id, date, and a source string of its
    own, unpickled per document) was about 20 MB of a 10x archive's
    finish."""

    ordinal: int
    source: str | None


def origin(ref: Any) -> Origin:
    """``ref``'s :class:`Origin`, the source interned: one string per outlet."""
    return Origin(ref.ordinal, sys.intern(ref.source) if ref.source else ref.source)


def _template_values(observations, max_df: int, values_of) -> set[int]:
    """Values carried by more than ``max_df`` documents, or by at least
    ``template_min_docs`` documents of one source (a page template)."""
    min_docs = int(settings()["profile"]["template_min_docs"])
    df: dict[int, int] = {}
    # keyed by source number and value packed in one int: a tuple key
    # costs three objects per entry, and there is an entry per value
    per_source: dict[int, int] = {}
    source_ids: dict[str, int] = {}
    out: set[int] = set()
    for ref, summary in observations:
        source = ref.source and source_ids.setdefault(ref.source, len(source_ids)) << 32
        for value in values_of(summary):
            df[value] = df.get(value, 0) + 1
            if ref.source:
                key = source | value
                n = per_source[key] = per_source.get(key, 0) + 1
                if n >= min_docs:
                    out.add(value)
    out.update(v for v, c in df.items() if c > max_df)
    return out


def template_bins(observations, max_df: int) -> set[int]:
    """MinHash values found in more than ``max_df`` documents or in several
    documents of one source: the signature of page-template sentences
    (newsletter prompts, footers) shared by unrelated articles."""
    return _template_values(observations, max_df, lambda summary: set(summary.signature))


def lsh_candidates(signatures: list[tuple[int, array]], rows: int, max_bucket: int,
                   groups: Sequence[str | None] | None = None) -> set[tuple[int, int]]:
    """Pairs (i, j), i < j, that share at least one LSH band; with ``groups``
    (a source per index), not pairs of one group: a caller that discards
    them anyway would otherwise hold every pair of an outlet's repeated
    template pages."""
    pairs: set[tuple[int, int]] = set()
    if not signatures:
        return pairs
    k = len(signatures[0][1])
    for band in range(0, k - rows + 1, rows):
        buckets: dict[int | tuple[int, ...], list[int]] = {}
        for idx, sig in signatures:
            if sig:  # a band of one row (the usual setting) is its value: no tuple to build
                key = sig[band] if rows == 1 else tuple(sig[band:band + rows])
                buckets.setdefault(key, []).append(idx)
        for members in buckets.values():
            if 1 < len(members) <= max_bucket:
                for x in range(len(members)):
                    for y in range(x + 1, len(members)):
                        if not _same_group(groups, members[x], members[y]):
                            pairs.add((members[x], members[y]))
    return pairs


def _same_group(groups: Sequence[str | None] | None, a: int, b: int) -> bool:
    return groups is not None and groups[a] is not None and groups[a] == groups[b]


def template_names(observations, max_df: int) -> set[int]:
    """Names that are no evidence of a shared story: carried by more than
    ``max_df`` documents (the topic of the whole run), or by several
    documents of one source (a page template: menus, author boxes).
    ``observations`` are (DocRef, summary with ``entities``) pairs."""
    return _template_values(observations, max_df, lambda summary: summary.entities)


def rare_max_df(n: int) -> int:
    """How many of ``n`` documents a name may be in and still count as rare
    (``rare_df_share`` of the run, never fewer than ``rare_df_min``)."""
    cfg = settings()["rewrite"]
    return max(int(cfg["rare_df_min"]), int(n * float(cfg["rare_df_share"])))


def story_cast(observations, min_sources: int) -> set[int]:
    """Names carried by documents of at least ``min_sources`` different
    sources (a document without a source counts as a source of its own):
    the cast of a story that several outlets covered independently, no
    evidence that one of them restated another. One pass; per name at most
    ``min_sources`` source numbers are kept."""
    seen: dict[int, set[int]] = {}
    source_ids: dict[str, int] = {}
    out: set[int] = set()
    for ref, summary in observations:
        sid = source_ids.setdefault(ref.source, len(source_ids)) if ref.source else -1 - ref.ordinal
        for h in summary.entities:
            if h in out:
                continue
            sources = seen.setdefault(h, set())
            sources.add(sid)
            if len(sources) >= min_sources:
                out.add(h)
                del seen[h]
    return out


def rare_entity_candidates(entities: Iterable[tuple[int, array]], min_shared: int,
                           max_df: int, exclude: set[int] | None = None,
                           groups: Sequence[str | None] | None = None) -> dict[tuple[int, int], int]:
    """Pairs (i, j), i < j, in that order, that share at least ``min_shared``
    names carried by at most ``max_df`` documents; with ``groups``, not pairs
    of one group (see :func:`lsh_candidates`). ``entities`` come in
    increasing document order (the posting lists are then sorted).

    Two passes over an inverted index, never a table of every pair: the
    first lists the documents of each name, the second counts, for one
    document at a time, the later documents it shares names with. Memory
    follows the number of name mentions; a table of pair counts would follow
    the number of pairs sharing any rare name, up to ``max_df`` squared per
    name (a hundred megabytes on 8,000 articles). The cost is the same
    number of increments either way.
    """
    exclude = exclude or set()
    postings: dict[int, list[int]] = {}
    for idx, ents in entities:
        for h in ents:
            if h not in exclude:
                postings.setdefault(h, []).append(idx)
    names_of: dict[int, list[list[int]]] = {}  # document -> the posting lists of its rare names
    for members in postings.values():
        if 1 < len(members) <= max_df:
            for idx in members[:-1]:  # the last document has no later one to pair with
                names_of.setdefault(idx, []).append(members)
    del postings
    out: dict[tuple[int, int], int] = {}
    for i in sorted(names_of):
        if len(names_of[i]) < min_shared:
            continue
        counts: dict[int, int] = {}
        for members in names_of[i]:
            for j in members[bisect.bisect_right(members, i):]:
                counts[j] = counts.get(j, 0) + 1
        for j in sorted(counts):
            if counts[j] >= min_shared and not _same_group(groups, i, j):
                out[(i, j)] = counts[j]
    return out


def concordance(ranks: list[int]) -> float:
    """Share of concordant pairs (Kendall-style, 1.0 = same order) of items
    listed in one document's order, given by their rank in the other."""
    n = len(ranks)
    if n < 2:
        return 1.0
    good = total = 0
    for i in range(n):
        ri = ranks[i]
        for j in range(i + 1, n):
            total += 1
            if ri < ranks[j]:
                good += 1
    return good / total
