"""The JSON report: the contract in docs/json.md (schema_version 1).

Written as a stream, one document at a time, so a report over a million
articles never sits in memory as one object.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from auditor.report import ReportOptions

SCHEMA_VERSION = 1


def document_json(doc: Any) -> dict[str, Any]:
    return {
        "path": doc.path,
        "id": doc.id,
        "source": doc.source,
        "date": doc.date,
        "words": doc.words,
        "score": doc.score,
        "findings": [f.to_json() for f in doc.findings],
    }


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    out.write('{"schema_version": %d,\n "documents": [' % SCHEMA_VERSION)
    first = True
    for doc in result.documents():
        out.write("\n  " if first else ",\n  ")
        out.write(json.dumps(document_json(doc), ensure_ascii=False))
        first = False
    out.write('],\n "sources": ')
    out.write(json.dumps(result.sources(), ensure_ascii=False))
    out.write("}\n")
