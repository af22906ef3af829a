"""translation.transliteration-mix — Russian- and Ukrainian-derived place names mixed.

Ukrainian places reach English through two transliterations: from Ukrainian
(Kyiv, Kharkiv, Luhansk, Mykolaiv) or from Russian (Kiev, Kharkov, Lugansk,
Nikolayev). Careful copy sticks to one; a text that writes "Kharkov" beside
"Kyiv" was typically translated from Russian, or stitched from sources with
different conventions. The rule reports the mentions of the minority origin
(ties: the Russian-derived ones) and suggests the same place's form in the
majority convention — or the house-style form when a ruling applies to the
document: a 2022 text that writes "Kyiv" among Russian-derived names is not
told to write "Kiev" (places.house-style reports the Russian-derived ones).

Only mixes across *different* places count (one place spelled two ways is
places.inconsistent's job, and its mentions are not reported again here).
Neutral forms (Donetsk, Kherson: the same from both languages) and
established English exonyms (Kiev, Odessa, Chernobyl: see ``traditional`` in
the places pack) do not count: a 2014 article writing "Kiev" and "Kharkiv"
followed AP style of its day (places.house-style handles Kiev after 2019).
Origins come from the generated places pack (see
auditor/knowledge/places_build.py).

Flags:

    Residents of Kharkov sheltered in the metro as the Kyiv government asked for help. Officials in Lviv opened shelters.

    Shelling hit Lugansk and Horlivka, while Mykolaiv and Zaporizhzhia reported drone attacks.

Passes:

    Residents of Kharkiv sheltered in the metro as the Kyiv government asked for help. Officials in Lviv opened shelters.

    Protesters in Kiev marched again while rebels in Luhansk and Donetsk declared independence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

from auditor.documents.document import Document
from auditor.knowledge.places import Mention
from auditor.model import Finding, Severity
from auditor.registry import register
from auditor.rules.base import Rule, lower_severity
from auditor.rules.places._common import doc_mentions, mixed_places, rule_enabled, ruling_for

_ORIGINS = ("ukrainian", "russian")


@register
class TransliterationMix(Rule):
    id = "translation.transliteration-mix"
    summary = "Russian- and Ukrainian-derived place names mixed in one document (Kharkov and Kyiv)"
    default_severity = Severity.WARNING

    def check(self, doc: Document) -> Iterator[Finding]:
        mentions = [m for m in doc_mentions(self.ctx, doc)
                    if m.origin in _ORIGINS and m.form not in m.place.traditional]
        if len(mentions) < 2:
            return
        places_by_origin: dict[str, set[str]] = {o: set() for o in _ORIGINS}
        for m in mentions:
            places_by_origin[m.origin].add(m.place.id)
        rus, ukr = places_by_origin["russian"], places_by_origin["ukrainian"]
        # Mixed only when different places follow different conventions.
        if not rus or not ukr or not (rus - ukr or ukr - rus) or rus == ukr:
            return
        if not any(r != u for r in rus for u in ukr):
            return
        counts = Counter(m.origin for m in mentions)
        minority = "russian" if counts["russian"] <= counts["ukrainian"] else "ukrainian"
        majority = "ukrainian" if minority == "russian" else "russian"
        skip = mixed_places(mentions) if rule_enabled(self.ctx.config, "places.inconsistent") else set()
        majority_places = places_by_origin[majority]
        for m in mentions:
            if m.origin != minority or m.place.id in skip:
                continue
            if majority_places <= {m.place.id}:
                continue
            ruling = ruling_for(m.place, doc, self.ctx.config)
            if ruling is not None and m.form == ruling.preferred:
                continue  # never push a text away from its house style ("Kyiv" in 2022)
            suggestion = ruling.preferred if ruling is not None else _counterpart(m, majority)
            severity = lower_severity(self.severity) if doc.in_quotation(m.start, m.end) else None
            yield self.finding(
                doc, m.start, m.end,
                f"'{doc.text[m.start:m.end]}' is the {minority.capitalize()}-derived spelling, but this document "
                f"spells most Ukrainian places the {majority.capitalize()}-derived way ({counts[majority]} vs {counts[minority]} mentions)"
                + (f"; in that convention: '{suggestion}'" if suggestion else ""),
                suggestion=m.render(suggestion) if suggestion else None,
                confidence=0.8, severity=severity,
            )


def _counterpart(m: Mention, origin: str) -> str | None:
    """The same place's form in the other convention (the preferred one first)."""
    place = m.place
    if place.preferred and place.forms.get(place.preferred) == origin:
        return place.preferred
    for form, form_origin in place.forms.items():
        if form_origin == origin and form not in place.ambiguous:
            return form
    return None
