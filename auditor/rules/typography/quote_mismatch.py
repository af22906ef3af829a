"""A quotation opened with one kind of mark and closed with another, or never closed.

“…" (curly open, straight close) or "…” shows a hand edit or a paste across
typographic styles; a quotation that is opened and never closed — not by the
end of its paragraph, and not continued by an opening mark at the start of
the next paragraph, as news style does for multi-paragraph quotes — lost its
closing mark, usually with some text. Valid pairs are listed in
``rules/typography.yml`` (German „…“, French «…» count as matched).

Flags:
    He stated: “There is no unanimity of opinion among Europeans on this matter, but some hotheads appear."

    The minister said “we will not retreat from the plan and nobody will make us.

Passes:
    He stated: “There is no unanimity of opinion among Europeans on this matter.”

    “We will not retreat,” he said. "Nobody will make us."

    The Berlin daily quoted him: „Das ist unmöglich“, and the Paris one: «C'est impossible».

    “Our position has not changed since February,” she added.
"""

from __future__ import annotations

from bisect import bisect_right

from auditor.documents.document import Document
from auditor.model import Severity
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.typography._marks import settings


@register
class QuoteMismatch(Rule):
    id = "typography.quote-mismatch"
    summary = "Quotation closed with a different kind of mark, or never closed"
    default_severity = Severity.WARNING

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        conf = settings()
        self._pairs = {k: frozenset(v) for k, v in conf["quote_pairs"].items()}
        self._continuations = frozenset(conf["continuation_openers"])

    def check(self, doc: Document):
        quotes = doc.quotations
        if not quotes:
            return
        text = doc.text
        paragraphs = doc.paragraphs
        para_starts = [p.start for p in paragraphs]
        for q in quotes:
            if q.closed:
                allowed = self._pairs.get(q.open_mark)
                if allowed is not None and q.close_mark not in allowed:
                    yield self.finding(
                        doc, q.start, q.end,
                        f"quotation opened with {q.open_mark} and closed with {q.close_mark}",
                        suggestion=text[q.start:q.end - 1] + _closer_for(q.open_mark, self._pairs),
                        confidence=0.9,
                    )
                continue
            if q.open_mark in "‘'":
                continue  # single quotes: an apostrophe may have been taken for an opener
            i = bisect_right(para_starts, q.start) - 1
            para_end = paragraphs[i].end if i >= 0 else len(text)
            if q.end < para_end:
                continue  # reopened before closing: the scanner's restart, not proof of a lost mark
            nxt = paragraphs[i + 1] if i + 1 < len(paragraphs) else None
            if nxt is not None and (text[nxt.start] in self._continuations or text[nxt.start].islower()):
                continue  # a multi-paragraph quotation, or a paragraph broken mid-sentence
            if para_end - q.inner_start < 3:
                continue
            inner = text[q.inner_start:para_end]
            if "’’" in inner or "''" in inner:
                continue  # closed AP-style with two single marks
            yield self.finding(
                doc, q.start, q.start + 1,
                f"quotation opened with {q.open_mark} is never closed",
                confidence=0.6,
                severity=Severity.INFO,
            )


def _closer_for(open_mark: str, pairs: dict[str, frozenset[str]]) -> str:
    allowed = pairs.get(open_mark)
    if not allowed:
        return open_mark
    return "”" if "”" in allowed else sorted(allowed)[0]
