"""GitHub Actions workflow commands: one annotation per finding.

``::error file=PATH,line=L,col=C,endLine=..,endColumn=..,title=RULE::MESSAGE``
shows each finding on the pull request's changed files. Severity maps to
``error``/``warning``/``notice``. Escaping follows the runner's rules:
in the message ``%``, ``\\r`` and ``\\n`` are percent-encoded; in property
values ``:`` and ``,`` are too. Archive rows are annotated on the archive
file without a line (the row's lines are not lines of the file).
"""

from __future__ import annotations

from typing import Any, TextIO

from auditor.fingerprint import end_position
from auditor.report import ReportOptions
from auditor.report._ci import is_archive_row

COMMANDS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    for doc in result.documents():
        for f in doc.findings:
            props = [f"file={escape_property(doc.path)}"]
            message = f.message + (f" (suggestion: {f.suggestion})" if f.suggestion else "")
            if is_archive_row(doc):
                message = f"row {doc.id}, line {f.line}: {message}"
            else:
                end_line, end_col = end_position(f)
                props += [f"line={f.line}", f"col={f.column}", f"endLine={end_line}"]
                if end_line == f.line:
                    props.append(f"endColumn={end_col}")
            props.append(f"title={escape_property(f'auditor: {f.rule}')}")
            out.write(f"::{COMMANDS.get(f.severity.value, 'warning')} {','.join(props)}::{escape_data(message)}\n")
