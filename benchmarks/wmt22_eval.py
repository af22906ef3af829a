"""Machine translation vs human translation: do the translation rules tell them apart?

Data: ``shared/data/wmt22_mt_into_english/wmt22_ru_uk_ja_to_en.docs.jsonl``
(WMT22/WMT23 general-task test sets, ru/uk/ja -> en: every document's
professional human English reference and 10-14 MT systems' English outputs;
see its SOURCE.txt). Each document is rebuilt from its segments, one segment
a line, once per human translator and once per MT system, and audited with
the selected rules (default: every ``translation.*`` and ``typography.*``
rule in the tree).

Score of a document = findings per 1,000 words. Reported:

* the document-level AUROC of that score for MT output (positive) vs human
  reference (negative), computed here as the Mann-Whitney U statistic
  (ties count one half), pooled over all systems and per system;
* the same AUROC for each rule on its own, with its findings per 1,000 words
  on each side: which rules carry the signal;
* the paired view: for each source document, the share of MT outputs that
  score strictly higher than the human reference of the same document;
* where WMT22 crowd DA scores exist (ru-en, uk-en), the mean human quality
  score of MT outputs with and without findings: do the rules fire on the
  translations people judged worse?
* the held-out view: ``translation.machine-style`` learns its cues from this
  data (``benchmarks/train_machine_style.py``), so the pooled figures above
  flatter it. The same AUROCs on the held-out source documents only (the
  split of ``benchmarks/_wmt_split.py``, shared with the trainer), and the
  cross-language check: the rule retrained in memory on ru-en + ja-en only,
  scored on uk-en (``--no-cross`` skips the retraining, about a minute).

Usage::

    python benchmarks/wmt22_eval.py [--data PATH] [--select translation,typography]
                                     [--domain news] [--limit N] [--json OUT] [--no-cross]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

from auditor.config import load_config
from auditor.documents.document import Document
from auditor.registry import build_rules
from auditor.rules.base import Context, CorpusRule

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _wmt_split as split  # noqa: E402

MACHINE_STYLE = "translation.machine-style"

DEFAULT_DATA = (Path(__file__).resolve().parents[2] / "shared" / "data" / "wmt22_mt_into_english"
                / "wmt22_ru_uk_ja_to_en.docs.jsonl")


def load_rows(path: Path, domain: str | None, limit: int | None):
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                break
            row = json.loads(line)
            if domain and row.get("domain") != domain:
                continue
            yield row


def audit(rules, text: str, ordinal: int) -> tuple[int, dict[str, int]]:
    doc = Document(path="wmt", raw=text, kind="txt", ordinal=ordinal)
    per_rule: dict[str, int] = defaultdict(int)
    for rule in rules:
        if isinstance(rule, CorpusRule):
            continue
        for f in rule.check(doc):
            per_rule[f.rule] += 1
    return doc.word_count, per_rule


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--select", default="translation,typography")
    ap.add_argument("--domain", default=None, help="only rows of this domain (news, social, ...)")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--exclude-system", default="AIST", help="also report the AUROC without this (degenerate) system")
    ap.add_argument("--json", type=Path, default=None, help="write per-document scores here")
    ap.add_argument("--no-cross", dest="cross", action="store_false",
                    help=f"skip the cross-language check of {MACHINE_STYLE} (retrains it in memory)")
    args = ap.parse_args(argv)
    if not args.data.is_file():
        print(f"data not found: {args.data}", file=sys.stderr)
        return 2

    # translation.machine-style is opt-in (off by default): the evaluation turns it on
    config = load_config(None, {"select": args.select.split(","), "rules": {MACHINE_STYLE: {"severity": "info"}}})
    rules = build_rules(config, Context(config))
    rule_ids = sorted(r.id for r in rules if not isinstance(r, CorpusRule))
    t0 = time.perf_counter()
    records = []  # (doc_id, langpair, side, system, words, per_rule)
    da: dict[tuple[str, str], float] = {}  # mean crowd DA score of an MT output (ru-en, uk-en 2022)
    ordinal = 0
    for row in load_rows(args.data, args.domain, args.limit):
        for translator, segments in row["reference_en_human"].items():
            words, per_rule = audit(rules, "\n".join(s or "" for s in segments), ordinal)
            ordinal += 1
            records.append((row["doc_id"], row["langpair"], "human", translator, words, per_rule))
        da_by_system = row.get("da_raw_by_system") or {}
        for system, segments in row["mt_en_by_system"].items():
            words, per_rule = audit(rules, "\n".join(s or "" for s in segments), ordinal)
            ordinal += 1
            records.append((row["doc_id"], row["langpair"], "mt", system, words, per_rule))
            scores = [x for x in da_by_system.get(system) or [] if x is not None]
            if scores:
                da[(row["doc_id"], system)] = sum(scores) / len(scores)
    elapsed = time.perf_counter() - t0

    def rate(rec, only: str | None = None) -> float:
        words, per_rule = rec[4], rec[5]
        n = per_rule.get(only, 0) if only else sum(per_rule.values())
        return 1000.0 * n / max(words, 1)

    mt = [r for r in records if r[2] == "mt"]
    human = [r for r in records if r[2] == "human"]
    print(f"rules: {', '.join(rule_ids)}")
    print(f"documents: {len({r[0] for r in records})} sources; {len(human)} human references, {len(mt)} MT outputs; "
          f"{sum(r[4] for r in records):,} words; {elapsed:.1f} s")
    print(f"\nALL RULES  AUROC(MT > human) = {split.auroc([rate(r) for r in mt], [rate(r) for r in human]):.3f}   "
          f"findings/1k words: MT {_mean(rate(r) for r in mt):.3f}, human {_mean(rate(r) for r in human):.3f}   "
          f"docs with >=1 finding: MT {_share(r for r in mt):.1%}, human {_share(r for r in human):.1%}")
    print("\nper rule:                               AUROC   MT/1k   human/1k  MT docs hit  human docs hit")
    for rid in rule_ids:
        a = split.auroc([rate(r, rid) for r in mt], [rate(r, rid) for r in human])
        print(f"  {rid:36s} {a:6.3f}  {_mean(rate(r, rid) for r in mt):6.3f}  {_mean(rate(r, rid) for r in human):8.3f}"
              f"  {_hit(mt, rid):10.1%}  {_hit(human, rid):13.1%}")
    print("\nper language pair:")
    for lp in sorted({r[1] for r in records}):
        m = [rate(r) for r in mt if r[1] == lp]
        h = [rate(r) for r in human if r[1] == lp]
        print(f"  {lp}: AUROC {split.auroc(m, h):.3f} (MT {len(m)}, human {len(h)})")
    print("\nper system (vs all human references):")
    hs = [rate(r) for r in human]
    for system in sorted({r[3] for r in mt}):
        m = [rate(r) for r in mt if r[3] == system]
        print(f"  {system:24s} AUROC {split.auroc(m, hs):.3f}  mean/1k {_mean(m):.3f}  (n={len(m)})")
    by_doc: dict[str, dict[str, list[float]]] = defaultdict(lambda: {"mt": [], "human": []})
    for r in records:
        by_doc[r[0]][r[2]].append(rate(r))
    higher = [sum(1 for m in d["mt"] if m > max(d["human"])) / len(d["mt"]) for d in by_doc.values() if d["mt"] and d["human"]]
    print(f"\npaired: an MT output scores strictly above its own human reference in {_mean(higher):.1%} of cases")
    without = [s for s in sorted({r[3] for r in mt}) if s != args.exclude_system]
    if args.exclude_system:
        m = [rate(r) for r in mt if r[3] in without]
        print(f"without {args.exclude_system}: AUROC {split.auroc(m, hs):.3f}")
    if da:
        hit = [da[(r[0], r[3])] for r in mt if (r[0], r[3]) in da and r[5]]
        clean = [da[(r[0], r[3])] for r in mt if (r[0], r[3]) in da and not r[5]]
        print(f"\nhuman quality (mean crowd DA, 0-100) of MT outputs: with findings {_mean(hit):.1f} (n={len(hit)}), "
              f"without {_mean(clean):.1f} (n={len(clean)}); AUROC(lower DA -> findings) "
              f"{split.auroc([-x for x in hit], [-x for x in clean]):.3f}")
    held_out(records, rule_ids, rate)
    if args.cross and any(r.id == MACHINE_STYLE for r in rules):
        cross_language(args, rules, records, rate)
    if args.json:
        args.json.write_text(json.dumps([
            {"doc_id": r[0], "langpair": r[1], "side": r[2], "system": r[3], "words": r[4], "findings": r[5]}
            for r in records]), encoding="utf-8")
    return 0


def held_out(records, rule_ids, rate) -> None:
    """The AUROCs on the source documents the trainer never saw."""
    test = [r for r in records if split.is_test(r[0])]
    mt = [r for r in test if r[2] == "mt"]
    human = [r for r in test if r[2] == "human"]
    print(f"\nHELD-OUT split ({len({r[0] for r in test})} source documents, {split.TEST_PERCENT}% by hash of doc_id; "
          f"{len(human)} human, {len(mt)} MT):")
    print(f"  ALL RULES AUROC {split.auroc([rate(r) for r in mt], [rate(r) for r in human]):.3f}")
    for rid in rule_ids:
        print(f"  {rid:36s} AUROC {split.auroc([rate(r, rid) for r in mt], [rate(r, rid) for r in human]):.3f}  "
              f"MT/1k {_mean(rate(r, rid) for r in mt):.3f}  human/1k {_mean(rate(r, rid) for r in human):.3f}  "
              f"docs hit MT {_hit(mt, rid):.1%} human {_hit(human, rid):.1%}")
    for lp in sorted({r[1] for r in test}):
        m = [r for r in mt if r[1] == lp]
        h = [r for r in human if r[1] == lp]
        print(f"  {lp}: ALL RULES AUROC {split.auroc([rate(r) for r in m], [rate(r) for r in h]):.3f}; "
              f"{MACHINE_STYLE} alone {split.auroc([rate(r, MACHINE_STYLE) for r in m], [rate(r, MACHINE_STYLE) for r in h]):.3f}")


def cross_language(args, rules, records, rate) -> None:
    """Retrain the machine-style cues on ru-en + ja-en only (the trainer's
    defaults, in memory) and score the uk-en documents with them."""
    import train_machine_style as trainer

    from auditor.rules.translation.machine_style import model_from_config

    t0 = time.perf_counter()
    targs = trainer.parser().parse_args([])
    native_all, _ = trainer.native_split(trainer.allsides_rows(), targs.native_docs + targs.native_validation_docs)
    rows = list(load_rows(args.data, None, None))
    tr = [r for r in rows if r["langpair"] in split.CROSS_TRAIN and not split.is_validation(r["doc_id"])]
    val = [r for r in rows if r["langpair"] in split.CROSS_TRAIN and split.is_validation(r["doc_id"])]
    conf = trainer.train(tr, native_all[:targs.native_docs], targs, log=lambda *_: None, validation=val,
                         native_validation=native_all[targs.native_docs:])
    rule = next(r for r in rules if r.id == MACHINE_STYLE)
    shipped = rule.model
    rule.model = model_from_config(conf)
    try:
        cross = []
        targets = {r["doc_id"]: r for r in rows if r["langpair"] in split.CROSS_TEST}
        for rec in records:
            row = targets.get(rec[0])
            if row is None:
                continue
            segs = row["reference_en_human"][rec[3]] if rec[2] == "human" else row["mt_en_by_system"][rec[3]]
            doc = Document(path="wmt", raw="\n".join(s or "" for s in segs), kind="txt")
            per_rule = dict(rec[5])
            per_rule[MACHINE_STYLE] = sum(1 for _ in rule.check(doc))
            cross.append((rec[0], rec[1], rec[2], rec[3], rec[4], {k: v for k, v in per_rule.items() if v}))
    finally:
        rule.model = shipped
    mt = [r for r in cross if r[2] == "mt"]
    human = [r for r in cross if r[2] == "human"]
    print(f"\nCROSS-LANGUAGE: {MACHINE_STYLE} trained on {'+'.join(split.CROSS_TRAIN)} only "
          f"({len(conf['cues'])} cues, {time.perf_counter() - t0:.0f} s), tested on {'+'.join(split.CROSS_TEST)} "
          f"({len(human)} human, {len(mt)} MT):")
    print(f"  ALL RULES AUROC {split.auroc([rate(r) for r in mt], [rate(r) for r in human]):.3f}; "
          f"{MACHINE_STYLE} alone {split.auroc([rate(r, MACHINE_STYLE) for r in mt], [rate(r, MACHINE_STYLE) for r in human]):.3f}")


def _mean(values) -> float:
    values = list(values)
    return sum(values) / len(values) if values else float("nan")


def _hit(records, rule_id: str) -> float:
    """Share of documents with at least one finding of ``rule_id``."""
    return sum(1 for r in records if r[5].get(rule_id)) / len(records) if records else float("nan")


def _share(records) -> float:
    records = list(records)
    return sum(1 for r in records if r[5]) / len(records) if records else float("nan")


if __name__ == "__main__":
    raise SystemExit(main())
