"""auditor fix: safe suggestions only, exact text only, encodings kept,
idempotent, atomic, archives untouched."""

from __future__ import annotations

import codecs
import json

from auditor.fix import FileFix, plan, write
from auditor.model import Finding, Severity

BODY = "---\ndate: 2024-03-01\n---\nThe minister arrived in Kiev on Monday.\nHe left Kiev on Friday.\n"


def _finding(raw, needle, suggestion, *, start=None, rule="places.house-style", confidence=1.0):
    start = raw.index(needle) if start is None else start
    return Finding(rule=rule, category="places", severity=Severity.WARNING, confidence=confidence, start=start,
                   end=start + len(needle), line=1, column=1, text=needle, message="m", suggestion=suggestion)


def test_plan_applies_exact_matches_and_skips_overlaps_and_stale_text(tmp_path):
    path = tmp_path / "a.txt"
    raw = "Kiev and Odessa and Kharkov."
    path.write_text(raw)
    findings = [
        _finding(raw, "Kiev", "Kyiv"),
        _finding(raw, "Kiev", "Kyiv", rule="consistency.place-spelling"),  # same edit from another rule: once
        _finding(raw, "Odessa", "Odesa"),
        _finding(raw, "Odessa and", "X"),  # overlaps the Odessa fix: neither is applied
        _finding(raw, "Kharkov", "Kharkiv", start=3),  # stale offsets: skipped
        _finding(raw, "and", None),  # no suggestion
    ]
    fix = plan(str(path), findings)
    assert fix.fixed == "Kyiv and Odessa and Kharkov."
    reasons = sorted(why for _, why in fix.skipped)
    assert reasons == ["overlaps another fix", "overlaps another fix", "text changed since the audit"]


def test_plan_respects_min_confidence(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Kiev")
    fix = plan(str(path), [_finding("Kiev", "Kiev", "Kyiv", confidence=0.5)], min_confidence=0.8)
    assert not fix.changed and fix.skipped[0][1] == "confidence below the fix threshold"


def test_write_keeps_encoding_bom_and_line_endings(tmp_path):
    for encoding, bom in (("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("utf-16-le", codecs.BOM_UTF16_LE)):
        path = tmp_path / f"a-{encoding}-{len(bom)}.txt"
        text = "Café in Kiev\r\nsecond line\r\n"
        path.write_bytes(bom + text.encode(encoding))
        fix = plan(str(path), [_finding(text, "Kiev", "Kyiv")])
        write(fix)
        assert path.read_bytes() == bom + text.replace("Kiev", "Kyiv").encode(encoding)
        assert not list(tmp_path.glob(".*.tmp"))


def test_fix_command_fixes_then_changes_nothing(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "a.md"
    path.write_bytes(BODY.replace("\n", "\r\n").encode())
    code, out, err = cli("fix", ".", "--select", "places.house-style", "--diff", "--no-cache")
    assert code == 1
    assert "-The minister arrived in Kiev on Monday." in out and "+He left Kyiv on Friday." in out
    assert path.read_bytes() == BODY.replace("\n", "\r\n").encode()  # --diff writes nothing
    code, out, err = cli("fix", ".", "--select", "places.house-style", "--no-cache")
    assert code == 0 and "fixed 2 findings in 1 file" in err
    assert path.read_bytes() == BODY.replace("Kiev", "Kyiv").replace("\n", "\r\n").encode()
    code, out, err = cli("fix", ".", "--select", "places.house-style", "--no-cache")
    assert code == 0 and "fixed 0 findings in 0 files" in err
    assert path.read_bytes() == BODY.replace("Kiev", "Kyiv").replace("\n", "\r\n").encode()
    code, out, err = cli("fix", ".", "--select", "places.house-style", "--diff", "--no-cache")
    assert code == 0 and out == ""


def test_audit_fix_reports_what_remains(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.md").write_text(BODY)
    code, out, err = cli("audit", "a.md", "--fix", "--select", "places.house-style", "--format", "json",
                         "--fail-on", "warning", "--no-cache", "--no-history")
    assert code == 0, err
    assert json.loads(out)["documents"][0]["findings"] == []
    assert "Kyiv on Monday" in (tmp_path / "a.md").read_text()


def test_only_safe_fix_rules_are_applied(tmp_path, cli, monkeypatch):
    from auditor.config import load_config
    from auditor.fix import fixable_rule_ids
    from auditor.registry import available_rules

    config = load_config(None)
    ids = fixable_rule_ids(config)
    classes = available_rules(config)
    assert "places.house-style" in ids and "names.misspelled" in ids
    assert all(classes[i].safe_fix for i in ids)
    assert "sourcing.anonymous" not in ids


def test_archives_are_not_fixed(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    row = {"id": "r1", "date": "2024-03-01", "text": "The minister arrived in Kiev on Monday."}
    archive = tmp_path / "a.jsonl"
    archive.write_text(json.dumps(row) + "\n")
    code, out, err = cli("fix", "a.jsonl", "--select", "places.house-style", "--no-cache")
    assert code == 0
    assert "a.jsonl[r1]: not fixed (archives and stdin are never rewritten)" in err
    assert json.loads(archive.read_text()) == row


def test_filefix_diff_is_unified():
    fix = FileFix("dir/a.txt", "one\ntwo\n", "one\n2\n")
    assert fix.diff().splitlines()[:2] == ["--- a/dir/a.txt", "+++ b/dir/a.txt"]
