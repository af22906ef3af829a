"""Stable finding fingerprints, and the documents' text read back for them.

A fingerprint identifies "the same finding" across edits elsewhere in the
file, so baselines and code-scanning alerts survive unrelated changes. It
hashes the rule id, the matched text (case-folded, whitespace collapsed) and
the words right around the match (``CONTEXT_WORDS`` on each side), never
line numbers: inserting a paragraph above leaves every fingerprint below it
unchanged, rewording the sentence that holds the finding changes it.

Findings carry no text beyond their match (workers drop documents), so
:class:`RawTexts` re-reads a document's decoded text when a reporter or a
filter needs fingerprints. Files are re-read one by one; archive rows are
streamed again in run order, so an archive is read once more, not once per
row. Text read from stdin cannot be read again: its fingerprints use no
context (rule and matched text only).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from auditor.model import DocumentResult, Finding

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config

CONTEXT_WORDS = 4
_WINDOW = 240
_WORD = re.compile(r"\w+")
_SPACE = re.compile(r"\s+")
ARCHIVE_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz", ".csv", ".csv.gz")


def normalise(text: str) -> str:
    return _SPACE.sub(" ", text.casefold()).strip()


def context_words(raw: str | None, start: int, end: int) -> str:
    if not raw:
        return ""
    before = _WORD.findall(raw[max(0, start - _WINDOW):start])[-CONTEXT_WORDS:]
    after = _WORD.findall(raw[end:end + _WINDOW])[:CONTEXT_WORDS]
    return " ".join(w.casefold() for w in before) + " | " + " ".join(w.casefold() for w in after)


def fingerprint(finding: Finding, raw: str | None) -> str:
    """The finding's fingerprint (20 hex digits)."""
    context = context_words(raw, finding.start, finding.end) if raw is not None else ""
    text = raw[finding.start:finding.end] if raw is not None and finding.end <= len(raw) else finding.text
    payload = "\x1f".join((finding.rule, normalise(text), context))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def is_archive(path: str) -> bool:
    return path.lower().endswith(ARCHIVE_SUFFIXES)


class RawTexts:
    """Reads documents' decoded text back, in run order, for fingerprints."""

    def __init__(self, config: Config) -> None:
        self.config = config
        self._archive: tuple[str, Iterator[Any]] | None = None

    def _loader(self) -> Any:
        from auditor.documents.loader import Loader

        return Loader(self.config, lambda message: None)

    def raw(self, doc: DocumentResult) -> str | None:
        if doc.path in ("-", "") or doc.path.startswith("<"):
            return None
        try:
            if is_archive(doc.path):
                return self._archive_row(doc)
            for loaded in self._loader().documents([doc.path]):
                return loaded.raw
        except Exception:  # noqa: BLE001 - the file vanished or changed: no context then
            return None
        return None

    def _archive_row(self, doc: DocumentResult) -> str | None:
        for attempt in range(2):
            if self._archive is None or self._archive[0] != doc.path or attempt:
                self._archive = (doc.path, iter(self._loader().documents([doc.path])))
            for row in self._archive[1]:
                if row.id == doc.id:
                    return row.raw
        self._archive = None
        return None

    def fingerprints(self, doc: DocumentResult) -> tuple[str | None, list[str]]:
        """(raw text or None, one fingerprint per finding of ``doc``)."""
        if not doc.findings:
            return None, []
        raw = self.raw(doc)
        return raw, [fingerprint(f, raw) for f in doc.findings]


def with_fingerprints(result: Any) -> Iterator[tuple[DocumentResult, str | None, list[str]]]:
    """Every document of a run with its raw text (when it has findings) and
    its findings' fingerprints."""
    texts = RawTexts(result.config)
    for doc in result.documents():
        raw, fps = texts.fingerprints(doc)
        yield doc, raw, fps


def end_position(finding: Finding) -> tuple[int, int]:
    """1-based line and exclusive column where the finding ends."""
    parts = finding.text.split("\n")
    if len(parts) == 1:
        return finding.line, finding.column + len(finding.text)
    return finding.line + len(parts) - 1, len(parts[-1]) + 1
