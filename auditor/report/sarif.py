"""SARIF 2.1.0: for GitHub code scanning and other SARIF viewers.

One run with the tool's rule metadata (summary, full documentation as help
text, default level, category tag, whether the rule is fixable), one result
per finding with its region (1-based lines, code-point columns), a
snippet, stable fingerprints (auditor.fingerprint: survive edits elsewhere
in the file) and, for safe fixes, a SARIF ``fix``. Archive rows have no
file region: their location names the archive and the row id as a logical
location, and the row-relative line is kept in the result's properties.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, TextIO

from auditor import __version__
from auditor.fingerprint import end_position, with_fingerprints
from auditor.report import ReportOptions
from auditor.report._ci import artifact_uri, is_archive_row, rule_class
from auditor.rules.docs import rule_doc, summary_line

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}
FINGERPRINT_KEY = "auditor/v1"


def _descriptor(rule_id: str, cls: type | None) -> dict[str, Any]:
    if cls is None:
        return {"id": rule_id, "shortDescription": {"text": rule_id}}
    summary = summary_line(cls) or rule_id
    doc = rule_doc(cls) or summary
    return {
        "id": rule_id,
        "name": "".join(p.title() for p in rule_id.replace("-", ".").split(".")),
        "shortDescription": {"text": summary},
        "fullDescription": {"text": doc.split("\n\n", 1)[0].replace("\n", " ")},
        "help": {"text": doc, "markdown": doc},
        "defaultConfiguration": {"level": LEVELS.get(cls.default_severity.value, "warning")},
        "properties": {"tags": [rule_id.split(".")[0]], "fixable": bool(getattr(cls, "safe_fix", False))},
    }


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    classes: dict[str, Any] = {}
    rule_index: dict[str, int] = {}
    descriptors: list[dict[str, Any]] = []
    for rule in getattr(result, "rules", []):
        rule_index[rule.id] = len(descriptors)
        descriptors.append(_descriptor(rule.id, type(rule)))
    results: list[dict[str, Any]] = []
    for doc, raw, fps in with_fingerprints(result):
        for f, fp in zip(doc.findings, fps):
            if f.rule not in rule_index:
                rule_index[f.rule] = len(descriptors)
                descriptors.append(_descriptor(f.rule, rule_class(result, f.rule, classes)))
            results.append(_result(doc, f, fp, rule_index[f.rule], rule_class(result, f.rule, classes)))
    cwd = Path.cwd().resolve().as_uri() + "/"
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "auditor",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": descriptors,
            }},
            "originalUriBaseIds": {"%SRCROOT%": {"uri": cwd}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    json.dump(log, out, ensure_ascii=False, indent=1)
    out.write("\n")


def _result(doc: Any, f: Any, fp: str, index: int, cls: type | None) -> dict[str, Any]:
    artifact = {"uri": artifact_uri(doc.path), "uriBaseId": "%SRCROOT%"}
    end_line, end_col = end_position(f)
    properties: dict[str, Any] = {"confidence": round(f.confidence, 3), "category": f.category,
                                  "severity": f.severity.value}
    location: dict[str, Any]
    if is_archive_row(doc):
        location = {"physicalLocation": {"artifactLocation": artifact},
                    "logicalLocations": [{"name": str(doc.id), "kind": "member",
                                          "fullyQualifiedName": f"{doc.path}[{doc.id}]"}]}
        properties.update({"row": str(doc.id), "rowLine": f.line, "rowColumn": f.column})
    else:
        region = {"startLine": f.line, "startColumn": f.column, "endLine": end_line, "endColumn": end_col,
                  "charOffset": f.start, "charLength": f.end - f.start, "snippet": {"text": f.text}}
        location = {"physicalLocation": {"artifactLocation": artifact, "region": region}}
    if doc.source:
        properties["source"] = doc.source
    message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
    out: dict[str, Any] = {
        "ruleId": f.rule,
        "ruleIndex": index,
        "level": LEVELS.get(f.severity.value, "warning"),
        "message": {"text": message},
        "locations": [location],
        "fingerprints": {FINGERPRINT_KEY: fp},
        "partialFingerprints": {"auditorContextHash/v1": fp},
        "properties": properties,
    }
    if f.suggestion is not None and cls is not None and getattr(cls, "safe_fix", False) \
            and not is_archive_row(doc):
        out["fixes"] = [{
            "description": {"text": f"Replace {f.text!r} with {f.suggestion!r}"},
            "artifactChanges": [{
                "artifactLocation": artifact,
                "replacements": [{
                    "deletedRegion": {"startLine": f.line, "startColumn": f.column,
                                      "endLine": end_line, "endColumn": end_col},
                    "insertedContent": {"text": f.suggestion},
                }],
            }],
        }]
    return out
