"""Suppressions: inline comments, front matter, per-path ignores, and the
report of comments that silenced nothing."""

from __future__ import annotations

import json

from auditor.config import load_config
from auditor.model import Finding, Severity
from auditor.suppress import Suppressions, finish, parse_directives
from auditor.testing import run_on_texts

KIEV = "The minister arrived in Kiev on Monday."


def _rules(findings, rule="places.house-style"):
    return [(f.rule, f.line) for f in findings if f.rule == rule]


def _run(text, select=("places.house-style", "suppression.unused")):
    return run_on_texts(["---\ndate: 2024-03-01\n---\n" + text], select=list(select))


def test_the_finding_exists_without_a_comment():
    assert _rules(_run(f"{KIEV}\n{KIEV}\n")) == [("places.house-style", 1), ("places.house-style", 2)]


def test_disable_next_line_silences_only_the_next_line():
    found = _run(f"<!-- auditor-disable-next-line places.house-style -->\n{KIEV}\n{KIEV}\n")
    assert _rules(found) == [("places.house-style", 3)]
    assert not _rules(found, "suppression.unused")


def test_region_with_category_and_enable():
    found = _run(f"{KIEV}\n<!-- auditor-disable places -->\n{KIEV}\n{KIEV}\n<!-- auditor-enable -->\n{KIEV}\n")
    assert _rules(found) == [("places.house-style", 1), ("places.house-style", 6)]


def test_region_without_enable_runs_to_the_end_and_several_rules_parse():
    found = _run(f"{KIEV}\n<!--auditor-disable names.misspelled,places.house-style-->\n{KIEV}\n{KIEV}\n")
    assert _rules(found) == [("places.house-style", 1)]


def test_unused_and_unknown_suppressions_are_reported():
    found = _run(f"<!-- auditor-disable-next-line places.house-style -->\nKyiv is fine.\n"
                 f"<!-- auditor-disable-next-line places.hose-style -->\n{KIEV}\n")
    unused = [f for f in found if f.rule == "suppression.unused"]
    assert [(f.line, "unknown" in f.message) for f in unused] == [(1, False), (3, True)]
    assert unused[0].text == "<!-- auditor-disable-next-line places.house-style -->"
    # The unknown rule silenced nothing, so the Kiev line is still reported.
    assert _rules(found) == [("places.house-style", 4)]


def test_comments_for_rules_that_did_not_run_are_not_called_unused():
    found = _run(f"<!-- auditor-disable-next-line names.misspelled -->\n{KIEV}\n")
    assert not _rules(found, "suppression.unused")


def test_unused_rule_can_be_ignored():
    found = _run("<!-- auditor-disable-next-line places -->\nKyiv.\n", select=["places.house-style"])
    assert found == []


def test_directive_parsing_offsets_and_lines():
    raw = "a\n<!-- auditor-disable places -->\nb\n<!-- auditor-enable -->\nc\n<!-- auditor-disable-next-line -->\nd"
    regions = parse_directives(raw)
    assert [(d.kind, d.rules, d.loc.line) for d in regions] == [("region", ("places",), 2), ("next-line", (), 6)]
    assert raw[regions[0].start:regions[0].end] == "\nb\n"
    assert regions[1].target_line == 7
    assert parse_directives("no comments here") == []
    assert parse_directives("<!-- auditor-disabled x -->") == []


def _finding(rule, line, start, doc=0):
    return Finding(rule=rule, category=rule.split(".")[0], severity=Severity.WARNING, confidence=1.0,
                   start=start, end=start + 4, line=line, column=1, text="Kiev", message="m", doc=doc)


def test_corpus_findings_are_filtered_by_the_document_summary():
    from auditor.registry import build_rules
    from auditor.rules.base import Context

    config = load_config(None, {"select": ["places", "suppression"]})
    rules = build_rules(config, Context(config))
    raw = "x\n<!-- auditor-disable-next-line places.inconsistent -->\nKiev\nKiev\n"
    summary = Suppressions(ordinal=3, directives=parse_directives(raw))
    corpus = [_finding("places.inconsistent", 3, 45, doc=3), _finding("places.inconsistent", 4, 50, doc=3),
              _finding("places.inconsistent", 3, 45, doc=4)]
    kept = finish(rules, {"__suppressions__": [summary]}, corpus)
    assert [(f.doc, f.line) for f in kept] == [(3, 4), (4, 3)]


def test_front_matter_and_per_path_ignores_in_a_real_run(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".auditor.yml").write_text('per_path_ignores:\n  "legacy/**": [places]\n')
    (tmp_path / "legacy").mkdir()
    body = "---\ndate: 2024-03-01\n{extra}---\nThe minister arrived in Kiev on Monday.\n"
    (tmp_path / "a.md").write_text(body.format(extra=""))
    (tmp_path / "b.md").write_text(body.format(extra="auditor:\n  ignore: [places.house-style]\n"))
    (tmp_path / "legacy" / "c.md").write_text(body.format(extra=""))
    code, out, err = cli("audit", ".", "--format", "json", "--select", "places.house-style", "--no-cache",
                         "--no-history")
    report = json.loads(out)
    counts = {d["path"].replace("\\", "/").lstrip("./"): len(d["findings"]) for d in report["documents"]}
    assert counts == {"a.md": 1, "b.md": 0, "legacy/c.md": 0}, (counts, err)


def test_config_accepts_per_path_ignores():
    config = load_config(None, {"per_path_ignores": {"archive/**": ["translation"]}})
    assert config.per_path_ignores == {"archive/**": ["translation"]}
