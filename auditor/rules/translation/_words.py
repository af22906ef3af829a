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

from auditor.documents.utf8 import utf8
from auditor.patterns import re2_options

_OPTIONS = re2_options(ignorecase=True)
_OPTIONS_CS = re2_options()


class WordMatcher:
    """Find whole-word occurrences of any of ``words`` (case-insensitive
    unless ``case_sensitive``)."""

    def __init__(self, words: Iterable[tuple[str, Any]], *, case_sensitive: bool = False) -> None:
        self._case_sensitive = case_sensitive
        self._payload: dict[str, Any] = {}
        for word, payload in words:
            self._payload[word if case_sensitive else word.lower()] = payload
        keys = sorted(self._payload, key=len, reverse=True)
        self._pattern = (
            re2.compile("|".join(_bounded(k) for k in keys), _OPTIONS_CS if case_sensitive else _OPTIONS)
            if keys else None
        )

    def finditer(self, text: str) -> Iterator[tuple[int, int, Any]]:
        """Yield ``(start, end, payload)`` for whole-word hits in ``text``."""
        if self._pattern is None:
            return
        n = len(text)
        view = utf8(text)
        for m in view.finditer(self._pattern):
            start, end = view.span(m)
            if (start > 0 and text[start - 1].isalpha()) or (end < n and text[end].isalpha()):
                continue
            found = text[start:end]
            payload = self._payload.get(found if self._case_sensitive else found.lower())
            if payload is not None:
                yield start, end, payload


def _bounded(word: str) -> str:
    """``\\b`` where the word starts or ends with an ASCII letter (RE2's ``\\b``
    is ASCII-only; non-ASCII edges are checked by :meth:`WordMatcher.finditer`)."""
    body = re.escape(word)
    if word[:1].isascii():
        body = r"\b" + body
    if word[-1:].isascii():
        body += r"\b"
    return body
