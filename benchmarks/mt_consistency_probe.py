"""Probe: do in-document inconsistencies or other sentence-by-sentence slips
separate machine translation from human translation? (issue 4)

An experiment, not a rule. Each candidate feature below is a plain function
``text -> list of hits``; for each one the script reports, on the *train*
side of the WMT22 split (``_wmt_split.py``) unless ``--test`` is given:

* the AUROC of the feature alone (hits per 1,000 words, MT positive, human
  reference negative), pooled and per language pair;
* the AUROC of the existing rules' score with the feature's hits added
  (needs ``--base``: the ``--json`` output of ``wmt22_eval.py``, whose
  per-document finding counts are the existing score);
* hits per 1,000 words and share of documents hit on each side;
* on native US news (AllSides, 8,281 articles): hits per 10,000 words and the
  share of articles hit; ``--show N`` prints N random hits of each kind.

Features (see the functions): ``translit-skeleton`` (two capitalised forms in
one document that reduce to the same transliteration skeleton: Sergei/Sergey,
Zelensky/Zelenskyy, Maryna/Marina), ``name-variants`` (any two capitalised
non-dictionary forms one edit apart with the same phonetic key),
``thousand-mix`` ("75.9 thousand" beside "115,000"), ``percent-mix`` ("4%"
beside "0.1 percent"), ``date-mix`` ("1 April" beside "April 1"), and a few
single-sentence slips (lower case after a full stop, a space before
punctuation, a doubled word, a spaced hyphen as a dash, any spaced dash,
the Russian direct-speech dash ("..., - said Zakharova"), "President said"
without an article).

Result of the first run (2026-11-22, see the issue-4 report): WMT documents are
short (median 15 words for uk-en, 53 for ja-en, 106 for ru-en) and every
feature hits at most a few percent of MT documents; professional references
show the same slips now and then (Scholz/Sholz, Tamano/Tamono). The most
precise one, ``translit-skeleton``, hits 0.34% of train-side MT documents
and none of the human ones, but moves the train-side AUROC of the existing
rules from 0.6402 to 0.6406 and the held-out one not at all (0.5918); on
AllSides it hits 0.78% of articles, mostly different names that share a
skeleton (French Guiana / Guyana, Kim Jong Un / Ri Su Yong). The Russian
direct-speech dash ``speech-dash-verb`` never fires on AllSides or on a human
reference but hits only 0.20% of MT documents (+0.0004 train-side AUROC).
The one strong-looking slip, a spaced hyphen used as a dash (ru-en MT 24% of
documents, human 0%), is typesetting: counting any dash glyph, the ru-en
references use one as often (21% against 24%), and AllSides 6.5% of articles
use the hyphen form. No feature was kept as a rule.

Usage::

    python benchmarks/wmt22_eval.py --select translation,typography,names,places --no-cross --json base.json
    python benchmarks/mt_consistency_probe.py --base base.json [--features translit-skeleton,date-mix]
                                              [--allsides-limit N] [--show N] [--test]
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

from rapidfuzz import fuzz
from rapidfuzz.distance import OSA

from auditor.rules.names._scan import derived_pair, is_common, phonetic_key, strip_accents

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _wmt_split as split

DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WMT = DATA / "wmt22_mt_into_english" / "wmt22_ru_uk_ja_to_en.docs.jsonl"
ALLSIDES = DATA / "allsides_news_baly2020" / "allsides_articles_50MB.jsonl"

Hit = tuple[str, ...]

_TOKEN = re.compile(r"(?<![\w'’-])([A-Z][a-zà-öø-ÿ]+(?:-[A-Z][a-zà-öø-ÿ]+)*)(?!['’]?\w)")


def _name_forms(text: str, min_len: int = 4) -> set[str]:
    """Capitalised tokens that are not frequent English words."""
    return {m.group(1) for m in _TOKEN.finditer(text) if len(m.group(1)) >= min_len and not is_common(m.group(1))}


# Spelling alternations of Cyrillic (and some other) transliteration; applied in order.
_SKELETON = [(re.compile(p), r) for p, r in [
    (r"(?:iy|yy|yi|ij|ii|yj)(?=$|-)", "y"),  # Dmitriy/Dmitry, Zelenskyy/Zelensky
    (r"kh", "h"), (r"ks", "x"), (r"ck", "k"), (r"c(?=[aou]|$)", "k"), (r"ph", "f"), (r"w", "v"),
    (r"(?<=[aeiou])j", "y"), (r"^j", "y"),
    (r"ye", "e"), (r"yo", "e"), (r"ya", "ia"), (r"yu", "iu"),
    (r"ey(?=$|-)", "ei"), (r"y", "i"),
    (r"g", "h"),  # Ukrainian h for Russian g: Hostomel/Gostomel
]]


def skeleton(form: str) -> str:
    s = strip_accents(form).lower()
    for pattern, repl in _SKELETON:
        s = pattern.sub(repl, s)
    return s


def translit_skeleton(text: str) -> list[Hit]:
    groups: dict[str, set[str]] = {}
    for form in _name_forms(text):
        groups.setdefault(skeleton(form), set()).add(form)
    hits = []
    for forms in groups.values():
        forms_sorted = sorted(forms)
        for i, a in enumerate(forms_sorted):
            for b in forms_sorted[i + 1:]:
                fa, fb = strip_accents(a).lower(), strip_accents(b).lower()
                if fa != fb and not derived_pair(fa, fb):
                    hits.append((a, b))
    return hits


_SUFFIXES = ("s", "es", "n", "an", "ian", "i", "a", "y", "ese", "ish", "er", "ers", "ed", "ing", "ist", "ists",
             "ism", "ic", "al", "ans", "ians", "ns")


def name_variants(text: str, max_dist: int = 1, min_ratio: int = 80, same_key: bool = True) -> list[Hit]:
    forms = sorted(_name_forms(text))
    hits = []
    for i, a in enumerate(forms):
        for b in forms[i + 1:]:
            fa, fb = strip_accents(a).lower(), strip_accents(b).lower()
            if fa == fb or fa[0] != fb[0] or abs(len(fa) - len(fb)) > max_dist:
                continue
            short, long_ = sorted((fa, fb), key=len)
            if long_.startswith(short) and long_[len(short):] in _SUFFIXES or derived_pair(fa, fb):
                continue
            if OSA.distance(fa, fb) > max_dist or fuzz.ratio(fa, fb) < min_ratio:
                continue
            if same_key and phonetic_key(a) != phonetic_key(b):
                continue
            hits.append((a, b))
    return hits


_MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
_DAY_MONTH = re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTH}\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH} \d{{1,2}}(?:st|nd|rd|th)?\b")
_PCT_SIGN = re.compile(r"\d ?%")
_PCT_WORD = re.compile(r"\d(?:\.\d+)? (?:percent|per cent)\b")
_THOUSAND_WORD = re.compile(r"\d(?:[.,]\d+)? thousand\b")
_THOUSAND_COMMA = re.compile(r"\b\d{1,3},\d{3}\b(?!,)")


def _both(a: re.Pattern[str], b: re.Pattern[str]) -> Callable[[str], list[Hit]]:
    def feature(text: str) -> list[Hit]:
        ma, mb = a.search(text), b.search(text)
        return [(ma.group(), mb.group())] if ma and mb else []
    return feature


def _each(pattern: str, flags: int = 0) -> Callable[[str], list[Hit]]:
    rx = re.compile(pattern, flags)

    def feature(text: str) -> list[Hit]:
        return [(text[max(0, m.start() - 30):m.end() + 20],) for m in rx.finditer(text)]
    return feature


FEATURES: dict[str, Callable[[str], list[Hit]]] = {
    "translit-skeleton": translit_skeleton,
    "name-variants": name_variants,
    "name-variants-loose": lambda t: name_variants(t, max_dist=2, same_key=False),
    "thousand-mix": _both(_THOUSAND_WORD, _THOUSAND_COMMA),
    "percent-mix": _both(_PCT_SIGN, _PCT_WORD),
    "date-mix": _both(_DAY_MONTH, _MONTH_DAY),
    "lower-after-stop": _each(r"[a-z]{2}\. [a-z]"),
    "space-before-punct": _each(r"\w [,.;:!?](?:\s|$)"),
    "doubled-word": _each(r"\b(\w+) \1\b", re.IGNORECASE),
    "spaced-hyphen-dash": _each(r"\w - \w"),
    "spaced-dash-any": _each(r"\w (?:-|–|—|--) \w"),
    "speech-dash-verb": _each(r"[,!?…]['\"”»]?\s?(?:--?|[–—])\s?(?:said|says|say|told|tells|added|adds|noted|notes|"
                              r"concluded|stressed|emphasized|emphasised|explained|explains|stated|wrote|writes|"
                              r"commented|comments|recalled|reported|asked|asks|continued|replied|answered|believes|"
                              r"admitted|assured|clarified|summed|shared|complained|suggested|warned|thinks|according)\b"),
    "article-drop": _each(r"(?m)(?:^|[.!?] )(?:President|Minister|Ministry|Government|Governor|Mayor|Court|Police|"
                          r"Head|Director|Chairman|Department|Committee|Deputy|Spokesman|Company) "
                          r"(?:said|says|noted|stated|added|announced|reported|told|is|was|has|had|will)\b"),
}
FEATURES["union-consistency"] = lambda t: [h for name in ("translit-skeleton", "name-variants", "thousand-mix",
                                                          "percent-mix", "date-mix") for h in FEATURES[name](t)]


def wmt_records(test: bool, base: dict | None) -> Iterator[tuple[str, str, str, str, str, int, int]]:
    """(doc_id, langpair, side, system, text, words, existing findings) of one side of the split."""
    with WMT.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if split.is_test(row["doc_id"]) != test:
                continue
            for side, outputs in (("human", row["reference_en_human"]), ("mt", row["mt_en_by_system"])):
                for system, segments in outputs.items():
                    text = "\n".join(s or "" for s in segments)
                    b = base.get((row["doc_id"], side, system)) if base else None
                    words = b["words"] if b else len(text.split())
                    yield row["doc_id"], row["langpair"], side, system, text, words, sum(b["findings"].values()) if b else 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--features", default=",".join(FEATURES))
    ap.add_argument("--base", type=Path, default=None, help="wmt22_eval.py --json output (the existing rules' findings)")
    ap.add_argument("--test", action="store_true", help="the held-out side (look once, at the end)")
    ap.add_argument("--allsides-limit", type=int, default=None)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--seed", type=int, default=7)
    args = ap.parse_args(argv)
    if not WMT.is_file():
        print(f"data not found: {WMT}", file=sys.stderr)
        return 2
    base = None
    if args.base:
        base = {(r["doc_id"], r["side"], r["system"]): r for r in json.loads(args.base.read_text(encoding="utf-8"))}
    records = list(wmt_records(args.test, base))
    articles = []
    if ALLSIDES.is_file() and not args.test:
        with ALLSIDES.open(encoding="utf-8") as fh:
            for n, line in enumerate(fh):
                if args.allsides_limit is not None and n >= args.allsides_limit:
                    break
                a = json.loads(line)
                articles.append((a["id"], a.get("text") or ""))
    rnd = random.Random(args.seed)
    print(f"{'TEST' if args.test else 'train'} side: {len(records)} WMT documents; AllSides: {len(articles)} articles")
    for name in args.features.split(","):
        feature = FEATURES[name]
        scored = [(r, feature(r[4])) for r in records]
        print(f"\n== {name}")
        for lp in ("all", "ru-en", "uk-en", "ja-en"):
            sel = [(r, h) for r, h in scored if lp == "all" or r[1] == lp]
            mt = [(r, h) for r, h in sel if r[2] == "mt"]
            hu = [(r, h) for r, h in sel if r[2] == "human"]
            alone = split.auroc([len(h) / max(r[5], 1) for r, h in mt], [len(h) / max(r[5], 1) for r, h in hu])
            line = f"  {lp:6s} alone AUROC {alone:.4f}"
            if base:
                before = split.auroc([r[6] / max(r[5], 1) for r, _ in mt], [r[6] / max(r[5], 1) for r, _ in hu])
                after = split.auroc([(r[6] + len(h)) / max(r[5], 1) for r, h in mt],
                                    [(r[6] + len(h)) / max(r[5], 1) for r, h in hu])
                line += f"  existing {before:.4f} -> with feature {after:.4f}"
            per_1k = [1000 * sum(len(h) for _, h in part) / max(sum(r[5] for r, _ in part), 1) for part in (mt, hu)]
            hit = [sum(1 for _, h in part if h) / max(len(part), 1) for part in (mt, hu)]
            print(f"{line}  per 1k words MT {per_1k[0]:.3f} human {per_1k[1]:.3f}  docs hit MT {hit[0]:.2%} human {hit[1]:.2%}")
        for side in ("mt", "human"):
            hits = [(r, h) for r, h in scored if r[2] == side and h]
            for r, h in rnd.sample(hits, min(args.show, len(hits))):
                print(f"   [{side} {r[1]} {r[0]} {r[3]}] {h[:3]}")
        if articles:
            words = n_hits = flagged = 0
            examples = []
            for aid, text in articles:
                words += len(text.split())
                h = feature(text)
                if h:
                    n_hits += len(h)
                    flagged += 1
                    examples.append((aid, h))
            print(f"  AllSides: {n_hits} hits, {1e4 * n_hits / max(words, 1):.3f} per 10k words, "
                  f"{flagged / len(articles):.2%} of articles")
            for aid, h in rnd.sample(examples, min(args.show, len(examples))):
                print(f"   [allsides {aid}] {h[:3]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
