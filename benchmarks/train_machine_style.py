"""Learn the cues of ``translation.machine-style`` and write its YAML.

Data: the WMT22 into-English documents (``shared/data/wmt22_mt_into_english``:
ru/uk/ja -> en, each source document's professional human translation and
10-14 MT systems' outputs) and, as extra native-English negatives, the
AllSides US news archive (``shared/data/allsides_news_baly2020``).

Method (pure Python, no numpy):

1. Split by *source* document (``_wmt_split.is_test``): everything below
   uses the train side only; the held-out side is only scored at the end.
   The train side is split again (``_wmt_split.is_validation``): the
   weights are fitted on one part, the thresholds chosen on the other.
2. Candidate cues: word n-grams (1-3 words; ``, ; : ? ! ( )`` count as
   words, quotes and dashes never do: typography is not translation) of the
   train sentences, kept when they occur in at least ``--min-support``
   distinct source documents, at least ``--min-pair-support`` in each of two
   language pairs (so a phrase of one shop listing or one story repeated by
   14 systems, or of one language's topics, is not a cue), their document-balanced
   log-odds MT vs human is at least ``--min-logodds`` in size, no word of
   it is a name (mostly capitalised mid-sentence), and a one-word cue is a
   common word (``--min-unigram-zipf``: "housing" is a topic); plus a few
   number-format patterns ("75.9 thousand"). Phrases that are very
   common in native news are dropped (they cost time, not signal).
3. Every sentence (the rule's own segmentation and matcher; cues inside
   quotations dropped, as in the rule) is an example: MT = 1, human
   reference = 0, AllSides train sentence = 0. Weights balance the sides:
   per source document the MT outputs together weigh 1 and the human
   references together weigh 1; the AllSides sentences together weigh as
   much as all the human references.
4. L2-regularised logistic regression (AdaGrad), then cues with a weight
   below ``--min-weight`` in size are dropped and the model refitted (every
   cue hit costs time in the rule; the light ones add little).
5. The thresholds (sentence ``threshold``, for a sentence with at least
   ``--min-cues`` separate cues; ``doc_threshold`` on the document score,
   bias + all cue weight per 20 words, and the ``low_threshold`` that
   applies beyond it): a grid search for the best document AUROC of
   findings per 1,000 words on the *validation* documents, subject to further AllSides
   train articles getting fewer than ``--max-per-10k`` findings per 10,000
   words and fewer than ``--max-doc-share`` of them any finding.

``--cross`` also fits on ru-en + ja-en only and scores uk-en.

Usage::

    python benchmarks/train_machine_style.py [--out rules/translation/machine_style.yml]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _wmt_split as split  # noqa: E402
from wordfreq import zipf_frequency  # noqa: E402

from auditor.documents.document import Document  # noqa: E402
from auditor.rules.translation.machine_style import (  # noqa: E402
    CueMatcher,
    cue_count,
    flagged,
    model_from_config,
    sentence_scores,
    unquoted,
)

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WMT = DATA / "wmt22_mt_into_english" / "wmt22_ru_uk_ja_to_en.docs.jsonl"
ALLSIDES = DATA / "allsides_news_baly2020" / "allsides_articles_50MB.jsonl"
OUT = Path(__file__).resolve().parents[1] / "rules" / "translation" / "machine_style.yml"

#: Number formats an English writer does not use but a literal translation
#: does; candidates only: the training decides whether they carry weight.
NUMBER_CANDIDATES = [
    r"\b\d+[.,]\d+ thousand\b",
    r"\b\d{1,3} thousand (?:people|rubles|roubles|hryvnias|tons|tonnes|units|dollars|euros)\b",
    r"\b\d+(?:[.,]\d+)? (?:UAH|RUB)\b",
]

_TOKEN = re.compile(r"[a-z]+(?:'[a-z]+)?|[,;:?!()]")
_SURFACE_OK = re.compile(r"[a-z' ,;:?!()]+")


def wmt_rows(path: Path = WMT) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def allsides_rows(path: Path = ALLSIDES) -> list[dict]:
    with path.open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def outputs(row: dict):
    """``(side, name, text)`` for every human reference and MT output."""
    for name, segs in row["reference_en_human"].items():
        yield "human", name, "\n".join(s or "" for s in segs)
    for name, segs in row["mt_en_by_system"].items():
        yield "mt", name, "\n".join(s or "" for s in segs)


def _doc(text: str, ordinal: int = 0) -> Document:
    return Document(path="train", raw=text, kind="txt", ordinal=ordinal)


def _ngrams(sentence_low: str, nmax: int = 3) -> set[str]:
    toks = [(m.start(), m.end()) for m in _TOKEN.finditer(sentence_low)]
    out = set()
    for i in range(len(toks)):
        for n in range(1, nmax + 1):
            if i + n > len(toks):
                break
            surface = sentence_low[toks[i][0]:toks[i + n - 1][1]]
            if "  " in surface or not _SURFACE_OK.fullmatch(surface):
                break  # crosses a quote, dash, digit or line: longer ones do too
            if surface[0] in ",;:?!)":
                break
            out.add(surface)
    return out


def proper_words(rows: list[dict]) -> set[str]:
    """Words written with a capital in most of their occurrences after a
    sentence's first word: names, not style."""
    cap: dict[str, int] = defaultdict(int)
    total: dict[str, int] = defaultdict(int)
    word = re.compile(r"(?<=[a-z,;] )[A-Za-z]+")
    for row in rows:
        for _, _, text in outputs(row):
            for m in word.finditer(text):
                w = m.group()
                total[w.lower()] += 1
                if w[0].isupper():
                    cap[w.lower()] += 1
    return {w for w, n in total.items() if n >= 3 and cap[w] / n >= 0.8}


