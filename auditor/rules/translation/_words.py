"""Shared helpers for the translation rules: fast whole-word lookup.

Word lists of several hundred entries are matched with one RE2 alternation
(a DFA: one linear pass over the text, no backtracking; Python's ``re`` is
~100x slower on such alternations). RE2's ``\\b`` is ASCII-only, so a hit
also checks that no non-ASCII letter touches it ("défense" is not "defense").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False
_OPTIONS.case_sensitive = False


class WordMatcher:
    """Find whole-word occurrences of any of ``words`` (case-insensitive)."""

    def __init__(self, words: Iterable[tuple[str, Any]]) -> None:
        self._payload: dict[str, Any] = {}
        for word, payload in words:
            self._payload[word.lower()] = payload
        keys = sorted(self._payload, key=len, reverse=True)
        self._pattern = re2.compile(r"\b(?:" + "|".join(re.escape(k) for k in keys) + r")\b", _OPTIONS) if keys else None

    def finditer(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """Yield ``(start, end, payload)`` for whole-word hits in ``text``."""
        if self._pattern is None:
            return
        n = len(text)
        for m in self._pattern.finditer(text):
            start, end = m.span()
            if (start > 0 and text[start - 1].isalpha()) or (end < n and text[end].isalpha()):
                continue
            payload = self._payload.get(m.group().lower())
            if payload is not None:
                yield start, end, payload
