"""Baselines: fingerprints survive edits elsewhere; only new findings count."""

from __future__ import annotations

import json

import pytest

from auditor.fingerprint import context_words, fingerprint
from auditor.model import Finding, Severity

ARTICLE = ("---\ndate: 2024-03-01\n---\nThe minister arrived in Kiev on Monday for talks.\n\n"
           "Officials met again later in the week.\n")


def _finding(raw, needle, nth=0, rule="places.house-style"):
    start = -1
    for _ in range(nth + 1):
        start = raw.index(needle, start + 1)
    return Finding(rule=rule, category="places", severity=Severity.WARNING, confidence=1.0, start=start,
                   end=start + len(needle), line=raw.count("\n", 0, start) + 1, column=1, text=needle, message="m")


def test_fingerprint_ignores_line_numbers_but_not_context():
    raw = "The minister arrived in Kiev on Monday for talks."
    moved = "A new first paragraph.\n\nAnd another one.\n\n" + raw
    reworded = "The president arrived in Kiev on Monday for talks."
    fp = fingerprint(_finding(raw, "Kiev"), raw)
    assert fingerprint(_finding(moved, "Kiev"), moved) == fp
    assert fingerprint(_finding(reworded, "Kiev"), reworded) != fp
    assert fingerprint(_finding(raw, "Kiev", rule="places.inconsistent"), raw) != fp
    start = raw.index("Kiev")
    assert context_words(raw, start, start + 4) == "the minister arrived in | on monday for talks"


def test_fingerprint_without_text_uses_rule_and_match():
    raw = "in Kiev today"
    f = _finding(raw, "Kiev")
    assert fingerprint(f, None) == fingerprint(f, None)
    assert fingerprint(f, None) != fingerprint(f, raw)


@pytest.fixture
def repo(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "content").mkdir()
    (tmp_path / "content" / "a.md").write_text(ARTICLE)
    return tmp_path


def _audit(cli, *extra):
    return cli("audit", "content", "--select", "places.house-style", "--no-cache", "--no-history", *extra)


def test_baseline_create_then_only_new_findings_fail(repo, cli):
    code, _, err = cli("baseline", "create", "content", "-o", ".auditor-baseline.json", "--select",
                       "places.house-style", "--no-cache")
    assert code == 0, err
    data = json.loads((repo / ".auditor-baseline.json").read_text())
    assert data["format"] == "auditor-baseline" and list(data["files"]) == ["content/a.md"]
    assert sum(e["count"] for e in data["files"]["content/a.md"].values()) == 1

    assert _audit(cli)[0] == 0  # warnings do not fail by default
    code, out, err = _audit(cli, "--baseline", ".auditor-baseline.json", "--fail-on", "warning")
    assert code == 0 and "0 new findings, 1 baselined, 0 fixed" in err

    # An edit elsewhere in the file: still baselined.
    (repo / "content" / "a.md").write_text(ARTICLE.replace("---\n\n", "---\nA new lead paragraph.\n\n", 1)
                                           .replace("Officials met", "Officials from both sides met"))
    code, out, err = _audit(cli, "--baseline", ".auditor-baseline.json", "--fail-on", "warning", "--format", "json")
    assert code == 0, err
    assert all(not d["findings"] for d in json.loads(out)["documents"])

    # A second Kiev in a new sentence: exactly that one is new.
    (repo / "content" / "a.md").write_text(ARTICLE + "\nShe left Kiev by train.\n")
    code, out, err = _audit(cli, "--baseline", ".auditor-baseline.json", "--fail-on", "warning", "--format", "json")
    assert code == 1
    findings = [f for d in json.loads(out)["documents"] for f in d["findings"]]
    assert [(f["text"], f["line"]) for f in findings] == [("Kiev", 8)]
    assert "1 new finding, 1 baselined, 0 fixed" in err


def test_fixed_findings_are_listed(repo, cli):
    cli("baseline", "create", "content", "--select", "places.house-style", "--no-cache")
    (repo / "content" / "a.md").write_text(ARTICLE.replace("Kiev", "Kyiv"))
    code, out, err = _audit(cli, "--baseline", ".auditor-baseline.json", "--fail-on", "warning")
    assert code == 0
    assert "0 new findings, 0 baselined, 1 fixed" in err
    assert "fixed: content/a.md: places.house-style 'Kiev'" in err


def test_duplicates_are_counted(repo, cli):
    same = "\nShe left Kiev.\n"
    (repo / "content" / "a.md").write_text(ARTICLE + same)
    cli("baseline", "create", "content", "--select", "places.house-style", "--no-cache")
    (repo / "content" / "a.md").write_text(ARTICLE + same + same)
    code, out, err = _audit(cli, "--baseline", ".auditor-baseline.json", "--fail-on", "warning")
    assert code == 1 and "1 new finding, 2 baselined" in err


def test_bad_baseline_files_are_one_line_errors(repo, cli):
    code, _, err = _audit(cli, "--baseline", "missing.json")
    assert code == 2 and "no such file" in err and err.count("\n") == 1
    (repo / "bad.json").write_text("{not json")
    code, _, err = _audit(cli, "--baseline", "bad.json")
    assert code == 2 and "bad.json:1:2" in err
    (repo / "other.json").write_text('{"version": 1}')
    code, _, err = _audit(cli, "--baseline", "other.json")
    assert code == 2 and "not an auditor baseline" in err


def test_fail_under_gates_on_document_and_source_scores(repo, cli):
    many = ARTICLE + "".join(f"\nThey returned to Kiev on day {i}.\n" for i in range(12))
    (repo / "content" / "a.md").write_text(many)
    code, _, err = _audit(cli, "--fail-under", "99")
    assert code == 1
    assert "below --fail-under: document content/a.md:" in err.replace("\\", "/")
    assert "below --fail-under: source" in err
    code, _, err = _audit(cli, "--fail-under", "0")
    assert code == 0 and "below --fail-under" not in err
