"""YAML rule type ``existence``: phrases or patterns that should not appear.

The model is Vale's ``existence`` check. A spec lists literal ``tokens``
(matched word-bounded) and RE2 ``patterns``; all are compiled into one
alternation so a document is scanned once per rule whatever the list
length. ``whole_paragraph: true`` keeps only matches that make up an entire
paragraph (a scraped widget line such as "Listen to this article" is a
paragraph of its own; the same words inside a sentence are prose).
``exceptions`` are RE2 patterns: a match overlapping an exception match is
dropped.

Example spec::

    - id: boilerplate.player
      type: existence
      summary: Audio player text scraped with the article
      message: "Scraped player text: '{match}'"
      ignorecase: true
      whole_paragraph: true
      tokens: ["Listen to this article", "Loading audio..."]

Flags:

    Listen to this article

Passes:

    Readers who listen to this article on the radio will hear it.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from typing import Any

from auditor.documents.document import Document
from auditor.documents.utf8 import utf8
from auditor.errors import ConfigError
from auditor.model import Finding
from auditor.patterns import literal_alternation
from auditor.registry import register_type
from auditor.rules.base import Rule
from auditor.rules.generic._spec import BaseSpec, GenericRule, drop_excepted, format_message, make_rule_class, validate_spec


class ExistenceSpec(BaseSpec):
    tokens: list[str] = []
    patterns: list[str] = []
    exceptions: list[str] = []
    ignorecase: bool = False
    whole_paragraph: bool = False
    suggestion: str | None = None


class ExistenceRule(GenericRule):
    """Flags every occurrence of the spec's tokens and patterns."""

    spec: ExistenceSpec
    where: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        spec = self.spec
        parts = []
        if spec.tokens:
            parts.append(literal_alternation(spec.tokens))
        parts.extend(f"(?:{p})" for p in spec.patterns)
        body = "|".join(parts)
        self._compile(body, longest=True)

    def check(self, doc: Document) -> Iterator[Finding]:
        if not self._may_match(doc):
            return
        text = doc.text
        matches = [_trimmed(text, s, e) for s, e in utf8(text).spans(self._pattern) if e > s]
        if not matches:
            return
        if self.spec.whole_paragraph:
            matches = [span for span in matches if _is_whole_paragraph(doc, *span)]
        matches = drop_excepted(self._exceptions, text, matches)
        for start, end in matches:
            found = text[start:end]
            yield self.finding(
                doc, start, end,
                format_message(self.spec.message, match=found),
                suggestion=self.spec.suggestion,
                confidence=self.spec.confidence,
            )


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    """A match without trailing white space (``.*`` keeps the ``\\r`` of CRLF lines)."""
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _is_whole_paragraph(doc: Document, start: int, end: int) -> bool:
    paragraphs = doc.paragraphs
    starts = doc.cache.get("paragraph-starts")
    if starts is None:
        starts = doc.cache["paragraph-starts"] = [p.start for p in paragraphs]
    i = bisect_right(starts, start) - 1
    if i < 0 or start != paragraphs[i].start:
        return False
    return not doc.text[end:paragraphs[i].end].strip(" .…:")


@register_type("existence")
def build(spec: dict[str, Any], where: str) -> type[Rule]:
    parsed = validate_spec(ExistenceSpec, spec, where)
    if not parsed.tokens and not parsed.patterns:
        raise ConfigError(f"{where}: an existence rule needs 'tokens' or 'patterns'")
    cls = make_rule_class(ExistenceRule, parsed, "phrases that should not appear", where=where)
    cls(None, None)._pattern  # noqa: B018 - compile now so bad patterns fail at load time
    return cls
