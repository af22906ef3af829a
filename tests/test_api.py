"""The Python API: ``from auditor import audit``."""

from __future__ import annotations

import subprocess
import sys
import types

import pytest

from conftest import REPO, SEEDS


def test_import_auditor_does_not_load_the_engine():
    code = ("import sys, auditor; assert 'auditor.api' not in sys.modules and 'auditor.runner' not in sys.modules;"
            "from auditor import audit; assert callable(audit) and 'auditor.api' in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=REPO)


def test_unknown_attribute_is_an_attribute_error():
    import auditor

    with pytest.raises(AttributeError):
        auditor.no_such_thing  # noqa: B018


def test_audit_returns_findings_documents_and_sources(tmp_path):
    from auditor import audit

    (tmp_path / "a.md").write_text("---\ndate: 2024-03-01\nsource: wire\n---\nThe minister arrived in Kiev.\n")
    (tmp_path / "b.md").write_text("---\ndate: 2024-03-01\nsource: paper\n---\nNothing here.\n")
    report = audit([tmp_path], config={"select": ["places.house-style"]})
    assert [(f.rule, f.text, f.line, f.source, f.suggestion) for f in report.findings] == \
        [("places.house-style", "Kiev", 5, "wire", "Kyiv")]
    assert len(report) == 1
    assert [d["findings"] for d in report.documents] == [1, 0]
    assert {s["source"] for s in report.sources} == {"wire", "paper"}
    assert all(s["score"] is not None for s in report.sources)
    # select/ignore keywords on top of a mapping or a Config
    assert len(audit(str(tmp_path), config={"select": ["places"]}, ignore=["places.house-style"]).findings) == 0


def test_audit_of_the_seeds_matches_the_cli(cli):
    import json

    from auditor import audit

    report = audit([SEEDS])
    _, out, _ = cli("audit", str(SEEDS), "--format", "json", "--no-cache", "--no-history")
    expected = sorted((d["path"], f["rule"], f["start"]) for d in json.loads(out)["documents"] for f in d["findings"])
    assert sorted((f.path, f.rule, f.start) for f in report.findings) == expected


def test_to_dataframe(tmp_path, monkeypatch):
    from auditor import audit

    (tmp_path / "a.md").write_text("---\ndate: 2024-03-01\n---\nIn Kiev and Kiev.\n")
    report = audit([tmp_path], config={"select": ["places.house-style"]})
    captured = {}

    class FakeFrame:
        def __init__(self, rows, columns):
            captured.update(rows=rows, columns=columns)

    monkeypatch.setitem(sys.modules, "pandas", types.SimpleNamespace(DataFrame=FakeFrame))
    report.to_dataframe()
    assert len(captured["rows"]) == 2 and captured["columns"][:5] == ["path", "doc_id", "source", "date", "rule"]
    assert captured["rows"][0]["text"] == "Kiev"


def test_to_dataframe_with_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    from auditor import audit

    (tmp_path / "a.md").write_text("---\ndate: 2024-03-01\n---\nIn Kiev.\n")
    frame = audit([tmp_path], config={"select": ["places.house-style"]}).to_dataframe()
    assert isinstance(frame, pd.DataFrame) and list(frame["rule"]) == ["places.house-style"]
