"""Filters applied to a finished run: baseline, changed lines only.

A filter sees each document with all its findings (corpus ones merged)
and returns the findings to keep. :func:`apply` rewrites the run's spool
with the kept findings and recounts the findings by severity, so every
reporter, the exit code and the scores see the filtered run without knowing
a filter was applied.
"""

from __future__ import annotations

import pickle
import tempfile
from collections import Counter
from collections.abc import Callable
from typing import Any

from auditor.model import DocumentResult, Finding

Keep = Callable[[DocumentResult], list[Finding]]
_CHUNK = 64


def apply(result: Any, keep: Keep) -> None:
    """Replace ``result``'s findings by ``keep(document)`` for every document."""
    spool = tempfile.TemporaryFile(prefix="auditor-spool-")
    by_severity: Counter[str] = Counter()
    chunk: list[DocumentResult] = []
    try:
        for doc in result.documents():
            doc.findings = list(keep(doc))
            doc.score = None
            by_severity.update(f.severity.value for f in doc.findings)
            chunk.append(doc)
            if len(chunk) >= _CHUNK:
                pickle.dump(chunk, spool, protocol=pickle.HIGHEST_PROTOCOL)
                chunk = []
        if chunk:
            pickle.dump(chunk, spool, protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException:
        spool.close()
        raise
    old = result._spool
    result._spool = spool
    result.by_severity = by_severity
    result.corpus_findings = {}
    if hasattr(result, "_source_rows"):
        result._source_rows = None
    if old is not None:
        old.close()
