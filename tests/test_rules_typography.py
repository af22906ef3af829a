"""typography.quote-mix, typography.apostrophe-mix, typography.quote-mismatch on text written for the tests
and on the seed articles."""

from __future__ import annotations

import pytest

from auditor.model import Severity
from auditor.testing import run_on_texts
from conftest import SEEDS

QM, AM, MM = "typography.quote-mix", "typography.apostrophe-mix", "typography.quote-mismatch"


def found(text: str, rule: str):
    return [f for f in run_on_texts([text], select=[rule]) if f.rule == rule]


# --------------------------------------------------------------------------- quote-mix
def test_minority_quotation_style_is_reported():
    text = 'He called it “unworkable” and “too costly”; aides said "a mistake" and “a relief”.'
    fs = found(text, QM)
    assert [(f.text, f.suggestion) for f in fs] == [('"', "“")]
    assert "1 straight vs 3 curly" in fs[0].message


def test_one_of_each_has_no_majority():
    assert found('He called it "unworkable". Aides said “a mistake”.', QM) == []


def test_consistent_quotes_pass():
    assert found('He called it "unworkable" and "too costly".', QM) == []
    assert found("He called it “unworkable” and “too costly”.", QM) == []


def test_findings_per_document_are_capped():
    text = " ".join(f'"q{i}"' for i in range(6)) + " " + " ".join(f"“c{i}” “d{i}”" for i in range(6))
    assert len(found(text, QM)) == 3


# --------------------------------------------------------------------------- apostrophe-mix
def test_minority_apostrophe_is_reported_with_its_word():
    fs = found("Britain’s policy and Barrot’s comments echo France's openness.", AM)
    assert [(f.text, f.suggestion) for f in fs] == [("France's", "France’s")]


def test_quotation_marks_are_not_apostrophes():
    # 'single quotes' around a word are not apostrophes between letters
    assert found("Britain’s and Barrot’s view: the 'plan' is dead.", AM) == []


def test_an_even_split_has_no_minority():
    assert found("Britain’s and Barrot’s view differs from France's and Italy's.", AM) == []


def test_consistent_apostrophes_pass():
    assert found("Britain's policy and Barrot's comments echo France's openness.", AM) == []


# --------------------------------------------------------------------------- quote-mismatch
def test_quotation_closed_with_another_mark():
    fs = found('He stated: “There is no unanimity among Europeans, but some hotheads appear."', MM)
    assert len(fs) == 1
    assert fs[0].text.startswith("“There") and fs[0].text.endswith('appear."')
    assert fs[0].suggestion.endswith("appear.”")
    assert fs[0].severity is Severity.WARNING


def test_foreign_pairs_are_matched():
    assert found("The daily quoted him: „Das ist unmöglich“, and «C'est impossible».", MM) == []


def test_unclosed_quotation_is_info():
    fs = found("The minister said “we will not retreat from the plan and nobody will make us.", MM)
    assert [(f.text, f.severity) for f in fs] == [("“", Severity.INFO)]


def test_multi_paragraph_quotation_is_not_unclosed():
    text = "“We will not retreat from the plan,” the minister said, “and nobody will make us.\n\n“Not now, not ever.”"
    assert found(text, MM) == []


def test_ap_style_double_single_close_is_not_unclosed():
    assert found("“You don’t open soon enough, and businesses die.’’ said the owner.", MM) == []


# --------------------------------------------------------------------------- seeds
def test_seed_typography():
    files = sorted(SEEDS.glob("*.txt"))
    if len(files) < 5:
        pytest.skip("seed articles not present")
    fs = run_on_texts([p.read_text(encoding="utf-8") for p in files], select=["typography"])
    by = {p.name[:3]: [(f.rule, f.text) for f in fs if f.doc == i] for i, p in enumerate(files)}
    assert (AM, "France's") in by["000"]
    assert [t for r, t in by["001"] if r == MM] == [
        '“There is no unanimity of opinion among Europeans on this matter but, of course, some hotheads appear."']
    assert any(r == QM for r, _ in by["001"])
    assert [x for x in by["003"] if x[0] == MM] == []


def test_mojibake_one_finding_per_run_of_broken_characters():
    # "we’ve" encoded as UTF-8 and decoded as Latin-1 twice: one run of six characters
    text = "He said weÃ¢Â\x80Â\x99ve had enough, and the fine was Â£500 for the cafÃ© in Montréal."
    assert [f.text for f in found(text, "typography.mojibake")] == ["Ã¢Â\x80Â\x99", "Â£", "Ã©"]


@pytest.mark.parametrize("text", [
    "SÃO PAULO — Brazil's largest city voted on Sunday.",
    "Crème brûlée, São Tomé and Ångström are spelled correctly.",
])
def test_mojibake_leaves_correct_accents_alone(text):
    assert found(text, "typography.mojibake") == []
