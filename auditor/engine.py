"""Run rules over documents: per-document checks and the corpus reduce.

The per-document half is a pure function of (document, rules), so it runs
unchanged in this process, in a local process pool (auditor.runner) or on a
Dask worker. Corpus rules contribute small observations on the way and are
finished once, after every document has been seen.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from auditor import suppress
from auditor.documents.document import Document
from auditor.model import Finding
from auditor.rules.base import CorpusRule, DocRef, Rule


def check_document(
    doc: Document,
    rules: list[Rule],
    stats: dict[str, float] | None = None,
    timings: Counter[str] | None = None,
) -> tuple[list[Finding], dict[str, Any]]:
    """All findings of the per-document rules, and the corpus observations.

    ``stats``, when given, receives the rules' :meth:`Rule.measure` values;
    ``timings``, when given, accumulates seconds per rule (``--profile``).
    """
    findings: list[Finding] = []
    observations: dict[str, Any] = {}
    ref: DocRef | None = None  # one shared reference for all corpus rules
    clock = time.perf_counter
    for rule in rules:
        t0 = clock() if timings is not None else 0.0
        if isinstance(rule, CorpusRule):
            obs = rule.observe(doc)
            if obs is not None:
                ref = ref or doc_ref(doc)
                observations[rule.id] = (ref, obs)
        else:
            findings.extend(rule.check(doc))
        if stats is not None:
            measured = rule.measure(doc)
            if measured:
                stats.update({_stat_key(rule.id, k): v for k, v in measured.items()})
        if timings is not None:
            timings[rule.id] += clock() - t0
    findings.sort(key=Finding.sort_key)
    findings = suppress.apply_to_document(doc, _dedupe(findings), rules, observations)
    return findings, observations


def doc_ref(doc: Document) -> DocRef:
    return DocRef(
        ordinal=doc.ordinal,
        path=doc.path,
        id=doc.id,
        source=doc.source,
        date=doc.date.isoformat() if doc.date else None,
    )


@lru_cache(maxsize=4096)
def _stat_key(rule_id: str, name: str) -> str:
    """One string object per statistic name, not one per document: a
    chunk's results then pickle each name once (pickle shares repeated
    objects)."""
    return f"{rule_id}.{name}"


FinishRules = Callable[[list[CorpusRule], Mapping[str, Sequence[Any]]], list[list[Finding]]]


def finish_corpus(rules: list[Rule], observations: Mapping[str, Sequence[Any]],
                  finish_rules: FinishRules | None = None) -> list[Finding]:
    """Findings of the corpus rules, given every document's observations in
    document order (a rule's entries are (DocRef, summary) pairs).

    ``finish_rules`` runs the rules' ``finish`` steps and returns their
    findings rule by rule (default: one after the other, here;
    :mod:`auditor.forkfinish` runs them side by side)."""
    corpus_rules = [rule for rule in rules if isinstance(rule, CorpusRule)]
    per_rule = (finish_rules or finish_in_turn)(corpus_rules, observations)
    return suppress.finish(rules, observations, [f for findings in per_rule for f in findings])


def finish_in_turn(rules: list[CorpusRule], observations: Mapping[str, Sequence[Any]]) -> list[list[Finding]]:
    """Each corpus rule's findings, the rules finishing one after the other."""
    return [list(rule.finish(observations.get(rule.id, []))) for rule in rules]


def _dedupe(findings: list[Finding]) -> list[Finding]:
    """Drop exact repeats (same rule, span and message)."""
    seen: set[tuple[str, int, int, str]] = set()
    out = []
    for f in findings:
        key = (f.rule, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out
