"""Text cut off mid-sentence at the end of the document or of a list item.

A scraper that stops at a page break or a character limit leaves the last
paragraph unfinished ("... Iran's oil exports have dropped dramatically,"),
and list items are cut the same way. The rule looks at the last paragraph
of the document and at every list item (a line starting with a bullet or a
number): it flags one that has no final punctuation and ends with a comma, a
dash, an open square bracket or a word that cannot end an English sentence
("the", "of", "and", "their", ...), provided the line is long enough to be
prose and is not a title-case headline. Lines merely missing a full stop
("Polls closed at 8pm") are left alone: that is style, not truncation; so is
a final "(" or "((", the frown of Russian and Ukrainian chat that translated
messages keep ("I can't speak German (("), and a determiner that is also an
object or demonstrative pronoun ("tell her", "did not understand that"). The word
list and thresholds are in ``rules/boilerplate.yml`` (``truncated``).

Flags:
    The sanctions took effect in May. As a result, Iran's oil exports have dropped dramatically,

    The minister said the new plan would be presented to the

    Under the plans:
    - Troops would be stationed away from the front lines and the
    - Ports would be protected.

Passes:
    The sanctions took effect in May and exports fell.

    My phone is old and I cannot speak German ((

    I will have a look now and then I will tell her

    Donald Trump's Twitter Account Makes His Presidency Seem Worse than It Is

    Social activism isn't the career killer it once was

    - Troops would be stationed away from the current front lines
    - Deployment locations would include key urban areas
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from auditor.model import Finding
from auditor.registry import register
from auditor.rules.base import Rule
from auditor.rules.boilerplate._data import data

_LAST_WORD = re.compile(r"([A-Za-z’']+)\W*$")
_ENDS = ",–—-["


@register
class TruncatedText(Rule):
    id = "boilerplate.truncated"
    summary = "Text cut off mid-sentence at the end of the document or of a list item"

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        spec = data()["truncated"]
        self._end_words = frozenset(w.lower() for w in spec["end_words"])
        self._min_words = int(spec["min_words"])
        self._max_title = float(spec["max_title_case"])
        self._list_marker = re.compile(spec["list_markers"])

    def check(self, doc) -> Iterator[Finding]:
        text = doc.text
        paragraphs = doc.paragraphs
        if not paragraphs:
            return
        last = paragraphs[-1]
        candidates = [(last.start, last.end, "document")]
        if "\n" in text:
            for para in paragraphs[:-1]:
                if self._list_marker.match(text, para.start, para.end):
                    candidates.append((para.start, para.end, "list item"))
        for start, end, where in candidates:
            reason = self._cut_off(text[start:end], where == "list item")
            if reason:
                tail = max(start, end - 40)
                tail = text.find(" ", tail, end) + 1 or tail
                yield self.finding(doc, tail, end,
                                   f"Text cut off mid-sentence at the end of the {where}: ends {reason}",
                                   confidence=0.8)

    def _cut_off(self, line: str, list_item: bool) -> str | None:
        body = self._list_marker.sub("", line, count=1) if list_item else line
        words = body.split()
        if len(words) < self._min_words:
            return None
        last_char = body.rstrip()[-1]
        if last_char in ".!?…:;\"”’')]»*":
            return None
        capitalised = sum(1 for w in words if w[:1].isupper())
        if capitalised / len(words) > self._max_title:
            return None  # a title-case headline
        if last_char in _ENDS:
            return f"with '{last_char}'"
        m = _LAST_WORD.search(body)
        if m and m.group(1).lower() in self._end_words and body.rstrip()[-1].isalpha():
            return f"with '{m.group(1)}', which cannot end a sentence"
        return None
