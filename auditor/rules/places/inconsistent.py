"""places.inconsistent — one place spelled two ways in one document.

A document that writes "Kiev" in one paragraph and "Kyiv" in the next has a
consistency slip whatever the house style: one of the two was not edited.
The rule flags every mention whose spelling is not the document's chosen
one: the house-style form when a ruling applies to the document (see
places.house-style for when it does), otherwise the majority form (ties go to
a house-style form, then the Ukrainian-derived one, then the first used).

Exception contexts are left out ("chicken Kiev" beside "Kyiv" is fine), and
so are ambiguous forms ("Odessa") in documents that never mention the
place's country. Mentions inside a quotation are reported at lower severity.
Former names (Dnipropetrovsk for Dnipro) are separate places in the
knowledge pack, so "Dnipro, formerly Dnipropetrovsk" is not a slip.

Flags:

    ---
    date: 2024-12-18
    ---
    Russian drones struck the capital Kiev overnight. Healey came to Kyiv on Wednesday.

    The rally in Kharkov drew thousands. Police in Kharkiv said the crowd was peaceful, and Kharkiv officials agreed.

Passes:

    ---
    date: 2024-12-18
    ---
    Healey came to Kyiv on Wednesday and left Kyiv by train.

    He ordered chicken Kiev at a restaurant in Kyiv.

    Russian forces shelled Kharkiv again; Kharkiv's mayor asked for air defence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from auditor.documents.document import Document
from auditor.model import Finding
from auditor.registry import register
from auditor.rules.base import Rule, lower_severity
from auditor.rules.places._common import doc_mentions, ruling_for


@register
class PlacesInconsistent(Rule):
    id = "places.inconsistent"
    summary = "One place spelled two ways in one document (Kiev and Kyiv)"
    safe_fix = True

    def check(self, doc: Document) -> Iterator[Finding]:
        mentions = doc_mentions(self.ctx, doc)
        if len(mentions) < 2:
            return
        by_place: dict[str, list] = {}
        for m in mentions:
            by_place.setdefault(m.place.id, []).append(m)
        for group in by_place.values():
            counts = Counter(m.form for m in group)
            if len(counts) < 2:
                continue
            place = group[0].place
            ruling = ruling_for(place, doc, self.ctx.config)
            first = {}
            for i, m in enumerate(group):
                first.setdefault(m.form, i)
            if ruling is not None:
                target, why = ruling.preferred, ruling.describe()
            else:
                target = max(counts, key=lambda f: (counts[f], f == place.preferred,
                                                    place.forms[f] == "ukrainian", -first[f]))
                why = "the form used most in this document"
            for m in group:
                if m.form == target:
                    continue
                severity = lower_severity(self.severity) if doc.in_quotation(m.start, m.end) else None
                yield self.finding(
                    doc, m.start, m.end,
                    f"{place.name} is spelled {len(counts)} ways in this document ({', '.join(repr(f) for f in counts)}); "
                    f"use '{target}' throughout ({why})",
                    suggestion=m.render(target), confidence=0.9, severity=severity,
                )
