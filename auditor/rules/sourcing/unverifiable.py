"""Unverifiable hedge: a claim passed on without a source that could check it.

"Reportedly", "it is claimed", "is said to", "media reports that have been
impossible to verify", "according to reports": the article relays a claim
without saying who made it or whether anyone confirmed it. Default severity
``info``: the hedge is honest, but it marks the weakest kind of sourcing.
Phrases and patterns live in ``rules/sourcing.yml`` (section
``unverifiable``); matches inside quotations are ignored.

Flags:
    Macron reportedly raised the idea with Donald Tusk last month.

    Only European soldiers would be involved, according to media reports that have been impossible to verify.

    It is claimed that the minister knew of the plan.

    The video could not be independently verified.

Passes:
    The minister told reporters the plan was agreed on Monday.

    The Reuters report was confirmed by the ministry on Tuesday.

    "It is said to be cold there," she joked.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.sourcing._phrases import matches_outside_quotes, scanner


@register
class UnverifiableClaim(Rule):
    id = "sourcing.unverifiable"
    summary = "Claim hedged as reported or rumoured, with no checkable source"
    default_severity = Severity.INFO

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        self._regex = scanner("unverifiable")

    def check(self, doc) -> Iterator[Finding]:
        for start, end, text in matches_outside_quotes(doc, self._regex):
            yield self.finding(
                doc, start, end,
                f"Unverifiable sourcing: '{' '.join(text.split())}' relays a claim without a checkable source",
                confidence=0.7,
            )
