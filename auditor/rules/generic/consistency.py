"""YAML rule type ``consistency``: one document, one form of each variant set.

The model is proselint's and Vale's consistency checks: ``sets`` lists groups
of interchangeable forms (["NATO", "Nato"], ["e-mail", "email"]); when a
document uses more than one form of a group, every occurrence of the
minority form is flagged and the majority form suggested. A tie goes to the
form listed first, so list the house form first.

Senses must not be mixed: ``exceptions`` are RE2 patterns whose matches
do not count as uses of any form (``chicken Kiev`` is a dish, not a city
spelling), and forms are matched case-sensitively unless ``ignorecase``.

Example spec::

    - id: consistency.nato
      type: consistency
      summary: NATO and Nato mixed
      message: "'{match}' and '{majority}' both appear; use one form"
      sets: [[NATO, Nato]]
"""

from __future__ import annotations

from collections import Counter
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


class ConsistencySpec(BaseSpec):
    sets: list[list[str]]
    ignorecase: bool = False
    exceptions: list[str] = []
    fix: bool = False


class ConsistencyRule(GenericRule):
    spec: ConsistencySpec
    where: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        spec = self.spec
        self._group_of: dict[str, int] = {}
        self._order: dict[str, int] = {}
        for g, forms in enumerate(spec.sets):
            for i, form in enumerate(forms):
                key = form.lower() if spec.ignorecase else form
                if key in self._group_of:
                    raise ConfigError(f"{self.where}: form {form!r} appears in more than one set")
                self._group_of[key] = g
                self._order[key] = i
        body = literal_alternation([f for forms in spec.sets for f in forms])
        self._compile(body)

    def _key(self, found: str) -> str:
        return found.lower() if self.spec.ignorecase else found

    def check(self, doc: Document) -> Iterator[Finding]:
        if not self._may_match(doc):
            return
        text = doc.text
        hits = list(utf8(text).spans(self._pattern))
        if len(hits) < 2:
            return
        hits = drop_excepted(self._exceptions, text, hits)
        by_group: dict[int, Counter[str]] = {}
        for start, end in hits:
            key = self._key(text[start:end])
            by_group.setdefault(self._group_of[key], Counter())[key] += 1
        for start, end in hits:
            found = text[start:end]
            counts = by_group[self._group_of[self._key(found)]]
            if len(counts) < 2:
                continue
            majority = max(counts, key=lambda k: (counts[k], -self._order[k]))
            if self._key(found) == majority:
                continue
            group_forms = self.spec.sets[self._group_of[majority]]
            suggestion = group_forms[self._order[majority]]
            yield self.finding(
                doc, start, end,
                format_message(self.spec.message, match=found, majority=suggestion, count=str(counts[majority])),
                suggestion=suggestion,
                confidence=self.spec.confidence,
            )


@register_type("consistency")
def build(spec: dict[str, Any], where: str) -> type[Rule]:
    parsed = validate_spec(ConsistencySpec, spec, where)
    cls = make_rule_class(ConsistencyRule, parsed, "variant forms mixed in one document",
                          where=where, safe_fix=parsed.fix)
    cls(None, None)  # compile now so bad patterns fail when the pack loads
    return cls
