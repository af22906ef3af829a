"""places.house-style — a place spelled in a form the house style retired.

Knowledge packs carry rulings with effective dates ("Kyiv", not "Kiev",
from 2019-10-01: AP switched on 2019-08-14, the BBC on 2019-10-14, the New
York Times on 2019-11-18). A deprecated form is flagged in a document dated
on or after the ruling; a 2014 article that says "Kiev" followed the style
of its day and is left alone.

* Undated documents are left alone too: an archive of unknown date may
  predate the ruling. Set ``house_style.retroactive: true`` to hold every
  document, dated or not, to the current rulings.
* The project's ``house_style.places`` (``{"Odessa": "Odesa"}``) pins a
  preference: it then covers undated documents too. If it agrees with the
  pack, older dated text is still spared (unless retroactive); if it
  reverses the pack (``{"Odesa": "Odessa"}``), it applies to every date.
* Exceptions are respected: "chicken Kiev", "Dynamo Kiev", "Kievan Rus"
  (never matched: it is another word), "Odessa, Texas"; ambiguous forms
  ("Odessa", "Nikolayev") count only in documents that mention the place's
  country, and not right after a given name.
* No double reports: when a document mixes two forms of one place and
  places.inconsistent is enabled, that rule reports the slip (suggesting the
  same house-style form) and this one stays silent for that place.
* In a quotation the finding drops one severity level.

Flags:

    ---
    date: 2025-01-16
    ---
    Starmer arrived in Kiev on Thursday. Officials in Kiev said the talks would last two days.

    ---
    date: 2023-05-02
    ---
    Air raid sirens sounded across Kiev overnight.

Passes:

    ---
    date: 2014-03-02
    ---
    Protesters gathered in Kiev's Independence Square.

    ---
    date: 2025-01-16
    ---
    The club was founded as Dynamo Kiev in 1927. Starmer arrived in Kyiv on Thursday.

    Officials in Kiev said the talks would last two days.

    ---
    date: 2023-05-02
    ---
    The shooting in Odessa, Texas, left seven people dead.
"""

from __future__ import annotations

from collections.abc import Iterator

from auditor.documents.document import Document
from auditor.model import Finding
from auditor.registry import register
from auditor.rules.base import Rule, lower_severity
from auditor.rules.places._common import doc_mentions, mixed_places, rule_enabled, ruling_for


@register
class PlacesHouseStyle(Rule):
    id = "places.house-style"
    summary = "A place spelled in a form the house style retired (Kiev after 2019)"
    safe_fix = True

    def check(self, doc: Document) -> Iterator[Finding]:
        mentions = doc_mentions(self.ctx, doc)
        if not mentions:
            return
        config = self.ctx.config
        skip = mixed_places(mentions) if rule_enabled(config, "places.inconsistent") else set()
        rulings: dict[str, object] = {}
        for m in mentions:
            place = m.place
            if place.id in skip:
                continue
            if place.id not in rulings:
                rulings[place.id] = ruling_for(place, doc, config)
            ruling = rulings[place.id]
            if ruling is None or m.form == ruling.preferred:
                continue
            severity = lower_severity(self.severity) if doc.in_quotation(m.start, m.end) else None
            yield self.finding(
                doc, m.start, m.end,
                f"'{doc.text[m.start:m.end]}' is not house style for {place.name}: write '{ruling.preferred}' "
                f"({ruling.describe()})",
                suggestion=m.render(ruling.preferred), confidence=0.95, severity=severity,
            )
