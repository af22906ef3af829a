"""translation.machine-style on text written for the test, and on the real data."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest

from auditor.documents.document import Document
from auditor.resources import load_yaml_resource
from auditor.rules.translation.machine_style import CueMatcher, cue_count, default_model, flagged
from auditor.testing import run_on_texts

RULE = "translation.machine-style"
ENABLED = {"rules": {RULE: {"severity": "info"}}}  # the rule is opt-in
DATA = Path(__file__).resolve().parents[2] / "shared" / "data"
WMT = DATA / "wmt22_mt_into_english" / "wmt22_ru_uk_ja_to_en.docs.jsonl"
ALLSIDES = DATA / "allsides_news_baly2020" / "allsides_articles_50MB.jsonl"

CALQUED = ("It is necessary to note that within the framework of the program, it is planned "
           "to carry out work on the territory of the region.")


def run(*texts: str):
    return [f for f in run_on_texts(list(texts), select=[RULE], overrides=ENABLED) if f.rule == RULE]


def test_a_calqued_sentence_is_reported_with_its_cues():
    found = run("The council met on Monday. " + CALQUED + " The meeting ended at noon.")
    assert len(found) == 1
    f = found[0]
    assert f.text == CALQUED  # the span is the sentence, not the document
    assert f.message.startswith("reads like machine translation")
    assert "'it is necessary" in f.message.lower()
    assert f.severity.value == "info"


def test_fluent_news_passes():
    text = ("The council met on Monday and approved the budget. Officials didn't say when the work would "
            "start, though they expect it to begin in the spring. “We're ready,” the mayor said.")
    # one cue can make a short document read like translation as a whole, never a sentence on its own
    assert all("as a whole" in f.message for f in run(text))


def test_cues_inside_a_quotation_do_not_count():
    assert run(f"“{CALQUED}” the governor said.") == []
    assert run(f"{CALQUED} The governor said so.")  # the same words outside the quotation do


def test_words_are_matched_whole_and_apostrophes_in_either_style():
    m = CueMatcher(["can not", "i'm sorry"])
    assert m.hits("Pelican nothing; scan notes.") == []
    assert [i for _, _, i in m.hits("We can not go. I’m sorry. I'm sorry.")] == [0, 1, 1]
    assert m.hits("I'm sorryish") == []


def test_a_document_that_reads_like_translation_throughout_lowers_the_bar():
    # threshold 2.5, document threshold 0.0, low threshold 1.0
    assert flagged([3.0, 1.5, 0.5], -1.0, 2.5, 0.0, 1.0) == [True, False, False]
    assert flagged([3.0, 1.5, 0.5], 0.0, 2.5, 0.0, 1.0) == [True, True, False]
    text = "In connection with this, the ministry reported that on the territory of the country it is planned to carry out checks."
    m = default_model()
    if m.low_threshold < m.threshold:
        (f,) = run(text)
        assert "as a whole" in f.message


def test_one_cue_alone_is_not_enough():
    # a sentence at the threshold needs min_cues separate cues; overlapping ones count once
    assert flagged([3.0, 3.0], -1.0, 2.5, 0.0, 1.0, [1, 2], 2) == [False, True]
    weights = [1.0, 1.0, -1.0, 1.0]
    assert cue_count(weights, [(0, 15, 0), (6, 18, 1), (20, 25, 2)]) == 1
    assert cue_count(weights, [(0, 15, 0), (20, 25, 2), (30, 34, 3)]) == 2
    text = ("The senator spent the weekend in her home state, meeting voters at diners and town halls. "
            "Aides said she had not decided whether to seek a third term. But I'm not a politics junkie, "
            "and I never was one, said a retired teacher who came to hear her. Turnout at the events was "
            "higher than her staff had expected, and the questions ran long.")
    # one cue can make a short document read like translation as a whole, never a sentence on its own
    assert all("as a whole" in f.message for f in run(text))


def test_cues_are_words_not_typography():
    conf = load_yaml_resource("translation/machine_style.yml")
    for phrase in conf["cues"]:
        assert not re.search(r"[\"“”‘«»–—-]|\s{2}", phrase), phrase
        assert phrase == phrase.lower(), phrase
        assert not re.search(r"\d", phrase), phrase
    assert conf["bias"] < conf["threshold"]  # a sentence without cues is never reported


# -- real data (skipped where the shared data is absent) -----------------------------


@pytest.mark.skipif(not WMT.is_file(), reason="WMT22 data not available")
def test_machine_output_gets_more_findings_than_the_human_translation_on_held_out_documents():
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
    import _wmt_split as split

    mt_found = mt_words = hu_found = hu_words = 0
    with WMT.open(encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    rows = [r for r in rows if split.is_test(r["doc_id"])][:120]
    assert len(rows) == 120
    texts, sides = [], []
    for row in rows:
        for segs in row["reference_en_human"].values():
            texts.append("\n".join(s or "" for s in segs))
            sides.append("human")
        for segs in list(row["mt_en_by_system"].values())[:4]:
            texts.append("\n".join(s or "" for s in segs))
            sides.append("mt")
    findings = run_on_texts(texts, select=[RULE], overrides=ENABLED)
    per_doc = [0] * len(texts)
    for f in findings:
        per_doc[f.doc] += 1
    for text, side, n in zip(texts, sides, per_doc):
        words = len(text.split())
        if side == "mt":
            mt_found, mt_words = mt_found + n, mt_words + words
        else:
            hu_found, hu_words = hu_found + n, hu_words + words
    assert mt_found / mt_words > 1.2 * hu_found / hu_words


@pytest.mark.skipif(not ALLSIDES.is_file(), reason="AllSides data not available")
def test_native_us_news_stays_quiet():
    texts = []
    with ALLSIDES.open(encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % 20 == 0:
                texts.append(json.loads(line)["text"])
    findings = run_on_texts(texts, select=[RULE], overrides=ENABLED)
    words = sum(Document(path="x", raw=t).word_count for t in texts)
    assert 1e4 * len(findings) / words < 1.0
    assert len({f.doc for f in findings}) / len(texts) < 0.05


def test_the_rule_is_off_unless_enabled():
    assert not [f for f in run_on_texts([CALQUED], select=[RULE]) if f.rule == RULE]
