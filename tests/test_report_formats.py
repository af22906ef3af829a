"""The CI output formats: SARIF validates against the official 2.1.0 schema,
JUnit parses as JUnit, annotations are escaped, GitLab and rdjson have the
shapes their consumers read."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from conftest import SEEDS

SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"


@pytest.fixture(scope="module")
def seed_reports(tmp_path_factory):
    """Every CI format of one seed audit (run once, from the cache after the first)."""
    from auditor.cli import main

    out = tmp_path_factory.mktemp("reports")
    codes = {}
    for fmt in ("json", "sarif", "github", "junit", "gitlab", "rdjson"):
        codes[fmt] = main(["audit", str(SEEDS), "--format", fmt, "-o", str(out / f"seeds.{fmt}"), "--no-progress",
                           "--no-history", "--no-cache", "--jobs", "1"])
    return out, codes


def _seed_findings(out: Path) -> list[tuple[str, dict]]:
    report = json.loads((out / "seeds.json").read_text())
    return [(d["path"], f) for d in report["documents"] for f in d["findings"]]


def test_sarif_of_the_seeds_validates_against_the_schema(seed_reports):
    jsonschema = pytest.importorskip("jsonschema")
    out, codes = seed_reports
    assert codes["sarif"] in (0, 1)
    log = json.loads((out / "seeds.sarif").read_text())
    schema = json.loads(SCHEMA.read_text())
    jsonschema.validate(log, schema)
    run = log["runs"][0]
    findings = _seed_findings(out)
    assert len(run["results"]) == len(findings) > 0
    rules = run["tool"]["driver"]["rules"]
    ids = [r["id"] for r in rules]
    assert len(ids) == len(set(ids))
    for result in run["results"]:
        descriptor = rules[result["ruleIndex"]]
        assert descriptor["id"] == result["ruleId"]
        assert descriptor["help"]["text"] and descriptor["shortDescription"]["text"]
        assert result["fingerprints"]["auditor/v1"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    # Same findings at the same places as the JSON report.
    sarif_spots = sorted((r["ruleId"], r["locations"][0]["physicalLocation"]["region"]["startLine"],
                          r["locations"][0]["physicalLocation"]["region"]["startColumn"]) for r in run["results"])
    json_spots = sorted((f["rule"], f["line"], f["column"]) for _, f in findings)
    assert sarif_spots == json_spots


def test_sarif_fingerprints_are_stable_and_distinct(seed_reports):
    out, _ = seed_reports
    results = json.loads((out / "seeds.sarif").read_text())["runs"][0]["results"]
    keys = {(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], r["fingerprints"]["auditor/v1"])
            for r in results}
    assert len(keys) >= len(results) - 2  # only true repeats (same text and context) may share one


def test_junit_parses_with_a_junit_structure(seed_reports):
    out, _ = seed_reports
    root = ET.parse(out / "seeds.junit").getroot()
    assert root.tag == "testsuites"
    suites = root.findall("testsuite")
    assert len(suites) == 5
    total = failures = 0
    for suite in suites:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(1 for c in cases if c.find("failure") is not None)
        total += len(cases)
        failures += int(suite.get("failures"))
        for case in cases:
            assert case.get("name") and case.get("classname")
            failure = case.find("failure")
            if failure is not None:
                assert failure.get("type") in ("error", "warning", "info") and failure.get("message")
    assert int(root.get("tests")) == total
    assert failures == len(_seed_findings(out))


def test_junit_reads_with_junitparser(seed_reports):
    junitparser = pytest.importorskip("junitparser")
    out, _ = seed_reports
    xml = junitparser.JUnitXml.fromfile(str(out / "seeds.junit"))
    cases = [case for suite in xml for case in suite]
    failed = [case for case in cases if not case.is_passed]
    assert len(failed) == len(_seed_findings(out)) > 0
    assert all(case.result and case.result[0].type in ("error", "warning", "info") for case in failed)


def test_gitlab_code_quality_shape(seed_reports):
    out, _ = seed_reports
    issues = json.loads((out / "seeds.gitlab").read_text())
    assert len(issues) == len(_seed_findings(out))
    assert len({i["fingerprint"] for i in issues}) == len(issues)
    for issue in issues:
        assert issue["severity"] in ("info", "minor", "major", "critical", "blocker")
        assert issue["location"]["path"] and issue["location"]["lines"]["begin"] >= 1
        assert issue["check_name"] and issue["description"]


def test_rdjson_columns_are_utf8_bytes(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a.txt").write_text("Über die Brücke: the capital Kiev was quiet on Monday.\n", encoding="utf-8")
    code, out, _ = cli("audit", "a.txt", "--format", "rdjson", "--select", "places.house-style", "--no-cache",
                       "--no-history", "--date", "2024-01-01")
    diags = json.loads(out)["diagnostics"]
    assert len(diags) == 1
    start = diags[0]["location"]["range"]["start"]
    line = "Über die Brücke: the capital Kiev was quiet on Monday."
    assert start == {"line": 1, "column": len(line[:line.index("Kiev")].encode("utf-8")) + 1}
    assert diags[0]["suggestions"][0]["text"] == "Kyiv"
    assert diags[0]["code"]["value"] == "places.house-style"


def test_github_annotations_escape_properties_and_data():
    from auditor.report.github import escape_data, escape_property

    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


def test_github_annotation_lines(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "odd, name.txt").write_text("Intro.\nThe capital Kiev was quiet.\n", encoding="utf-8")
    code, out, _ = cli("audit", ".", "--format", "github", "--select", "places.house-style", "--no-cache",
                       "--no-history", "--date", "2024-01-01")
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("::warning file=odd%2C name.txt,line=2,col=13,endLine=2,endColumn=17,"
                               "title=auditor%3A places.house-style::")
    assert "\n" not in lines[0]


def test_every_format_handles_an_empty_run(tmp_path, cli, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "clean.txt").write_text("Nothing to see.\n", encoding="utf-8")
    for fmt in ("sarif", "github", "junit", "gitlab", "rdjson"):
        code, out, err = cli("audit", "clean.txt", "--format", fmt, "--select", "places", "--no-cache",
                             "--no-history")
        assert code == 0, (fmt, err)
        if fmt in ("sarif", "gitlab", "rdjson"):
            json.loads(out)
        elif fmt == "junit":
            root = ET.fromstring(out)
            assert root.get("failures") == "0" and root.get("tests") == "1"
