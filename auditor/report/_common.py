"""Small helpers shared by reporters."""

from __future__ import annotations

from auditor.model import DocumentResult


def display_path(doc: DocumentResult) -> str:
    """A file path, or ``archive.jsonl[row ID]`` for an archive row."""
    if doc.id is not None and doc.path.lower().endswith((".jsonl", ".jsonl.gz", ".ndjson", ".csv", ".csv.gz")):
        return f"{doc.path}[{doc.id}]"
    return doc.path
