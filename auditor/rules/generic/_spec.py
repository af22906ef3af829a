"""What every YAML rule spec has in common, and how a spec becomes a class."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from auditor.documents.utf8 import utf8
from auditor.errors import ConfigError
from auditor.model import Severity
from auditor.rules.base import Rule


class Examples(BaseModel):
    model_config = ConfigDict(extra="forbid")

    flags: list[str] = []
    passes: list[str] = []


class BaseSpec(BaseModel):
    """Keys shared by all YAML rule types."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
    type: str
    summary: str
    description: str = ""
    severity: Severity = Severity.WARNING
    message: str
    confidence: float = Field(default=1.0, ge=0.0, le=1.0)
    examples: Examples = Examples()

    @field_validator("severity", mode="before")
    @classmethod
    def _severity(cls, value: Any) -> Any:
        return Severity.parse(value)


class GenericRule(Rule):
    """What every YAML rule does with its spec: one RE2 pattern, its place
    in the shared prefilter, and the exception pattern."""

    spec: Any
    where: str

    def _compile(self, body: str, *, longest: bool = False) -> None:
        from auditor.patterns import compile_user_pattern
        from auditor.rules.generic._prefilter import PREFILTER

        self._pattern = compile_user_pattern(body, self.where, ignorecase=self.spec.ignorecase, longest=longest)
        self._prefilter_index = PREFILTER.add(body, ignorecase=self.spec.ignorecase)
        self._exceptions = compile_exceptions(self.spec, self.where)

    def _may_match(self, doc: Any) -> bool:
        from auditor.rules.generic._prefilter import PREFILTER

        return PREFILTER.may_match(doc, self._prefilter_index)


def validate_spec(model: type[BaseSpec], spec: dict[str, Any], where: str) -> BaseSpec:
    try:
        return model.model_validate(spec)
    except ValidationError as exc:
        err = exc.errors()[0]
        field = ".".join(str(p) for p in err["loc"]) or "rule"
        raise ConfigError(f"{where}: {field}: {err['msg']}") from None


def make_rule_class(base: type[Rule], spec: BaseSpec, type_doc: str, **extra: Any) -> type[Rule]:
    """A subclass of ``base`` carrying the spec; documentation comes from
    the spec's description and examples, after the type's own summary."""
    doc = f"{spec.summary}\n\n{spec.description.strip()}\n\n(YAML rule of type '{spec.type}': {type_doc})"
    attrs = {
        "id": spec.id,
        "summary": spec.summary,
        "default_severity": spec.severity,
        "documentation": doc,
        "yaml_examples": [(True, t) for t in spec.examples.flags] + [(False, t) for t in spec.examples.passes],
        "spec": spec,
        **extra,
    }
    return type(f"Yaml[{spec.id}]", (base,), attrs)


def compile_exceptions(spec: Any, where: str):
    """One RE2 pattern for a spec's ``exceptions`` (None when it has none)."""
    if not spec.exceptions:
        return None
    from auditor.patterns import compile_user_pattern

    body = "|".join(f"(?:{p})" for p in spec.exceptions)
    return compile_user_pattern(body, where, ignorecase=spec.ignorecase)


def drop_excepted(exceptions: Any, text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The spans that overlap no match of the exception pattern."""
    if exceptions is None or not spans:
        return spans
    excepted = list(utf8(text).spans(exceptions))
    return [s for s in spans if not any(a < s[1] and s[0] < b for a, b in excepted)]


def format_message(template: str, **values: str) -> str:
    """``{match}``-style placeholders; unknown ones are left as written."""
    out = template
    for key, value in values.items():
        out = out.replace("{" + key + "}", value)
    return out
