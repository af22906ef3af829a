"""One RE2 pass tells every YAML rule whether it can match a document.

A default run has dozens of YAML rules (boilerplate phrases, consistency
sets), and almost none of them matches a given article. Scanning the text
once per rule costs one UTF-8 encoding and one RE2 pass each; instead the
patterns of all generic rules in the process are compiled into a single
``re2.Set``, matched once per document (the result is kept in
``doc.cache``), and a rule runs its own ``finditer`` only when its pattern
is among those that matched.
"""

from __future__ import annotations

import re2

from auditor.documents.document import Document
from auditor.documents.utf8 import utf8
from auditor.patterns import re2_options

_CACHE_KEY = "generic.prefilter"


class Prefilter:
    def __init__(self) -> None:
        self._patterns: dict[str, int] = {}
        self._set = None
        self._generation = 0

    def add(self, pattern: str, *, ignorecase: bool) -> int:
        """Register a rule's combined pattern; returns its index in the set."""
        key = f"(?i:{pattern})" if ignorecase else f"(?:{pattern})"
        index = self._patterns.get(key)
        if index is None:
            index = self._patterns[key] = len(self._patterns)
            self._set = None
            self._generation += 1
        return index

    def _compiled(self):
        if self._set is None:
            compiled = re2.Set.SearchSet(re2_options())
            for key in self._patterns:
                compiled.Add(key)
            compiled.Compile()
            self._set = compiled
        return self._set

    def may_match(self, doc: Document, index: int) -> bool:
        cached = doc.cache.get(_CACHE_KEY)
        if cached is None or cached[0] != self._generation:
            hits = self._compiled().Match(utf8(doc.text).data) or []  # the document's shared UTF-8 bytes
            cached = doc.cache[_CACHE_KEY] = (self._generation, frozenset(hits))
        return index in cached[1]


PREFILTER = Prefilter()
