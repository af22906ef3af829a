"""Split-half stability of source scores on the AllSides archive.

Does the source score measure the source, or noise? Audit the archive once
with the default rule set, then, for several random seeds, split every
outlet's articles into two random halves, score the two halves as two
separate corpora (each fits its own prior), and report the Spearman rank
correlation of the two halves' scores across outlets with at least
``--min-articles`` articles (target: >= 0.8).

Also prints the document-score distribution and the prior fitted on the
whole archive (the ``reference_prior`` of rules/scoring.yml comes from it).

    python benchmarks/score_stability.py [ARCHIVE] [--seeds 5] [--cache findings.json]

``--cache`` keeps the audit's per-document findings (category, severity,
confidence, words, stats) so scoring parameters can be retuned without
auditing again.
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from pathlib import Path

from auditor.config import load_config
from auditor.scoring import Scorer, scoring_parameters

DEFAULT = Path(__file__).resolve().parents[2] / "shared" / "data" / "allsides_news_baly2020" / \
    "allsides_articles_50MB.jsonl"


def audit(archive: Path, jobs: int) -> list[dict]:
    """Per document: source, words, stats and (category, severity, confidence) triples."""
    from auditor.ci import make_cache
    from auditor.runner import run

    cfg = load_config(None)
    t0 = time.perf_counter()
    result = run([str(archive)], cfg, jobs=jobs, warn=lambda m: None, cache=make_cache(cfg, True))
    try:
        docs = [{"source": d.source, "words": d.words, "stats": d.stats,
                 "findings": [[f.category, f.severity.value, f.confidence] for f in d.findings]}
                for d in result.documents()]
    finally:
        result.close()
    print(f"audited {len(docs)} documents in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    return docs


class _F:
    __slots__ = ("category", "severity", "confidence")

    def __init__(self, category: str, severity: str, confidence: float) -> None:
        self.category, self.severity, self.confidence = category, severity, confidence


def spearman(xs: list[float], ys: list[float]) -> float:
    def ranks(values: list[float]) -> list[float]:
        order = sorted(range(len(values)), key=values.__getitem__)
        out = [0.0] * len(values)
        i = 0
        while i < len(order):
            j = i
            while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
                j += 1
            for k in range(i, j + 1):
                out[order[k]] = (i + j) / 2 + 1
            i = j + 1
        return out

    rx, ry = ranks(xs), ranks(ys)
    return statistics.correlation(rx, ry)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("archive", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--seeds", type=int, default=5)
    ap.add_argument("--min-articles", type=int, default=10)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--set", action="append", default=[], metavar="KEY=JSON",
                    help="override a scoring parameter, e.g. --set half_rate=20")
    args = ap.parse_args()
    if args.cache and args.cache.is_file():
        docs = json.loads(args.cache.read_text())
    else:
        if not args.archive.is_file():
            print(f"archive not found: {args.archive}", file=sys.stderr)
            return 2
        docs = audit(args.archive, args.jobs)
        if args.cache:
            args.cache.write_text(json.dumps(docs))
    params = scoring_parameters()
    for item in args.set:
        key, value = item.split("=", 1)
        params[key] = json.loads(value)
    scorer = Scorer(params)
    scored = []
    for d in docs:
        ds = scorer.document(_Doc(d))
        counts: dict[str, int] = {}
        for c, _, _ in d["findings"]:
            counts[c] = counts.get(c, 0) + 1
        scored.append((d["source"], ds, counts))

    doc_scores = sorted(ds.score for _, ds, _ in scored)
    q = statistics.quantiles(doc_scores, n=20)
    findings = sum(len(d["findings"]) for d in docs)
    words = sum(d["words"] for d in docs)
    print(f"documents: {len(docs)}, words: {words}, findings: {findings} "
          f"({findings / words * 10000:.1f} per 10,000 words)")
    print(f"document scores: p5 {q[0]:.1f}, p25 {q[4]:.1f}, median {q[9]:.1f}, p75 {q[14]:.1f}, "
          f"p95 {q[18]:.1f}; clean documents {sum(s == 100 for s in doc_scores) / len(doc_scores):.0%}")
    agg = scorer.aggregate(scored)
    prior = scorer.fit_prior(agg.values())
    print(f"outlets: {len(agg)}; prior fitted on the whole archive: mean {prior.mean_points:.3f} points "
          f"per 1,000 words, shape {prior.shape:.3f}, dispersion {prior.dispersion:.3f}")

    eligible = sorted(s for s, t in agg.items() if t.documents >= args.min_articles)
    by_source: dict[str, list] = {}
    for item in scored:
        by_source.setdefault(item[0] or "(unknown)", []).append(item)
    rhos = []
    for seed in range(args.seeds):
        rng = random.Random(seed)
        half_a, half_b = [], []
        for source, items in sorted(by_source.items()):
            items = items[:]
            rng.shuffle(items)
            mid = len(items) // 2
            half_a += items[:mid]
            half_b += items[mid:] if mid else []
            if not mid:  # a single article: keep it on one side
                half_a += items
        a = {s.source: s.score for s in scorer.sources(half_a)}
        b = {s.source: s.score for s in scorer.sources(half_b)}
        both = [s for s in eligible if s in a and s in b]
        rho = spearman([a[s] for s in both], [b[s] for s in both])
        rhos.append(rho)
        print(f"seed {seed}: Spearman {rho:.3f} over {len(both)} outlets with >= {args.min_articles} articles")
    print(f"split-half Spearman: mean {statistics.fmean(rhos):.3f}, min {min(rhos):.3f} "
          f"({len(eligible)} outlets, {args.seeds} random splits)")
    return 0


class _Doc:
    def __init__(self, d: dict) -> None:
        self.findings = [_F(*f) for f in d["findings"]]
        self.words = d["words"]
        self.stats = d["stats"]


if __name__ == "__main__":
    sys.exit(main())
