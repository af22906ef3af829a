"""YAML rule type ``substitution``: a wrong form and the form to use instead.

The model is Vale's ``substitution`` check. ``swap`` maps a literal phrase
(word-bounded; an RE2 pattern with ``regex: true``) to its replacement. All
keys are compiled into one alternation; the matched key is found again with
a dictionary lookup (literal keys) or by trying each pattern on the matched
text (regex keys). With ``fix: true`` the suggestion may be applied by
``auditor fix``.

Example spec::

    - id: style.wrong-form
      type: substitution
      summary: Use the house form
      message: "Use '{suggestion}' instead of '{match}'"
      swap: {"Ministry of Defense": "Ministry of Defence"}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from auditor.documents.document import Document
from auditor.documents.utf8 import utf8
from auditor.model import Finding
from auditor.patterns import compile_user_pattern, literal_alternation
from auditor.registry import register_type
from auditor.rules.base import Rule
from auditor.rules.generic._spec import BaseSpec, GenericRule, drop_excepted, format_message, make_rule_class, validate_spec


class SubstitutionSpec(BaseSpec):
    swap: dict[str, str]
    regex: bool = False
    ignorecase: bool = False
    exceptions: list[str] = []
    fix: bool = False


class SubstitutionRule(GenericRule):
    spec: SubstitutionSpec
    where: str

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        spec = self.spec
        if spec.regex:
            self._keys = [(compile_user_pattern(k, self.where, ignorecase=spec.ignorecase), v) for k, v in spec.swap.items()]
            body = "|".join(f"(?:{k})" for k in spec.swap)
        else:
            self._lookup = {(k.lower() if spec.ignorecase else k): v for k, v in spec.swap.items()}
            body = literal_alternation(list(spec.swap))
        self._compile(body)

    def _replacement(self, found: str) -> str | None:
        if not self.spec.regex:
            return self._lookup.get(found.lower() if self.spec.ignorecase else found)
        for pattern, replacement in self._keys:
            if pattern.fullmatch(found):
                return replacement
        return None

    def check(self, doc: Document) -> Iterator[Finding]:
        if not self._may_match(doc):
            return
        text = doc.text
        spans = [(s, e) for s, e in utf8(text).spans(self._pattern) if e > s]
        for start, end in drop_excepted(self._exceptions, text, spans):
            found = text[start:end]
            replacement = self._replacement(found)
            if replacement is None or replacement == found:
                continue
            yield self.finding(
                doc, start, end,
                format_message(self.spec.message, match=found, suggestion=replacement),
                suggestion=replacement,
                confidence=self.spec.confidence,
            )


@register_type("substitution")
def build(spec: dict[str, Any], where: str) -> type[Rule]:
    parsed = validate_spec(SubstitutionSpec, spec, where)
    cls = make_rule_class(SubstitutionRule, parsed, "a wrong form and its replacement",
                          where=where, safe_fix=parsed.fix)
    cls(None, None)  # compile now so bad patterns fail when the pack loads
    return cls
