"""readability.grade-level, readability.reading-ease, readability.long-sentence."""

from __future__ import annotations

import pytest
from textstat.backend.utils._get_lang_cfg import get_lang_cfg

from auditor.model import Severity
from auditor.resources import load_yaml_resource
from auditor.rules.readability._stats import TextStats, count_words_syllables, text_stats
from auditor.testing import make_document, run_on_texts

GL, RE, LS = "readability.grade-level", "readability.reading-ease", "readability.long-sentence"

EASY = " ".join(["The city council met on Monday. It voted to fix the roads. The mayor said work starts soon."] * 12)
HARD = " ".join([
    "Notwithstanding considerable institutional apprehension, congressional appropriations subcommittees "
    "unanimously authorized supplementary discretionary expenditures, characterizing the unprecedented "
    "intergovernmental collaboration as fundamentally indispensable for sustainable socioeconomic revitalization."
] * 6)


def found(text: str, rule: str):
    return [f for f in run_on_texts([text], select=[rule]) if f.rule == rule]


@pytest.mark.parametrize(("text", "words", "syllables"), [
    ("the cat sat", 3, 3),
    ("table make", 2, 3),          # ta-ble (final -le is a syllable), make (silent e)
    ("the he she be", 4, 4),       # one-vowel words ending in e keep their syllable
    ("Don’t worry", 2, 3),
    ("readability", 1, 5),
    ("3,500 people", 1, 2),        # numbers are not words
])
def test_word_and_syllable_counts(text, words, syllables):
    assert count_words_syllables(text) == (words, syllables)


def test_formulas_are_textstats():
    stats = TextStats(words=100, sentences=5, syllables=150)
    assert stats.reading_ease == pytest.approx(
        get_lang_cfg("en", "fre_base") - get_lang_cfg("en", "fre_sentence_length") * 20
        - get_lang_cfg("en", "fre_syll_per_word") * 1.5)
    assert stats.grade_level == pytest.approx(0.39 * 20 + 11.8 * 1.5 - 15.59)


def test_stats_are_computed_once_per_document():
    doc = make_document(EASY)
    assert text_stats(doc) is text_stats(doc)


def test_hard_text_is_reported_once_at_info():
    for rule in (GL, RE):
        fs = found(HARD, rule)
        assert len(fs) == 1 and fs[0].severity is Severity.INFO


def test_easy_text_passes():
    assert found(EASY, GL) == [] and found(EASY, RE) == []


def test_short_documents_are_not_scored():
    assert found(HARD.split(". ")[0] + ".", GL) == []


def test_thresholds_come_from_yaml():
    conf = load_yaml_resource("readability.yml")
    assert conf["grade-level"]["max"] > 8 and conf["reading-ease"]["min"] < 50


def test_long_sentence_reported_longest_first_and_capped():
    long_a = "The committee " + "met and talked and " * 20 + "agreed."
    long_b = "The board " + "met and talked and " * 25 + "agreed."
    long_c = "The panel " + "met and talked and " * 22 + "agreed."
    fs = found(" ".join([long_a, long_b, long_c, "Short one."]), LS)
    assert [f.text[:9] for f in fs] == ["The board", "The panel"]


def test_tables_and_name_lists_are_not_long_sentences():
    table = "Totals " + " ".join(f"state{i} {i * 7} {i * 3}" for i in range(40)) + "."
    names = "Choose Your Country " + " ".join(["United States", "Afghanistan", "Albania", "Algeria"] * 20) + "."
    assert found(table, LS) == [] and found(names, LS) == []


def test_measure_exposes_scores():
    from auditor.config import load_config
    from auditor.registry import build_rules
    from auditor.rules.base import Context

    config = load_config(None, {"select": [GL, RE]})
    doc = make_document(HARD)
    values = {}
    for rule in build_rules(config, Context(config)):
        values.update(rule.measure(doc) or {})
    assert values["grade"] > 16 and values["ease"] < 27 and values["words_per_sentence"] > 20
