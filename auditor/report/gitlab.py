"""GitLab Code Quality JSON (``artifacts: reports: codequality``).

An array of issues with ``description``, ``check_name``, ``fingerprint``,
``severity`` (``error`` → major, ``warning`` → minor, ``info`` → info) and
``location`` (path and begin line). GitLab collapses issues with equal
fingerprints, so repeats of one finding in a file get the occurrence number
mixed into theirs. Written as a stream.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from typing import Any, TextIO

from auditor.fingerprint import end_position, with_fingerprints
from auditor.report import ReportOptions
from auditor.report._ci import is_archive_row

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    out.write("[")
    first = True
    for doc, _raw, fps in with_fingerprints(result):
        seen: Counter[str] = Counter()
        for f, fp in zip(doc.findings, fps):
            seen[fp] += 1
            unique = hashlib.sha256(f"{doc.path}\0{doc.id}\0{fp}\0{seen[fp]}".encode()).hexdigest()[:32]
            description = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            end_line, _ = end_position(f)
            if is_archive_row(doc):
                description = f"row {doc.id}: {description}"
                lines = {"begin": 1}
            else:
                lines = {"begin": f.line, "end": end_line}
            issue = {
                "type": "issue",
                "description": description,
                "check_name": f.rule,
                "categories": ["Style"],
                "fingerprint": unique,
                "severity": SEVERITY.get(f.severity.value, "minor"),
                "location": {"path": doc.path, "lines": lines},
            }
            out.write("\n " if first else ",\n ")
            out.write(json.dumps(issue, ensure_ascii=False))
            first = False
    out.write("\n]\n" if not first else "]\n")
