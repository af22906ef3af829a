"""Anonymous attribution: a claim sourced to someone the reader cannot identify.

"Defense sources said", "a Whitehall source", "one British official told the
Telegraph", "according to people familiar with the matter", "citing anonymous
sources": the reader cannot weigh who is speaking. Anonymous sourcing is a
fact about an article, not always an error (it protects real sources), so the
default severity is ``info``; scoring uses the share of anonymous attributions
that :meth:`measure` exposes (``named``, ``anonymous``, ``anonymous_share``).
Phrases and patterns live in ``rules/sourcing.yml`` (section ``anonymous``);
matches inside quotations are ignored (they are someone else's words).

Flags:
    Defense sources said one option was sending troops to train soldiers.

    The Telegraph quoted a Whitehall source as saying the plan was premature.

    "We are not there yet," one British official told the newspaper.

    The company is weighing a sale, according to people familiar with the matter.

    The paper reported the talks, citing anonymous sources.

    A senior diplomat familiar with the talks said the two sides were far apart.

    Tariffs are under review, the people said, asking not to be identified.

Passes:
    Dmitry Peskov, the Kremlin spokesperson, stated the report was wrong.

    A senior official, John Smith, said the plan was premature.

    Sources of energy such as wind and sun are growing fast.

    "Officials said nothing," the spokesman told reporters.

    People familiar with the region know that the road floods every spring, the mayor said.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.documents.utf8 import utf8
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.sourcing._phrases import matches_outside_quotes, named_data, scanner


@register
class AnonymousSource(Rule):
    id = "sourcing.anonymous"
    summary = "Attribution to an unnamed source or official"
    default_severity = Severity.INFO

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        self._regex = scanner("anonymous")
        self._named, self._not_names = named_data()
        self._last: tuple[int, int] = (-1, 0)  # (id of the last checked doc, its anonymous count)

    def check(self, doc) -> Iterator[Finding]:
        count = 0
        for start, end, text in matches_outside_quotes(doc, self._regex):
            count += 1
            yield self.finding(
                doc, start, end,
                f"Anonymous attribution: '{' '.join(text.split())}' does not name who is speaking",
                confidence=0.8,
            )
        self._last = (id(doc), count)

    def measure(self, doc) -> dict[str, float]:
        if self._last[0] == id(doc):
            anonymous = self._last[1]
        else:
            anonymous = sum(1 for _ in matches_outside_quotes(doc, self._regex))
        named = self.count_named(doc)
        total = named + anonymous
        return {
            "named": float(named),
            "anonymous": float(anonymous),
            "anonymous_share": anonymous / total if total else 0.0,
        }

    def count_named(self, doc) -> int:
        """Reporting verbs with a capitalised name just before or after."""
        named = 0
        view = utf8(doc.text)
        for m in view.finditer(self._named):
            name = view.group(m, 1) or view.group(m, 2)
            if name not in self._not_names and not doc.in_quotation(*view.span(m)):
                named += 1
        return named
