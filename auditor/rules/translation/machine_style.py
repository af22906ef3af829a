"""Sentences that read like machine translation.

Machine translation into English leaves wording that a fluent writer or a
professional translator rarely chooses: calques of the source language
("it is necessary", "regarding the", "that is,"), stiff or uncontracted
renderings ("can not", "you will", "will be able", "and I'm"), and literal
number formats ("75.9 thousand"). No single cue proves anything; together,
in one sentence, they are a reason to have the passage reread.

Each cue is a short word sequence with a weight learned offline
(``benchmarks/train_machine_style.py``: a logistic regression over word
n-grams of real WMT22 news, social and shop text machine-translated into
English, against the professional human translation of the same documents
and native US news, split by source document). Cues of fluent English
(contractions, "though", "there's") carry negative weights. A sentence whose
summed weight (plus a bias) reaches ``threshold`` and that holds at least
``min_cues`` separate cues is reported once, naming its strongest cues. Evidence also adds up over a document: when the mean
score of its sentences reaches ``doc_threshold``, every sentence with a cue
at ``low_threshold`` is reported too. Findings per 1,000 words are the
document's machine-translation signal (info severity: a reason to reread,
not an error). Names are never cues ("Kiev" is the place rules' business),
nor are phrases of one language pair's topics. Typography (quote,
apostrophe and dash styles, spacing) is never a cue: it is typesetting, not
translation. Cues inside a quotation are not counted (someone's transcribed
words).

Cues, weights and thresholds live in ``rules/translation/machine_style.yml``.

Off by default; a translation desk turns it on with
``rules: {translation.machine-style: {severity: info}}``. Why: the signal is
weak. On held-out WMT22 documents it ranks a machine translation above the
human reference of the same source 58% of the time (AUROC 0.58), and on
native US news (AllSides) it fires on 2% of articles, every one of 20 checked
a false positive; stiff but native registers (instructions, official
statements, transcripts) read like translation to it.

Flags:
    It is necessary to note that within the framework of the program, it is planned to carry out work on the territory of the region.

    In connection with this, the ministry reported that on the territory of the country it is planned to carry out checks.

Passes:
    The ministry said it would check every region, though officials didn't say when the inspections would start.

    “It is necessary to carry out work on the territory of the region,” the governor said.

    Prices rose 3% last year; analysts expect a slower rise in the spring.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import ahocorasick
import re2

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.patterns import re2_options
from auditor.registry import register
from auditor.resources import load_yaml_resource
from auditor.rules.base import Rule

_APOSTROPHES = ("'", "\u2019")
# A cue is stored with each character that may stand before and after it (in
# the lower-cased text, padded with a space at both ends), so every hit of the
# automaton is a whole-word hit and no Python code runs for "our" in "hour".
_BEFORE = " \n\t\u00a0\"\u201c\u2018([/-\u2013\u2014"  # no apostrophe: "m" is not in "I'm"
_AFTER = " \n\t\u00a0\"\u201d\u2019,.;:?!)]/-\u2013\u2014\u2026"
# quotations, for leaving out their cues: a cheap pairing of “…” and "…" within a paragraph
_QUOTED = re.compile(r"\u201c[^\u201d\n]*\u201d|\"[^\"\n]*\"")


class CueMatcher:
    """Whole-word occurrences of weighted cue phrases, in one pass.

    Phrases are lower case; a phrase's apostrophe matches a straight or a
    curly one (typography is not a cue). ``number_patterns`` are regular
    expressions (RE2 syntax, case-insensitive, no capturing groups) for
    number formats, which an automaton over words cannot express. Hits are ``(start, end, index)``
    with ``index`` into ``phrases + number_patterns``.
    """

    def __init__(self, phrases: Iterable[str], number_patterns: Iterable[str] = (),
                 weights: Iterable[float] | None = None) -> None:
        self.phrases = list(phrases)
        # the positive weight of each cue rides with its hits (for the bounds in blocks())
        positive = [max(0.0, float(w)) for w in weights] if weights is not None else None
        self.number_patterns = list(number_patterns)
        self._automaton: Any = None
        if self.phrases:
            automaton = ahocorasick.Automaton()
            for i, phrase in enumerate(self.phrases):
                variants = {phrase.replace("\u2019", "'")}
                if "'" in phrase or "\u2019" in phrase:
                    variants |= {phrase.replace("'", a).replace("\u2019", a) for a in _APOSTROPHES}
                befores = _BEFORE if phrase[0].isalnum() else ""
                afters = _AFTER if phrase[-1].isalnum() else ""
                for v in variants:
                    for b in befores or [""]:
                        for a in afters or [""]:
                            # hit ending at e (inclusive) in the padded text: the phrase
                            # is text[e - len(b + v + a) + len(b) : e - len(a) + 1] unpadded
                            w = b + v + a
                            automaton.add_word(w, (len(w) - len(b), len(a), i,
                                                   positive[i] if positive is not None else 0.0))
            automaton.make_automaton()
            self._automaton = automaton
        self._numbers = (re2.compile("|".join(f"({p})" for p in self.number_patterns),
                                     re2_options(ignorecase=True))
                         if self.number_patterns else None)
        self._number_positive = positive[len(self.phrases):] if positive is not None else None

    def __len__(self) -> int:
        return len(self.phrases) + len(self.number_patterns)

    def hits(self, text: str) -> list[tuple[int, int, int]]:
        out: list[tuple[int, int, int]] = []
        if self._automaton is not None:
            # padded: e - a is the phrase start in ``text``, e - b its end
            out = [(e - a, e - b, i) for e, (a, b, i, _) in self._automaton.iter(" " + _lower(text) + " ")]
        numbers = self._number_hits(text)
        if numbers:
            out.extend(numbers)
            out.sort(key=lambda h: h[1])
        return out

    def _number_hits(self, text: str) -> list[tuple[int, int, int]]:
        if self._numbers is None:
            return []
        base = len(self.phrases)
        return [(m.start(), m.end(), base + next(g for g, x in enumerate(m.groups()) if x is not None))
                for m in self._numbers.finditer(text)]

    def blocks(self, text: str) -> list[tuple[int, int, float, list[tuple[int, int, int]] | None, list]]:
        """The runs of text between blank lines that hold a hit, as ``(start,
        end, positive weight, number hits, raw phrase hits)``: the same hits
        as :meth:`hits`, counted per block without a Python step per hit
        (see :func:`block_hits` for the hits themselves). Needs ``weights``."""
        low = _lower(text) if self._automaton is not None else ""
        numbers = self._number_hits(text)
        out: list[list] = []
        if self._automaton is not None:
            find = self._automaton.iter
            offset = 0
            for piece in low.split("\n\n"):
                raw = list(find(" " + piece + " "))
                if raw:
                    out.append([offset, offset + len(piece), sum(v[3] for _, v in raw), None, raw])
                offset += len(piece) + 2
        if numbers:
            positive = self._number_positive or [0.0] * len(self.number_patterns)
            base = len(self.phrases)
            for h in numbers:
                block = next((b for b in out if b[0] <= h[0] and h[1] <= b[1]), None)
                if block is None:
                    before, after = text.rfind("\n\n", 0, h[0]), text.find("\n\n", h[0])
                    block = [0 if before < 0 else before + 2, len(text) if after < 0 else after, 0.0, None, []]
                    out.append(block)
                    out.sort(key=lambda b: b[0])
                block[2] += positive[h[2] - base]
                block[3] = (block[3] or []) + [h]
        return [tuple(b) for b in out]  # type: ignore[misc]


def block_hits(blocks: list) -> list[tuple[int, int, int]]:
    """The hits of :meth:`CueMatcher.blocks`, as :meth:`CueMatcher.hits` gives them."""
    out = [(s + e - v[0], s + e - v[1], v[2]) for s, _, _, _, raw in blocks for e, v in raw]
    numbers = [h for b in blocks if b[3] for h in b[3]]
    if numbers:
        out.extend(numbers)
        out.sort(key=lambda h: h[1])
    return out


def _lower(text: str) -> str:
    low = text.lower()
    if len(low) != len(text):  # a letter whose lower case is longer ("İ"): keep offsets
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    return low


@dataclass(frozen=True, slots=True)
class Model:
    matcher: CueMatcher
    weights: tuple[float, ...]
    bias: float
    threshold: float
    doc_threshold: float
    low_threshold: float
    doc_words: float
    max_cues_in_message: int
    min_sentence_words: int
    min_cues: int


def model_from_config(conf: Mapping[str, Any]) -> Model:
    """Build the model from the YAML mapping (also used by the benchmarks)."""
    cues = conf.get("cues") or {}
    numbers = conf.get("number_cues") or {}
    threshold = float(conf["threshold"])
    return Model(
        matcher=CueMatcher([str(p) for p in cues], [str(p) for p in numbers],
                           [float(w) for w in cues.values()] + [float(w) for w in numbers.values()]),
        weights=tuple(float(w) for w in cues.values()) + tuple(float(w) for w in numbers.values()),
        bias=float(conf["bias"]),
        threshold=threshold,
        doc_threshold=float(conf.get("doc_threshold", math.inf)),
        low_threshold=float(conf.get("low_threshold", threshold)),
        doc_words=float(conf.get("doc_words", 20)),
        max_cues_in_message=int(conf.get("max_cues_in_message", 3)),
        min_sentence_words=int(conf.get("min_sentence_words", 4)),
        min_cues=int(conf.get("min_cues", 1)),
    )


@lru_cache(maxsize=1)
def default_model() -> Model:
    return model_from_config(load_yaml_resource("translation/machine_style.yml"))


def flagged(scores: list[float], doc_score: float, threshold: float, doc_threshold: float,
            low_threshold: float, cues: list[int] | None = None, min_cues: int = 1) -> list[bool]:
    """Which sentences to report: those at the threshold with at least
    ``min_cues`` separate cues (``cues[k]``, see :func:`cue_count`), and, in
    a document whose score reaches ``doc_threshold``, those at
    ``low_threshold``."""
    whole = doc_score >= doc_threshold
    return [(x >= threshold and (cues is None or cues[k] >= min_cues)) or (whole and x >= low_threshold)
            for k, x in enumerate(scores)]


def cue_count(weights: tuple[float, ...] | list[float], group: list[tuple[int, int, int]]) -> int:
    """Separate positive cues in a sentence: overlapping ones ("it is
    necessary", "necessary to") count once."""
    count, end = 0, -1
    for a, b, i in sorted(group):
        if weights[i] <= 0:
            continue
        if a >= end:
            count += 1
        end = max(end, b)
    return count


def unquoted(text: str, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """The hits outside quotations (“…” or "…" within one paragraph)."""
    quoted = [(m.start(), m.end()) for m in _QUOTED.finditer(text)]
    if not quoted:
        return hits
    starts = [q[0] for q in quoted]
    return [h for h in hits if (k := bisect_right(starts, h[0]) - 1) < 0 or h[1] > quoted[k][1]]


def document_score(model: Model, words: int, hits: list[tuple[int, int, int]]) -> float:
    """The bias plus the weight of every cue per ``doc_words`` words: the
    mean sentence score of a document of ``doc_words``-word sentences."""
    return model.bias + sum(model.weights[i] for _, _, i in hits) * model.doc_words / max(words, 1)


def sentence_scores(model: Model, doc: Document) -> tuple[float, list[tuple[int, int, float, list[tuple[int, int, int]]]]]:
    """The document score and ``(start, end, score, cue hits)`` of the
    sentences of at least ``min_sentence_words`` words that may be reported
    (all of them when the document score reaches ``doc_threshold``), or
    ``(-inf, [])``. Cues inside quotations are left out."""
    nothing: tuple[float, list] = (-math.inf, [])
    text = doc.text
    found = model.matcher.blocks(text)
    if not found:
        return nothing
    # cheap bounds first (quoted cues still in): the document score, every sentence score
    words = doc.word_count
    doc_bound = model.bias + sum(b[2] for b in found) * model.doc_words / max(words, 1)
    if doc_bound < model.doc_threshold and all(model.bias + b[2] < model.threshold for b in found):
        return nothing
    hits = unquoted(text, block_hits(found))
    if not hits:
        return nothing
    weights = model.weights
    doc_score = document_score(model, words, hits)
    sentences = doc.sentences  # shared with the other rules (the readability rules segment every document)
    starts = [s.start for s in sentences]
    grouped: dict[int, list[tuple[int, int, int]]] = {}
    for h in hits:
        k = bisect_right(starts, h[0]) - 1
        if k >= 0 and h[1] <= sentences[k].end:
            grouped.setdefault(k, []).append(h)
    out = []
    for k, s in enumerate(sentences):
        if len(text[s.start:s.end].split()) < model.min_sentence_words:
            continue
        group = grouped.get(k, [])
        out.append((s.start, s.end, model.bias + sum(weights[i] for _, _, i in group), group))
    return doc_score, out


@register
class MachineStyle(Rule):
    id = "translation.machine-style"
    summary = "Sentence reads like machine translation (calques, literal constructions, number formats)"
    default_severity = Severity.OFF  # opt-in: see the module docstring

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.model = default_model()

    def check(self, doc: Document):
        m = self.model
        doc_score, scored = sentence_scores(m, doc)
        if not scored:
            return
        scores = [x[2] for x in scored]
        counts = [cue_count(m.weights, x[3]) for x in scored]
        whole = doc_score >= m.doc_threshold
        for (start, end, score, group), hit in zip(scored, flagged(scores, doc_score, m.threshold, m.doc_threshold,
                                                                   m.low_threshold, counts, m.min_cues)):
            cues = sorted((h for h in group if m.weights[h[2]] > 0), key=lambda h: -m.weights[h[2]])
            if not hit or not cues:
                continue
            seen: list[str] = []
            for a, b, _ in cues:
                surface = " ".join(doc.text[a:b].split())
                if surface.lower() not in (x.lower() for x in seen):
                    seen.append(surface)
                if len(seen) >= m.max_cues_in_message:
                    break
            named = ", ".join(f"'{c}'" for c in seen)
            overall = " (so does the document as a whole)" if whole and score < m.threshold else ""
            yield self.finding(
                doc, start, end,
                f"reads like machine translation{overall}: {named}; reread and rephrase",
                confidence=round(1.0 / (1.0 + math.exp(-(score - m.threshold))), 2),
            )
