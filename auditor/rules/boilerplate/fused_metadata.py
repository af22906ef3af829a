"""Page metadata fused into the first words of a prose paragraph.

A scraper that flattens the page joins the metadata block ("date
2024-11-27", "Updated Dec. 12, 2019") to the paragraph that follows, so the
article appears to begin "date 2024-11-27 The idea of sending troops...". The
rule flags a paragraph that starts with a metadata key and a date, or with a
bare date, when capitalised prose of several words follows directly (no
colon or comma: "June 1, 2017: Trump pulls out" is a timeline entry and
"November 3, 2020, rolled around" is prose). Keys, date shapes and the
minimum length of the prose that follows are in ``rules/boilerplate.yml``.

Flags:
    date 2024-11-27 The idea of sending troops to Ukraine remains a divisive issue.

    Updated Dec. 12, 2019 The House voted on Wednesday to approve the articles.

    Updated 21:58 GMT Thomas Tuchel's first game as England manager ended in a win.

    October 3, 2019 July should have been a relief for Facebook after the settlement.

Passes:
    June 1, 2017: Trump pulls the U.S. out of the Paris climate treaty.

    November 3, 2020, rolled around, and national life entered a new phase.

    26 November 2024, 07:28

    At 21:58 GMT The Times reported that the vote had been delayed again.

    21:58 GMT: Polls have closed in most of the country.

    The date 2024-11-27 was chosen for the summit.

    Published: 09:15 BST, 12 June 2025 | Updated: 11:02 BST, 12 June 2025
"""

from __future__ import annotations

from collections.abc import Iterator

import re2

from auditor.documents.utf8 import utf8
from auditor.model import Finding
from auditor.patterns import re2_options
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.boilerplate._data import data
from auditor.rules.generic._prefilter import PREFILTER


@register
class FusedMetadata(Rule):
    id = "boilerplate.fused-metadata"
    summary = "Metadata (a date, an update stamp) fused into the start of a prose paragraph"

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        spec = data()["fused_metadata"]
        date = data()["vocabulary"]["DATE"]
        time = data()["vocabulary"]["TIME"]
        # key? date (time)?, or key and a time alone ("Updated 21:58 GMT": live
        # pages stamp the day's updates without a date), then the first
        # capitalised word of the prose
        zone = r"(?:[ \t]+[A-Z]{2,4})?"
        key = rf"{spec['keys']}[ \t]*:?[ \t]*"
        pattern = (rf"(?m)^[ \t]*(?:(?:{key})?{date}(?:,?[ \t]+{time}{zone})?|{key}{time}{zone})"
                   rf"[ \t]+[\"“‘']?[A-Z]")
        self._regex = re2.compile(pattern, re2_options())
        # the shared one-pass RE2 set of the YAML rules tells us cheaply
        # whether the document can match at all
        self._prefilter = PREFILTER.add(pattern, ignorecase=False)
        self._min_words = int(spec["min_following_words"])

    def check(self, doc) -> Iterator[Finding]:
        if not PREFILTER.may_match(doc, self._prefilter):
            return
        text = doc.text
        for start, end in utf8(text).spans(self._regex):
            while start < end and text[start].isspace():
                start += 1
            value_end = end - 1
            while value_end > start and text[value_end - 1] in " \t\"“‘'":
                value_end -= 1
            line_end = text.find("\n", end)
            following = text[value_end: len(text) if line_end < 0 else line_end].split()
            if len(following) < self._min_words:
                continue  # a dateline or a heading, not prose
            if not any(word[0].islower() for word in following):
                # no lowercase word: more stamps ("Published: 09:15 BST, 12 June 2025 |
                # Updated: 11:02 BST"), a line boilerplate.timestamp reports whole
                continue
            meta = text[start:value_end]
            yield self.finding(doc, start, value_end,
                               f"Metadata fused into the paragraph: '{meta}' is not part of the text",
                               suggestion="", confidence=0.9)
