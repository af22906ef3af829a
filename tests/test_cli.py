"""The command line: exit codes, output contract, determinism across --jobs."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import REPO, SEEDS

FINDING_KEYS = {"rule", "category", "severity", "confidence", "start", "end", "line", "column",
                "text", "message", "suggestion"}


def test_seeds_json_follows_the_contract(cli):
    code, out, err = cli("audit", str(SEEDS), "--format", "json", "--fail-on", "error")
    report = json.loads(out)
    assert report["schema_version"] == 1
    assert len(report["documents"]) == 5
    for doc in report["documents"]:
        assert {"path", "source", "date", "words", "score", "findings"} <= set(doc)
        raw = (REPO / doc["path"]).read_text(encoding="utf-8") if not doc["path"].startswith("/") else None
        for f in doc["findings"]:
            assert set(f) == FINDING_KEYS
            if raw is not None:
                assert raw[f["start"]:f["end"]] == f["text"]
    sources = {s["source"] for s in report["sources"]}
    assert sources == {f"seed-00{i}" for i in range(5)}
    for s in report["sources"]:
        assert {"source", "documents", "words", "score", "by_category"} <= set(s)


def test_seed_findings_required_by_the_foundation(cli):
    _, out, _ = cli("audit", str(SEEDS), "--format", "json")
    by_file = {d["path"].rsplit("/", 1)[-1][:3]: d["findings"] for d in json.loads(out)["documents"]}
    texts_003 = {(f["rule"].split(".")[0], f["text"]) for f in by_file["003"]}
    assert any(text == "Kiev" for _, text in texts_003)
    texts_001 = {f["text"] for f in by_file["001"] if f["category"] == "boilerplate"}
    assert {"Listen to this article", "Loading audio..."} <= texts_001


def test_exit_codes(cli, tmp_path):
    clean = tmp_path / "clean.txt"
    clean.write_text("The council met on Tuesday and approved the budget.", encoding="utf-8")
    dirty = tmp_path / "dirty.txt"
    dirty.write_text("The council met.\nListen to this article\nIt approved the budget.", encoding="utf-8")
    assert cli("audit", str(clean))[0] == 0
    assert cli("audit", str(dirty), "--fail-on", "warning")[0] == 1
    assert cli("audit", str(dirty), "--fail-on", "error")[0] == 0
    code, _, err = cli("audit", str(tmp_path / "missing.txt"))
    assert code == 2 and err.strip().endswith("missing.txt: no such file or directory") and err.count("\n") == 1
    code, _, err = cli("audit", str(clean), "--jobs", "abc")
    assert code == 2 and err.count("\n") == 1
    code, _, err = cli("audit", str(clean), "--select", "no.such.rule")
    assert code == 2 and "no.such.rule" in err
    code, _, err = cli("audit", str(clean), "--format", "yaml")
    assert code == 2 and "unknown output format" in err


def test_output_file_is_written_whole(cli, tmp_path):
    out_file = tmp_path / "report.json"
    code, out, _ = cli("audit", str(SEEDS), "--format", "json", "--output", str(out_file))
    assert out == "" and json.loads(out_file.read_text(encoding="utf-8"))["schema_version"] == 1
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_results_identical_for_any_number_of_jobs(tmp_path):
    archive = tmp_path / "corpus.jsonl"
    seeds = sorted(SEEDS.glob("0*.txt"))
    with archive.open("w", encoding="utf-8") as out:
        for i in range(150):  # enough chunks to start a real process pool
            text = seeds[i % len(seeds)].read_text(encoding="utf-8")
            out.write(json.dumps({"id": f"d{i}", "source": f"s{i % 7}", "date": "2024-12-01", "text": text}) + "\n")
    outputs = []
    for jobs in ("1", "2"):
        proc = subprocess.run([sys.executable, "-m", "auditor", "audit", str(archive), "--format", "json",
                               "--jobs", jobs, "--no-progress"], capture_output=True, text=True, cwd=tmp_path)
        assert proc.returncode in (0, 1), proc.stderr
        outputs.append(proc.stdout)
    assert outputs[0] == outputs[1]
    assert len(json.loads(outputs[0])["documents"]) == 150


def test_stdin(tmp_path):
    proc = subprocess.run([sys.executable, "-m", "auditor", "audit", "-", "--format", "json"],
                          input="Intro.\nListen to this article\nBody.", capture_output=True, text=True)
    report = json.loads(proc.stdout)
    assert report["documents"][0]["path"] == "-"
    assert any(f["rule"] == "boilerplate.player" for f in report["documents"][0]["findings"])


def test_rules_list_and_explain(cli):
    code, out, _ = cli("rules", "list")
    assert code == 0 and "boilerplate.player" in out
    code, out, _ = cli("rules", "explain", "boilerplate.player")
    assert code == 0 and "Listen to this article" in out
    code, _, err = cli("rules", "explain", "boilerplate.playr")
    assert code == 2 and "did you mean boilerplate.player" in err


def test_version(cli):
    code, out, _ = cli("--version")
    assert code == 0 and out.startswith("auditor ")