def candidates(rows: list[dict], native: list[str], min_support: int, min_pair_support: int,
               min_logodds: float, max_native_per_1k: float, min_words: int = 1,
               min_unigram_zipf: float = 0.0) -> list[str]:
    mt_w: dict[str, float] = defaultdict(float)
    hu_w: dict[str, float] = defaultdict(float)
    support: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for row in rows:
        per_side: dict[str, list[set[str]]] = {"mt": [], "human": []}
        for side, _, text in outputs(row):
            d = _doc(text)
            grams: set[str] = set()
            for s in d.sentences:
                grams |= _ngrams(text[s.start:s.end].lower().replace("\u2019", "'"))
            per_side[side].append(grams)
        seen: set[str] = set()
        for side, acc in (("mt", mt_w), ("human", hu_w)):
            sets = per_side[side]
            if not sets:
                continue
            counts: dict[str, int] = defaultdict(int)
            for g in sets:
                for x in g:
                    counts[x] += 1
            for x, c in counts.items():
                acc[x] += c / len(sets)
                seen.add(x)
        for x in seen:
            support[x][row["langpair"]] += 1
    proper = proper_words(rows)
    n = len(rows)
    keep = []
    for x, sup in support.items():
        tokens = _TOKEN.findall(x)
        if len(tokens) < min_words:
            continue
        if any(len(t) == 1 and t not in ("a", "i") and t.isalpha() for t in tokens):
            continue  # "p" of "p.m.", "m" of "75 m": not words
        if len(tokens) == 1 and zipf_frequency(x, "en") < min_unigram_zipf:
            continue  # a rarer single word is a topic ("housing"), not a construction
        if any(t in proper for t in x.replace(",", " ").split()):
            continue  # name renderings ("Kiev", "Vladimir") are the place and name rules' business
        # general, not one language's topic: enough documents in at least two language pairs
        if sum(sup.values()) < min_support or sum(1 for c in sup.values() if c >= min_pair_support) < 2:
            continue
        lo = math.log((mt_w[x] + 0.5) / (n + 0.5)) - math.log((hu_w[x] + 0.5) / (n + 0.5))
        if abs(lo) >= min_logodds:
            keep.append(x)
    # drop phrases that are everywhere in native news: slow to match, weak as cues
    matcher = CueMatcher(keep)
    words = sum(len(t.split()) for t in native)
    freq = [0] * len(keep)
    for t in native:
        for _, _, i in matcher.hits(t):
            freq[i] += 1
    return sorted(x for i, x in enumerate(keep) if 1000.0 * freq[i] / max(words, 1) <= max_native_per_1k)


def examples(matcher: CueMatcher, text: str) -> list[dict[int, int]]:
    """Feature counts of every sentence of ``text`` (quoted cues left out)."""
    d = _doc(text)
    hits = unquoted(text, sorted(matcher.hits(text)))
    sentences = d.sentences
    feats: list[dict[int, int]] = [dict() for _ in sentences]
    if hits:
        starts = [s.start for s in sentences]
        from bisect import bisect_right
        for a, b, i in hits:
            k = bisect_right(starts, a) - 1
            if k >= 0 and b <= sentences[k].end:
                feats[k][i] = feats[k].get(i, 0) + 1
    return [f for f, s in zip(feats, sentences) if len(text[s.start:s.end].split()) >= 1]


