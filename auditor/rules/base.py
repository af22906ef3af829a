"""The rule interface.

Two kinds of rule exist (see docs/rules.md):

* :class:`Rule` — per-document: ``check(doc)`` yields findings. Runs in any
  worker process, sees one document at a time.
* :class:`CorpusRule` — map/reduce over the whole run: ``observe(doc)``
  returns a small picklable summary (never the text), ``finish(observations)``
  sees every summary at once and yields findings attached to documents by
  their pre-resolved :class:`~auditor.model.Location`.

A rule is constructed once per process with its options and the shared
:class:`Context`; expensive preparation (compiled patterns, knowledge
indexes) belongs in ``__init__`` or in a module-level cache, never in
``check``.

A rule module's docstring is its documentation (``auditor rules explain``).
It must contain a ``Flags:`` and a ``Passes:`` section; each is followed by
one or more examples, indented by four spaces and separated by blank lines.
An example may start with YAML front matter (``---`` … ``---``) to give it a
date or a source. In corpus rules, one example may hold several documents
separated by a line ``===``. The test suite runs every example.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, ClassVar, NamedTuple

from pydantic import BaseModel, ConfigDict

from auditor.model import Finding, Location, Severity

if TYPE_CHECKING:  # pragma: no cover
    from auditor.config import Config
    from auditor.documents.document import Document
    from auditor.knowledge.base import KnowledgeBase


class NoOptions(BaseModel):
    """Rules without options accept none (unknown keys are an error)."""

    model_config = ConfigDict(extra="forbid")


class Context:
    """What every rule may consult: the effective config and knowledge.

    The knowledge base is loaded on first use and then shared by every rule
    in the process.
    """

    def __init__(self, config: Config) -> None:
        self.config = config
        self._knowledge: KnowledgeBase | None = None
        self.cache: dict[str, Any] = {}

    @property
    def knowledge(self) -> KnowledgeBase:
        if self._knowledge is None:
            from auditor.knowledge.base import load_knowledge

            self._knowledge = load_knowledge(self.config)
        return self._knowledge


class Rule:
    """A per-document rule. Subclasses set the class attributes and ``check``."""

    id: ClassVar[str]
    summary: ClassVar[str]
    default_severity: ClassVar[Severity] = Severity.WARNING
    options_model: ClassVar[type[BaseModel]] = NoOptions
    #: Whether the rule emits fixes that ``auditor fix`` may apply unattended.
    safe_fix: ClassVar[bool] = False

    def __init__(self, options: BaseModel, ctx: Context, severity: Severity | None = None) -> None:
        self.options = options
        self.ctx = ctx
        self.severity = severity or self.default_severity

    @property
    def category(self) -> str:
        return self.id.split(".", 1)[0]

    def check(self, doc: Document) -> Iterable[Finding]:
        raise NotImplementedError

    def measure(self, doc: Document) -> dict[str, float] | None:
        """Optional per-document statistics for scoring (e.g. the counts of
        named and anonymous attributions). Called after ``check`` on the same
        document; keys are namespaced by the engine as ``<rule id>.<key>``."""
        return None

    def warm_up(self) -> None:
        """Build now what the rule otherwise builds on first need. The local
        runner calls it before it forks its workers, so that they share one
        copy of it instead of each building its own (a large run needs it in
        every worker sooner or later). Default: nothing to build."""

    # -- helpers for subclasses ------------------------------------------------
    def finding(
        self,
        doc: Document,
        start: int,
        end: int,
        message: str,
        *,
        suggestion: str | None = None,
        confidence: float = 1.0,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding for a span of ``doc.text`` (view offsets)."""
        return self.finding_at(doc.ordinal, doc.locate(start, end), message,
                               suggestion=suggestion, confidence=confidence, severity=severity)

    def finding_at(
        self,
        ordinal: int,
        loc: Location,
        message: str,
        *,
        suggestion: str | None = None,
        confidence: float = 1.0,
        severity: Severity | None = None,
    ) -> Finding:
        """A finding at an already resolved location (corpus rules)."""
        sev = severity or self.severity
        if sev.rank > self.severity.rank:
            sev = self.severity  # a rule never exceeds its configured severity
        return Finding(
            rule=self.id,
            category=self.category,
            severity=sev,
            confidence=max(0.0, min(1.0, confidence)),
            start=loc.start,
            end=loc.end,
            line=loc.line,
            column=loc.column,
            text=loc.text,
            message=" ".join(message.split()),  # one line, whatever a quoted match spans
            suggestion=suggestion,
            doc=ordinal,
        )


class CorpusRule(Rule):
    """A map/reduce rule over the whole run."""

    def check(self, doc: Document) -> Iterator[Finding]:
        return iter(())

    def observe(self, doc: Document) -> Any:
        """A small, picklable summary of ``doc`` (None to skip the document)."""
        raise NotImplementedError

    def finish(self, observations: list[tuple[DocRef, Any]]) -> Iterable[Finding]:
        """Findings from all summaries, in run order."""
        raise NotImplementedError


class DocRef(NamedTuple):
    """Who a corpus observation belongs to (one per document and corpus
    rule, kept for the whole run: a tuple, not a model, to stay small)."""

    ordinal: int
    path: str
    id: str | None = None
    source: str | None = None
    date: str | None = None


def lower_severity(severity: Severity) -> Severity:
    """One step down (error → warning → info); used for quoted text."""
    return {Severity.ERROR: Severity.WARNING, Severity.WARNING: Severity.INFO}.get(severity, severity)
