"""reviewdog Diagnostic Format (rdjson), for ``reviewdog -f=rdjson``.

Positions follow the format: 1-based lines and 1-based columns counted in
UTF-8 bytes (so columns are computed from the line's text, read back from
the file). Safe fixes become ``suggestions`` that reviewdog can post as
suggested changes.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from auditor.fingerprint import RawTexts, end_position
from auditor.report import ReportOptions
from auditor.report._ci import is_archive_row, line_text, rule_class

SEVERITY = {"error": "ERROR", "warning": "WARNING", "info": "INFO"}


def _byte_col(line: str | None, column: int) -> int:
    if line is None:
        return column
    return len(line[:column - 1].encode("utf-8")) + 1


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    texts = RawTexts(result.config)
    classes: dict[str, Any] = {}
    diagnostics: list[dict[str, Any]] = []
    for doc in result.documents():
        if not doc.findings:
            continue
        raw = None if is_archive_row(doc) else texts.raw(doc)
        for f in doc.findings:
            end_line, end_col = end_position(f)
            start = {"line": f.line, "column": _byte_col(line_text(raw, f.line), f.column)}
            end = {"line": end_line, "column": _byte_col(line_text(raw, end_line), end_col)}
            message = f.message
            if is_archive_row(doc):
                message = f"row {doc.id}, line {f.line}: {message}"
                start, end = {"line": 1}, {"line": 1}
            diag: dict[str, Any] = {
                "message": message,
                "location": {"path": doc.path, "range": {"start": start, "end": end}},
                "severity": SEVERITY.get(f.severity.value, "WARNING"),
                "source": {"name": "auditor"},
                "code": {"value": f.rule},
                "original_output": f"{doc.path}:{f.line}:{f.column}: {f.rule}: {f.message}",
            }
            cls = rule_class(result, f.rule, classes)
            if f.suggestion is not None and cls is not None and getattr(cls, "safe_fix", False) \
                    and not is_archive_row(doc):
                diag["suggestions"] = [{"range": {"start": start, "end": end}, "text": f.suggestion}]
            diagnostics.append(diag)
    json.dump({"source": {"name": "auditor"}, "diagnostics": diagnostics}, out,
              ensure_ascii=False, indent=1)
    out.write("\n")
