"""Fast phrase scanning shared by the sourcing and boilerplate rules.

Python's ``re`` tries an alternation at every position of the text and runs
at a few MB/s on these lists; RE2 scans UTF-8 with a DFA at hundreds of
MB/s whatever the number of alternatives. So a list of entries is compiled
into ONE RE2 alternation used as a filter over the whole document, and the
few spans it finds are re-matched with the entry's own pattern to get the
exact reported span and to apply the checks RE2 cannot express (a context
that must not follow).

An entry is ``match`` (the reported part) with optional ``before`` and
``after`` contexts that must surround it, and an optional ``not_after``
regex that must not match right after it. Literal ``phrases`` are matched
case-insensitively and word-bounded.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import re2

from auditor.documents.utf8 import utf8
from auditor.patterns import LARGE_DFA_MEMORY, re2_options

_OPTIONS = re2_options(dfa_memory=LARGE_DFA_MEMORY)


@lru_cache(maxsize=None)
def _compiled(pattern: str) -> re.Pattern[str]:
    """Entry patterns are compiled on their first candidate: compiling the
    whole list up front costs more than auditing a short article."""
    return re.compile(pattern)


@dataclass(frozen=True, slots=True)
class Entry:
    exact_pattern: str  # before (?P<m>match) after, for exact spans
    not_after_pattern: str | None

    @property
    def exact(self) -> re.Pattern[str]:
        return _compiled(self.exact_pattern)

    @property
    def not_after(self) -> re.Pattern[str] | None:
        return _compiled(self.not_after_pattern) if self.not_after_pattern else None


class PhraseScanner:
    """Entries and phrases from a YAML section, scanned in one pass."""

    def __init__(self, section: dict[str, Any], where: str) -> None:
        alternatives: list[str] = []
        self.entries: list[Entry] = []
        for item in section.get("entries", []):
            before, match, after = item.get("before", ""), item["match"], item.get("after", "")
            alternatives.append(f"{before}(?:{match}){after}")
            not_after = item.get("not_after")
            self.entries.append(Entry(f"{before}(?P<m>{match}){after}", not_after or None))
        phrases = sorted(section.get("phrases", []), key=len, reverse=True)
        if phrases:
            words = "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases)
            phrase_pattern = rf"\b(?i:{words})\b"
            alternatives.append(phrase_pattern)
            self.entries.append(Entry(f"(?P<m>{phrase_pattern})", None))
        try:
            self.scan = re2.compile("|".join(f"(?:{a})" for a in alternatives), _OPTIONS)
        except re2.error as exc:  # pragma: no cover - our own data
            raise ValueError(f"{where}: pattern not accepted by RE2: {exc}") from None

    def finditer(self, text: str) -> Iterator[tuple[int, int, str]]:
        """(start, end, matched text) of every match, in text order."""
        for start, end in utf8(text).spans(self.scan):
            for entry in self.entries:
                m = entry.exact.match(text, start, end)
                if m is None:
                    continue
                s, e = m.span("m")
                not_after = entry.not_after
                if not_after is not None and not_after.match(text, e, min(len(text), e + 80)):
                    break
                yield s, e, m.group("m")
                break
