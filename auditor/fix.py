"""``auditor fix``: apply the safe suggestions in place.

Only rules that declare ``safe_fix = True`` (Python rules such as name
spelling, place house style, institution spelling) or ``fix: true`` (YAML
rules) are run, and a finding's suggestion is applied only when the file
still holds exactly the finding's text at its offsets. Edits that overlap
another edit are all skipped (never a guess about which one wins); identical
edits from two rules count once.

Files keep their encoding, byte-order mark and line endings: the file is
decoded the way the loader decodes it, edited as text (``\\r\\n`` stays
``\\r\\n``), encoded back the same way and written atomically (temporary
file + rename). Running ``fix`` twice changes nothing the second time,
because a fixed text no longer produces the finding. Archives (``.jsonl``,
``.csv``) and stdin are never rewritten: their findings are listed as not
fixable. Findings less confident than ``DEFAULT_MIN_CONFIDENCE`` (0.7;
``--min-confidence``) are listed but not applied.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from auditor.fingerprint import is_archive
from auditor.model import Finding

#: Fixes below this confidence are reported but not applied (``--min-confidence``):
#: e.g. a name rule's weakly supported guesses stay for a person to judge.
DEFAULT_MIN_CONFIDENCE = 0.7


@dataclass
class FileFix:
    path: str
    original: str
    fixed: str
    applied: list[Finding] = field(default_factory=list)
    skipped: list[tuple[Finding, str]] = field(default_factory=list)
    encoding: str = "utf-8"
    bom: bool = False

    @property
    def changed(self) -> bool:
        return self.fixed != self.original

    def diff(self) -> str:
        return "".join(difflib.unified_diff(
            self.original.splitlines(keepends=True), self.fixed.splitlines(keepends=True),
            fromfile=f"a/{Path(self.path).as_posix()}", tofile=f"b/{Path(self.path).as_posix()}"))


@dataclass
class FixReport:
    files: list[FileFix] = field(default_factory=list)
    not_fixable: list[str] = field(default_factory=list)  # archive/stdin documents with fixable findings

    @property
    def applied(self) -> int:
        return sum(len(f.applied) for f in self.files if f.changed)

    @property
    def changed_files(self) -> list[FileFix]:
        return [f for f in self.files if f.changed]


def fixable_rule_ids(config: Any) -> list[str]:
    """Selected, enabled rules whose suggestions may be applied unattended."""
    from auditor.model import Severity
    from auditor.registry import available_rules

    out = []
    for rule_id, cls in available_rules(config).items():
        settings = config.rule_settings(rule_id)
        if getattr(cls, "safe_fix", False) and config.is_selected(rule_id) \
                and (settings.severity or cls.default_severity) is not Severity.OFF:
            out.append(rule_id)
    return out


def plan(path: str, findings: list[Finding], *, min_confidence: float = 0.0) -> FileFix | None:
    """The fixed text of one file (nothing is written)."""
    from auditor.documents.decode import DecodeError, decode_bytes

    try:
        data = Path(path).read_bytes()
        decoded = decode_bytes(data)
    except (OSError, DecodeError):
        return None
    raw = decoded.text
    result = FileFix(path, raw, raw, encoding=decoded.encoding, bom=decoded.bom)
    edits: dict[tuple[int, int, str], Finding] = {}
    for f in findings:
        if f.suggestion is None or f.suggestion == f.text:
            continue
        if f.confidence < min_confidence:
            result.skipped.append((f, "confidence below the fix threshold"))
        elif raw[f.start:f.end] != f.text:
            result.skipped.append((f, "text changed since the audit"))
        else:
            edits.setdefault((f.start, f.end, f.suggestion), f)
    ordered = sorted(edits.items(), key=lambda kv: (kv[0][0], kv[0][1]))
    keep = [True] * len(ordered)
    for i in range(1, len(ordered)):
        for j in range(i):
            (s1, e1, _), (s2, e2, _) = ordered[j][0], ordered[i][0]
            if s2 < e1 or (s1 == s2 == e1 == e2):  # overlapping, or two insertions at one point
                keep[i] = keep[j] = False
    pieces: list[str] = []
    cursor = 0
    for ok, ((start, end, text), finding) in zip(keep, ordered):
        if not ok:
            result.skipped.append((finding, "overlaps another fix"))
            continue
        pieces.append(raw[cursor:start])
        pieces.append(text)
        cursor = end
        result.applied.append(finding)
    pieces.append(raw[cursor:])
    result.fixed = "".join(pieces)
    return result


def write(fix: FileFix) -> None:
    """Write the fixed text atomically with the original encoding and BOM."""
    from auditor.fileio import atomic_write_text

    prefix = "\ufeff" if fix.bom and fix.encoding != "utf-8-sig" else ""
    with atomic_write_text(Path(fix.path), encoding=fix.encoding, newline="") as stream:
        stream.write(prefix + fix.fixed)


def fix_paths(paths: list[str], config: Any, *, write_files: bool = True, jobs: int | None = None,
              warn: Callable[[str], None] | None = None, loader_options: dict[str, Any] | None = None,
              min_confidence: float = DEFAULT_MIN_CONFIDENCE, cache: Any = None) -> FixReport:
    """Audit ``paths`` with the fixable rules only and apply their suggestions."""
    from auditor.runner import run

    report = FixReport()
    ids = fixable_rule_ids(config)
    if not ids:
        return report
    fix_config = config.model_copy(update={"select": ids})
    result = run(paths, fix_config, jobs=jobs, warn=warn, loader_options=loader_options, cache=cache)
    try:
        by_path: dict[str, list[Finding]] = {}
        for doc in result.documents():
            findings = [f for f in doc.findings if f.rule in ids and f.suggestion is not None]
            if not findings:
                continue
            if doc.path in ("-", "") or is_archive(doc.path):
                where = f"{doc.path}[{doc.id}]" if doc.id is not None else doc.path
                report.not_fixable.append(where)
                continue
            by_path.setdefault(doc.path, []).extend(findings)
    finally:
        result.close()
    for path, findings in by_path.items():
        planned = plan(path, findings, min_confidence=min_confidence)
        if planned is None:
            continue
        report.files.append(planned)
        if write_files and planned.changed:
            write(planned)
    return report
