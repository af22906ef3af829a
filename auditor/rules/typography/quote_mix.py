"""Straight and curly double quotation marks mixed in one document.

A document typeset with curly quotes (“…”) that also has straight ones
("…") was pasted together from sources with different typography, or edited
by hand after typesetting; scraped pages show it where a pull quote or an
update was added later. The minority style is reported (at most a few marks
per document, the first finding gives the totals); a document with one
quotation of each kind has no majority and is left alone.

Flags:
    He said the plan was “unworkable” and “too costly”. Officials called it "a mistake" later, and “a relief” today.

Passes:
    He said the plan was “unworkable” and “too costly”. Officials called it “a mistake”.

    He said the plan was "unworkable" and "too costly". Officials called it "a mistake".

    He said the plan was "unworkable". Officials called it “a mistake”.
"""

from __future__ import annotations

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.typography._marks import CURLY, STRAIGHT, minority, settings

_KIND = {'"': STRAIGHT, "“": CURLY, "”": CURLY}


@register
class QuoteMix(Rule):
    id = "typography.quote-mix"
    summary = "Straight and curly quotation marks mixed in one document"
    default_severity = Severity.INFO

    def check(self, doc: Document):
        text = doc.text
        if '"' not in text or ("“" not in text and "”" not in text):
            return  # cheap exit: most documents use one style only
        conf = settings()
        by_kind: dict[str, list[int]] = {STRAIGHT: [], CURLY: []}
        for q in doc.quotations:
            kind = _KIND.get(q.open_mark)
            if kind:
                by_kind[kind].append(q.start)
        counts = {k: len(v) for k, v in by_kind.items()}
        report = minority(counts, int(conf["min_majority"]))
        if report is None:
            return
        major = CURLY if report == STRAIGHT else STRAIGHT
        for i, start in enumerate(by_kind[report][: int(conf["max_per_document"])]):
            total = f" ({counts[report]} {report} vs {counts[major]} {major} quotations)" if i == 0 else ""
            yield self.finding(
                doc, start, start + 1,
                f"{report} quotation mark in a document that mostly uses {major} ones{total}",
                suggestion="“" if report == STRAIGHT else '"',
                confidence=0.7,
            )