def fit(data: list[tuple[dict[int, int], int, float]], n_features: int, *, l2: float, epochs: int,
        seed: int = 0, lr: float = 0.5) -> tuple[list[float], float]:
    """Weighted L2 logistic regression by AdaGrad; returns weights, bias."""
    rng = random.Random(seed)
    w = [0.0] * n_features
    g2 = [1e-8] * n_features
    b, gb2 = 0.0, 1e-8
    total = sum(x[2] for x in data)
    order = list(range(len(data)))
    reg = l2 / max(total, 1e-9)
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            feats, y, weight = data[k]
            z = b + sum(w[i] * c for i, c in feats.items())
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            g = (p - y) * weight
            for i, c in feats.items():
                gi = g * c + reg * weight * w[i]
                g2[i] += gi * gi
                w[i] -= lr * gi / math.sqrt(g2[i])
            gb2 += g * g
            b -= lr * g / math.sqrt(gb2)
    return w, b


def train(rows: list[dict], native_train: list[str], args: argparse.Namespace, log=print,
          validation: list[dict] | None = None, native_validation: list[str] | None = None) -> dict:
    """Learn a model on ``rows`` (+ native negatives), thresholds on the
    validation documents; returns the YAML mapping."""
    t0 = time.perf_counter()
    phrases = candidates(rows, native_train[:600], args.min_support, args.min_pair_support, args.min_logodds,
                         args.max_native_per_1k, args.min_cue_words, args.min_unigram_zipf)
    log(f"  {len(phrases)} candidate phrases ({time.perf_counter() - t0:.0f} s)")
    matcher = CueMatcher(phrases, NUMBER_CANDIDATES)
    data: list[tuple[dict[int, int], int, float]] = []
    human_total = 0.0
    for row in rows:
        outs = list(outputs(row))
        n_side = {s: sum(1 for o in outs if o[0] == s) for s in ("mt", "human")}
        for side, _, text in outs:
            feats = examples(matcher, text)
            if not feats:
                continue
            weight = 1.0 / n_side[side] / len(feats)
            y = 1 if side == "mt" else 0
            for f in feats:
                data.append((f, y, weight))
            if side == "human":
                human_total += 1.0 / n_side[side]
    native_feats = [f for t in native_train for f in examples(matcher, t)]
    nw = args.native_weight * human_total / max(len(native_feats), 1)
    data.extend((f, 0, nw) for f in native_feats)
    log(f"  {len(data)} sentences ({time.perf_counter() - t0:.0f} s)")
    w, b = fit(data, len(matcher), l2=args.l2, epochs=args.epochs)
    n_phr = len(phrases)
    keep = [i for i, x in enumerate(w) if abs(x) >= (args.min_weight if i < n_phr else args.min_number_weight)]
    remap = {old: new for new, old in enumerate(keep)}
    data2 = [({remap[i]: c for i, c in f.items() if i in remap}, y, wt) for f, y, wt in data]
    w2, b2 = fit(data2, len(keep), l2=args.l2, epochs=args.epochs, seed=1)
    cues = {phrases[i]: round(w2[remap[i]], 3) for i in keep if i < n_phr}
    numbers = {NUMBER_CANDIDATES[i - n_phr]: round(w2[remap[i]], 3) for i in keep if i >= n_phr}
    log(f"  {len(cues)} cues, {len(numbers)} number patterns kept ({time.perf_counter() - t0:.0f} s)")
    conf = {"bias": round(b2, 3), "threshold": 0.0, "doc_threshold": 0.0, "low_threshold": 0.0,
            "doc_words": 20, "min_cues": args.min_cues, "max_cues_in_message": 3, "min_sentence_words": 4,
            "cues": dict(sorted(cues.items(), key=lambda kv: -kv[1])), "number_cues": numbers}
    ts, td, tl = choose_thresholds(conf, validation or rows, native_validation or native_train, args, log)
    conf["threshold"], conf["doc_threshold"], conf["low_threshold"] = ts, td, tl
    return conf


Scored = list[tuple[int, list[float], list[int], float, int]]


