"""Straight and curly apostrophes mixed in one document.

"France's" beside "Britain’s": the text was assembled from pieces typeset
differently (a rewrite pasted into a template, a hand edit after the
smart-quote pass). Only apostrophes between two letters count, which cannot
be quotation marks. The minority style is reported (at most a few per
document); one apostrophe of each kind has no majority and is left alone.

Flags:
    Britain’s policy has not changed, and Barrot’s comments echo France's openness.

Passes:
    Britain’s policy has not changed, and Barrot’s comments echo France’s openness.

    Britain's policy has not changed, and Barrot's comments echo France's openness.

    Britain's policy has not changed; France’s has.
"""

from __future__ import annotations

import re

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.typography._marks import CURLY, STRAIGHT, minority, settings

_MARK = re.compile("['’]")


@register
class ApostropheMix(Rule):
    id = "typography.apostrophe-mix"
    summary = "Straight and curly apostrophes mixed in one document"
    default_severity = Severity.INFO

    def check(self, doc: Document):
        text = doc.text
        if "'" not in text or "’" not in text:
            return
        conf = settings()
        by_kind: dict[str, list[int]] = {STRAIGHT: [], CURLY: []}
        n = len(text)
        for m in _MARK.finditer(text):
            i = m.start()
            # only between two letters: that cannot be a quotation mark
            if 0 < i < n - 1 and text[i - 1].isalpha() and text[i + 1].isalpha():
                by_kind[STRAIGHT if text[i] == "'" else CURLY].append(i)
        counts = {k: len(v) for k, v in by_kind.items()}
        report = minority(counts, int(conf["min_majority"]))
        if report is None:
            return
        major = CURLY if report == STRAIGHT else STRAIGHT
        for i, pos in enumerate(by_kind[report][: int(conf["max_per_document"])]):
            start, end = _word_around(text, pos)
            total = f" ({counts[report]} {report} vs {counts[major]} {major})" if i == 0 else ""
            word = text[start:end]
            fixed = word.replace("'", "’") if report == STRAIGHT else word.replace("’", "'")
            yield self.finding(
                doc, start, end,
                f"{report} apostrophe in '{word}' in a document that mostly uses {major} ones{total}",
                suggestion=fixed,
                confidence=0.7,
            )


def _word_around(text: str, pos: int) -> tuple[int, int]:
    start, end = pos, pos + 1
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    while end < len(text) and text[end].isalpha():
        end += 1
    return start, end
