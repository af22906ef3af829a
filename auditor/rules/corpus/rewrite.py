"""Uncredited rewrite: a document that restates an earlier one from another source.

A document whose content substantially restates an EARLIER document (by
date; run order when undated) of ANOTHER source, without naming that source
or carrying a wire credit, is reported with the earlier document in the
message. Two kinds of restatement are recognised:

* near copies: most of the later document's clauses (text between
  punctuation marks) also occur in the earlier one; found with MinHash
  signatures and LSH banding, so a run of 100,000 documents compares only
  the candidate pairs;
* paraphrases: the wording differs but the later document names the same
  distinctive people and organisations as the earlier one, in the same
  order (word shingles miss these: a paraphrase shares almost no 3-grams);
  candidates come from an inverted index of names that few documents carry.
  Names that documents of three or more sources carry are the cast of a
  story several outlets covered: the pair must share a few names beyond
  them (independent reports of one summit name the same delegations), or
  follow the earlier document's sequence of names pair by pair (a
  translation).

Credit: the later text naming the earlier document's outlet ("reports The
Telegraph"), or carrying a wire or syndication credit ("(AP) —", "Reuters
reported", "originally published"), is credit; a document that credits
the original it restates is not reported against another outlet's
restatement of the same original either. Thresholds, the credit list
and the name filter are in ``rules/corpus.yml``.

Flags:
    ---
    date: 2024-11-26
    source: Daily Planet
    ---
    Foreign Secretary David Lammy said the UK would not send troops to Ukraine, telling La Repubblica and Die Welt at the G7 meeting in Fiuggi that the position had not changed. According to Le Monde, talks with France had been revived after Keir Starmer visited Paris. Jean-Noël Barrot told the BBC that France ruled nothing out. Emmanuel Macron had said so in February. Dmitry Peskov, the Kremlin spokesman, said the report was "not in line with reality". Olaf Scholz opposed the idea, and Donald Tusk stayed silent. Volodymyr Zelensky asked for security guarantees.
    ===
    ---
    date: 2024-11-27
    source: Copycat Times
    ---
    David Lammy made clear at the G7 in Fiuggi, speaking to La Repubblica and Die Welt, that Britain had no plan to deploy soldiers. Le Monde said discussions had restarted after Keir Starmer went to Paris. Jean-Noël Barrot kept the door open in an interview with the BBC, echoing Emmanuel Macron. Dmitry Peskov dismissed the idea at the Kremlin, while Olaf Scholz and Donald Tusk were cool on it. Volodymyr Zelensky wants guarantees.

Passes:
    ---
    date: 2024-11-26
    source: Wire One
    ---
    WASHINGTON (AP) — Senator Maria Cantwell and Senator Lisa Murkowski introduced a bill on Tuesday to protect salmon fisheries in Alaska and Washington state. The bill would fund hatcheries along the Yukon and Columbia rivers, Cantwell said at a news conference in Seattle. Murkowski said the Kenai fishermen had waited long enough.
    ===
    ---
    date: 2024-11-27
    source: Local Paper
    ---
    WASHINGTON (AP) — Senator Maria Cantwell and Senator Lisa Murkowski introduced a bill on Tuesday to protect salmon fisheries in Alaska and Washington state. The bill would fund hatcheries along the Yukon and Columbia rivers, Cantwell said at a news conference in Seattle. Murkowski said the Kenai fishermen had waited long enough.

    ---
    date: 2024-11-26
    source: Daily Planet
    ---
    Foreign Secretary David Lammy said the UK would not send troops to Ukraine, telling La Repubblica and Die Welt at the G7 meeting in Fiuggi that the position had not changed. According to Le Monde, talks with France had been revived after Keir Starmer visited Paris. Jean-Noël Barrot told the BBC that France ruled nothing out. Dmitry Peskov said the report was wrong.
    ===
    ---
    date: 2024-11-27
    source: Copycat Times
    ---
    David Lammy made clear at the G7 in Fiuggi, speaking to La Repubblica and Die Welt, that Britain had no plan to deploy soldiers, the Daily Planet reported. Le Monde said discussions had restarted after Keir Starmer went to Paris. Jean-Noël Barrot kept the door open in an interview with the BBC. Dmitry Peskov dismissed the idea.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
import zlib
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from auditor.model import Finding, Location
from auditor.registry import register
from auditor.rules.base import CorpusRule, DocRef
from auditor.rules.corpus._profile import (
    concordance,
    containment,
    lsh_candidates,
    origin,
    profile,
    rare_entity_candidates,
    rare_max_df,
    settings,
    story_cast,
    template_bins,
    template_names,
)


@dataclass(slots=True)
class RewriteSummary:
    entities: array  # distinctive names, in order of first mention
    capitalised: array  # sorted hashes of every capitalised word, for outlet credit
    clauses: int
    signature: array
    credited: bool  # carries a wire or syndication credit
    location: Location  # where a finding is attached: the first paragraph


class _Fingerprint(NamedTuple):
    """The part of a summary the candidate passes of ``finish`` read."""

    entities: array
    signature: array
    clauses: int


@register
class UncreditedRewrite(CorpusRule):
    id = "corpus.rewrite"
    summary = "Restates an earlier document of another source without credit"

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        self._cfg = settings()["rewrite"]
        self._profile_cfg = settings()["profile"]
        self._noise = frozenset(self._cfg["source_noise"])
        self._frequent: set[int] = set()
        self._template_bins: set[int] = set()
        self._cast: set[int] = set()

    def observe(self, doc) -> RewriteSummary | None:
        if not doc.paragraphs:
            return None
        prof = profile(doc)
        first = doc.paragraphs[0]
        end = min(first.end, first.start + 200)
        return RewriteSummary(
            entities=prof.entities,
            capitalised=prof.capitalised,
            clauses=prof.clauses,
            signature=prof.signature,
            credited=prof.credited,
            location=doc.locate(first.start, end),
        )

    def finish(self, observations: Sequence[tuple[DocRef, RewriteSummary]]) -> Iterator[Finding]:
        cfg = self._cfg
        n = len(observations)
        # One read of the log for the five passes below, keeping only what
        # they use (each pass over the log unpickles every summary again; the
        # fingerprints are a few hundred bytes a document)
        prints = [(origin(ref), _Fingerprint(s.entities, s.signature, s.clauses)) for ref, s in observations]
        # pairs of one source are never reported: not generated either
        sources = [o.source for o, _ in prints]
        candidates = lsh_candidates(
            [(i, s.signature) for i, (_, s) in enumerate(prints) if s.clauses],
            int(self._profile_cfg["band_rows"]), int(self._profile_cfg["max_bucket"]), sources,
        )
        max_df = rare_max_df(n)
        # names in many documents, or in several of one source, are the
        # topic of the run or a page template: no evidence of a restatement
        self._frequent = template_names(prints, max_df)
        candidates |= set(rare_entity_candidates(
            ((i, s.entities) for i, (_, s) in enumerate(prints)), int(cfg["min_shared_rare"]), max_df,
            self._frequent, sources,
        ))
        # MinHash values shared by several documents of one source (or by many
        # documents) are template sentences: they do not count as copied text
        self._template_bins = template_bins(prints, max_df)
        # names that documents of several sources carry: the story's cast
        self._cast = story_cast(prints, int(cfg["cast_min_sources"]))
        del prints
        best: dict[int, tuple[float, int, str]] = {}
        credits_one: set[int] = set()  # restates a document whose outlet it names
        for i, j in sorted(candidates):
            earlier, later = self._order(observations, i, j)
            if earlier is None:
                continue
            ref_a, a = observations[earlier]
            ref_b, b = observations[later]
            if b.credited:
                continue
            if self._names_source(b, ref_a.source):
                # the cast of the story is shared with the credited original too
                if self._restates(a, b, beyond_cast=False):
                    credits_one.add(later)
                continue
            verdict = self._restates(a, b)
            if verdict and (later not in best or verdict[0] > best[later][0]):
                best[later] = (verdict[0], earlier, verdict[1])
        # a document that credits the original it restates shares that
        # original's content with its other restatements: no finding either
        for later in credits_one:
            best.pop(later, None)
        for later, (_, earlier, how) in sorted(best.items()):
            ref_a = observations[earlier][0]
            ref_b, b = observations[later]
            what = ref_a.path + (f" (row {ref_a.id})" if ref_a.id and ref_a.id not in ref_a.path else "")
            src = f"{ref_a.source}, " if ref_a.source else ""
            yield self.finding_at(
                ref_b.ordinal, b.location,
                f"Restates an earlier document without credit: {what} "
                f"({src}{ref_a.date or 'earlier in the run'}); {how}",
                confidence=0.8 if how.startswith("near copy") else 0.6,
            )

    # -- helpers ---------------------------------------------------------------
    def _order(self, obs, i: int, j: int) -> tuple[int | None, int]:
        """(earlier, later) of two documents of different sources, or None."""
        ref_i, ref_j = obs[i][0], obs[j][0]
        if ref_i.source and ref_i.source == ref_j.source:
            return None, j
        if ref_i.path == ref_j.path and ref_i.id == ref_j.id:
            return None, j
        di, dj = _date(ref_i.date), _date(ref_j.date)
        if di and dj:
            if abs((di - dj).days) > int(self._cfg["max_days"]):
                return None, j
            if di != dj:
                return (i, j) if di < dj else (j, i)
        return (i, j) if ref_i.ordinal < ref_j.ordinal else (j, i)

    def _names_source(self, later: RewriteSummary, source: str | None) -> bool:
        """Does the later text name the earlier document's outlet?"""
        if not source:
            return False
        name = re.sub(r"\(.*?\)", " ", source)
        words = [w.lower() for w in re.findall(r"[A-Za-z]+", name)]
        words = [w for w in words if w not in self._noise and len(w) > 1]
        return bool(words) and all(_contains(later.capitalised, zlib.crc32(w.encode())) for w in words)

    def _restates(self, a: RewriteSummary, b: RewriteSummary, beyond_cast: bool = True) -> tuple[float, str] | None:
        cfg = self._cfg
        copied = containment(a.signature, a.clauses, b.signature, b.clauses, self._template_bins)
        if b.clauses >= 3 and copied >= float(cfg["copy_containment"]):
            return 1.0 + copied, f"near copy: about {copied:.0%} of its clauses appear there"
        names_b = [h for h in b.entities if h not in self._frequent]
        if len(names_b) < int(cfg["min_entities"]):
            return None
        rank_a = {h: r for r, h in enumerate(a.entities)}
        shared = [rank_a[h] for h in names_b if h in rank_a]
        share = len(shared) / len(names_b)
        if share < float(cfg["entity_containment"]):
            return None
        order = concordance(shared)
        if order < float(cfg["order_concordance"]):
            return None
        # the pair must share names beyond the story's cast: independent
        # reports of one event name the same people in much the same order
        private = sum(1 for h in names_b if h in rank_a and h not in self._cast)
        if beyond_cast and private < int(cfg["min_private_names"]):
            # ... unless the names follow the earlier document's sequence
            # closely, pair by pair: a translation keeps the order of its
            # source's sentences, independent reports only the broad outline
            adjacent = sum(1 for x, y in zip(shared, shared[1:]) if y == x + 1) / (len(shared) - 1)
            if order < float(cfg["cast_concordance"]) or adjacent < float(cfg["cast_adjacency"]):
                return None
        return share, (f"paraphrase: {len(shared)} of its {len(names_b)} distinctive names appear there, "
                       f"{order:.0%} in the same order")


def _contains(sorted_hashes: array, h: int) -> bool:
    i = bisect.bisect_left(sorted_hashes, h)
    return i < len(sorted_hashes) and sorted_hashes[i] == h


def _date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None