def score_docs(conf: dict, texts: list[str]) -> Scored:
    """Words, sentence scores and cue counts (of sentences with a positive
    cue: the others are never reported), document score and ``min_cues`` of
    every text, by the rule's own code."""
    model = model_from_config({**conf, "threshold": -1e9, "low_threshold": -1e9, "doc_threshold": -1e9})
    out = []
    for t in texts:
        d = _doc(t)
        doc_score, scored = sentence_scores(model, d)
        counts = [cue_count(model.weights, x[3]) for x in scored]
        kept = [(x[2], c) for x, c in zip(scored, counts) if c]
        out.append((d.word_count, [x for x, _ in kept], [c for _, c in kept], doc_score, model.min_cues))
    return out


def rates(scored: Scored, th: tuple[float, float, float]) -> list[float]:
    return [1000.0 * sum(flagged(sc, ds, *th, counts, mc)) / max(words, 1) for words, sc, counts, ds, mc in scored]


def native_stats(scored: Scored, th: tuple[float, float, float]) -> tuple[float, float]:
    """Findings per 10,000 words and the share of documents with any."""
    n = [sum(flagged(sc, ds, *th, counts, mc)) for _, sc, counts, ds, mc in scored]
    return 1e4 * sum(n) / max(sum(x[0] for x in scored), 1), sum(1 for x in n if x) / max(len(n), 1)


def sides(rows: list[dict]) -> tuple[list[str], list[str]]:
    mt, hu = [], []
    for row in rows:
        for side, _, text in outputs(row):
            (mt if side == "mt" else hu).append(text)
    return mt, hu


def choose_thresholds(conf: dict, rows: list[dict], native: list[str], args, log=print) -> tuple[float, float, float]:
    """(threshold, doc_threshold, low_threshold) with the best document AUROC
    on ``rows`` under the native-news limits on ``native``."""
    mt, hu = sides(rows)
    s_mt, s_hu, s_nat = score_docs(conf, mt), score_docs(conf, hu), score_docs(conf, native)
    best = None
    for ts in [x * args.grid_step for x in range(0, int(5 / args.grid_step) + 1)]:
        for td in [x * args.grid_step for x in range(int(-2 / args.grid_step), int(2 / args.grid_step) + 1)] + [math.inf]:
            for tl in ([x * args.grid_step for x in range(int(-1.5 / args.grid_step), int(5 / args.grid_step) + 1)]
                       if td != math.inf else [ts]):
                if tl > ts:
                    continue
                th = (ts, td, tl)
                per10k, share = native_stats(s_nat, th)
                if per10k >= args.max_per_10k or share >= args.max_doc_share:
                    continue
                a = split.auroc(rates(s_mt, th), rates(s_hu, th))
                if best is None or a > best[1]:
                    best = (th, a, per10k, share)
    if best is None:
        raise SystemExit("no threshold meets the native-news limits")
    log(f"  thresholds {best[0]}: validation AUROC {best[1]:.3f}; AllSides validation {best[2]:.2f}/10k words, "
        f"{best[3]:.1%} of documents")
    return best[0]


def evaluate(conf: dict, rows: list[dict], native: list[str] | None = None) -> dict:
    mt, hu = sides(rows)
    th = (conf["threshold"], conf["doc_threshold"], conf["low_threshold"])
    out = {"auroc": split.auroc(rates(score_docs(conf, mt), th), rates(score_docs(conf, hu), th))}
    if native:
        out["native_per_10k"], out["native_doc_share"] = native_stats(score_docs(conf, native), th)
    return out


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--min-support", type=int, default=8, help="distinct train source documents a cue occurs in")
    ap.add_argument("--min-pair-support", type=int, default=3,
                    help="... and in at least this many source documents of each of two language pairs")
    ap.add_argument("--min-cue-words", type=int, default=1, help="words (or , ; : ? ! ( )) a cue has at least")
    ap.add_argument("--min-unigram-zipf", type=float, default=5.0,
                    help="a one-word cue must be at least this common in English (wordfreq Zipf): function words, not topics")
    ap.add_argument("--min-logodds", type=float, default=0.25)
    ap.add_argument("--max-native-per-1k", type=float, default=1.0,
                    help="drop candidates more frequent than this in native news (per 1,000 words)")
    ap.add_argument("--native-docs", type=int, default=2000, help="AllSides train articles used as negatives")
    ap.add_argument("--native-validation-docs", type=int, default=1000,
                    help="further AllSides train articles for choosing the thresholds")
    ap.add_argument("--native-weight", type=float, default=1.0)
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--epochs", type=int, default=6)
    ap.add_argument("--min-weight", type=float, default=0.5,
                    help="drop cues lighter than this (then refit): fewer hits, a faster rule")
    ap.add_argument("--min-number-weight", type=float, default=0.25, help="the same for the number patterns")
    ap.add_argument("--min-cues", type=int, default=2,
                    help="separate cues a sentence needs to be reported on its own score")
    ap.add_argument("--grid-step", type=float, default=0.5, help="step of the threshold grid")
    ap.add_argument("--max-per-10k", type=float, default=0.8)
    ap.add_argument("--max-doc-share", type=float, default=0.04)
    ap.add_argument("--cross", action="store_true", help="also train on ru-en+ja-en and test on uk-en")
    return ap


