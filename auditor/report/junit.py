"""JUnit XML: for CI systems that display test reports (GitLab, Jenkins,
Azure DevOps, CircleCI).

One ``<testsuite>`` per document; every finding is a ``<testcase>`` with a
``<failure>`` (``type`` is the severity), and a document without findings
gets one passing test case, so the report also shows what was audited.
Text is XML-escaped and characters XML 1.0 forbids are dropped.
"""

from __future__ import annotations

import re
from typing import Any, TextIO
from xml.sax.saxutils import escape, quoteattr

from auditor.report import ReportOptions
from auditor.report._common import display_path

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    return _INVALID_XML.sub("", text)


def _attr(text: str) -> str:
    return quoteattr(_clean(text))


def render(result: Any, out: TextIO, options: ReportOptions) -> None:
    suites: list[str] = []
    total_tests = total_failures = 0
    for doc in result.documents():
        where = display_path(doc)
        cases: list[str] = []
        for f in doc.findings:
            detail = f"{where}:{f.line}:{f.column}: {f.message}" + \
                (f"\nsuggestion: {f.suggestion}" if f.suggestion else "") + f"\ntext: {f.text}"
            cases.append(
                f'  <testcase classname={_attr(f.rule)} name={_attr(f"{where}:{f.line}:{f.column} {f.rule}")} '
                f'file={_attr(doc.path)} line="{f.line}" time="0">\n'
                f'   <failure message={_attr(f.message)} type={_attr(f.severity.value)}>'
                f'{escape(_clean(detail))}</failure>\n  </testcase>')
        failures = len(cases)
        if not cases:
            cases.append(f'  <testcase classname="auditor" name={_attr(where)} file={_attr(doc.path)} time="0"/>')
        total_tests += len(cases)
        total_failures += failures
        suites.append(f' <testsuite name={_attr(where)} tests="{len(cases)}" failures="{failures}" errors="0" '
                      f'skipped="0" time="0">\n' + "\n".join(cases) + "\n </testsuite>")
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    out.write(f'<testsuites name="auditor" tests="{total_tests}" failures="{total_failures}" errors="0" '
              f'time="{result.elapsed:.3f}">\n')
    for suite in suites:
        out.write(suite + "\n")
    out.write("</testsuites>\n")
