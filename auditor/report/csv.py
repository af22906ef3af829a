"""The CSV report: one row per finding, for spreadsheets and pandas.

``auditor audit PATHS --format csv --output findings.csv``. Columns: path,
id, source, date, document score, then the finding's fields. Written as a
stream, one document at a time. Cells that a spreadsheet would run as a
formula (starting with ``= + - @``, tab or carriage return) get a leading
apostrophe: article text is untrusted (CSV injection).
"""

from __future__ import annotations

import csv
from typing import Any, TextIO

from auditor.report import ReportOptions

COLUMNS = ["path", "id", "source", "date", "document_score", "line", "column", "start", "end", "severity",
           "rule", "category", "confidence", "text", "message", "suggestion"]


def safe(value: Any) -> Any:
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + value
    return value


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for doc in result.documents():
        head = [safe(doc.path), safe(doc.id), safe(doc.source), doc.date, doc.score]
        for f in doc.findings:
            writer.writerow(head + [f.line, f.column, f.start, f.end, f.severity.value, f.rule, f.category,
                                    round(f.confidence, 3), safe(f.text), safe(f.message), safe(f.suggestion)])
