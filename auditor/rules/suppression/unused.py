"""A suppression comment that silenced nothing (like ruff's RUF100):
``<!-- auditor-disable-next-line names.misspelled -->`` above a line with no
such finding, or a comment naming a rule that does not exist.

Stale suppressions hide future problems, so they are reported once the
finding they were written for is gone. The findings are produced by the
engine after every other rule ran (auditor.suppress); this class gives the
report a rule id, a severity and a way to turn it off. A comment is only
called unused when at least one rule it names actually ran (``--select``
does not make every other comment unused) or when it names an unknown rule.

Flags:
    <!-- auditor-disable-next-line names.mispeled -->
    The minister spoke in Kyiv on Monday.

    <!-- auditor-disable -->
    The minister spoke in Kyiv on Monday.
    <!-- auditor-enable -->

Passes:
    The minister spoke in Kyiv on Monday.

    ---
    date: 2024-12-18
    ---
    Defence Secretary John Healey visited Kyiv on Monday.
    <!-- auditor-disable-next-line names.misspelled -->
    Healy declined to give details.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.documents.document import Document
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule


@register
class UnusedSuppression(Rule):
    id = "suppression.unused"
    summary = "A suppression comment that silenced nothing, or names an unknown rule"
    default_severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())  # reported by auditor.suppress.finish, after all rules