def native_split(rows: list[dict], n_train: int) -> tuple[list[str], list[str]]:
    train = [r["text"] for r in rows if not split.allsides_is_test(r["id"])]
    test = [r["text"] for r in rows if split.allsides_is_test(r["id"])]
    random.Random(0).shuffle(train)
    return train[:n_train], test


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    rows = wmt_rows()
    native_all, native_test = native_split(allsides_rows(), args.native_docs + args.native_validation_docs)
    native_train, native_val = native_all[:args.native_docs], native_all[args.native_docs:]
    train_rows = [r for r in rows if not split.is_test(r["doc_id"]) and not split.is_validation(r["doc_id"])]
    val_rows = [r for r in rows if split.is_validation(r["doc_id"])]
    test_rows = [r for r in rows if split.is_test(r["doc_id"])]
    print(f"fit: {len(train_rows)} source documents + {len(native_train)} AllSides articles; thresholds: "
          f"{len(val_rows)} source documents + {len(native_val)} AllSides articles; held out: {len(test_rows)} "
          f"source documents, {len(native_test)} AllSides articles")
    conf = train(train_rows, native_train, args, validation=val_rows, native_validation=native_val)
    ev = evaluate(conf, test_rows, native_test)
    print(f"held-out AUROC (this rule alone) {ev['auroc']:.3f}; held-out AllSides "
          f"{ev['native_per_10k']:.2f} findings/10k words, {ev['native_doc_share']:.1%} of documents")
    write(conf, args)
    if args.cross:
        cross = cross_language(rows, native_train, native_val, args)
        print(f"cross-language (train {'+'.join(split.CROSS_TRAIN)}, test {'+'.join(split.CROSS_TEST)}): "
              f"AUROC {cross:.3f}")
    return 0


def cross_language(rows: list[dict], native_train: list[str], native_val: list[str], args, log=print) -> float:
    """Fit on ru-en + ja-en (thresholds on their validation part), score uk-en."""
    tr = [r for r in rows if r["langpair"] in split.CROSS_TRAIN and not split.is_validation(r["doc_id"])]
    val = [r for r in rows if r["langpair"] in split.CROSS_TRAIN and split.is_validation(r["doc_id"])]
    te = [r for r in rows if r["langpair"] in split.CROSS_TEST]
    conf = train(tr, native_train, args, log=log, validation=val, native_validation=native_val)
    return evaluate(conf, te)["auroc"]


def write(conf: dict, args) -> None:
    import yaml

    header = (
        "# translation.machine-style: cues of machine translation into English and their weights.\n"
        f"# Generated by benchmarks/train_machine_style.py on {dt.date.today().isoformat()}; do not edit by hand,\n"
        "# rerun the script. A sentence scores bias + the weights of its cues (every occurrence; cues\n"
        "# inside quotations left out). It is reported when it reaches `threshold` with at least\n"
        "# `min_cues` separate cues, or, when the document score (bias + all cue weight per `doc_words`\n"
        "# words) reaches `doc_threshold`, when it reaches `low_threshold` with a positive cue.\n"
        "# Positive weight: the phrase is more frequent in machine translation than in professional\n"
        "# human translation of the same WMT22 documents and in native US news; negative: a mark of\n"
        "# fluent English. number_cues are RE2 regular expressions (case-insensitive).\n"
        f"# Options: {' '.join(f'--{k.replace(chr(95), chr(45))}={v}' for k, v in sorted(vars(args).items()) if k not in ('out', 'cross'))}\n"
    )
    args.out.write_text(header + yaml.safe_dump(conf, sort_keys=False, allow_unicode=True, width=200), encoding="utf-8")
    print(f"wrote {args.out}")


if __name__ == "__main__":
    raise SystemExit(main())
