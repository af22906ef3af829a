"""Broadcast schedule line scraped with the article ("Iain Dale 7pm - 10pm").

Radio and TV sites print the programme on air above every article; a
scraper keeps it as the first line. The rule flags a line that is nothing
but a name (up to six capitalised words) and a time range, in either
order. The shapes live in ``rules/boilerplate.yml`` (``schedule``).

Flags:
    Iain Dale 7pm - 10pm
    Lammy insists UK is not sending troops to Ukraine

    Nick Ferrari 7am – 10am

    10pm - 1am: James O'Brien

Passes:
    The debate runs from 7pm - 10pm on Thursday, the BBC said.

    Polls open 7am - 10pm

    Iain Dale presents the show.
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


def _pattern() -> str:
    spec = data()["schedule"]
    time = data()["vocabulary"]["TIME"]
    name, sep = spec["name"], spec["range_separator"]
    rng = f"{time}{sep}{time}"
    # name then range, or range (optionally followed by ':') then name
    return rf"(?m)^[ \t]*(?:{name}[ \t]+{rng}|{rng}[ \t]*:?[ \t]*{name})[ \t]*$"


@register
class ScheduleLine(Rule):
    id = "boilerplate.schedule"
    summary = "Broadcast schedule line (presenter and time slot) scraped with the article"

    def __init__(self, options, ctx, severity=None) -> None:
        super().__init__(options, ctx, severity)
        pattern = _pattern()
        self._regex = re2.compile(pattern, re2_options())
        # the shared one-pass RE2 set of the YAML rules tells us cheaply
        # whether the document can match at all
        self._prefilter = PREFILTER.add(pattern, ignorecase=False)

    def check(self, doc) -> Iterator[Finding]:
        if not PREFILTER.may_match(doc, self._prefilter):
            return
        text = doc.text
        for start, end in utf8(text).spans(self._regex):
            while start < end and text[start].isspace():
                start += 1
            line = text[start:end].rstrip()
            if _only_generic_words(line):
                continue
            yield self.finding(doc, start, start + len(line),
                               f"Broadcast schedule line scraped with the article: '{line}'")


_CONNECTORS = frozenset({"and", "with", "am", "pm", "a.m.", "p.m.", "to", "until"})


def _only_generic_words(line: str) -> bool:
    """'Polls open 7am - 10pm' is opening hours, not a programme slot."""
    generic = _generic_words()
    words = [w for w in line.split() if w[:1].isalpha()]
    return any(w in generic or (w[:1].islower() and w not in _CONNECTORS) for w in words)


def _generic_words() -> frozenset[str]:
    return frozenset(data()["schedule"]["not_programme_words"])
