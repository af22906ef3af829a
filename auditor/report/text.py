"""The human-readable report: ``path:line:col  severity  rule  message``.

Grouped by file in run order, with a summary line; ANSI colour only when
the output is a terminal. ``--statistics`` prints counts per rule instead
of the findings, like ruff.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, TextIO

from auditor.report import ReportOptions
from auditor.report._common import display_path

COLORS = {"error": "\033[31m", "warning": "\033[33m", "info": "\033[36m"}
BOLD, DIM, RESET = "\033[1m", "\033[2m", "\033[0m"


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    color = options.color
    by_severity: Counter[str] = Counter()
    by_rule: Counter[str] = Counter()
    files_with_findings = 0
    for doc in result.documents():
        if not doc.findings:
            continue
        files_with_findings += 1
        where = display_path(doc)
        if not options.statistics:
            out.write(f"{BOLD}{where}{RESET}\n" if color else f"{where}\n")
        for f in doc.findings:
            sev = f.severity.value
            by_severity[sev] += 1
            by_rule[f.rule] += 1
            if options.statistics:
                continue
            sev_text = f"{COLORS[sev]}{sev:<7}{RESET}" if color else f"{sev:<7}"
            rule_text = f"{DIM}{f.rule}{RESET}" if color else f.rule
            hint = f" (suggestion: {f.suggestion})" if f.suggestion else ""
            out.write(f"{where}:{f.line}:{f.column}  {sev_text}  {rule_text}  {f.message}{hint}\n")
        if not options.statistics:
            out.write("\n")
    if options.statistics:
        for rule, count in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            out.write(f"{count:>7}  {rule}\n")
    total = sum(by_severity.values())
    docs = result.document_count
    parts = ", ".join(f"{by_severity[s]} {s}" for s in ("error", "warning", "info") if by_severity[s])
    summary = (f"{total} finding{'s' if total != 1 else ''}" + (f" ({parts})" if parts else "")
               + f" in {files_with_findings} of {docs} document{'s' if docs != 1 else ''}"
               + f" ({result.elapsed:.2f}s)")
    out.write(summary + "\n")
