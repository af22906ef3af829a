"""Plain data shared by loaders, rules, the engine and reporters.

Findings are created by the million on large archives, so they are slotted
dataclasses rather than pydantic models: validation happens once, at the edges
(configuration and knowledge packs), never per finding.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any


class Severity(str, enum.Enum):
    """How serious a finding is; ``off`` disables a rule."""

    OFF = "off"
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self]

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls(str(value).lower())
        except ValueError:
            raise ValueError(f"unknown severity {value!r} (expected error, warning, info or off)") from None


_SEVERITY_RANK = {Severity.OFF: 0, Severity.INFO: 1, Severity.WARNING: 2, Severity.ERROR: 3}


@dataclass(slots=True, frozen=True)
class Location:
    """A span in the original file (or archive row text), already resolved.

    ``start``/``end`` are 0-based code-point offsets into the decoded source;
    ``line``/``column`` are 1-based. ``text`` is ``source[start:end]``.
    """

    start: int
    end: int
    line: int
    column: int
    text: str

    def __reduce__(self) -> tuple[type, tuple[int, int, int, int, str]]:
        # A frozen slotted dataclass unpickles through a generic
        # __setstate__ that looks up its fields on every call; corpus
        # summaries hold thousands of locations and are read back several times.
        return (Location, (self.start, self.end, self.line, self.column, self.text))


@dataclass(slots=True)
class Finding:
    """One anomaly, in the JSON contract's shape (see docs/json.md)."""

    rule: str
    category: str
    severity: Severity
    confidence: float
    start: int
    end: int
    line: int
    column: int
    text: str
    message: str
    suggestion: str | None = None
    # Ordinal of the document in the run; lets corpus rules attach findings
    # to documents whose text is long gone. Not part of the JSON contract.
    doc: int = -1

    def to_json(self) -> dict[str, Any]:
        # explicit, not dataclasses.asdict (which deep-copies field by field)
        return {
            "rule": self.rule, "category": self.category, "severity": self.severity.value,
            "confidence": round(self.confidence, 3), "start": self.start, "end": self.end,
            "line": self.line, "column": self.column, "text": self.text, "message": self.message,
            "suggestion": self.suggestion,
        }

    def sort_key(self) -> tuple[int, int, str, str]:
        return (self.start, self.end, self.rule, self.message)


@dataclass(slots=True)
class DocumentInfo:
    """Who a document is: shared by results and run summaries."""

    ordinal: int
    path: str
    id: str | None
    source: str | None
    date: str | None
    words: int


@dataclass(slots=True)
class DocumentResult(DocumentInfo):
    """What the engine keeps of a document after its text is dropped."""

    findings: list[Finding] = field(default_factory=list)
    score: float | None = None
    stats: dict[str, Any] = field(default_factory=dict)
