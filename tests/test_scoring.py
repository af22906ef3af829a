"""Scoring maths: known inputs give known outputs (docs/scoring.md)."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from auditor.config import load_config
from auditor.model import Finding, Severity
from auditor.scoring import (
    DocumentScore,
    Scorer,
    gamma_p,
    gamma_ppf,
    ranked,
    scoring_parameters,
)

ROOT = Path(__file__).resolve().parents[1]


# --------------------------------------------------------------------------- gamma
@pytest.mark.parametrize("a,x", [(1, 0.5), (2, 1.0), (3, 2.0), (5, 9.5), (10, 4.0)])
def test_gamma_p_matches_closed_form_for_integer_shapes(a, x):
    # P(n, x) = 1 - exp(-x) * sum_{k<n} x^k / k!
    expected = 1 - math.exp(-x) * sum(x ** k / math.factorial(k) for k in range(a))
    assert gamma_p(a, x) == pytest.approx(expected, rel=1e-12, abs=1e-15)


def test_gamma_p_half_shape_is_erf():
    for x in (0.01, 0.3, 2.0, 7.5):
        assert gamma_p(0.5, x) == pytest.approx(math.erf(math.sqrt(x)), rel=1e-12)


@pytest.mark.parametrize("p,df,expected", [
    (0.95, 1, 3.841458820694124),   # chi-square tables
    (0.05, 10, 3.940299136119),
    (0.95, 10, 18.307038053275),
    (0.99, 4, 13.276704135987),
    (0.001, 2, 0.0020010006671670),
])
def test_gamma_ppf_matches_chi_square_quantiles(p, df, expected):
    # chi-square(df) is Gamma(shape=df/2, rate=1/2)
    assert gamma_ppf(p, df / 2, 0.5) == pytest.approx(expected, rel=1e-9)


def test_gamma_ppf_exponential_and_rate_scaling():
    for p in (0.05, 0.5, 0.95):
        assert gamma_ppf(p, 1.0, 4.0) == pytest.approx(-math.log(1 - p) / 4.0, rel=1e-10)


@pytest.mark.parametrize("shape", [0.02, 0.05, 0.3, 1.7, 40.0, 2500.0, 80000.0])
@pytest.mark.parametrize("p", [0.001, 0.05, 0.5, 0.95, 0.999])
def test_gamma_ppf_inverts_gamma_p(shape, p):
    x = gamma_ppf(p, shape)
    assert x > 0
    assert gamma_p(shape, x) == pytest.approx(p, rel=1e-9)


def test_gamma_ppf_edges_and_errors():
    assert gamma_ppf(0.0, 2.0) == 0.0
    assert gamma_ppf(1.0, 2.0) == math.inf
    with pytest.raises(ValueError):
        gamma_ppf(0.5, 0.0)
    with pytest.raises(ValueError):
        gamma_ppf(1.5, 1.0)


# --------------------------------------------------------------------------- documents
def params(**changes):
    p = json.loads(json.dumps(scoring_parameters()))
    p.update({"weights": {"info": 0.5, "warning": 2.0, "error": 5.0}, "half_rate": 10.0, "min_words": 100,
              "category_weights": {}})
    p["attribution"] = {"stat": "sourcing.anonymous", "category": "sourcing", "weight": 4.0,
                        "tolerance": 0.5, "min_anonymous": 2}
    p["source"] = {"interval": 0.9, "min_sources": 8, "max_shape": 1000.0, "min_shape": 0.05, "min_dispersion_df": 30,
                   "reference_prior": {"mean": 3.0, "shape": 2.0, "dispersion": 1.0}}
    p.update(changes)
    return p


def finding(category: str, severity: str, confidence: float = 1.0) -> Finding:
    return Finding(rule=f"{category}.x", category=category, severity=Severity(severity), confidence=confidence,
                   start=0, end=1, line=1, column=1, text="x", message="m")


class Doc:
    def __init__(self, findings, words, stats=None, source=None):
        self.findings, self.words, self.stats, self.source = findings, words, stats or {}, source


def test_clean_document_scores_100():
    s = Scorer(params()).document(Doc([], 800))
    assert s.score == 100.0 and s.lost == {} and s.points == 0


def test_one_error_per_100_words_rate_halves_the_score():
    # 500 words, one error at full confidence: 5 points -> 10 per 1,000 words = half_rate
    s = Scorer(params()).document(Doc([finding("names", "error")], 500))
    assert s.rate == pytest.approx(10.0)
    assert s.score == pytest.approx(50.0)
    assert s.lost == pytest.approx({"names": 50.0})


def test_confidence_scales_points_and_breakdown_explains_every_point():
    findings = [finding("names", "error", 1.0), finding("places", "warning", 0.5), finding("sourcing", "info", 0.8)]
    s = Scorer(params()).document(Doc(findings, 500))
    # 5 + 1 + 0.4 = 6.4 points over 500 words -> 12.8 per 1,000
    assert s.points == pytest.approx(6.4)
    assert s.score == pytest.approx(100 * 2 ** (-1.28))
    assert sum(s.lost.values()) == pytest.approx(100 - s.score)
    assert s.lost["names"] == pytest.approx((100 - s.score) * 5 / 6.4)
    assert list(s.lost) == ["names", "places", "sourcing"]  # largest loss first


def test_short_documents_use_the_word_floor():
    s = Scorer(params()).document(Doc([finding("names", "error")], 30))
    assert s.rate == pytest.approx(50.0)  # 5 points / 100 words, not / 30 words


def test_severity_weights_and_category_weights_come_from_parameters():
    scorer = Scorer(params(weights={"info": 0, "warning": 1, "error": 10}, category_weights={"places": 0.5}))
    assert scorer.finding_points(finding("names", "error")) == 10
    assert scorer.finding_points(finding("places", "error", 0.5)) == 2.5
    assert scorer.finding_points(finding("names", "info")) == 0


def test_anonymous_attribution_share_adds_a_sourcing_penalty():
    scorer = Scorer(params())
    # 3 anonymous, 1 named: share 0.75, (0.75 - 0.5) / 0.5 * 4 = 2 points
    s = scorer.document(Doc([], 1000, {"sourcing.anonymous.anonymous": 3.0, "sourcing.anonymous.named": 1.0}))
    assert s.points == pytest.approx(2.0)
    assert s.lost and set(s.lost) == {"sourcing"}
    assert "75%" in s.notes[0]
    # mostly named: no penalty; a single anonymous source: no penalty
    assert scorer.document(Doc([], 1000, {"sourcing.anonymous.anonymous": 2.0,
                                          "sourcing.anonymous.named": 5.0})).points == 0
    assert scorer.document(Doc([], 1000, {"sourcing.anonymous.anonymous": 1.0,
                                          "sourcing.anonymous.named": 0.0})).points == 0


def test_partial_weights_keep_the_other_defaults():
    p = scoring_parameters(load_config(None, {"scoring": {"weights": {"error": 8}}}))
    assert p["weights"] == {"info": 0.5, "warning": 2.0, "error": 8}


def test_config_overrides_yaml_defaults():
    cfg = load_config(None, {"scoring": {"weights": {"info": 0.5, "warning": 2.0, "error": 9.0},
                                         "half_rate": 30, "source": {"interval": 0.8}}})
    p = scoring_parameters(cfg)
    assert p["weights"]["error"] == 9.0 and p["half_rate"] == 30
    assert p["source"]["interval"] == 0.8
    assert "reference_prior" in p["source"]  # nested defaults survive a partial override


# --------------------------------------------------------------------------- sources
def unit_doc(points: int, words: int = 1000) -> DocumentScore:
    """A document whose findings are each worth one point (dispersion 1)."""
    return Scorer(params()).score_parts([("names", 1.0)] * points, words)


def test_source_prior_by_method_of_moments_and_shrinkage():
    # 8 sources, 1,000 words each, 0..7 one-point findings:
    # m = 3.5, s2 = 5.25, between = 5.25 - 3.5 = 1.75, shape = 3.5^2/1.75 = 7, rate = 2
    docs = [(f"s{k}", unit_doc(k), {"names": k}) for k in range(8)]
    out = {s.source: s for s in Scorer(params()).sources(docs)}
    worst = out["s7"]
    assert worst.raw_rate == pytest.approx(7.0)
    assert worst.rate == pytest.approx(14 / 3)        # (7 + 7) / (2 + 1)
    assert worst.credibility == pytest.approx(1 / 3)  # 1 / (2 + 1)
    assert worst.score == pytest.approx(100 * 2 ** (-(14 / 3) / 10))
    lo, hi = worst.interval
    assert lo < worst.score < hi
    # the interval is the posterior Gamma(14, 3) 5% and 95% quantiles, mapped to scores
    assert lo == pytest.approx(100 * 2 ** (-gamma_ppf(0.95, 14, 3) / 10))
    assert hi == pytest.approx(100 * 2 ** (-gamma_ppf(0.05, 14, 3) / 10))
    assert out["s0"].rate == pytest.approx(7 / 3)
    assert worst.by_category == {"names": 7}
    assert sum(worst.lost.values()) == pytest.approx(100 - worst.score)


def test_more_evidence_means_less_shrinkage_and_a_narrower_interval():
    docs = [(f"s{k}", unit_doc(k), {}) for k in range(8)]
    docs += [("big", unit_doc(14, 2000), {})] * 10  # rate 7 over 20,000 words
    docs += [("small", unit_doc(1, 143), {})]       # rate ~7 over a short brief
    out = {s.source: s for s in Scorer(params()).sources(docs)}
    big, small = out["big"], out["small"]
    assert big.credibility > 0.8 > 0.2 > small.credibility
    assert big.rate > small.rate
    assert (big.interval[1] - big.interval[0]) < (small.interval[1] - small.interval[0])


def test_identical_sources_are_pooled_completely():
    docs = [(f"s{k}", unit_doc(3), {}) for k in range(10)]
    out = Scorer(params()).sources(docs)
    assert all(s.rate == pytest.approx(3.0, rel=1e-3) for s in out)


def test_few_sources_use_the_reference_prior():
    scorer = Scorer(params())
    out = scorer.sources([("only", unit_doc(0, 500), {})])
    # reference prior mean 3, shape 2 (rate 2/3); 0 counts over 0.5 thousand words
    assert out[0].rate == pytest.approx(2 / (2 / 3 + 0.5))
    assert out[0].score < 100


def test_weighted_points_are_divided_by_the_dispersion():
    # every finding an error (5 points): dispersion 5, effective counts = points / 5
    docs = [(f"s{k}", Scorer(params()).score_parts([("names", 5.0)] * k, 1000), {}) for k in range(8)]
    scorer = Scorer(params())
    out = {s.source: s for s in scorer.sources(docs)}
    # same as the unit case scaled by 5: rate (7 + 7) / 3 * 5
    assert out["s7"].rate == pytest.approx(5 * 14 / 3)


def test_dispersion_from_document_variation_within_sources():
    # two documents per source, 1,000 words each; source a: 0 and 4 points
    # (rate 2, Pearson (0-2)^2/2 + (4-2)^2/2 = 4), source b: 2 and 2 (Pearson 0)
    scorer = Scorer(params(source={**params()["source"], "min_dispersion_df": 2}))
    docs = [("a", unit_doc(0), {}), ("a", unit_doc(4), {}), ("b", unit_doc(2), {}), ("b", unit_doc(2), {})]
    totals = list(scorer.aggregate(docs).values())
    assert scorer.dispersion(totals) == pytest.approx(2.0)  # 4 / 2 degrees of freedom
    # too few degrees of freedom: fall back to sum(w^2)/sum(w) (unit points: 1)
    assert Scorer(params()).dispersion(totals) == 1.0
    # clustered findings make single documents weaker evidence: more shrinkage
    clustered = [(f"s{k}", unit_doc(0 if j % 2 else 2 * k), {}) for k in range(8) for j in range(10)]
    even = [(f"s{k}", unit_doc(k), {}) for k in range(8) for j in range(10)]
    c = {s.source: s for s in Scorer(params(source={**params()["source"], "min_dispersion_df": 2})).sources(clustered)}
    e = {s.source: s for s in Scorer(params(source={**params()["source"], "min_dispersion_df": 2})).sources(even)}
    assert c["s7"].raw_rate == e["s7"].raw_rate == pytest.approx(7.0)
    assert c["s7"].credibility < e["s7"].credibility


def test_ranked_puts_the_worst_source_first():
    rows = [{"source": "a", "score": 80.0, "interval": [70, 90]}, {"source": "b", "score": 40.0, "interval": [30, 50]},
            {"source": "c", "score": 40.0, "interval": [20, 60]}]
    assert [r["source"] for r in ranked(rows)] == ["c", "b", "a"]


# --------------------------------------------------------------------------- integration
def test_run_fills_document_scores_and_sources(tmp_path):
    from auditor.runner import run

    (tmp_path / "a.txt").write_text("Listen to this article\nLoading audio...\n\nThe minister spoke today. " * 3)
    (tmp_path / "b.txt").write_text("The council met on Tuesday and approved the budget for next year.\n")
    cfg = load_config(None, {"sources": [{"path": "**/a.txt", "source": "alpha"},
                                         {"path": "**/b.txt", "source": "beta"}]})
    result = run([str(tmp_path)], cfg, jobs=1)
    try:
        docs = list(result.documents())
        assert all(d.score is not None and 0 <= d.score <= 100 for d in docs)
        sources = result.sources()
        assert {s["source"] for s in sources} >= {"beta"}
        for s in sources:
            assert set(s) >= {"source", "documents", "words", "score", "interval", "by_category"}
            assert s["interval"][0] <= s["score"] <= s["interval"][1]
        # interleaved iteration over the spool stays correct
        first = result.documents()
        next(first)
        assert len(list(result.documents())) == len(docs)
        assert len(list(first)) == len(docs) - 1
    finally:
        result.close()


def test_seed_003_scores_lowest():
    from auditor.cli import main

    seeds = ROOT / "seeds"
    if not seeds.is_dir():
        pytest.skip("seeds not present")
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["score", str(seeds), "--format", "json", "--no-history"])
    assert code == 0
    rows = json.loads(out.getvalue())["sources"]
    assert rows[0]["source"] == "seed-003", rows
    assert min(rows, key=lambda r: r["score"])["source"] == "seed-003"


def test_score_command_csv_and_text(tmp_path, monkeypatch):
    import contextlib
    import csv
    import io

    from auditor.cli import main

    monkeypatch.chdir(tmp_path)
    (tmp_path / ".auditor.yml").write_text("sources:\n  - {path: '**/a.txt', source: '=HYPERLINK(1)'}\n")
    (tmp_path / "a.txt").write_text("Listen to this article\nLoading audio...\n\nThe council met on Tuesday.\n")
    (tmp_path / "b.txt").write_text("The council met on Tuesday and approved the budget for next year.\n")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["score", str(tmp_path), "--format", "csv", "--no-history"])
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[0]["source"] == "'=HYPERLINK(1)"  # spreadsheet formula defused, and ranked first (worst)
    assert float(rows[0]["low"]) <= float(rows[0]["score"]) <= float(rows[0]["high"])
    assert "boilerplate" in rows[0]["top_categories"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = main(["score", str(tmp_path), "--no-history", "--fail-under", "99.9"])
    assert code == 1
    assert out.getvalue().splitlines()[0].split()[:3] == ["rank", "source", "score"]
